package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
)

// sqsSniff is just enough of a Lambda SQS event to recognise one. The
// payload is decoded twice (sniff, then events.SQSEvent) because Handle
// receives raw JSON of any shape; the cost is negligible next to a Slack
// round trip.
type sqsSniff struct {
	Records []struct {
		EventSource string `json:"eventSource"`
	} `json:"Records"`
}

// isSQSEvent reports whether payload is a Lambda SQS event: its first
// record's eventSource is "aws:sqs". Lambda never mixes sources in a batch.
func isSQSEvent(payload []byte) bool {
	var s sqsSniff
	if json.Unmarshal(payload, &s) != nil || len(s.Records) == 0 {
		return false
	}
	return s.Records[0].EventSource == "aws:sqs"
}

// handleSQS delivers the alarms of each message of an SQS batch and lists
// the messages with an undelivered alarm as batch item failures, so that
// only those return to the queue. A message that holds no alarm is logged
// and counts as processed.
//
// Messages not reached before the delivery deadline (see withReserve)
// are listed too. For a FIFO queue, processing stops at the first failure and every later
// message is listed too: SQS keeps the order of a message group only if
// nothing after a failed message is deleted.
func (h *Handler) handleSQS(ctx context.Context, payload json.RawMessage) (any, error) {
	var ev events.SQSEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		return nil, fmt.Errorf("lambda: decoding SQS event: %w", err)
	}
	resp := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
	stopAtFailure := false
	for _, m := range ev.Records {
		// Once the delivery time is up, the rest are not tried: they go
		// back to the queue, and the answer reaches Lambda in time.
		if stopAtFailure || ctx.Err() != nil || !h.handleMessage(ctx, m) {
			resp.BatchItemFailures = append(resp.BatchItemFailures,
				events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
			stopAtFailure = isFIFO(m.EventSourceARN)
		}
	}
	return resp, nil
}

// handleMessage delivers every alarm of one SQS message and reports
// whether all of them were delivered. It tries them all even after a
// failure: the message comes back whole, and posting the others now rather
// than later keeps the channel timely at the cost of a duplicate.
func (h *Handler) handleMessage(ctx context.Context, m events.SQSMessage) bool {
	alarms, err := alarm.ParseSQSMessage(m)
	h.logSkipped(ctx, err)
	ok := true
	for _, a := range alarms {
		if h.deliver(ctx, a) != nil {
			ok = false
		}
	}
	return ok
}

// isFIFO reports whether a queue ARN names a FIFO queue, whose name must
// end in ".fifo".
func isFIFO(queueARN string) bool { return strings.HasSuffix(queueARN, ".fifo") }
