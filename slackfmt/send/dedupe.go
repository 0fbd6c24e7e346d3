package send

import (
	"context"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Deduplicate returns a Sender that passes each state change of an alarm
// to next once. SNS, SQS, EventBridge and Lambda's own retries all deliver
// at least once, and an alarm wired both to SNS and to EventBridge reaches
// a program twice; every copy has the same [StateChangeKey], whatever
// carried it.
//
// Each Send claims its key in store until ctx's deadline (or, without
// one, for [DefaultTimeout], the longest a Send of this package takes
// unless [WithTimeout] says otherwise), then sends with next; it marks the key done
// when next succeeds and releases it when next fails, so that a retry of
// a failed delivery goes through. A copy whose key was delivered, or is
// claimed by a delivery still running, is dropped: Send returns a zero
// Receipt and a nil error. A nil store means a MemoryStore of its own,
// which catches the copies that reach the same process, such as a warm
// Lambda instance; a shared DedupeStore catches them all.
//
// When store cannot answer, the message is delivered: a duplicate is
// better than a lost alarm. The errors of Done and Release are not
// reported (a claim that could not be released expires at its until). An
// alarm with no state-change time is never dropped.
func Deduplicate(next Sender, store DedupeStore) Sender {
	if store == nil {
		store = NewMemoryStore(0)
	}
	return &dedupe{next: next, store: store, now: time.Now}
}

// dedupe is the Sender that Deduplicate returns.
type dedupe struct {
	next  Sender
	store DedupeStore
	now   func() time.Time
}

// Send delivers m unless its state change was delivered or is being
// delivered.
func (d *dedupe) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	key := StateChangeKey(a)
	if key == "" {
		return d.next.Send(ctx, a, m)
	}
	until, ok := ctx.Deadline()
	if !ok {
		until = d.now().Add(DefaultTimeout)
	}
	claimed, err := d.store.Claim(ctx, key, until)
	if err != nil {
		return d.next.Send(ctx, a, m)
	}
	if !claimed {
		return Receipt{}, nil
	}
	r, err := d.next.Send(ctx, a, m)
	if err != nil {
		d.store.Release(ctx, key, until)
		return r, err
	}
	d.store.Done(ctx, key)
	return r, nil
}
