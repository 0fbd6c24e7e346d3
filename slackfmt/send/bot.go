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
//   - a message about an alarm that is not OK is posted to the channel,
//     and where it was posted is put in the Store;
//   - the OK message is posted as a reply in that message's thread, and
//     the original message is then updated to show it resolved (see
//     ResolveFunc), and forgotten;
//   - an OK message for an alarm with no known thread is posted to the
//     channel like any other.
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
// If the reply to a thread fails for good (the channel was archived, say),
// the OK message is posted to the Bot's channel instead.
func (b *Bot) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	if a == nil || m == nil {
		return &Error{Op: opPost, Reason: "nil alarm or message", Attempts: 1}
	}
	key := Key(a)
	if a.State.Value != alarm.StateOK {
		return b.announce(ctx, key, a, m)
	}
	t, ok := b.thread(ctx, key)
	if !ok {
		_, err := b.post(ctx, b.channel, a, m)
		return err
	}
	return b.resolveThread(ctx, key, t, a, m)
}

// announce posts a message about an alarm that is not OK and remembers
// where.
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

// resolveThread replies to the thread t with the OK message m, marks the
// original message resolved and forgets the thread.
func (b *Bot) resolveThread(ctx context.Context, key string, t Thread, a *alarm.Alarm, m *slackfmt.Message) error {
	_, err := b.post(ctx, t.Channel, a, m, b.replyOptions(t)...)
	if errors.Is(err, ErrPermanent) {
		b.onError(err)
		b.forget(ctx, key, t)
		_, err = b.post(ctx, b.channel, a, m)
		return err
	}
	if err != nil {
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
