package send

import (
	"net/http"
	"strings"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// DefaultTimeout is how long one Send may take, retries included, when
// its context has no deadline (see [WithTimeout]). Amazon SNS waits 15
// seconds for an HTTPS subscriber to answer before it counts the delivery
// as failed and delivers the message again. 10 seconds leaves a handler
// time to verify the message and answer, so that SNS hears the outcome
// rather than giving up while a Send might still post the message, and
// then posting it again.
const DefaultTimeout = 10 * time.Second

// BotOption configures a Bot. Every Option is a BotOption too; the options
// that only a Bot understands (WithAPIURL, WithThreadStore, WithBroadcast,
// WithResolve, WithErrorHandler) are BotOptions only, so passing one to
// NewWebhook does not compile. Only this package can implement BotOption.
type BotOption interface {
	applyBot(*settings)
}

// Option configures a Webhook or a Bot: WithHTTPClient, WithTimeout,
// WithMaxAttempts, WithBackoff, WithMaxRetryAfter and WithPacing. Only
// this package can implement Option.
type Option interface {
	BotOption
	applyWebhook(*settings)
}

// sharedOption is an Option: it applies to both senders.
type sharedOption func(*settings)

func (f sharedOption) applyBot(s *settings)     { f(s) }
func (f sharedOption) applyWebhook(s *settings) { f(s) }

// botOption is a BotOption that is not an Option.
type botOption func(*settings)

func (f botOption) applyBot(s *settings) { f(s) }

// settings collects what the options set. The fields after retry concern
// only a Bot.
type settings struct {
	client  *http.Client
	timeout time.Duration
	retry   retrier
	pacing  pacing

	apiURL    string
	threads   ThreadStore
	broadcast bool
	resolve   func(announced, ok *alarm.Alarm) *slackfmt.Message
	onError   func(error)
}

// defaultSettings returns the settings before any option.
func defaultSettings() settings {
	return settings{
		timeout: DefaultTimeout,
		retry:   newRetrier(),
		pacing:  defaultPacing,
		resolve: defaultResolve,
		onError: func(error) {},
	}
}

// webhookSettings applies opts to the defaults.
func webhookSettings(opts []Option) settings {
	s := defaultSettings()
	for _, opt := range opts {
		if opt != nil {
			opt.applyWebhook(&s)
		}
	}
	return s.withClient()
}

// botSettings applies opts to the defaults.
func botSettings(opts []BotOption) settings {
	s := defaultSettings()
	for _, opt := range opts {
		if opt != nil {
			opt.applyBot(&s)
		}
	}
	if s.threads == nil {
		s.threads = NewMemoryStore(0)
	}
	return s.withClient()
}

// withClient fills in the default HTTP client.
func (s settings) withClient() settings {
	if s.client == nil {
		s.client = defaultHTTPClient()
	}
	return s
}

// WithHTTPClient makes the sender use c for every request. The default
// client keeps up to 64 idle connections per host, so that concurrent
// sends reuse them, and has no timeout of its own beyond connecting: an
// attempt may take what is left of the Send's deadline, so that a slow
// Slack is waited for rather than given up on and posted to again. A nil
// c keeps the default.
func WithHTTPClient(c *http.Client) Option {
	return sharedOption(func(s *settings) { s.client = c })
}

// WithTimeout sets how long one Send may take, retries included, when its
// context has no deadline; the default is [DefaultTimeout]. A context
// with a deadline of its own keeps it, earlier or later. Non-positive
// values keep the default.
func WithTimeout(d time.Duration) Option {
	return sharedOption(func(s *settings) {
		if d > 0 {
			s.timeout = d
		}
	})
}

// WithMaxAttempts sets how many requests one Send may make, first attempt
// included, when Slack answers 5xx or a connection fails; the default is
// 5. Values below 1 mean 1: no retries. Answers 429 (rate limited) do not
// count: they are retried as long as the deadline allows.
func WithMaxAttempts(n int) Option {
	return sharedOption(func(s *settings) { s.retry.maxAttempts = max(n, 1) })
}

// WithBackoff sets the exponential backoff between retries after a 5xx or
// a connection failure: the wait after the n-th failed attempt is random
// in [0, min(max, base·2ⁿ⁻¹)). The defaults are 250ms and 8s. After a 429
// the wait is Slack's Retry-After instead, plus a random jitter.
// Non-positive values keep the defaults.
func WithBackoff(base, max time.Duration) Option {
	return sharedOption(func(s *settings) {
		if base > 0 {
			s.retry.base = base
		}
		if max > 0 {
			s.retry.max = max
		}
	})
}

// WithMaxRetryAfter sets the longest Retry-After that Send waits for
// before retrying; the default is one minute. When Slack asks for a longer
// wait, or for one that would end less than a second before the
// deadline, Send returns at once with an *Error whose RetryAfter says
// how long to wait.
func WithMaxRetryAfter(d time.Duration) Option {
	return sharedOption(func(s *settings) { s.retry.maxRetryAfter = max(d, 0) })
}

// WithAPIURL makes a Bot call the Slack Web API at u instead of
// https://slack.com/api/; tests point it at a local server. u must be an
// https URL, or an http one on a loopback host; NewBot checks it. A
// missing trailing slash is added.
func WithAPIURL(u string) BotOption {
	return botOption(func(s *settings) {
		if u != "" && !strings.HasSuffix(u, "/") {
			u += "/"
		}
		s.apiURL = u
	})
}

// WithThreadStore makes a Bot remember in st where it announced each
// alarm, so that later messages go to the alarm's thread and the OK
// resolves the original. The default is a MemoryStore of 1024 alarms,
// which lives as long as the Bot: enough for a long-running server, not
// for Lambda functions, whose instances come and go. A nil st keeps the
// default.
func WithThreadStore(st ThreadStore) BotOption {
	return botOption(func(s *settings) { s.threads = st })
}

// WithBroadcast makes a Bot post the OK reply with reply_broadcast, so that
// it shows in the channel as well as in the thread.
func WithBroadcast() BotOption {
	return botOption(func(s *settings) { s.broadcast = true })
}

// WithResolve sets the message that replaces the original ALARM message
// once the alarm is OK again: f gets the alarm as it was announced (as
// stored in the [Thread]) and as it is now OK, and its result is sent whole
// with chat.update. A nil result leaves the original as it was. The
// default renders announced's details marked resolved; a nil f keeps it.
// f must be safe for concurrent use.
func WithResolve(f func(announced, ok *alarm.Alarm) *slackfmt.Message) BotOption {
	return botOption(func(s *settings) {
		if f != nil {
			s.resolve = f
		}
	})
}

// WithErrorHandler sets a function that a Bot calls with the errors it
// does not return because the message itself was delivered: a failed
// ThreadStore operation, a failed chat.update of the original message, or
// a thread that could no longer take a reply (the message then went to
// the channel). Each is an *Error. Send must not fail for those, or the
// caller would retry and post the message twice. f must be safe for
// concurrent use. By default they are dropped.
func WithErrorHandler(f func(error)) BotOption {
	return botOption(func(s *settings) {
		if f != nil {
			s.onError = f
		}
	})
}

// defaultResolve renders the message that replaces the original ALARM
// message once the alarm is OK again, for a Bot given no WithResolve.
func defaultResolve(announced, ok *alarm.Alarm) *slackfmt.Message {
	return slackfmt.BuildResolved(announced, ok)
}
