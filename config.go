package cwslack

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// The environment variables that ConfigFromEnv reads.
const (
	// EnvWebhookURL is an incoming webhook URL.
	EnvWebhookURL = "SLACK_WEBHOOK_URL"
	// EnvBotToken is a bot token ("xoxb-…", scope chat:write), used with
	// EnvChannel instead of a webhook.
	EnvBotToken = "SLACK_BOT_TOKEN"
	// EnvChannel is the channel the bot token posts to: an ID such as
	// "C0123456789", or a name.
	EnvChannel = "SLACK_CHANNEL"
	// EnvMention is added to messages about alarms entering ALARM, such as
	// "<!here>" or "<!subteam^S0123>".
	EnvMention = "SLACK_MENTION"
	// EnvAccountAliases names accounts: "123456789012=prod,210987654321=staging".
	EnvAccountAliases = "SLACK_ACCOUNT_ALIASES"
	// EnvAPIURL replaces https://slack.com/api/ as the Web API address of
	// the bot token, for a Slack-compatible gateway or a local fake.
	EnvAPIURL = "SLACK_API_URL"
)

// Config is the configuration that the example programs (Lambda, HTTP
// server, CLI) share, usually read from the environment with
// ConfigFromEnv. Exactly one of WebhookURL and BotToken is set.
//
// String and GoString redact the webhook URL and the token, so a Config
// can be printed or logged.
type Config struct {
	// WebhookURL is an incoming webhook URL ([EnvWebhookURL]).
	WebhookURL string
	// BotToken is a bot token ([EnvBotToken]), and Channel the channel it
	// posts to ([EnvChannel]).
	BotToken string
	Channel  string
	// APIURL is the Web API address for BotToken ([EnvAPIURL]); empty for
	// Slack's own.
	APIURL string
	// Mention is added to messages about alarms entering ALARM
	// ([EnvMention]); the zero Mention adds none.
	Mention slackfmt.Mention
	// AccountAliases maps 12-digit AWS account IDs to the names shown next
	// to them ([EnvAccountAliases]).
	AccountAliases map[string]string
}

// ConfigFromEnv reads a Config with getenv, normally os.Getenv.
// Surrounding spaces are ignored. It returns a *ConfigError naming the
// variable when both a webhook and a token are set, or neither, when a
// token comes without a channel or the reverse, when the webhook URL is
// not https (http is allowed for loopback addresses, for local fakes of
// Slack), when the mention is not a Slack mention, or when the aliases are
// malformed. Errors never contain the URL or the token.
func ConfigFromEnv(getenv func(string) string) (*Config, error) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	c := &Config{
		WebhookURL: env(EnvWebhookURL),
		BotToken:   env(EnvBotToken),
		Channel:    env(EnvChannel),
		APIURL:     env(EnvAPIURL),
	}
	if m := env(EnvMention); m != "" {
		mention, err := slackfmt.ParseMention(m)
		if err != nil {
			return nil, &ConfigError{Where: EnvMention, Problem: "not a Slack mention; want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>", Err: err}
		}
		c.Mention = mention
	}
	aliases, err := parseAliases(env(EnvAccountAliases))
	if err != nil {
		return nil, err
	}
	c.AccountAliases = aliases
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// check reports a Config that names no way, or two ways, to reach Slack.
func (c *Config) check() error {
	switch {
	case c.WebhookURL != "" && (c.BotToken != "" || c.Channel != ""):
		return configError(EnvWebhookURL, fmt.Sprintf("set either it or %s and %s, not both", EnvBotToken, EnvChannel))
	case c.WebhookURL == "" && c.BotToken == "" && c.Channel == "":
		return configError(EnvWebhookURL, fmt.Sprintf("set it, or %s and %s", EnvBotToken, EnvChannel))
	case c.WebhookURL == "" && c.BotToken == "":
		return configError(EnvBotToken, fmt.Sprintf("not set, but %s is", EnvChannel))
	case c.WebhookURL == "" && c.Channel == "":
		return configError(EnvChannel, fmt.Sprintf("not set, but %s is", EnvBotToken))
	}
	_, err := c.sender()
	return err
}

