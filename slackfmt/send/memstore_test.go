package send

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMemoryStore(t *testing.T) {
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
		got := map[string]Thread{}
		for _, k := range []string{"a", "b", "c", "zz"} {
			if th, ok, err := s.Get(ctx, k); err != nil {
				t.Fatalf("%s: Get(%q): %v", st.name, k, err)
			} else if ok {
				got[k] = th
			}
		}
		if diff := cmp.Diff(st.want, got); diff != "" {
			t.Errorf("%s: contents mismatch (-want +got):\n%s", st.name, diff)
		}
		if s.Len() != len(st.want) {
			t.Errorf("%s: Len() = %d, want %d", st.name, s.Len(), len(st.want))
		}
	}
}

func TestMemoryStoreDefaultSize(t *testing.T) {
	s := NewMemoryStore(0)
	for i := range defaultMemoryStoreSize + 10 {
		s.Put(context.Background(), fmt.Sprint(i), Thread{TS: fmt.Sprint(i)})
	}
	if got := s.Len(); got != defaultMemoryStoreSize {
		t.Errorf("Len() = %d, want %d", got, defaultMemoryStoreSize)
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
			}
		})
	}
	wg.Wait()
	if s.Len() > 8 {
		t.Errorf("Len() = %d, want at most 8", s.Len())
	}
}
