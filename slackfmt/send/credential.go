package send

import (
	"context"
	"errors"
	"sync"
)

// Credential gives the secret that a sender needs: a webhook URL for
// [NewWebhookFrom], a bot token for [NewBotFrom]. A sender asks for it on
// its first Send, not when it is made, so that making a sender does no
// I/O (a Lambda cold start stays fast); it keeps the value, and asks again
// with refresh set only when Slack answers that the URL or token no
// longer works (it was rotated, say), and then retries the delivery once
// with the new value.
//
// Value returns the secret. refresh asks for a value fresher than any
// cache in front of the source. A retryable error (a source that is down
// or throttling) makes the Send fail with a retryable *Error; an error
// that matches ErrPermanent (errors.Is) makes it fail for good. Value
// must respect ctx, be safe for concurrent use, and never put the secret
// into an error. [StaticCredential] is the simplest implementation.
type Credential interface {
	Value(ctx context.Context, refresh bool) (string, error)
}

// StaticCredential returns a Credential whose value is always secret. Its
// String and GoString methods do not show the secret.
func StaticCredential(secret string) Credential { return staticCredential{secret} }

// staticCredential is the Credential of StaticCredential.
type staticCredential struct{ secret string }

// Value returns the secret.
func (c staticCredential) Value(context.Context, bool) (string, error) { return c.secret, nil }

// String describes the credential without its secret.
func (c staticCredential) String() string { return "static credential " + redacted }

// GoString describes the credential without its secret, for %#v.
func (c staticCredential) GoString() string { return c.String() }

// reasonNoSecret is the Reason of a Send whose Credential failed.
const reasonNoSecret = "cannot get the secret"

// refusedCredentialReasons are Slack's answers that say that a webhook
// URL or a token does not work (any more): a webhook's 404 no_service
// (the webhook was removed), 403 invalid_token and no_team, and the Web
// API's authentication errors.
var refusedCredentialReasons = map[string]bool{
	"no_service":       true,
	"invalid_token":    true,
	"no_team":          true,
	"invalid_auth":     true,
	"not_authed":       true,
	"token_revoked":    true,
	"token_expired":    true,
	"account_inactive": true,
}

// refusedCredential reports whether err says that the URL or token does
// not work.
func refusedCredential(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Op != opCredential && refusedCredentialReasons[e.Reason]
}

// resolver holds what a sender makes of its credential's value (a URL
// and its pacer, a Web API client): it asks the credential on first use,
// once however many callers ask at the same time, and keeps the result
// until refresh.
type resolver[T any] struct {
	src    Credential
	build  func(secret string) (T, *Error)
	static bool // the value never changes: refreshing is pointless

	mu     sync.Mutex
	have   bool
	secret string
	val    T
	gen    int           // incremented with each new value
	busy   chan struct{} // closed when the Value call in flight returns
}

// newResolver returns a resolver of src.
func newResolver[T any](src Credential, build func(secret string) (T, *Error)) *resolver[T] {
	return &resolver[T]{src: src, build: build}
}

// staticResolver returns a resolver that holds v, made from secret, for
// good.
func staticResolver[T any](secret string, v T) *resolver[T] {
	return &resolver[T]{static: true, have: true, secret: secret, val: v, gen: 1}
}

// get returns the value and its generation, asking the credential if
// there is none yet.
func (r *resolver[T]) get(ctx context.Context) (T, int, *Error) {
	v, gen, _, e := r.resolve(ctx, 0)
	return v, gen, e
}

// refresh returns a value newer than generation gen, asking the
// credential with refresh set unless another caller did meanwhile, and
// reports whether its secret differs from the one before.
func (r *resolver[T]) refresh(ctx context.Context, gen int) (T, bool, *Error) {
	if r.static {
		var zero T
		return zero, false, nil
	}
	v, _, fresh, e := r.resolve(ctx, gen)
	return v, fresh, e
}

// resolve returns the value unless its generation is stale (0: there is
// none to be stale), asking the credential otherwise. Only one caller
// asks at a time; the others wait for its answer, or for ctx.
func (r *resolver[T]) resolve(ctx context.Context, stale int) (T, int, bool, *Error) {
	var zero T
	for {
		r.mu.Lock()
		if r.have && r.gen != stale {
			v, gen := r.val, r.gen
			r.mu.Unlock()
			return v, gen, true, nil
		}
		if busy := r.busy; busy != nil {
			r.mu.Unlock()
			select {
			case <-busy:
				continue
			case <-ctx.Done():
				return zero, 0, false, &Error{Op: opCredential, Retryable: true, Err: ctx.Err()}
			}
		}
		busy := make(chan struct{})
		r.busy = busy
		old := r.secret
		r.mu.Unlock()
		secret, v, e := r.fetch(ctx, stale != 0)
		r.mu.Lock()
		r.busy = nil
		if e == nil {
			r.have, r.secret, r.val = true, secret, v
			r.gen++
		}
		gen := r.gen
		r.mu.Unlock()
		close(busy)
		return v, gen, e == nil && secret != old, e
	}
}

// fetch asks the credential for its value and makes the sender's value of
// it.
func (r *resolver[T]) fetch(ctx context.Context, refresh bool) (string, T, *Error) {
	var zero T
	secret, err := r.src.Value(ctx, refresh)
	if err != nil {
		return "", zero, &Error{Op: opCredential, Reason: reasonNoSecret,
			Retryable: !errors.Is(err, ErrPermanent), Err: err}
	}
	v, e := r.build(secret)
	if e != nil {
		e.Op = opCredential
		return "", zero, e
	}
	return secret, v, nil
}

// withCredential calls deliver with r's value; when Slack answers that
// the URL or token does not work, it asks for a fresh one and, if it
// differs, calls deliver once more with it.
func withCredential[T any](ctx context.Context, r *resolver[T], deliver func(v T) error) error {
	v, gen, e := r.get(ctx)
	if e != nil {
		return e
	}
	err := deliver(v)
	if !refusedCredential(err) {
		return err
	}
	fresh, changed, e := r.refresh(ctx, gen)
	if e != nil || !changed {
		return err
	}
	return deliver(fresh)
}
