package send

import (
	"cmp"
	"context"
	"errors"
	"time"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Bot posts messages with a bot token through the Slack Web API
// (chat.postMessage and chat.update; the token needs the chat:write
// scope). Unlike a Webhook it follows an alarm's lifecycle:
//
//   - an ALARM message is posted to the channel, and where it was posted,
//     with the alarm as announced, is put in the ThreadStore: it opens the
//     alarm's thread;
//   - while the thread is open, every later message about the alarm that
//     is not OK (INSUFFICIENT_DATA, or the same ALARM delivered again) is
//     posted as a reply in it, so that the thread stays on the message
//     that announced the alarm;
//   - the OK message is posted as a reply in the thread, the original
//     message is then replaced by the resolved message ([WithResolve]),
//     and the thread is forgotten;
//   - a message for an alarm with no open thread that is not ALARM is
//     posted to the channel like any other.
//
// A Bot is safe for concurrent use.
type Bot struct {
	api       *resolver[botAPI]
	channel   string
	timeout   time.Duration
	retry     retrier
	threads   ThreadStore
	broadcast bool
	resolve   func(announced, ok *alarm.Alarm) *slackfmt.Message
	onError   func(error)
}

// botAPI is what a Bot makes of its token: the Web API client, and the
// pacer that every sender to the same channel with the same token
// shares.
type botAPI struct {
	client *slack.Client
	pacer  *pacer
}

// NewBot returns a Bot that posts to channel (an ID such as "C0123456789",
// or a name such as "#alerts") with token, a bot token ("xoxb-…"). It
// returns an *Error matching ErrConfig when token or channel is empty or
// has spaces in it, or when the URL given WithAPIURL is not https (http
// is accepted for localhost and loopback addresses). The token never
// appears in errors or in String. Without WithThreadStore the Bot keeps
// threads in a MemoryStore of its own.
func NewBot(token, channel string, opts ...BotOption) (*Bot, error) {
	if err := checkBot(token, channel); err != nil {
		return nil, err
	}
	s, err := botSettingsChecked(opts)
	if err != nil {
		return nil, err
	}
	api, _ := newBotAPI(s, channel)(token)
	return newBot(staticResolver(token, api), channel, s), nil
}

// NewBotFrom returns a Bot that posts to channel with the token that c
// gives. c is asked on the first Send, not now, and its value is kept;
// when Slack answers that the token does not work (invalid_auth,
// not_authed, token_revoked, token_expired, account_inactive), c is asked
// again with refresh set, and the call is made once more if the token
// changed. The token is checked as NewBot checks it when it arrives: a
// Send fails with an *Error matching ErrConfig if it is empty or has
// spaces in it. NewBotFrom checks the channel and options as NewBot does,
// and fails for a nil c.
func NewBotFrom(c Credential, channel string, opts ...BotOption) (*Bot, error) {
	if c == nil {
		return nil, configError(opNewBot, "credential is nil", nil)
	}
	if err := checkChannel(channel); err != nil {
		return nil, err
	}
	s, err := botSettingsChecked(opts)
	if err != nil {
		return nil, err
	}
	build := newBotAPI(s, channel)
	api := newResolver(c, func(token string) (botAPI, *Error) {
		if err := checkToken(opCredential, token); err != nil {
			return botAPI{}, err
		}
		return build(token)
	})
	return newBot(api, channel, s), nil
}

// botSettingsChecked applies opts to the defaults and checks the API URL.
func botSettingsChecked(opts []BotOption) (settings, error) {
	s := botSettings(opts)
	if s.apiURL != "" {
		if err := checkEndpoint(opNewBot, "API URL", s.apiURL); err != nil {
			return s, err
		}
	}
	return s, nil
}

// newBotAPI returns the function that makes the client and pacer of a
// Bot with settings s posting to channel from its token.
func newBotAPI(s settings, channel string) func(token string) (botAPI, *Error) {
	clientOpts := []slack.Option{slack.OptionHTTPClient(apiDoer{client: s.client, now: s.retry.now})}
	if s.apiURL != "" {
		clientOpts = append(clientOpts, slack.OptionAPIURL(s.apiURL))
	}
	return func(token string) (botAPI, *Error) {
		return botAPI{
			client: slack.New(token, clientOpts...),
			pacer:  pacerFor("bot "+token+" "+channel, s.pacing),
		}, nil
	}
}

// newBot returns a Bot with the given API, channel and settings.
func newBot(api *resolver[botAPI], channel string, s settings) *Bot {
	return &Bot{
		api: api, channel: channel, timeout: s.timeout, retry: s.retry, threads: s.threads,
		broadcast: s.broadcast, resolve: s.resolve, onError: s.onError,
	}
}

// String describes the bot with its token redacted.
func (b *Bot) String() string {
	if !b.api.static {
		return "slack bot (token from a credential) to " + b.channel
	}
	return "slack bot " + redactToken(b.api.secret) + " to " + b.channel
}

// Send delivers m about a, as the Bot documentation describes, within
// ctx's deadline or else the Bot's timeout ([WithTimeout]), and returns
// where the message went. The error is nil when the message reached
// Slack. A failed ThreadStore operation or a failed update of the original
// message does not make Send fail, because the message itself was
// delivered; those go to the WithErrorHandler function. If the thread
// cannot take a reply any more (the channel was archived, say), the
// message is posted to the Bot's channel instead.
//
// A nil a means that m is about no one alarm (a digest of many, say): it
// is posted to the Bot's channel as it is, with no thread and no metadata
// of its own.
func (b *Bot) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	if m == nil {
		return Receipt{}, &Error{Op: opPost, Reason: "nil message", Attempts: 1}
	}
	ctx, cancel := withDeadline(ctx, b.timeout)
	defer cancel()
	if a == nil {
		return b.post(ctx, b.channel, "", nil, m)
	}
	key := Key(a)
	t, open := b.thread(ctx, key)
	switch {
	case open:
		return b.reply(ctx, key, t, a, m)
	case a.State.Value == alarm.StateAlarm:
		return b.announce(ctx, key, a, m)
	}
	return b.post(ctx, b.channel, "", a, m)
}

