package send

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

// Config is the Slack configuration shared by the example programs
// (Lambda, HTTP server, CLI), usually read from the environment with
// ConfigFromEnv. Exactly one of WebhookURL and BotToken is set.
//
// String and GoString redact the webhook URL and the token, so a Config
// can be printed or logged.
type Config struct {
	// WebhookURL is an incoming webhook URL (SLACK_WEBHOOK_URL).
	WebhookURL string
	// BotToken is a bot token, "xoxb-…" (SLACK_BOT_TOKEN), and Channel
	// the channel it posts to (SLACK_CHANNEL).
	BotToken string
	Channel  string
	// Mention is added to messages about alarms entering ALARM, such as
	// "<!here>" or "<!subteam^S0123>" (SLACK_MENTION); empty for none.
	Mention string
	// AccountAliases maps 12-digit AWS account IDs to names shown instead
	// of them (SLACK_ACCOUNT_ALIASES, "123456789012=prod,210987654321=staging").
	AccountAliases map[string]string
}

// The environment variables that ConfigFromEnv reads.
const (
	EnvWebhookURL     = "SLACK_WEBHOOK_URL"
	EnvBotToken       = "SLACK_BOT_TOKEN"
	EnvChannel        = "SLACK_CHANNEL"
	EnvMention        = "SLACK_MENTION"
	EnvAccountAliases = "SLACK_ACCOUNT_ALIASES"
)

// ConfigFromEnv reads a Config with getenv, normally os.Getenv, from
// SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN and SLACK_CHANNEL, plus the
// optional SLACK_MENTION and SLACK_ACCOUNT_ALIASES. Surrounding spaces are
// ignored. It returns an error wrapping ErrConfig when both a webhook and
// a token are set, or neither, when a token comes without a channel or
// the reverse, when the webhook URL is not https (http is allowed for
// localhost and loopback addresses, for local fakes of Slack), or when
// the aliases are malformed. Errors never contain the URL or the token.
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	c := Config{
		WebhookURL: env(EnvWebhookURL),
		BotToken:   env(EnvBotToken),
		Channel:    env(EnvChannel),
		Mention:    env(EnvMention),
	}
	aliases, err := parseAliases(env(EnvAccountAliases))
	if err != nil {
		return Config{}, err
	}
	c.AccountAliases = aliases
	if err := c.Validate(); err != nil {
		return Config{}, err
	}
	return c, nil
}

// Validate checks that c names exactly one way to reach Slack, as
// ConfigFromEnv describes, and returns an error wrapping ErrConfig if not.
func (c Config) Validate() error {
	switch {
	case c.WebhookURL != "" && (c.BotToken != "" || c.Channel != ""):
		return configError("set either %s or %s and %s, not both", EnvWebhookURL, EnvBotToken, EnvChannel)
	case c.WebhookURL != "":
		return checkWebhookURL(c.WebhookURL)
	case c.BotToken == "" && c.Channel == "":
		return configError("set %s, or %s and %s", EnvWebhookURL, EnvBotToken, EnvChannel)
	case c.BotToken == "":
		return configError("%s is set but %s is not", EnvChannel, EnvBotToken)
	case c.Channel == "":
		return configError("%s is set but %s is not", EnvBotToken, EnvChannel)
	case strings.ContainsAny(c.BotToken, " \t\r\n"):
		return configError("%s contains spaces", EnvBotToken)
	}
	return nil
}

// configError returns an error wrapping ErrConfig.
func configError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrConfig}, args...)...)
}

// checkWebhookURL accepts https URLs, and http ones only for loopback
// hosts: a webhook URL is a secret, not to be sent in clear text.
func checkWebhookURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return configError("%s is not a URL", EnvWebhookURL)
	}
	if u.Scheme == "https" || (u.Scheme == "http" && isLoopback(u.Hostname())) {
		return nil
	}
	return configError("%s must be an https URL, not %s", EnvWebhookURL, redactURL(raw))
}

// isLoopback reports whether host is localhost or a loopback address.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// String describes c with its secrets redacted.
func (c Config) String() string {
	var b strings.Builder
	if c.WebhookURL != "" {
		b.WriteString("webhook " + redactURL(c.WebhookURL))
	} else {
		b.WriteString("bot " + redactToken(c.BotToken) + " to " + c.Channel)
	}
	if c.Mention != "" {
		b.WriteString(", mention " + c.Mention)
	}
	if len(c.AccountAliases) > 0 {
		fmt.Fprintf(&b, ", %d account aliases", len(c.AccountAliases))
	}
	return b.String()
}

// GoString is String, so that %#v does not print the secrets either.
func (c Config) GoString() string { return "send.Config{" + c.String() + "}" }

// Sender returns the Sender that c describes: a Webhook if WebhookURL is
// set, else a Bot. opts are passed on to NewWebhook or NewBot. c should
// have been validated; an invalid webhook URL makes every Send fail.
func (c Config) Sender(opts ...Option) Sender {
	if c.WebhookURL != "" {
		return NewWebhook(c.WebhookURL, opts...)
	}
	return NewBot(c.BotToken, c.Channel, opts...)
}
