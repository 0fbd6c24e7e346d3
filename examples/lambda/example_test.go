package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// printSender stands in for Slack: it prints each alarm and refuses the
// ones named in reject.
type printSender struct{ reject string }

func (s printSender) Send(_ context.Context, a *alarm.Alarm, _ *slackfmt.Message) error {
	if a.Name == s.reject {
		fmt.Println("refused", a.Name)
		return errors.New("slack said no")
	}
	fmt.Println("posted", a.Name, "from", a.Envelope)
	return nil
}

// An SQS batch in which Slack refuses one alarm and one message is not an
// alarm: only the refused message is reported, so only it returns to the
// queue.
func ExampleHandler_Handle_sqs() {
	h := NewHandler(printSender{reject: "billing-backlog"}, slog.New(slog.DiscardHandler))
	payload := sqsEvent(testQueue,
		sqsMessage{"m-1", snsEnvelope("sns-1", alarmMessage("orders-backlog"))},
		sqsMessage{"m-2", alarmMessage("billing-backlog")},
		sqsMessage{"m-3", snsEnvelope("sns-3", "Budget exceeded")})

	resp, err := h.Handle(context.Background(), json.RawMessage(payload))
	out, _ := json.Marshal(resp)
	fmt.Println(string(out), err)
	// Output:
	// posted orders-backlog from sqs
	// refused billing-backlog
	// {"batchItemFailures":[{"itemIdentifier":"m-2"}]} <nil>
}

// Any other event fails as a whole when an alarm is not delivered, so that
// Lambda retries it.
func ExampleHandler_Handle_sns() {
	h := NewHandler(printSender{}, slog.New(slog.DiscardHandler))
	payload := snsEvent(alarmMessage("orders-backlog"), "Budget exceeded")

	resp, err := h.Handle(context.Background(), json.RawMessage(payload))
	out, _ := json.Marshal(resp)
	fmt.Println(string(out), err)
	// Output:
	// posted orders-backlog from lambda-sns
	// {"delivered":1,"skipped":1} <nil>
}
