package send

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// countingSender counts deliveries and fails while fail is set.
type countingSender struct {
	n    atomic.Int32
	fail atomic.Bool
}

func (c *countingSender) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	if c.fail.Load() {
		return &Error{Op: opPost, Status: 500, Retryable: true, Attempts: 1}
	}
	c.n.Add(1)
	return nil
}

func stateChange(state alarm.StateValue, at time.Time) *alarm.Alarm {
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
	}{
		{"first ALARM", stateChange(alarm.StateAlarm, t0), false, false, 1},
		{"same state change again (an SNS retry)", stateChange(alarm.StateAlarm, t0), false, false, 1},
		{"same state change, other zone", stateChange(alarm.StateAlarm, t0.In(time.FixedZone("x", 3600))), false, false, 1},
		{"OK", stateChange(alarm.StateOK, t0.Add(time.Minute)), false, false, 2},
		{"a later ALARM", stateChange(alarm.StateAlarm, t0.Add(2*time.Minute)), false, false, 3},
		{"failed delivery is not recorded", stateChange(alarm.StateOK, t0.Add(3*time.Minute)), true, true, 3},
		{"so its retry goes through", stateChange(alarm.StateOK, t0.Add(3*time.Minute)), false, false, 4},
		{"no state-change time: never dropped", stateChange(alarm.StateAlarm, time.Time{}), false, false, 5},
		{"no state-change time again", stateChange(alarm.StateAlarm, time.Time{}), false, false, 6},
	}
	for _, st := range steps {
		next.fail.Store(st.fail)
		err := s.Send(ctx, st.a, testMessage("x"))
		if (err != nil) != st.wantErr {
			t.Errorf("%s: Send = %v, want error %v", st.name, err, st.wantErr)
		}
		if got := next.n.Load(); got != st.wantN {
			t.Errorf("%s: %d deliveries, want %d", st.name, got, st.wantN)
		}
	}
}

func TestDeduplicateConcurrent(t *testing.T) {
	next := &countingSender{}
	s := Deduplicate(next, nil)
	a := stateChange(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if err := s.Send(context.Background(), a, testMessage("x")); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := next.n.Load(); got != 1 {
		t.Errorf("20 concurrent copies made %d deliveries, want 1", got)
	}
}

func TestDeduplicateStoreDown(t *testing.T) {
	next := &countingSender{}
	s := Deduplicate(next, failingStore{})
	a := stateChange(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	for range 2 {
		if err := s.Send(context.Background(), a, testMessage("x")); err != nil {
			t.Fatal(err)
		}
	}
	if got := next.n.Load(); got != 2 {
		t.Errorf("with the store down, %d deliveries, want 2: a duplicate is better than a lost alarm", got)
	}
}

func TestStateChangeKey(t *testing.T) {
	a := stateChange(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 2, 30, 123e6, time.UTC))
	want := "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU ALARM 2026-11-25T10:02:30.123Z"
	if got := StateChangeKey(a); got != want {
		t.Errorf("StateChangeKey = %q, want %q", got, want)
	}
	if got := StateChangeKey(stateChange(alarm.StateAlarm, time.Time{})); got != "" {
		t.Errorf("StateChangeKey without a time = %q, want \"\"", got)
	}
	if got := StateChangeKey(nil); got != "" {
		t.Errorf("StateChangeKey(nil) = %q, want \"\"", got)
	}
}

func TestDeduplicateWaitCanceled(t *testing.T) {
	block := make(chan struct{})
	next := SenderFunc(func(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
		<-block
		return nil
	})
	s := Deduplicate(next, nil)
	a := stateChange(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC))
	go s.Send(context.Background(), a, testMessage("x"))
	ctx, cancel := context.WithCancel(context.Background())
	for {
		d := s.(*dedupe)
		d.mu.Lock()
		_, busy := d.inflight[StateChangeKey(a)]
		d.mu.Unlock()
		if busy {
			break
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := s.Send(ctx, a, testMessage("x")); !errors.Is(err, context.Canceled) {
		t.Errorf("Send while a copy is in flight, ctx canceled = %v, want context.Canceled", err)
	}
	close(block)
}
