package send

import (
	"context"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Sender delivers one alarm's message to Slack. Send returns a nil error
// only when Slack accepted the message; any other outcome is an error, so
// that the caller (Lambda, SQS, SNS) can retry the delivery. A nil alarm
// means that the message is about no one alarm, such as a digest
// ([slackfmt.BuildDigest]): the senders of this package post it as it is
// (a Bot to its channel, without a thread), and Deduplicate passes it on.
// Implementations must be safe for concurrent use.
//
// Webhook and Bot implement Sender, as does the Sender that Deduplicate
// returns; SenderFunc adapts a function.
type Sender interface {
	Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error)
}

// Receipt says where Slack put a message. It is the zero Receipt when the
// sender cannot know (an incoming webhook answers only "ok") or when
// nothing was posted (a duplicate that Deduplicate dropped).
type Receipt struct {
	// Channel is the ID of the channel the message went to, such as
	// "C0123456789".
	Channel string
	// TS is the message's timestamp, its ID within the channel.
	TS string
	// ThreadTS is the timestamp of the message whose thread this one
	// replies in, or "" for a message posted to the channel.
	ThreadTS string
}

// SenderFunc adapts an ordinary function to the Sender interface.
type SenderFunc func(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error)

// Send calls f(ctx, a, m).
func (f SenderFunc) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	return f(ctx, a, m)
}

// Compile-time checks that the senders implement Sender.
var (
	_ Sender = (*Webhook)(nil)
	_ Sender = (*Bot)(nil)
	_ Sender = (*dedupe)(nil)
	_ Sender = SenderFunc(nil)
)
