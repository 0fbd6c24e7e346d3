package cwslack

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

// fakeSource is a secret's store for tests of the cache: each read
// returns the next value or error, and is counted.
type fakeSource struct {
	mu      sync.Mutex
	results []fakeResult
	reads   int
	block   chan struct{} // if not nil, reads wait for it to close
}

type fakeResult struct {
	value string
	err   error
}

func (f *fakeSource) fetch(ctx context.Context) (string, error) {
	if f.block != nil {
		<-f.block
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.results[min(f.reads, len(f.results)-1)]
	f.reads++
	return r.value, r.err
}

func (f *fakeSource) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.reads
}

// clock is a settable time for Secret.now.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

func TestSecretCache(t *testing.T) {
	errDown := errors.New("connection refused")
	type step struct {
		after     time.Duration // the clock moves on first
		refresh   bool
		want      string
		wantErr   bool
		wantReads int // reads so far
	}
	tests := []struct {
		name    string
		results []fakeResult
		steps   []step
	}{
		{
			name:    "read once, then cached",
			results: []fakeResult{{value: "v1"}, {value: "v2"}},
			steps:   []step{{want: "v1", wantReads: 1}, {after: time.Hour, want: "v1", wantReads: 1}},
		},
		{
			name:    "refresh reads again, then at most every 30 seconds",
			results: []fakeResult{{value: "v1"}, {value: "v2"}, {value: "v3"}},
			steps: []step{
				{want: "v1", wantReads: 1},
				{refresh: true, want: "v2", wantReads: 2},
				{after: 29 * time.Second, refresh: true, want: "v2", wantReads: 2},
				{after: time.Second, refresh: true, want: "v3", wantReads: 3},
				{want: "v3", wantReads: 3},
			},
		},
		{
			name:    "a failure is remembered for two seconds",
			results: []fakeResult{{err: errDown}, {value: "v1"}},
			steps: []step{
				{wantErr: true, wantReads: 1},
				{after: 1999 * time.Millisecond, wantErr: true, wantReads: 1},
				{after: time.Millisecond, want: "v1", wantReads: 2},
			},
		},
		{
			name:    "a failed refresh keeps the value",
			results: []fakeResult{{value: "v1"}, {err: errDown}, {value: "v2"}},
			steps: []step{
				{want: "v1", wantReads: 1},
				{refresh: true, wantErr: true, wantReads: 2},
				{want: "v1", wantReads: 2},
				{refresh: true, wantErr: true, wantReads: 2},
				{after: 2 * time.Second, refresh: true, want: "v2", wantReads: 3},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &fakeSource{results: tt.results}
			clk := &clock{t: time.Date(2026, 11, 25, 1, 0, 0, 0, time.UTC)}
			s := newSecret("ssm:/test", src.fetch)
			s.now = clk.now
			for i, st := range tt.steps {
				clk.add(st.after)
				got, err := s.Value(context.Background(), st.refresh)
				var se *SecretError
				if st.wantErr != (err != nil) || (err != nil && (!errors.As(err, &se) || se.Ref != "ssm:/test" || !errors.Is(err, errDown))) {
					t.Fatalf("step %d: Value = %q, %v; want error: %v (a *SecretError wrapping the cause)", i, got, err, st.wantErr)
				}
				if got != st.want || src.count() != st.wantReads {
					t.Errorf("step %d: Value = %q after %d reads, want %q after %d", i, got, src.count(), st.want, st.wantReads)
				}
			}
		})
	}
}

func TestSecretReadOutlivesACallerThatGivesUp(t *testing.T) {
	src := &fakeSource{results: []fakeResult{{value: "v1"}}, block: make(chan struct{})}
	s := newSecret("ssm:/test", src.fetch)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Value(ctx, false); !errors.Is(err, context.Canceled) || !errors.Is(err, ErrSecret) {
		t.Fatalf("Value with a cancelled context = %v, want a *SecretError wrapping context.Canceled", err)
	}
	close(src.block)
	if got, err := s.Value(context.Background(), false); got != "v1" || err != nil || src.count() != 1 {
		t.Errorf("the next Value = %q, %v after %d reads; want the first read's value", got, err, src.count())
	}
}
