package send

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Deduplicate returns a Sender that passes each state change of an alarm
// to next once. SNS, SQS, EventBridge and Lambda's own retries all deliver
// at least once, and an alarm wired both to SNS and to EventBridge reaches
// a program twice; every copy has the same [StateChangeKey], whatever
// carried it. A message whose state change was delivered already is
// dropped, and Send returns nil. A failed delivery is not recorded, so
// that its retry goes through.
//
// seen records the state changes delivered, under StateChangeKey (the
// Thread stored is empty but for Posted); nil means a MemoryStore of its
// own, which catches the copies that reach the same process, such as a
// warm Lambda instance. A shared Store catches them all. Copies sent at the
// same time through the same Sender are delivered once; through different
// processes, a shared Store that makes Put conditional
// (attribute_not_exists) and a caller that checks it are needed for that.
//
// When seen cannot answer, the message is delivered: a duplicate is better
// than a lost alarm. An alarm with no state-change time is never dropped.
func Deduplicate(next Sender, seen Store) Sender {
	if seen == nil {
		seen = NewMemoryStore(0)
	}
	return &dedupe{next: next, seen: seen, inflight: make(map[string]chan struct{})}
}

// StateChangeKey identifies one state change of an alarm: its [Key], the
// state it entered and when, such as
// "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU ALARM 2026-11-25T10:02:30.123Z".
// It is "" when the alarm has no state-change time.
func StateChangeKey(a *alarm.Alarm) string {
	if a == nil || a.State.Timestamp.IsZero() {
		return ""
	}
	return Key(a) + " " + string(a.State.Value) + " " + a.State.Timestamp.UTC().Format(time.RFC3339Nano)
}

// dedupe is the Sender that Deduplicate returns.
type dedupe struct {
	next Sender
	seen Store

	mu       sync.Mutex
	inflight map[string]chan struct{} // closed when the delivery of a key ends
}

// Send delivers m unless its state change was delivered already.
func (d *dedupe) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	key := StateChangeKey(a)
	if key == "" {
		return d.next.Send(ctx, a, m)
	}
	if err := d.claim(ctx, key); err != nil {
		return err
	}
	defer d.release(key)
	if _, ok, err := d.seen.Get(ctx, key); err == nil && ok {
		return nil
	}
	if err := d.next.Send(ctx, a, m); err != nil {
		return err
	}
	d.seen.Put(ctx, key, Thread{Posted: time.Now()}) // delivered: a failure here can only cost a duplicate
	return nil
}

// claim waits until no other delivery of key runs in this Sender, then
// marks key as in flight. It fails only when ctx ends first.
func (d *dedupe) claim(ctx context.Context, key string) error {
	for {
		d.mu.Lock()
		done, busy := d.inflight[key]
		if !busy {
			d.inflight[key] = make(chan struct{})
			d.mu.Unlock()
			return nil
		}
		d.mu.Unlock()
		select {
		case <-done:
		case <-ctx.Done():
			return fmt.Errorf("send: waiting for a delivery of the same state change: %w", ctx.Err())
		}
	}
}

// release ends the delivery of key.
func (d *dedupe) release(key string) {
	d.mu.Lock()
	close(d.inflight[key])
	delete(d.inflight, key)
	d.mu.Unlock()
}