// Reply posts m as a reply in the thread of the message that r points at
// (r.ThreadTS, or r.TS for a message that is not itself a reply), in
// r.Channel, within ctx's deadline or else the Bot's timeout, with the
// Bot's pacing and retries. It keeps no thread state: it is for details
// under a message that Send returned r for, such as the single alarms of
// a digest. It returns an *Error matching ErrPermanent when r has no
// channel or ts.
func (b *Bot) Reply(ctx context.Context, r Receipt, m *slackfmt.Message) (Receipt, error) {
	threadTS := cmp.Or(r.ThreadTS, r.TS)
	if m == nil || r.Channel == "" || threadTS == "" {
		return Receipt{}, &Error{Op: opPost, Reason: "nil message, or a receipt without channel or ts", Attempts: 1}
	}
	ctx, cancel := withDeadline(ctx, b.timeout)
	defer cancel()
	return b.post(ctx, r.Channel, threadTS, nil, m)
}

// announce posts an ALARM message and remembers where, and the alarm as
// announced, opening the alarm's thread.
func (b *Bot) announce(ctx context.Context, key string, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	r, err := b.post(ctx, b.channel, "", a, m)
	if err != nil {
		return r, err
	}
	announced := *a // the caller may reuse a
	t := Thread{Channel: r.Channel, TS: r.TS, Posted: b.retry.now(), Alarm: &announced}
	if err := b.threads.Put(ctx, key, t); err != nil {
		b.onError(storeError(opStorePut, key, err))
	}
	return r, nil
}

// thread looks up where the alarm was announced.
func (b *Bot) thread(ctx context.Context, key string) (Thread, bool) {
	t, ok, err := b.threads.Get(ctx, key)
	if err != nil {
		b.onError(storeError(opStoreGet, key, err))
		return Thread{}, false
	}
	return t, ok && t.Channel != "" && t.TS != ""
}

// reply posts m in the open thread t. When the alarm is OK again it also
// resolves the original message and forgets the thread. When the thread
// is gone, the thread is forgotten and m is posted afresh.
func (b *Bot) reply(ctx context.Context, key string, t Thread, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	r, err := b.post(ctx, t.Channel, t.TS, a, m)
	if threadGone(err) {
		b.onError(err)
		b.forget(ctx, key, t)
		if a.State.Value == alarm.StateAlarm {
			return b.announce(ctx, key, a, m)
		}
		return b.post(ctx, b.channel, "", a, m)
	}
	if err != nil || a.State.Value != alarm.StateOK {
		return r, err
	}
	b.resolveOriginal(ctx, t, a)
	b.forget(ctx, key, t)
	return r, nil
}

// resolveOriginal replaces the message that announced the alarm by the
// resolved message, rendered from the alarm as announced (or, for a
// thread stored without it, as it is now OK).
func (b *Bot) resolveOriginal(ctx context.Context, t Thread, ok *alarm.Alarm) {
	announced := t.Alarm
	if announced == nil {
		announced = ok
	}
	m := b.resolve(announced, ok)
	if m == nil {
		return
	}
	if err := b.update(ctx, t, ok, m); err != nil {
		b.onError(err)
	}
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

// forget removes the thread from the store.
func (b *Bot) forget(ctx context.Context, key string, t Thread) {
	if err := b.threads.Delete(ctx, key, t); err != nil {
		b.onError(storeError(opStoreDelete, key, err))
	}
}
