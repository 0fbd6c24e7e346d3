package cwslack

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/cwslack/cwslack/alarm"
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
	// EnvRoutes is the routing document ([ParseRoutes]), which names
	// several destinations and which alarms go where: the JSON itself
	// ("{…}"), "file:PATH" for a file holding it, or "ssm:NAME" for a
	// Systems Manager parameter holding it. It replaces EnvWebhookURL,
	// EnvBotToken, EnvChannel and EnvMention, which must then be unset.
	EnvRoutes = "SLACK_ROUTES"
	// EnvStateTable names a DynamoDB table that holds the shared state of
	// every instance: which state changes were delivered, and the bot's
	// threads. Without it each process keeps its own.
	EnvStateTable = "SLACK_STATE_TABLE"
	// EnvGraphs set to "false" turns off the graphs that a bot token
	// posts in each alarm's thread.
	EnvGraphs = "SLACK_GRAPHS"
	// EnvDigestThreshold is the number of alarms for one destination in
	// one invocation above which they are posted as one digest; "0" or
	// "off" turns digests off. The default is DefaultDigestThreshold.
	EnvDigestThreshold = "SLACK_DIGEST_THRESHOLD"
	// EnvDropMuted set to "true" drops alarms that changed state inside
	// the window of an alarm mute rule, instead of posting them marked
	// muted and without mentions.
	EnvDropMuted = "SLACK_DROP_MUTED"
)

// Config is the configuration that the example programs (Lambda, HTTP
// server, CLI) share, usually read from the environment with
// ConfigFromEnv. It names one destination, with exactly one of WebhookURL
// and BotToken, or several, with Routes.
//
// String and GoString redact the webhook URL and the token, so a Config
// can be printed or logged.
type Config struct {
	// WebhookURL is an incoming webhook URL ([EnvWebhookURL]), or a
	// secret reference to one ("ssm:NAME", "secretsmanager:NAME-OR-ARN",
	// see [Secrets]).
	WebhookURL string
	// BotToken is a bot token ([EnvBotToken]), or a secret reference to
	// one, and Channel the channel it posts to ([EnvChannel]).
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
	// Routes is a routing document, as [ParseRoutes] reads it
	// ([EnvRoutes]), or nil. When it is set, WebhookURL, BotToken,
	// Channel and Mention must be empty; APIURL and AccountAliases apply
	// to every destination.
	Routes []byte
	// Secrets reads the secret references of WebhookURL, BotToken and the
	// routes' destinations when they are first needed. Nil means
	// SecretsFromEnv(os.Getenv).
	Secrets *Secrets
	// StateTable is the DynamoDB table of the shared state
	// ([EnvStateTable]), or "" to keep state in the process.
	StateTable string
	// NoGraphs turns off the graphs that bot destinations post
	// ([EnvGraphs]).
	NoGraphs bool
	// DigestThreshold is WithDigestThreshold's n ([EnvDigestThreshold]):
	// 0 means DefaultDigestThreshold, and a negative value turns digests
	// off.
	DigestThreshold int
	// DropMuted drops muted alarms ([EnvDropMuted]).
	DropMuted bool

	getenv func(string) string // for the AWS clients; nil means os.Getenv
}

