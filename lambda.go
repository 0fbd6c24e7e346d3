package cwslack

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/cwslack/cwslack/alarm"
)

// LambdaHandler is an AWS Lambda function handler that posts the alarms
// of every invocation with a Notifier. One handler accepts every shape in
// which an alarm reaches Lambda and tells them apart by content: an SNS
// event, an SQS event (the queue subscribed to a topic, with or without
// raw message delivery, or an EventBridge rule's target), an EventBridge
// event, and the payload of an alarm action that invokes the function
// directly. Pass it to lambda.Start:
//
//	lambda.Start(cwslack.NewLambdaHandler(n))
//
// # Failures
//
// For an SQS event the handler answers with batchItemFailures listing
// exactly the messages whose alarms were not all delivered, so that only
// those return to the queue; the event source mapping must have
// ReportBatchItemFailures on. For a FIFO queue it stops at the first such
// message and lists every later one too, as SQS needs to keep the order of
// a message group. For every other event an alarm not delivered fails the
// invocation, and Lambda retries it (twice for asynchronous invocations,
// then the dead-letter queue or on-failure destination); the copies that
// were delivered are not posted again.
//
// Input that holds no alarm (a configuration-change event, a text
// message, malformed JSON) is logged and never fails the invocation:
// retrying it would not make it an alarm.
//
// Delivery stops a little before the invocation's deadline (a tenth of the
// time left, at most two seconds), so that the answer, with its batch item
// failures, reaches Lambda before the function is stopped.
type LambdaHandler struct {
	n *Notifier
}

// NewLambdaHandler returns a handler that delivers with n.
func NewLambdaHandler(n *Notifier) *LambdaHandler { return &LambdaHandler{n: n} }

// LambdaResult is the response to an invocation that is not an SQS event.
// Lambda discards it for asynchronous invocations; a synchronous
// "aws lambda invoke" prints it.
type LambdaResult struct {
	// Alarms is the number of alarms delivered.
	Alarms int `json:"alarms"`
	// Skipped is the number of inputs or records that held no alarm.
	Skipped int `json:"skipped"`
}

// Invoke implements lambda.Handler. It takes the payload as bytes rather
// than letting the runtime decode it, so that any JSON, even one that is
// not an alarm, reaches the decoder and is logged for what it is. It
// returns the JSON of an events.SQSEventResponse for an SQS event and of a
// LambdaResult otherwise, or an error that wraps ErrNotDelivered.
func (h *LambdaHandler) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	ctx, cancel := withReserve(ctx)
	defer cancel()
	if isSQSEvent(payload) {
		var ev events.SQSEvent
		if err := json.Unmarshal(payload, &ev); err == nil {
			return json.Marshal(h.handleSQS(ctx, ev))
		}
	}
	res, err := h.handleEvent(ctx, payload)
	if err != nil {
		return nil, err
	}
	return json.Marshal(res)
}

var _ lambda.Handler = (*LambdaHandler)(nil)

// maxReserve is the most time kept back from the invocation's deadline.
const maxReserve = 2 * time.Second

// withReserve returns a context that ends a little before the
// invocation's deadline: a tenth of the time left, at most maxReserve. A
// handler that answers after the deadline has its answer thrown away,
// which for SQS loses the batch item failures and sends the whole batch,
// delivered messages included, back to the queue.
func withReserve(ctx context.Context) (context.Context, context.CancelFunc) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(ctx)
	}
	reserve := min(maxReserve, time.Until(deadline)/10)
	return context.WithDeadline(ctx, deadline.Add(-reserve))
}

// handleEvent delivers the alarms of a payload that is not an SQS event.
// A partly decoded payload delivers what it can and logs the rest.
func (h *LambdaHandler) handleEvent(ctx context.Context, payload []byte) (LambdaResult, error) {
	alarms, err := alarm.Parse(payload)
	res := LambdaResult{Skipped: h.n.logSkipped(ctx, err)}
	if err := h.n.Notify(ctx, alarms...); err != nil {
		return res, err
	}
	res.Alarms = len(alarms)
	return res, nil
}

// sqsProbe is just enough of a Lambda SQS event to recognise one.
type sqsProbe struct {
	Records []struct {
		EventSource string `json:"eventSource"`
	} `json:"Records"`
}

// isSQSEvent reports whether payload is a Lambda SQS event: its first
// record's eventSource is "aws:sqs". Lambda never mixes sources in one
// event.
func isSQSEvent(payload []byte) bool {
	var p sqsProbe
	if json.Unmarshal(payload, &p) != nil || len(p.Records) == 0 {
		return false
	}
	return p.Records[0].EventSource == "aws:sqs"
}

// handleSQS delivers the alarms of an SQS batch and lists the messages
// whose alarms were not all delivered.
func (h *LambdaHandler) handleSQS(ctx context.Context, ev events.SQSEvent) events.SQSEventResponse {
	resp := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
	if len(ev.Records) > 0 && isFIFO(ev.Records[0].EventSourceARN) {
		return h.handleFIFO(ctx, ev, resp)
	}
	alarms, from := h.decodeMessages(ctx, ev.Records)
	failed := make(map[string]bool)
	if err := h.n.Notify(ctx, alarms...); err != nil {
		for _, f := range failures(err) {
			failed[from[f.Alarm]] = true
		}
	}
	for _, m := range ev.Records {
		if failed[m.MessageId] {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: m.MessageId})
		}
	}
	return resp
}

// decodeMessages decodes the alarm of each message, logging those that
// hold none, and returns the alarms with the message each came from.
func (h *LambdaHandler) decodeMessages(ctx context.Context, msgs []events.SQSMessage) ([]*alarm.Alarm, map[*alarm.Alarm]string) {
	alarms := make([]*alarm.Alarm, 0, len(msgs))
	from := make(map[*alarm.Alarm]string, len(msgs))
	for _, m := range msgs {
		a, err := alarm.ParseSQSMessage(m)
		if err != nil {
			h.n.logSkipped(ctx, err)
			continue
		}
		alarms = append(alarms, a)
		from[a] = m.MessageId
	}
	return alarms, from
}

// handleFIFO delivers the messages of a FIFO batch one at a time and stops
// at the first that fails: SQS keeps the order of a message group only if
// nothing after a failed message is deleted, so that one and every later
// one are listed.
func (h *LambdaHandler) handleFIFO(ctx context.Context, ev events.SQSEvent, resp events.SQSEventResponse) events.SQSEventResponse {
	for i, m := range ev.Records {
		a, err := alarm.ParseSQSMessage(m)
		if err != nil {
			h.n.logSkipped(ctx, err)
			continue
		}
		if h.n.Notify(ctx, a) == nil {
			continue
		}
		for _, rest := range ev.Records[i:] {
			resp.BatchItemFailures = append(resp.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: rest.MessageId})
		}
		break
	}
	return resp
}

// isFIFO reports whether a queue ARN names a FIFO queue, whose name ends
// in ".fifo".
func isFIFO(queueARN string) bool { return strings.HasSuffix(queueARN, ".fifo") }

// failures returns the failures of an error from Notify.
func failures(err error) []Failure {
	var de *DeliveryError
	if errors.As(err, &de) {
		return de.Failures
	}
	return nil
}
