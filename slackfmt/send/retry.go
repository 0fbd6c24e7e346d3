package send

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// This file holds what the two senders share about HTTP: the default
// client, the retry policy, and the reading of Slack's answers.

// The default retry policy: exponential backoff with full jitter.
const (
	defaultMaxAttempts   = 5
	defaultBackoffBase   = 250 * time.Millisecond
	defaultBackoffMax    = 8 * time.Second
	defaultMaxRetryAfter = time.Minute
)

// retrier is the one retry policy of the package, shared by Webhook and
// Bot. Its clock, sleep and randomness are fields so that tests can run it
// without waiting.
type retrier struct {
	maxAttempts   int
	base, max     time.Duration
	maxRetryAfter time.Duration
	now           func() time.Time
	sleep         func(ctx context.Context, d time.Duration) error
	randN         func(n int64) int64
}

// newRetrier returns the default policy on the real clock.
func newRetrier() retrier {
	return retrier{
		maxAttempts:   defaultMaxAttempts,
		base:          defaultBackoffBase,
		max:           defaultBackoffMax,
		maxRetryAfter: defaultMaxRetryAfter,
		now:           time.Now,
		sleep:         sleepContext,
		randN:         rand.Int64N,
	}
}

// do calls attempt until it succeeds, fails permanently, or the policy
// says to stop, and returns nil or the last attempt's *Error with Attempts
// set. attempt must return nil or a *Error.
func (r *retrier) do(ctx context.Context, attempt func(ctx context.Context) *Error) error {
	for n := 1; ; n++ {
		e := attempt(ctx)
		if e == nil {
			return nil
		}
		e.Attempts = n
		wait, ok := r.next(ctx, e, n)
		if !ok {
			return e
		}
		if r.sleep(ctx, wait) != nil {
			return e
		}
	}
}

// next says whether to try again after the n-th attempt failed with e, and
// how long to wait first. It never plans a wait that would end after the
// context's deadline: the caller's own retry (Lambda, SQS) does better
// than an attempt that the deadline would cut short.
func (r *retrier) next(ctx context.Context, e *Error, n int) (time.Duration, bool) {
	if !e.Retryable || n >= r.maxAttempts || ctx.Err() != nil {
		return 0, false
	}
	wait := e.RetryAfter
	if wait > r.maxRetryAfter {
		return 0, false
	}
	if wait == 0 {
		wait = r.backoff(n)
	}
	if deadline, ok := ctx.Deadline(); ok && r.now().Add(wait).After(deadline) {
		return 0, false
	}
	return wait, true
}

// backoff returns the wait after the n-th failed attempt: a uniformly
// random duration in [0, min(max, base·2ⁿ⁻¹)), the "full jitter" that
// spreads out the retries of many senders failing at once.
func (r *retrier) backoff(n int) time.Duration {
	ceil := r.base
	for i := 1; i < n && ceil < r.max && ceil <= math.MaxInt64/2; i++ {
		ceil *= 2
	}
	ceil = min(ceil, r.max)
	if ceil <= 0 {
		return 0
	}
	return time.Duration(r.randN(int64(ceil)))
}

// sleepContext waits for d or until ctx is done, whichever comes first.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// withDeadline returns ctx bounded by timeout when it has no deadline of
// its own.
func withDeadline(ctx context.Context, timeout time.Duration) (context.Context, context.CancelFunc) {
	if _, ok := ctx.Deadline(); ok {
		return ctx, func() {}
	}
	return context.WithTimeout(ctx, timeout)
}

// Limits of the default HTTP client. The timeouts bound one attempt; the
// deadline of Send bounds the whole delivery, retries included.
const (
	requestTimeout = 10 * time.Second
	dialTimeout    = 5 * time.Second
	tlsTimeout     = 5 * time.Second
	// maxIdlePerHost is how many idle connections to Slack are kept for
	// reuse. net/http keeps 2 by default, so a server posting
	// concurrently opened a new TLS connection for most posts.
	maxIdlePerHost = 64
)

// defaultHTTPClient returns the client used unless WithHTTPClient says
// otherwise. http.DefaultClient has no timeout at all.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = tlsTimeout
	t.ResponseHeaderTimeout = requestTimeout
	t.MaxIdleConns = 2 * maxIdlePerHost
	t.MaxIdleConnsPerHost = maxIdlePerHost
	return &http.Client{Timeout: requestTimeout, Transport: t}
}

// maxErrorBody is how much of an error response is read for its reason.
// Slack's reasons are short codes; a proxy's HTML page is not worth more.
const maxErrorBody = 4 << 10

// maxReasonLen is the longest body taken verbatim as a reason.
const maxReasonLen = 100

// maxDrain is how much of an unread response body is read before closing
// it: a body read to its end lets the connection be reused, and one
// longer than this is not worth the wait.
const maxDrain = 64 << 10

// drainingBody is a response body whose Close first reads what is left
// of it, up to maxDrain, so that the connection can be reused even when
// the reader stopped early (slack-go's JSON decoder stops at the end of
// the value, a webhook reads at most maxErrorBody).
type drainingBody struct{ io.ReadCloser }

// Close drains and closes the body.
func (b drainingBody) Close() error {
	io.CopyN(io.Discard, b.ReadCloser, maxDrain)
	return b.ReadCloser.Close()
}

// statusError describes a non-success HTTP answer from Slack, reading the
// reason from its body. 429 and 5xx are retryable, any other status is
// permanent.
func statusError(op string, resp *http.Response, now time.Time) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{
		Op:        op,
		Status:    resp.StatusCode,
		Reason:    reasonFromBody(body),
		Retryable: resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500,
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"), now)
	}
	return e
}

// reasonFromBody extracts Slack's error code from a response body: the
// "error" field of a Web API answer, or the whole of a webhook's
// plain-text answer when it is a short single line. Anything else (an
// HTML error page, say) gives "".
func reasonFromBody(body []byte) string {
	body = bytes.TrimSpace(body)
	var api struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &api) == nil {
		return api.Error
	}
	if len(body) == 0 || len(body) > maxReasonLen || bytes.ContainsAny(body, "<>\r\n") {
		return ""
	}
	return string(body)
}

// transportError describes a request that got no answer. Connection
// errors and timeouts are retryable; a certificate that fails
// verification is not. When ctx is done the context's error is kept so
// that errors.Is(err, context.DeadlineExceeded) works.
func transportError(ctx context.Context, op string, err error) *Error {
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	e := &Error{Op: op, Err: redactURLError(err), Retryable: true}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		e.Retryable = false
	}
	return e
}

// parseRetryAfter decodes a Retry-After header value, which RFC 9110
// §10.2.3 allows to be either a number of seconds or an HTTP date. A date
// is turned into a wait relative to now; a date in the past means no wait.
// It reports false when the value is absent or malformed.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	switch {
	case err == nil:
		return secondsToDuration(secs)
	case errors.Is(err, strconv.ErrRange) && v[0] != '-':
		return secondsToDuration(maxRetryAfterSeconds) // digits beyond int64: a very long wait
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// maxRetryAfterSeconds keeps a Retry-After in seconds from overflowing
// time.Duration: a day is more than any wait this package will honour.
const maxRetryAfterSeconds = 24 * 60 * 60

// secondsToDuration converts a Retry-After in seconds, rejecting negative
// values and clamping absurdly large ones.
func secondsToDuration(secs int64) (time.Duration, bool) {
	if secs < 0 {
		return 0, false
	}
	return time.Duration(min(secs, maxRetryAfterSeconds)) * time.Second, true
}