// ConfigFromEnv reads a Config with getenv, normally os.Getenv.
// Surrounding spaces are ignored. Secret references are not read here:
// they are read when first needed, through SecretsFromEnv(getenv). The
// routing document is read here when EnvRoutes names a file or a
// parameter (the one request to AWS at start-up), and checked.
//
// It returns a *ConfigError naming the variable (and, for the routes, the
// place in the document, as "SLACK_ROUTES: routes[2].to[0]") when both a
// webhook and a token are set, or neither, when a token comes without a
// channel or the reverse, when the webhook URL is not https (http is
// allowed for loopback addresses, for local fakes of Slack), when a secret
// reference is malformed, when the mention is not a Slack mention, when the
// aliases are malformed, when EnvRoutes is set together with EnvWebhookURL,
// EnvBotToken, EnvChannel or EnvMention, or when the routing document
// cannot be read or is invalid (see [ParseRoutes]). Errors never contain a
// URL or a token.
func ConfigFromEnv(getenv func(string) string) (*Config, error) {
	env := func(k string) string { return strings.TrimSpace(getenv(k)) }
	c := &Config{
		WebhookURL: env(EnvWebhookURL),
		BotToken:   env(EnvBotToken),
		Channel:    env(EnvChannel),
		APIURL:     env(EnvAPIURL),
		Secrets:    SecretsFromEnv(getenv),
		StateTable: env(EnvStateTable),
		getenv:     getenv,
	}
	if err := c.readSwitches(env); err != nil {
		return nil, err
	}
	if m := env(EnvMention); m != "" {
		mention, err := slackfmt.ParseMention(m)
		if err != nil {
			return nil, &ConfigError{Where: EnvMention, Problem: mentionProblem, Err: err}
		}
		c.Mention = mention
	}
	aliases, err := parseAliases(env(EnvAccountAliases))
	if err != nil {
		return nil, err
	}
	c.AccountAliases = aliases
	if routes := env(EnvRoutes); routes != "" {
		if err := c.checkAlone(); err != nil {
			return nil, err
		}
		if c.Routes, err = loadRoutes(routes, c.Secrets); err != nil {
			return nil, err
		}
	}
	if err := c.check(); err != nil {
		return nil, err
	}
	return c, nil
}

// routesTimeout bounds the reading of a routing document from Systems
// Manager at start-up.
const routesTimeout = 10 * time.Second

// loadRoutes returns the routing document that v, the value of EnvRoutes,
// holds or names.
func loadRoutes(v string, secrets *Secrets) ([]byte, error) {
	switch {
	case strings.HasPrefix(v, "{"):
		return []byte(v), nil
	case strings.HasPrefix(v, "file:"):
		data, err := os.ReadFile(strings.TrimPrefix(v, "file:"))
		if err != nil {
			return nil, &ConfigError{Where: EnvRoutes, Problem: "cannot read " + v + ": " + pathProblem(err), Err: err}
		}
		return data, nil
	case strings.HasPrefix(v, RefSSM):
		sec, err := secrets.orEnv().Secret(v, "")
		if err != nil {
			return nil, rename(EnvRoutes, err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), routesTimeout)
		defer cancel()
		data, err := sec.Value(ctx, false)
		if err != nil {
			var se *SecretError
			errors.As(err, &se)
			return nil, &ConfigError{Where: EnvRoutes, Problem: "cannot read " + v + ": " + secretProblem(se.Err), Err: err}
		}
		return []byte(data), nil
	}
	return nil, configError(EnvRoutes, "want the JSON itself ({…}), file:PATH or ssm:NAME")
}

// pathProblem returns what an *fs.PathError says, without the path.
func pathProblem(err error) string {
	if u := errors.Unwrap(err); u != nil {
		return u.Error()
	}
	return err.Error()
}

// checkAlone reports the variables of a single destination set together
// with the routes.
func (c *Config) checkAlone() error {
	for _, v := range []struct{ name, value string }{
		{EnvWebhookURL, c.WebhookURL}, {EnvBotToken, c.BotToken}, {EnvChannel, c.Channel}, {EnvMention, c.Mention.String()},
	} {
		if v.value != "" {
			return configError(EnvRoutes, fmt.Sprintf("set together with %s: the routes' destinations replace it; unset one of them", v.name))
		}
	}
	return nil
}

// check reports a Config that names no way, or two ways, to reach Slack,
// or whose destinations cannot be made.
func (c *Config) check() error {
	if c.APIURL != "" {
		if _, err := send.NewBot("xoxb-checking-the-api-url", "C0", send.WithAPIURL(c.APIURL)); err != nil {
			return senderError(EnvAPIURL, err)
		}
	}
	if c.Routes != nil {
		if err := c.checkAlone(); err != nil {
			return err
		}
		_, err := c.Router()
		return err
	}
	switch {
	case c.WebhookURL != "" && (c.BotToken != "" || c.Channel != ""):
		return configError(EnvWebhookURL, fmt.Sprintf("set either it or %s and %s, not both", EnvBotToken, EnvChannel))
	case c.WebhookURL == "" && c.BotToken == "" && c.Channel == "":
		return configError(EnvWebhookURL, fmt.Sprintf("set it, or %s and %s; or set %s", EnvBotToken, EnvChannel, EnvRoutes))
	case c.WebhookURL == "" && c.BotToken == "":
		return configError(EnvBotToken, fmt.Sprintf("not set, but %s is", EnvChannel))
	case c.WebhookURL == "" && c.Channel == "":
		return configError(EnvChannel, fmt.Sprintf("not set, but %s is", EnvBotToken))
	}
	_, err := c.sender()
	return err
}

