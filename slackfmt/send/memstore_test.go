package send

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// threads returns what s holds under the keys.
func threads(t *testing.T, s *MemoryStore, keys ...string) map[string]Thread {
	t.Helper()
	got := map[string]Thread{}
	for _, k := range keys {
		th, ok, err := s.Get(context.Background(), k)
		if err != nil {
			t.Fatalf("Get(%q): %v", k, err)
		}
		if ok {
			got[k] = th
		}
	}
	return got
}

func TestMemoryStoreThreads(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore(2)
	a, b, c := Thread{Channel: "C1", TS: "1.1"}, Thread{Channel: "C1", TS: "2.2"}, Thread{Channel: "C2", TS: "3.3"}
	steps := []struct {
		name string
		do   func() error
		want map[string]Thread
	}{
		{"put a", func() error { return s.Put(ctx, "a", a) }, map[string]Thread{"a": a}},
		{"put b", func() error { return s.Put(ctx, "b", b) }, map[string]Thread{"a": a, "b": b}},
		{"replace a makes it newest", func() error { return s.Put(ctx, "a", c) }, map[string]Thread{"a": c, "b": b}},
		{"put c evicts the oldest, b", func() error { return s.Put(ctx, "c", c) }, map[string]Thread{"a": c, "c": c}},
		{"delete a with a stale thread keeps it", func() error { return s.Delete(ctx, "a", a) }, map[string]Thread{"a": c, "c": c}},
		{"delete a with its thread", func() error { return s.Delete(ctx, "a", c) }, map[string]Thread{"c": c}},
		{"delete a missing key", func() error { return s.Delete(ctx, "zz", c) }, map[string]Thread{"c": c}},
	}
	for _, st := range steps {
		if err := st.do(); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		if diff := cmp.Diff(st.want, threads(t, s, "a", "b", "c", "zz")); diff != "" {
			t.Errorf("%s: contents mismatch (-want +got):\n%s", st.name, diff)
		}
	}
}

func TestMemoryStoreClaims(t *testing.T) {
	ctx := context.Background()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	s := NewMemoryStore(2)
	s.now = func() time.Time { return now }
	until := func(d time.Duration) time.Time { return now.Add(d) }
	claim := func(key string, u time.Time) func() bool {
		return func() bool { ok, _ := s.Claim(ctx, key, u); return ok }
	}
	do := func(f func(), ok bool) func() bool { return func() bool { f(); return ok } }
	later := func(d time.Duration) func() { return func() { now = now.Add(d) } }
	steps := []struct {
		name string
		do   func() bool
		want bool
	}{
		{"first claim", claim("a", until(10*time.Second)), true},
		{"second claim while the first holds", claim("a", until(20*time.Second)), false},
		{"another key", claim("b", until(10*time.Second)), true},
		{"release with another until keeps the claim", do(func() { s.Release(ctx, "a", until(20*time.Second)) }, true), true},
		{"so a is still claimed", claim("a", until(20*time.Second)), false},
		{"release with its until", do(func() { s.Release(ctx, "a", until(10*time.Second)) }, true), true},
		{"so a can be claimed again", claim("a", until(10*time.Second)), true},
		{"the claim expires", do(later(11*time.Second), true), true},
		{"after which a can be claimed", claim("a", until(10*time.Second)), true},
		{"done", do(func() { s.Done(ctx, "a") }, true), true},
		{"a delivered is not claimed again", claim("a", until(10*time.Second)), false},
		{"nor released", do(func() { s.Release(ctx, "a", until(10*time.Second)) }, true), true},
		{"still delivered", claim("a", until(10*time.Second)), false},
		{"an hour later", do(later(time.Hour), true), true},
		{"still delivered an hour later", claim("a", until(10*time.Second)), false},
		{"a day later", do(later(doneRetention), true), true},
		{"forgotten after a day", claim("a", until(10*time.Second)), true},
	}
	for _, st := range steps {
		if got := st.do(); got != st.want {
			t.Errorf("%s: got %v, want %v", st.name, got, st.want)
		}
	}
}

// TestMemoryStoreForgetsOldestChange checks the bound on state changes:
// when full, the one stored longest ago is forgotten.
func TestMemoryStoreForgetsOldestChange(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore(2)
	for _, k := range []string{"a", "b", "c"} {
		s.Done(ctx, k)
	}
	for _, tt := range []struct {
		key  string
		want bool
	}{{"b", false}, {"c", false}, {"a", true}} {
		if ok, _ := s.Claim(ctx, tt.key, time.Now().Add(time.Minute)); ok != tt.want {
			t.Errorf("Claim(%s) = %v, want %v", tt.key, ok, tt.want)
		}
	}
}

// TestMemoryStoreApart checks that threads and claims do not share keys
// or room.
func TestMemoryStoreApart(t *testing.T) {
	ctx := context.Background()
	s := NewMemoryStore(1)
	s.Put(ctx, "k", Thread{Channel: "C", TS: "1"})
	if ok, _ := s.Claim(ctx, "k", time.Now().Add(time.Minute)); !ok {
		t.Errorf("Claim of a key that names a thread failed")
	}
	if _, ok, _ := s.Get(ctx, "k"); !ok {
		t.Errorf("a claim evicted a thread")
	}
}

func TestMemoryStoreDefaultSize(t *testing.T) {
	s := NewMemoryStore(0)
	for i := range defaultMemoryStoreSize + 10 {
		s.Put(context.Background(), fmt.Sprint(i), Thread{TS: fmt.Sprint(i)})
		s.Done(context.Background(), fmt.Sprint(i))
	}
	if got := s.threads.len(); got != defaultMemoryStoreSize {
		t.Errorf("threads = %d, want %d", got, defaultMemoryStoreSize)
	}
	if got := s.changes.len(); got != defaultMemoryStoreSize {
		t.Errorf("state changes = %d, want %d", got, defaultMemoryStoreSize)
	}
}

// TestMemoryStoreConcurrent is meant for go test -race.
func TestMemoryStoreConcurrent(t *testing.T) {
	s := NewMemoryStore(8)
	ctx := context.Background()
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				key := fmt.Sprint((g + i) % 16)
				th := Thread{Channel: "C", TS: fmt.Sprint(i)}
				s.Put(ctx, key, th)
				s.Get(ctx, key)
				s.Delete(ctx, key, th)
				until := time.Now().Add(time.Second)
				if ok, _ := s.Claim(ctx, key, until); ok && i%2 == 0 {
					s.Release(ctx, key, until)
				} else if ok {
					s.Done(ctx, key)
				}
			}
		})
	}
	wg.Wait()
	if s.threads.len() > 8 || s.changes.len() > 8 {
		t.Errorf("store holds %d threads and %d state changes, want at most 8 each", s.threads.len(), s.changes.len())
	}
}
