package cwslack

import (
	"errors"
	"os"
	"strings"

	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// DestinationSpec describes a destination as configuration writes it: a
// destination of a routing document ([ParseRoutes]), or the one that the
// environment names without routes. Exactly one of WebhookURL and
// BotToken is set; Channel goes with BotToken. WebhookURL and BotToken are
// values or secret references ("ssm:NAME", "secretsmanager:NAME-OR-ARN",
// see [Secrets]).
type DestinationSpec struct {
	// WebhookURL is an incoming webhook URL, or a reference to one.
	WebhookURL string
	// BotToken is a bot token, or a reference to one, and Channel the
	// channel it posts to.
	BotToken string
	Channel  string
	// Mention is added to messages about alarms entering ALARM, unless
	// the route names its own; the zero Mention adds none.
	Mention slackfmt.Mention
}

// Sender returns the sender that s describes: a [send.Webhook] or a
// [send.Bot] for a URL or token given as it is, checked here; for a
// reference, a sender that reads it through secrets when it first sends
// (nil secrets: SecretsFromEnv(os.Getenv)), reads it again once when Slack
// answers that it is no longer valid, and fails a delivery with a
// *SecretError when it cannot be read. opts are passed to the sender;
// those that apply only to a bot are left out for a webhook.
//
// It returns a *ConfigError whose Where is the field as the routing
// document names it ("webhook", "botToken" or "channel") when s sets
// both a webhook and a token or neither, a token without a channel or a
// channel without a token, when the URL or token could never work, or
// when a reference is malformed. Nothing is read or sent.
func (s DestinationSpec) Sender(secrets *Secrets, opts ...send.BotOption) (send.Sender, error) {
	if err := s.check(); err != nil {
		return nil, err
	}
	if s.WebhookURL != "" {
		return webhookSender(s.WebhookURL, secrets, webhookOptions(opts))
	}
	return botSender(s.BotToken, s.Channel, secrets, opts)
}

// check reports a spec that names no way, or two ways, to reach Slack.
func (s DestinationSpec) check() error {
	switch {
	case s.WebhookURL != "" && s.BotToken != "":
		return configError("webhook", "set webhook or botToken, not both")
	case s.WebhookURL != "" && s.Channel != "":
		return configError("channel", "set only with botToken: a webhook posts to its own channel")
	case s.WebhookURL == "" && s.BotToken == "":
		return configError("", "set webhook, or botToken and channel")
	case s.BotToken != "" && s.Channel == "":
		return configError("channel", "not set, but botToken is")
	}
	return nil
}

// webhookSender returns the sender of a webhook URL or reference.
func webhookSender(url string, secrets *Secrets, opts []send.Option) (send.Sender, error) {
	if IsSecretRef(url) {
		sec, err := secrets.orEnv().Secret(url, "webhook")
		if err != nil {
			return nil, rename("webhook", err)
		}
		w, err := send.NewWebhookFrom(sec, opts...)
		if err != nil {
			return nil, senderError("webhook", err)
		}
		return w, nil
	}
	w, err := send.NewWebhook(url, opts...)
	if err != nil {
		return nil, senderError("webhook", err)
	}
	return w, nil
}

// botSender returns the sender of a bot token or reference.
func botSender(token, channel string, secrets *Secrets, opts []send.BotOption) (send.Sender, error) {
	if IsSecretRef(token) {
		sec, err := secrets.orEnv().Secret(token, "token")
		if err != nil {
			return nil, rename("botToken", err)
		}
		b, err := send.NewBotFrom(sec, channel, opts...)
		if err != nil {
			return nil, senderError(botWhere(err), err)
		}
		return b, nil
	}
	b, err := send.NewBot(token, channel, opts...)
	if err != nil {
		return nil, senderError(botWhere(err), err)
	}
	return b, nil
}

// botWhere names the argument that send.NewBot refused: "botToken",
// "channel", or "apiURL" for the Web API address (EnvAPIURL).
func botWhere(err error) string {
	switch reason := sendReason(err); {
	case strings.HasPrefix(reason, "token"):
		return "botToken"
	case strings.HasPrefix(reason, "API URL"):
		return "apiURL"
	}
	return "channel"
}

// orEnv returns s, or a Secrets reading the process's environment when s
// is nil.
func (s *Secrets) orEnv() *Secrets {
	if s == nil {
		return SecretsFromEnv(os.Getenv)
	}
	return s
}

// webhookOptions keeps the options that apply to a webhook.
func webhookOptions(opts []send.BotOption) []send.Option {
	var out []send.Option
	for _, o := range opts {
		if wo, ok := o.(send.Option); ok {
			out = append(out, wo)
		}
	}
	return out
}

// senderError is the *ConfigError of a sender that refused its
// arguments; the send package's reason never contains the secret.
func senderError(where string, err error) *ConfigError {
	return &ConfigError{Where: where, Problem: sendReason(err), Err: err}
}

// sendReason returns the reason of a *send.Error, or its message.
func sendReason(err error) string {
	var se *send.Error
	if errors.As(err, &se) && se.Reason != "" {
		return se.Reason
	}
	return err.Error()
}

// rename gives a *ConfigError the place where.
func rename(where string, err error) error {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	return &ConfigError{Where: where, Problem: ce.Problem, Err: ce.Err}
}