// sender returns the Sender of the one destination that c describes,
// with opts.
func (c *Config) sender(opts ...send.BotOption) (send.Sender, error) {
	spec := DestinationSpec{WebhookURL: c.WebhookURL, BotToken: c.BotToken, Channel: c.Channel}
	s, err := spec.Sender(c.Secrets, c.botOptions(opts)...)
	if err != nil {
		return nil, envError(err)
	}
	return s, nil
}

// botOptions returns opts with the Web API address, if c has one.
func (c *Config) botOptions(opts []send.BotOption) []send.BotOption {
	buildOpts := c.buildOptions()
	opts = append(opts[:len(opts):len(opts)], send.WithResolve(func(announced, ok *alarm.Alarm) *slackfmt.Message {
		return slackfmt.BuildResolved(announced, ok, buildOpts...)
	}))
	if c.APIURL == "" {
		return opts
	}
	return append(opts, send.WithAPIURL(c.APIURL))
}

// envError names the variable of a field that DestinationSpec.Sender
// refused.
func envError(err error) error {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	names := map[string]string{"webhook": EnvWebhookURL, "botToken": EnvBotToken, "channel": EnvChannel, "apiURL": EnvAPIURL}
	where, ok := names[ce.Where]
	if !ok {
		where = EnvWebhookURL
	}
	return &ConfigError{Where: where, Problem: ce.Problem, Err: ce.Err}
}

// Destination returns the one destination that c describes. opts are
// passed to the sender; options that apply only to a bot are ignored for
// a webhook. It returns a *ConfigError when c has Routes, which name
// several: use Router.
func (c *Config) Destination(opts ...send.BotOption) (Destination, error) {
	if c.Routes != nil {
		return Destination{}, configError(EnvRoutes, "names several destinations; use Config.Router")
	}
	s, err := c.sender(opts...)
	if err != nil {
		return Destination{}, err
	}
	return Destination{Sender: s, Mention: c.Mention, Options: c.buildOptions()}, nil
}

// Router returns the Router that c describes: its Routes, or every alarm
// to its one destination. opts are passed to every sender; options that
// apply only to a bot are ignored for webhooks. The account aliases and
// the Web API address apply to every destination. Errors are
// *ConfigErrors, as ConfigFromEnv describes.
func (c *Config) Router(opts ...send.BotOption) (*Router, error) {
	if c.Routes == nil {
		d, err := c.Destination(opts...)
		if err != nil {
			return nil, err
		}
		return To(d), nil
	}
	secrets, opts := c.Secrets.orEnv(), c.botOptions(opts)
	r, err := parseRoutes(c.Routes, func(_ string, spec DestinationSpec) (Destination, error) {
		s, err := spec.Sender(secrets, opts...)
		return Destination{Sender: s, Mention: spec.Mention, Options: c.buildOptions()}, err
	})
	if err != nil {
		return nil, within(EnvRoutes, err)
	}
	return r, nil
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
	switch {
	case c.Routes != nil:
		b.WriteString(describeRoutes(c.Routes))
	case IsSecretRef(c.WebhookURL):
		b.WriteString("webhook " + c.WebhookURL)
	case c.WebhookURL != "":
		b.WriteString("webhook " + redactURL(c.WebhookURL))
	case IsSecretRef(c.BotToken):
		b.WriteString("bot token " + c.BotToken + " to " + c.Channel)
	default:
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

// describeRoutes summarises a routing document without its secrets.
func describeRoutes(data []byte) string {
	doc, err := decodeRoutes(data)
	if err != nil {
		return "routes (invalid)"
	}
	return fmt.Sprintf("routes: %d destinations, %d routes, %d default", len(doc.dests), len(doc.routes), len(doc.defaults))
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
