package cwslack

import (
	"context"
	"sync"
	"time"

	"github.com/cwslack/cwslack/slackfmt/send"
)

// A *Secret is what the senders of package send ask for their URL or token.
var _ send.Credential = (*Secret)(nil)

// How a Secret caches.
const (
	// refreshEvery bounds the reads that refresh asks for: a refresh
	// within this time of the last one returns that one's value. A value
	// that Slack keeps refusing is read again at most this often.
	refreshEvery = 30 * time.Second
	// failureFor is how long a failed read is remembered: the deliveries
	// of a batch that need a missing parameter fail together, with one
	// request to AWS rather than one each.
	failureFor = 2 * time.Second
	// fetchTimeout bounds one read, whatever the caller's deadline: the
	// read goes on when a caller gives up, for the callers that follow.
	fetchTimeout = 10 * time.Second
)

// Secret is a webhook URL or bot token kept outside the configuration, in
// AWS Systems Manager Parameter Store or AWS Secrets Manager. It is read
// when it is first needed, not when it is made, and kept for the life of
// the process. Make one with [Secrets.Secret].
//
// A Secret is a [send.Credential]: give it to [send.NewWebhookFrom] or
// [send.NewBotFrom], as [DestinationSpec.Sender] does.
//
// A Secret is safe for concurrent use: callers that need the value at the
// same time share one read.
type Secret struct {
	ref   string
	fetch func(ctx context.Context) (string, error)
	now   func() time.Time

	mu        sync.Mutex
	value     string
	ok        bool      // value was read
	refreshed time.Time // when a refresh last read the value
	err       error     // the last read's error, if it failed
	failed    time.Time // when it failed
	flight    *fetchCall
}

// fetchCall is a read in progress. value and err are set before done is
// closed.
type fetchCall struct {
	done  chan struct{}
	value string
	err   error
}

// newSecret returns a Secret that reads its value with fetch.
func newSecret(ref string, fetch func(context.Context) (string, error)) *Secret {
	return &Secret{ref: ref, fetch: fetch, now: time.Now}
}

// String returns the reference, such as "ssm:/cwslack/webhook"; never the
// value.
func (s *Secret) String() string { return s.ref }

// Value returns the secret's value, reading it the first time. With
// refresh, it reads the value again, as a sender does once when Slack
// answers that the URL or token is no longer valid (it may have been
// rotated); a refresh within 30 seconds of the last one returns that one's
// value without reading again. A read that failed is retried by the calls
// that come more than two seconds later; those in between get its error.
// Errors are *SecretError and never contain the value.
func (s *Secret) Value(ctx context.Context, refresh bool) (string, error) {
	s.mu.Lock()
	c := s.flight
	if c == nil {
		if v, err, ok := s.cached(refresh); ok {
			s.mu.Unlock()
			return v, err
		}
		c = s.start(ctx, refresh)
	}
	s.mu.Unlock()
	select {
	case <-c.done:
		return c.value, c.err
	case <-ctx.Done():
		return "", &SecretError{Ref: s.ref, Err: ctx.Err()}
	}
}

// cached returns what Value returns without reading, if it may; s.mu is
// held.
func (s *Secret) cached(refresh bool) (string, error, bool) {
	now := s.now()
	switch {
	case s.ok && !refresh:
		return s.value, nil, true
	case s.err != nil && now.Sub(s.failed) < failureFor:
		return "", s.err, true
	case s.ok && !s.refreshed.IsZero() && now.Sub(s.refreshed) < refreshEvery:
		return s.value, nil, true
	}
	return "", nil, false
}

// start starts a read and returns it; s.mu is held. The read does not end
// with ctx, whose caller may give up before other callers do.
func (s *Secret) start(ctx context.Context, refresh bool) *fetchCall {
	c := &fetchCall{done: make(chan struct{})}
	s.flight = c
	go func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), fetchTimeout)
		defer cancel()
		v, err := s.fetch(ctx)
		if err != nil {
			err = &SecretError{Ref: s.ref, Err: err}
		}
		s.mu.Lock()
		s.record(v, err, refresh)
		s.flight = nil
		s.mu.Unlock()
		c.value, c.err = v, err
		close(c.done)
	}()
	return c
}

// record keeps the outcome of a read; s.mu is held. A failed read keeps
// the value read before, for the callers that do not refresh.
func (s *Secret) record(v string, err error, refresh bool) {
	now := s.now()
	if err != nil {
		s.err, s.failed = err, now
		return
	}
	s.value, s.ok, s.err = v, true, nil
	if refresh {
		s.refreshed = now
	}
}
