package cwslack

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"sync"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// credential is a webhook URL or bot token read when first needed: the
// method set of send.Credential. Value reads it again when refresh is
// true.
type credential interface {
	Value(ctx context.Context, refresh bool) (string, error)
}

// credentialSender is a sender whose webhook URL or bot token is a
// credential. It makes its sender the first time it sends, asks for the
// value again once when Slack answers that the URL or token is not valid,
// and sends again if the value changed. newCredentialWebhook and
// newCredentialBot are the only places that make one, so that they can
// become the send package's own constructors.
type credentialSender struct {
	cred  credential
	build func(value string) (send.Sender, error)

	mu     sync.Mutex
	value  string      // the value sender was made with
	sender send.Sender // nil until the first Send
}

// newCredentialWebhook returns a sender that posts to the webhook URL
// that c holds.
func newCredentialWebhook(c credential, opts ...send.Option) send.Sender {
	return &credentialSender{cred: c, build: func(url string) (send.Sender, error) {
		return send.NewWebhook(url, opts...)
	}}
}

// newCredentialBot returns a sender that posts to channel with the bot
// token that c holds. The channel and options are checked at once. The
// bots it makes share one thread store, so that a new token keeps the
// threads of the old one.
func newCredentialBot(c credential, channel string, opts ...send.BotOption) (send.Sender, error) {
	opts = append([]send.BotOption{send.WithThreadStore(send.NewMemoryStore(0))}, opts...)
	if _, err := send.NewBot("xoxb-checking-the-other-arguments", channel, opts...); err != nil {
		return nil, err
	}
	return &credentialSender{cred: c, build: func(token string) (send.Sender, error) {
		return send.NewBot(token, channel, opts...)
	}}, nil
}

// Send sends m with the credential's current value, and once more with a
// new value if Slack refused the old one.
func (s *credentialSender) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (send.Receipt, error) {
	sender, value, err := s.current(ctx, false)
	if err != nil {
		return send.Receipt{}, err
	}
	r, err := sender.Send(ctx, a, m)
	if !refused(err) {
		return r, err
	}
	fresh, newValue, ferr := s.current(ctx, true)
	if ferr != nil || newValue == value {
		return r, err
	}
	return fresh.Send(ctx, a, m)
}

// current returns the sender for the credential's value, made anew when
// the value changed.
func (s *credentialSender) current(ctx context.Context, refresh bool) (send.Sender, string, error) {
	v, err := s.cred.Value(ctx, refresh)
	if err != nil {
		return nil, "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.sender != nil && s.value == v {
		return s.sender, v, nil
	}
	sender, err := s.build(v)
	if err != nil {
		return nil, "", err
	}
	s.sender, s.value = sender, v
	return sender, v, nil
}

// refused reports whether Slack answered that the webhook URL or the
// token is not valid (any more): a revoked or deleted webhook, a revoked,
// expired or unknown token, a deactivated workspace.
func refused(err error) bool {
	var se *send.Error
	if !errors.As(err, &se) {
		return false
	}
	switch {
	case se.Status == http.StatusNotFound && se.Reason == "no_service",
		se.Status == http.StatusForbidden && se.Reason == "invalid_token":
		return true
	}
	return slices.Contains([]string{"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"}, se.Reason)
}
