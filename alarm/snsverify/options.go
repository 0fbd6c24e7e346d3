package snsverify

import (
	"net/http"
	"time"
)

// Defaults of a [Verifier] built without options.
const (
	// DefaultTimeout bounds a certificate fetch or a subscription
	// confirmation when no client is given.
	DefaultTimeout = 5 * time.Second
	// DefaultMaxAge is the oldest message Timestamp accepted. SNS keeps the
	// publish time on every retry, and an HTTP delivery policy retries for at
	// most an hour, so a genuine delivery is never older.
	DefaultMaxAge = time.Hour
	// DefaultCacheSize is how many certificates are kept. SNS signs with one
	// certificate per region at a time, rotating rarely.
	DefaultCacheSize = 64
	// MaxClockSkew is how far in the future a Timestamp may be, to tolerate
	// clocks that disagree.
	MaxClockSkew = 5 * time.Minute
)

// Option configures a [Verifier].
type Option func(*Verifier)

// WithHTTPClient sets the client that fetches certificates and confirms
// subscriptions. The verifier uses a copy whose CheckRedirect refuses all
// redirects; the client's Timeout, which should be set, bounds each fetch.
// The default client has a timeout of [DefaultTimeout].
func WithHTTPClient(c *http.Client) Option {
	return func(v *Verifier) {
		if c != nil {
			v.client = c
		}
	}
}

// WithTopics accepts messages from the given topic ARNs; messages from
// any other topic fail with [ErrTopicNotAllowed]. Empty strings are
// ignored, and repeated calls add to the list. A verifier with no topic
// at all, from WithTopics or [WithAnyTopic], refuses every message (see
// the package documentation for why).
func WithTopics(arns ...string) Option {
	return func(v *Verifier) {
		for _, arn := range arns {
			if arn == "" {
				continue
			}
			if v.topics == nil {
				v.topics = make(map[string]bool)
			}
			v.topics[arn] = true
		}
	}
}

// WithAnyTopic accepts messages from every topic. Anyone with an AWS
// account can subscribe an endpoint to a topic of their own, confirm the
// subscription through it and then publish validly signed messages to
// it: use this only where the messages cannot cause harm, or where
// something else (a network boundary, a check on TopicARN) rejects
// foreign topics.
func WithAnyTopic() Option {
	return func(v *Verifier) { v.anyTopic = true }
}

// WithMaxAge sets the oldest message Timestamp accepted, [DefaultMaxAge]
// by default. A zero or negative d turns the age check off, which leaves
// captured messages open to replay.
func WithMaxAge(d time.Duration) Option {
	return func(v *Verifier) { v.maxAge = d }
}

// WithCacheSize sets how many parsed certificates are kept, by URL;
// the oldest is evicted first. Values below 1 mean 1.
func WithCacheSize(n int) Option {
	return func(v *Verifier) { v.cacheSize = n }
}

// WithClock sets the source of the current time, used for the message age
// and the certificate validity period. The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(v *Verifier) {
		if now != nil {
			v.now = now
		}
	}
}
