package send

import (
	"net/http"
	"strings"
	"time"
)

// Option configures a Webhook or a Bot. Options that concern only one of
// them say so and are ignored by the other.
type Option func(*settings)

// settings collects what the options set.
type settings struct {
	client    *http.Client
	retry     retrier
	apiURL    string
	store     Store
	broadcast bool
	resolve   ResolveFunc
	onError   func(error)
}

// newSettings applies opts to the defaults.
func newSettings(opts []Option) settings {
	s := settings{retry: newRetrier(), onError: func(error) {}, resolve: Resolved}
	for _, opt := range opts {
		if opt != nil {
			opt(&s)
		}
	}
	if s.client == nil {
		s.client = defaultHTTPClient()
	}
	return s
}

// WithHTTPClient makes the sender use c for every request instead of a
// client with a 10 second timeout per attempt. A nil c keeps the default.
func WithHTTPClient(c *http.Client) Option {
	return func(s *settings) { s.client = c }
}

// WithMaxAttempts sets how many requests one Send may make, first attempt
// included; the default is 5. Values below 1 mean 1: no retries.
func WithMaxAttempts(n int) Option {
	return func(s *settings) { s.retry.maxAttempts = max(n, 1) }
}

// WithBackoff sets the exponential backoff between retries: the wait after
// the n-th failed attempt is random in [0, min(max, base·2ⁿ⁻¹)). The
// defaults are 250ms and 8s. A Retry-After from Slack replaces the backoff.
// Non-positive values keep the defaults.
func WithBackoff(base, max time.Duration) Option {
	return func(s *settings) {
		if base > 0 {
			s.retry.base = base
		}
		if max > 0 {
			s.retry.max = max
		}
	}
}

// WithMaxRetryAfter sets the longest Retry-After that Send waits for
// before retrying; the default is one minute. When Slack asks for a longer
// wait, or for one that would end after the context's deadline, Send
// returns at once with an *Error whose RetryAfter says how long to wait.
func WithMaxRetryAfter(d time.Duration) Option {
	return func(s *settings) { s.retry.maxRetryAfter = max(d, 0) }
}

// WithAPIURL makes a Bot call the Slack Web API at u instead of
// https://slack.com/api/; tests point it at a local server. A missing
// trailing slash is added. Webhook ignores it.
func WithAPIURL(u string) Option {
	return func(s *settings) {
		if u != "" && !strings.HasSuffix(u, "/") {
			u += "/"
		}
		s.apiURL = u
	}
}

// WithStore makes a Bot remember where it posted each alarm in st, so that
// the OK message can go to the alarm's thread. The default is a
// MemoryStore of 1024 alarms, which lives as long as the Bot: enough for a
// long-running server, not for Lambda functions, whose instances come and
// go. Webhook ignores it.
func WithStore(st Store) Option {
	return func(s *settings) { s.store = st }
}

// WithBroadcast makes a Bot post the OK reply with reply_broadcast, so that
// it shows in the channel as well as in the thread. Webhook ignores it.
func WithBroadcast() Option {
	return func(s *settings) { s.broadcast = true }
}

// WithResolved sets how a Bot rewrites the original ALARM message when the
// alarm returns to OK; the default is Resolved. A nil f keeps the default.
// Webhook ignores it.
func WithResolved(f ResolveFunc) Option {
	return func(s *settings) {
		if f != nil {
			s.resolve = f
		}
	}
}

// WithErrorHandler sets a function that a Bot calls with the errors it
// does not return because the message itself was delivered: a failed
// Store operation or a failed chat.update of the original message. Send
// must not fail for those, or the caller would retry and post the message
// twice. f must be safe for concurrent use. By default they are dropped.
// Webhook ignores it.
func WithErrorHandler(f func(error)) Option {
	return func(s *settings) {
		if f != nil {
			s.onError = f
		}
	}
}