// sender returns the Sender that c describes, with opts.
func (c *Config) sender(opts ...send.BotOption) (send.Sender, error) {
	if c.WebhookURL != "" {
		var wopts []send.Option
		for _, o := range opts {
			if wo, ok := o.(send.Option); ok {
				wopts = append(wopts, wo)
			}
		}
		w, err := send.NewWebhook(c.WebhookURL, wopts...)
		if err != nil {
			return nil, &ConfigError{Where: EnvWebhookURL, Problem: "invalid webhook URL", Err: err}
		}
		return w, nil
	}
	if c.APIURL != "" {
		opts = append(opts, send.WithAPIURL(c.APIURL))
	}
	b, err := send.NewBot(c.BotToken, c.Channel, opts...)
	if err != nil {
		return nil, &ConfigError{Where: EnvBotToken, Problem: "invalid bot token or channel", Err: err}
	}
	return b, nil
}

// Destination returns the destination that c describes. opts are passed
// to the sender; options that apply only to a bot are ignored for a
// webhook.
func (c *Config) Destination(opts ...send.BotOption) (Destination, error) {
	s, err := c.sender(opts...)
	if err != nil {
		return Destination{}, err
	}
	return Destination{Sender: s, Mention: c.Mention, Options: c.buildOptions()}, nil
}

// Notifier returns a Notifier that delivers every alarm to the
// destination c describes.
func (c *Config) Notifier(opts ...Option) (*Notifier, error) {
	d, err := c.Destination()
	if err != nil {
		return nil, err
	}
	return New(To(d), opts...), nil
}

// buildOptions returns the slackfmt options of the account aliases.
func (c *Config) buildOptions() []slackfmt.Option {
	ids := make([]string, 0, len(c.AccountAliases))
	for id := range c.AccountAliases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	opts := make([]slackfmt.Option, 0, len(ids))
	for _, id := range ids {
		opts = append(opts, slackfmt.WithAccountAlias(id, c.AccountAliases[id]))
	}
	return opts
}

// String describes c with its secrets redacted.
func (c *Config) String() string {
	var b strings.Builder
	if c.WebhookURL != "" {
		b.WriteString("webhook " + redactURL(c.WebhookURL))
	} else {
		b.WriteString("bot token to " + c.Channel)
	}
	if c.Mention != (slackfmt.Mention{}) {
		b.WriteString(", mention " + c.Mention.String())
	}
	if len(c.AccountAliases) > 0 {
		fmt.Fprintf(&b, ", %d account aliases", len(c.AccountAliases))
	}
	return b.String()
}

// GoString is String, so that %#v does not print the secrets either.
func (c *Config) GoString() string { return "cwslack.Config{" + c.String() + "}" }

// parseAliases decodes "123456789012=prod,210987654321=staging" into a
// map from account ID to alias. Spaces around items are ignored, as is an
// empty item (a trailing comma). It returns nil for an empty value.
func parseAliases(v string) (map[string]string, error) {
	if v == "" {
		return nil, nil
	}
	out := make(map[string]string)
	for item := range strings.SplitSeq(v, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		id, alias, ok := strings.Cut(item, "=")
		id, alias = strings.TrimSpace(id), strings.TrimSpace(alias)
		switch {
		case !ok || alias == "":
			return nil, configError(EnvAccountAliases, fmt.Sprintf("%q is not ACCOUNT=ALIAS", item))
		case !isAccountID(id):
			return nil, configError(EnvAccountAliases, fmt.Sprintf("%q is not a 12-digit account ID", id))
		case out[id] != "":
			return nil, configError(EnvAccountAliases, fmt.Sprintf("names account %s twice", id))
		}
		out[id] = alias
	}
	return out, nil
}

// isAccountID reports whether s is 12 ASCII digits.
func isAccountID(s string) bool {
	return len(s) == 12 && strings.Trim(s, "0123456789") == ""
}

// redactURL returns the scheme and host of a webhook URL followed by "…":
// the rest of a webhook URL authorises posting by itself.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "…"
	}
	return u.Scheme + "://" + u.Host + "/…"
}
