package snsverify

import (
	"context"
	"errors"
	"runtime"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// countingFetch is a fetch function that records the URLs it is asked for
// and fails for "bad".
type countingFetch struct {
	mu    sync.Mutex
	calls []string
	gate  chan struct{} // if not nil, each fetch waits for it to close
}

func (f *countingFetch) fetch(ctx context.Context, url string) (*signer, error) {
	f.mu.Lock()
	f.calls = append(f.calls, url)
	f.mu.Unlock()
	if f.gate != nil {
		<-f.gate
	}
	if url == "bad" {
		return nil, errors.New("fetch failed")
	}
	return &signer{}, nil
}

func (f *countingFetch) got() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.calls...)
}

// TestCacheEvictsOldest checks the bound: with room for two, a third URL
// evicts the first, which is then fetched again.
func TestCacheEvictsOldest(t *testing.T) {
	f := &countingFetch{}
	c := newCertCache(2, f.fetch)
	ctx := context.Background()
	for _, url := range []string{"a", "b", "a", "c", "b", "a"} {
		if _, err := c.get(ctx, url); err != nil {
			t.Fatalf("get(%q): %v", url, err)
		}
	}
	// a, b fetched; a hit; c evicts a; b hit; a evicts b.
	if diff := cmp.Diff([]string{"a", "b", "c", "a"}, f.got()); diff != "" {
		t.Errorf("fetches mismatch (-want +got):\n%s", diff)
	}
	if c.len() != 2 {
		t.Errorf("len() = %d, want 2", c.len())
	}
}

// TestCacheDoesNotKeepFailures checks that a failed fetch is retried.
func TestCacheDoesNotKeepFailures(t *testing.T) {
	f := &countingFetch{}
	c := newCertCache(2, f.fetch)
	for range 2 {
		if _, err := c.get(context.Background(), "bad"); err == nil {
			t.Fatal("get(bad) succeeded")
		}
	}
	if got := len(f.got()); got != 2 {
		t.Errorf("fetches = %d, want 2", got)
	}
}

// TestCacheSharesFetch checks that a caller that stops waiting does not
// cancel the fetch that another caller shares.
func TestCacheSharesFetch(t *testing.T) {
	f := &countingFetch{gate: make(chan struct{})}
	c := newCertCache(2, f.fetch)
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error)
	go func() {
		_, err := c.get(ctx, "a")
		errc <- err
	}()
	// The first caller is waiting on the fetch once it is in flight.
	for len(f.got()) == 0 {
		runtime.Gosched()
	}
	second := c.join(context.Background(), "a")
	cancel()
	if err := <-errc; !errors.Is(err, context.Canceled) {
		t.Fatalf("canceled get = %v, want context.Canceled", err)
	}
	close(f.gate)
	<-second.done
	if second.err != nil || second.s == nil {
		t.Errorf("shared fetch = %v, %v; want a signer", second.s, second.err)
	}
	if got := len(f.got()); got != 1 {
		t.Errorf("fetches = %d, want 1", got)
	}
}
