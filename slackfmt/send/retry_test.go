package send

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestBackoffGrowsToCap(t *testing.T) {
	r := newRetrier()
	r.randN = func(n int64) int64 { return n - 1 }
	var got []time.Duration
	for n := 1; n <= 8; n++ {
		got = append(got, r.backoff(n)+1)
	}
	ms := time.Millisecond
	want := []time.Duration{250 * ms, 500 * ms, time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("backoff ceilings mismatch (-want +got):\n%s", diff)
	}
}

func TestBackoffHugeAttempt(t *testing.T) {
	r := newRetrier()
	r.base = time.Hour
	r.max = 1<<62 - 1
	var ceil int64
	r.randN = func(n int64) int64 { ceil = n; return 0 }
	r.backoff(1000)
	if ceil <= 0 || time.Duration(ceil) > r.max {
		t.Errorf("backoff(1000) drew from [0, %d); want a positive ceiling at most %d", ceil, r.max)
	}
}

func TestBackoffHugeMax(t *testing.T) {
	r := newRetrier()
	r.base = time.Second
	r.max = math.MaxInt64
	var ceil int64
	r.randN = func(n int64) int64 { ceil = n; return 0 }
	r.backoff(100)
	if ceil <= 0 {
		t.Errorf("backoff(100) with max MaxInt64 drew from [0, %d); want a positive ceiling", ceil)
	}
}

func TestRetrierNext(t *testing.T) {
	clock := newFakeClock()
	tests := []struct {
		name     string
		err      Error
		n        int
		deadline time.Duration // from now; 0 for none
		want     time.Duration
		wantOK   bool
	}{
		{"permanent", Error{}, 1, 0, 0, false},
		{"retryable", Error{Retryable: true}, 1, 0, 250*time.Millisecond - 1, true},
		{"last attempt", Error{Retryable: true}, 5, 0, 0, false},
		{"retry after", Error{Retryable: true, RetryAfter: 3 * time.Second}, 1, 10 * time.Second, 3 * time.Second, true},
		{"retry after past deadline", Error{Retryable: true, RetryAfter: 11 * time.Second}, 1, 10 * time.Second, 0, false},
		{"retry after too long", Error{Retryable: true, RetryAfter: 2 * time.Minute}, 1, 0, 0, false},
		{"backoff within deadline", Error{Retryable: true}, 4, 10 * time.Second, 2*time.Second - 1, true},
		{"backoff past deadline", Error{Retryable: true}, 4, time.Second, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSettings([]Option{withClock(clock)})
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, clock.now().Add(tt.deadline))
				defer cancel()
			}
			got, ok := s.retry.next(ctx, &tt.err, tt.n)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("next(%+v, %d) = %v, %v; want %v, %v", tt.err, tt.n, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestRetrierStopsWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	clock := newFakeClock()
	s := newSettings([]Option{withClock(clock)})
	calls := 0
	err := s.retry.do(ctx, func(context.Context) *Error {
		calls++
		cancel()
		return &Error{Op: "test", Retryable: true}
	})
	if calls != 1 || err == nil {
		t.Errorf("do after cancel: %d calls, err %v; want 1 call and an error", calls, err)
	}
}
