package send

import (
	"context"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// countingSender counts deliveries and fails while fail is set.
type countingSender struct {
	n    atomic.Int32
	fail atomic.Bool
}

func (c *countingSender) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	if c.fail.Load() {
		return Receipt{}, &Error{Op: opPost, Status: 500, Retryable: true, Attempts: 1}
	}
	n := c.n.Add(1)
	return Receipt{Channel: "C1", TS: strconv.Itoa(int(n))}, nil
}

func changeAt(state alarm.StateValue, at time.Time) *alarm.Alarm {
	a := testAlarm(state)
	a.State.Timestamp = at
	return a
}

func TestDeduplicate(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 2, 30, 123e6, time.UTC)
	next := &countingSender{}
	s := Deduplicate(next, nil)
	ctx := context.Background()
	steps := []struct {
		name    string
		a       *alarm.Alarm
		fail    bool
		wantErr bool
		wantN   int32
		want    Receipt
	}{
		{"first ALARM", changeAt(alarm.StateAlarm, t0), false, false, 1, Receipt{"C1", "1", ""}},
		{"same state change again (an SNS retry)", changeAt(alarm.StateAlarm, t0), false, false, 1, Receipt{}},
		{"same state change, other zone", changeAt(alarm.StateAlarm, t0.In(time.FixedZone("x", 3600))), false, false, 1, Receipt{}},
		{"OK", changeAt(alarm.StateOK, t0.Add(time.Minute)), false, false, 2, Receipt{"C1", "2", ""}},
		{"a later ALARM", changeAt(alarm.StateAlarm, t0.Add(2*time.Minute)), false, false, 3, Receipt{"C1", "3", ""}},
		{"failed delivery releases its claim", changeAt(alarm.StateOK, t0.Add(3*time.Minute)), true, true, 3, Receipt{}},
		{"so its retry goes through", changeAt(alarm.StateOK, t0.Add(3*time.Minute)), false, false, 4, Receipt{"C1", "4", ""}},
		{"no state-change time: never dropped", changeAt(alarm.StateAlarm, time.Time{}), false, false, 5, Receipt{"C1", "5", ""}},
		{"no state-change time again", changeAt(alarm.StateAlarm, time.Time{}), false, false, 6, Receipt{"C1", "6", ""}},
	}
	for _, st := range steps {
		next.fail.Store(st.fail)
		r, err := s.Send(ctx, st.a, testMessage("x"))
		if (err != nil) != st.wantErr {
			t.Errorf("%s: Send = %v, want error %v", st.name, err, st.wantErr)
		}
		if r != st.want {
			t.Errorf("%s: Send = %+v, want %+v", st.name, r, st.want)
		}
		if got := next.n.Load(); got != st.wantN {
			t.Errorf("%s: %d deliveries, want %d", st.name, got, st.wantN)
		}
	}
}

func TestDeduplicateConcurrent(t *testing.T) {
	next := &countingSender{}
	s := Deduplicate(next, nil)
	a := changeAt(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := s.Send(context.Background(), a, testMessage("x")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := next.n.Load(); got != 1 {
		t.Errorf("20 concurrent copies made %d deliveries, want 1", got)
	}
}

// TestDeduplicateStoreDown checks that a store that cannot answer does not
// stop deliveries: a duplicate is better than a lost alarm.
func TestDeduplicateStoreDown(t *testing.T) {
	next := &countingSender{}
	s := Deduplicate(next, failingStore{})
	a := changeAt(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	for range 2 {
		if _, err := s.Send(context.Background(), a, testMessage("x")); err != nil {
			t.Fatal(err)
		}
	}
	if got := next.n.Load(); got != 2 {
		t.Errorf("with the store down, %d deliveries, want 2", got)
	}
}

// claimLog is a DedupeStore that records the calls made to it and
// delegates them to a MemoryStore.
type claimLog struct {
	*MemoryStore
	calls []string
}

func (c *claimLog) Claim(ctx context.Context, key string, until time.Time) (bool, error) {
	c.calls = append(c.calls, "Claim until "+until.UTC().Format(time.RFC3339))
	return c.MemoryStore.Claim(ctx, key, until)
}

func (c *claimLog) Done(ctx context.Context, key string) error {
	c.calls = append(c.calls, "Done")
	return c.MemoryStore.Done(ctx, key)
}

func (c *claimLog) Release(ctx context.Context, key string, until time.Time) error {
	c.calls = append(c.calls, "Release until "+until.UTC().Format(time.RFC3339))
	return c.MemoryStore.Release(ctx, key, until)
}

// TestDeduplicateClaims checks the calls made to the store: a claim until
// the context's deadline, or DefaultTimeout from now, then Done or
// Release.
func TestDeduplicateClaims(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	deadline := now.Add(3 * time.Second)
	tests := []struct {
		name      string
		deadline  bool
		fail      bool
		wantCalls []string
	}{
		{"delivered", false, false, []string{"Claim until 2026-11-25T10:00:10Z", "Done"}},
		{"failed", false, true, []string{"Claim until 2026-11-25T10:00:10Z", "Release until 2026-11-25T10:00:10Z"}},
		{"deadline", true, false, []string{"Claim until 2026-11-25T10:00:03Z", "Done"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := &claimLog{MemoryStore: NewMemoryStore(0)}
			next := &countingSender{}
			next.fail.Store(tt.fail)
			d := &dedupe{next: next, store: store, now: func() time.Time { return now }}
			ctx := context.Background()
			if tt.deadline {
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, deadline)
				defer cancel()
			}
			d.Send(ctx, changeAt(alarm.StateAlarm, now), testMessage("x"))
			if diff := cmp.Diff(tt.wantCalls, store.calls); diff != "" {
				t.Errorf("store calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
