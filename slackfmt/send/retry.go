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
	"net/http/httptrace"
	"strconv"
	"strings"
	"sync/atomic"
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

// minAttemptTime is how much of the deadline must be left after a wait
// (a backoff, a Retry-After, a slot of the pace) for the attempt after it
// to be made: an attempt that the deadline cuts short may post the
// message without Send hearing of it, and the caller's retry then posts
// it again.
const minAttemptTime = time.Second

// maxLimitedAttempts bounds the attempts of one Send that Slack keeps
// answering 429: the deadline ends them long before, but a Retry-After of
// 0 must not make a busy loop of a context without one.
const maxLimitedAttempts = 1000

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

// do calls attempt, each time in a slot of pc (nil for no pacing), until
// it succeeds, fails permanently, or the policy says to stop, and returns
// nil or the last attempt's *Error with Attempts set; or, when not even
// the first attempt was made, a *Error of op saying why. attempt must
// return nil or a *Error.
func (r *retrier) do(ctx context.Context, op string, pc *pacer, attempt func(ctx context.Context) *Error) error {
	var last *Error
	failures := 0 // attempts that failed for another reason than a rate limit
	for n := 1; ; n++ {
		if e := r.pace(ctx, op, pc); e != nil {
			if last != nil {
				return last
			}
			return e
		}
		e := attempt(ctx)
		if e == nil {
			return nil
		}
		e.Attempts = n
		if !e.rateLimited() {
			failures++
		}
		if pc != nil && e.Status == http.StatusTooManyRequests {
			pc.hold(r.now().Add(e.RetryAfter))
		}
		wait, ok := r.next(ctx, e, failures, n)
		if !ok || r.sleep(ctx, wait) != nil {
			return e
		}
		last = e
	}
}

// pace waits for a slot of pc, and returns nil when it is time to make an
// attempt; or the *Error that says why not: the context is done, or the
// next slot comes too late to make an attempt before the deadline.
func (r *retrier) pace(ctx context.Context, op string, pc *pacer) *Error {
	if err := ctx.Err(); err != nil {
		return &Error{Op: op, Retryable: true, Err: err}
	}
	if pc == nil {
		return nil
	}
	now := r.now()
	// An attempt that needs no wait is made even with less than
	// minAttemptTime left: the caller chose the deadline.
	s, ok := pc.reserve(now, laterOf(now, r.latestStart(ctx, now)))
	if !ok {
		return &Error{Op: op, Reason: reasonPaced, Retryable: true}
	}
	if !s.at.After(now) {
		return nil
	}
	if err := r.sleep(ctx, s.at.Sub(now)); err != nil {
		pc.cancel(s)
		return &Error{Op: op, Retryable: true, Err: err}
	}
	return nil
}

// latestStart returns the latest time at which a wait that begins at now
// may end: minAttemptTime before the context's deadline, or, for a
// context without one, after the longest Retry-After honoured.
func (r *retrier) latestStart(ctx context.Context, now time.Time) time.Time {
	deadline, ok := ctx.Deadline()
	if !ok {
		return now.Add(r.maxRetryAfter)
	}
	return deadline.Add(-minAttemptTime)
}

// next says whether to try again after the n-th attempt, the failures-th
// that failed for another reason than a rate limit, failed with e, and
// how long to wait first. A 429 is retried whatever the attempt limit,
// after its Retry-After plus a random jitter, so that many senders told
// to wait a second do not all come back at once; other retryable errors
// are retried up to the attempt limit after a backoff. A request that got
// no answer is never repeated: Slack may have posted it. No wait may end
// later than minAttemptTime before the context's deadline: the caller's
// own retry (Lambda, SQS) does better than an attempt that the deadline
// would cut short.
func (r *retrier) next(ctx context.Context, e *Error, failures, n int) (time.Duration, bool) {
	limited := e.rateLimited()
	switch {
	case !e.Retryable, e.Unanswered, ctx.Err() != nil, n >= maxLimitedAttempts:
		return 0, false
	case !limited && failures >= r.maxAttempts:
		return 0, false
	case e.RetryAfter > r.maxRetryAfter:
		return 0, false
	}
	floor, wait := e.RetryAfter, e.RetryAfter
	if limited {
		wait += r.jitter(e.RetryAfter)
	} else if wait == 0 {
		wait = r.backoff(failures)
		floor = wait
	}
	now := r.now()
	latest := r.latestStart(ctx, now)
	if now.Add(floor).After(latest) {
		return 0, false
	}
	return min(wait, latest.Sub(now)), true
}

// jitter returns a random wait to add to a Retry-After of ra: below a
// second, or a quarter of ra when that is longer.
func (r *retrier) jitter(ra time.Duration) time.Duration {
	return time.Duration(r.randN(int64(max(time.Second, ra/4))))
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

// Limits of the default HTTP client. The timeouts bound the setting up of
// a connection; an attempt itself may take what is left of the deadline of
// Send, so that a Slack that is slow to answer (20 seconds, say) is still
// heard within a 30-second budget, rather than given up on and posted to
// again.
const (
	dialTimeout = 5 * time.Second
	tlsTimeout  = 5 * time.Second
	// maxIdlePerHost is how many idle connections to Slack are kept for
	// reuse. net/http keeps 2 by default, so a server posting
	// concurrently opened a new TLS connection for most posts.
	maxIdlePerHost = 64
)

// defaultHTTPClient returns the client used unless WithHTTPClient says
// otherwise. It has no overall timeout: the context of each request
// carries the deadline of the Send.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = tlsTimeout
	t.MaxIdleConns = 2 * maxIdlePerHost
	t.MaxIdleConnsPerHost = maxIdlePerHost
	return &http.Client{Transport: t}
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
// verification is not. When the request was written in full (written),
// Slack may have received and posted it: the error is Unanswered, and
// Send does not repeat it. When ctx is done the context's error is kept
// so that errors.Is(err, context.DeadlineExceeded) works.
func transportError(ctx context.Context, op string, err error, written bool) *Error {
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	e := &Error{Op: op, Err: redactURLError(err), Retryable: true, Unanswered: written}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		e.Retryable, e.Unanswered = false, false
	}
	return e
}

// traceWrites returns req with a trace that sets *written once the
// request was written in full: from then on a failure leaves it unknown
// whether Slack got the message.
func traceWrites(req *http.Request, written *atomic.Bool) *http.Request {
	trace := &httptrace.ClientTrace{WroteRequest: func(info httptrace.WroteRequestInfo) {
		if info.Err == nil {
			written.Store(true)
		}
	}}
	return req.WithContext(httptrace.WithClientTrace(req.Context(), trace))
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
