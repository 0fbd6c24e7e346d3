package send

import (
	"context"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Sender delivers one alarm's message to Slack. Send returns nil only when
// Slack accepted the message; any other outcome is an error, so that the
// caller (Lambda, SQS, SNS) can retry the delivery. Implementations must
// be safe for concurrent use.
//
// Webhook and Bot implement Sender; SenderFunc adapts a function.
type Sender interface {
	Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error
}

// SenderFunc adapts an ordinary function to the Sender interface.
type SenderFunc func(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error

// Send calls f(ctx, a, m).
func (f SenderFunc) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	return f(ctx, a, m)
}

// Compile-time checks that the senders implement Sender.
var (
	_ Sender = (*Webhook)(nil)
	_ Sender = (*Bot)(nil)
	_ Sender = SenderFunc(nil)
)
