package send

import (
	"context"
	"errors"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Operation names used in errors.
const (
	opPost   = "chat.postMessage"
	opUpdate = "chat.update"
)

// Bot posts messages with a bot token through the Slack Web API
// (chat.postMessage and chat.update; the token needs the chat:write
// scope). Unlike a Webhook it follows an alarm's lifecycle:
//
//   - an ALARM message is posted to the channel, and where it was posted
//     is put in the Store: it opens the alarm's thread;
//   - while the thread is open, every later message about the alarm that
//     is not OK (INSUFFICIENT_DATA, or the same ALARM delivered again) is
//     posted as a reply in it, so that the thread stays on the message
//     that announced the alarm;
//   - the OK message is posted as a reply in the thread, and the original
//     message is then updated to show it resolved (see ResolveFunc), and
//     the thread is forgotten;
//   - a message for an alarm with no open thread that is not ALARM is
//     posted to the channel like any other.
//
// A Bot is safe for concurrent use.
type Bot struct {
	client    *slack.Client
	token     string
	channel   string
	retry     retrier
	store     Store
	broadcast bool
	resolve   ResolveFunc
	onError   func(error)
}

// NewBot returns a Bot that posts to channel (an ID such as "C0123456789",
// or a name such as "#alerts") with token, a bot token ("xoxb-…"). The
// token never appears in errors or in String. Without WithStore the Bot
// keeps threads in a MemoryStore of its own.
func NewBot(token, channel string, opts ...Option) *Bot {
	s := newSettings(opts)
	if s.store == nil {
		s.store = NewMemoryStore(0)
	}
	clientOpts := []slack.Option{slack.OptionHTTPClient(apiDoer{client: s.client, now: s.retry.now})}
	if s.apiURL != "" {
		clientOpts = append(clientOpts, slack.OptionAPIURL(s.apiURL))
	}
	return &Bot{
		client: slack.New(token, clientOpts...), token: token, channel: channel,
		retry: s.retry, store: s.store, broadcast: s.broadcast,
		resolve: s.resolve, onError: s.onError,
	}
}

// String describes the bot with its token redacted.
func (b *Bot) String() string {
	return "slack bot " + redactToken(b.token) + " to " + b.channel
}

// Send delivers m about a, as the Bot documentation describes, and returns
// nil when the message reached Slack. A failed Store operation or a failed
// update of the original message does not make Send fail, because the
// message itself was delivered; those go to the WithErrorHandler function.
// If the thread cannot take a reply any more (the channel was archived,
// say), the message is posted to the Bot's channel instead.
func (b *Bot) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	if a == nil || m == nil {
		return &Error{Op: opPost, Reason: "nil alarm or message", Attempts: 1}
	}
	key := Key(a)
	t, open := b.thread(ctx, key)
	switch {
	case open:
		return b.reply(ctx, key, t, a, m)
	case a.State.Value == alarm.StateAlarm:
		return b.announce(ctx, key, a, m)
	}
	_, err := b.post(ctx, b.channel, a, m)
	return err
}

// announce posts an ALARM message and remembers where, opening the
// alarm's thread.
func (b *Bot) announce(ctx context.Context, key string, a *alarm.Alarm, m *slackfmt.Message) error {
	t, err := b.post(ctx, b.channel, a, m)
	if err != nil {
		return err
	}
	if err := b.store.Put(ctx, key, t); err != nil {
		b.onError(&StoreError{Op: "put", Key: key, Err: err})
	}
	return nil
}

// thread looks up where the alarm was announced.
func (b *Bot) thread(ctx context.Context, key string) (Thread, bool) {
	t, ok, err := b.store.Get(ctx, key)
	if err != nil {
		b.onError(&StoreError{Op: "get", Key: key, Err: err})
		return Thread{}, false
	}
	return t, ok && t.Channel != "" && t.TS != ""
}

// reply posts m in the open thread t. When the alarm is OK again it also
// marks the original message resolved and forgets the thread. When the
// thread is gone, the thread is forgotten and m is posted afresh.
func (b *Bot) reply(ctx context.Context, key string, t Thread, a *alarm.Alarm, m *slackfmt.Message) error {
	_, err := b.post(ctx, t.Channel, a, m, b.replyOptions(t)...)
	if threadGone(err) {
		b.onError(err)
		b.forget(ctx, key, t)
		if a.State.Value == alarm.StateAlarm {
			return b.announce(ctx, key, a, m)
		}
		_, err = b.post(ctx, b.channel, a, m)
		return err
	}
	if err != nil || a.State.Value != alarm.StateOK {
		return err
	}
	if r := b.resolve(a, m, t); r != nil {
		if err := b.update(ctx, t, a, r); err != nil {
			b.onError(err)
		}
	}
	b.forget(ctx, key, t)
	return nil
}

// threadGoneReasons are the Web API errors that say a thread can no
// longer take replies. Other permanent errors (a message Slack refuses,
// say) would fail in the channel too, so they are returned as they are.
var threadGoneReasons = map[string]bool{
	"channel_not_found":       true,
	"is_archived":             true,
	"not_in_channel":          true,
	"thread_not_found":        true,
	"message_not_found":       true,
	"cannot_reply_to_message": true,
}

// threadGone reports whether err says that the thread is gone.
func threadGone(err error) bool {
	var e *Error
	return errors.As(err, &e) && threadGoneReasons[e.Reason]
}

// replyOptions makes a message a reply in the thread t.
func (b *Bot) replyOptions(t Thread) []slack.MsgOption {
	opts := []slack.MsgOption{slack.MsgOptionTS(t.TS)}
	if b.broadcast {
		opts = append(opts, slack.MsgOptionBroadcast())
	}
	return opts
}

// forget removes the thread from the store.
func (b *Bot) forget(ctx context.Context, key string, t Thread) {
	if err := b.store.Delete(ctx, key, t); err != nil {
		b.onError(&StoreError{Op: "delete", Key: key, Err: err})
	}
}
