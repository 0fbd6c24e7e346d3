package send

import (
	"context"
	"math"
	"math/rand/v2"
	"time"
)

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
