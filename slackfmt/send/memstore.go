package send

import (
	"container/list"
	"context"
	"sync"
	"time"
)

// defaultMemoryStoreSize is the size of a MemoryStore made with a size
// that is not positive, such as the one a Bot or Deduplicate makes when
// given no store.
const defaultMemoryStoreSize = 1024

// doneRetention is how long a MemoryStore remembers a delivered state
// change: longer than SNS (an hour at most for HTTP endpoints) or Lambda
// retry a message.
const doneRetention = 24 * time.Hour

// MemoryStore is a ThreadStore and a DedupeStore that keeps everything in
// memory, for one process. It holds at most a fixed number of threads and
// a fixed number of state changes; when full, it forgets the one that was
// stored longest ago. A claim expires at its until; a state change marked
// done is remembered for a day. Its methods never fail.
//
// A MemoryStore is safe for concurrent use. The zero value is not usable:
// call NewMemoryStore.
type MemoryStore struct {
	mu      sync.Mutex
	now     func() time.Time
	threads bounded[Thread]
	changes bounded[stateChange]
}

// stateChange is what a MemoryStore knows of one state change: claimed
// until a time, or delivered at a time.
type stateChange struct {
	until time.Time // when the claim expires; zero once done
	done  time.Time // when it was delivered; zero while claimed
}

// holds reports whether c still bars a new claim at now: a claim that
// has not expired, or a delivery within doneRetention.
func (c stateChange) holds(now time.Time) bool {
	if c.done.IsZero() {
		return now.Before(c.until)
	}
	return now.Sub(c.done) < doneRetention
}

// NewMemoryStore returns an empty MemoryStore holding at most max threads
// and max state changes, or 1024 of each if max is not positive.
func NewMemoryStore(max int) *MemoryStore {
	if max <= 0 {
		max = defaultMemoryStoreSize
	}
	return &MemoryStore{now: time.Now, threads: newBounded[Thread](max), changes: newBounded[stateChange](max)}
}

// Get returns the thread stored under key.
func (s *MemoryStore) Get(_ context.Context, key string) (Thread, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.threads.get(key)
	return t, ok, nil
}

// Put stores t under key, forgetting the oldest thread if the store is
// full.
func (s *MemoryStore) Put(_ context.Context, key string, t Thread) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.threads.put(key, t)
	return nil
}

// Delete removes the thread under key if it is still t.
func (s *MemoryStore) Delete(_ context.Context, key string, t Thread) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur, ok := s.threads.get(key); ok && cur.Channel == t.Channel && cur.TS == t.TS {
		s.threads.delete(key)
	}
	return nil
}

// Claim reserves key until until, unless it was delivered within the last
// day or holds a claim that has not expired.
func (s *MemoryStore) Claim(_ context.Context, key string, until time.Time) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if c, ok := s.changes.get(key); ok && c.holds(now) {
		return false, nil
	}
	s.changes.put(key, stateChange{until: until})
	return true, nil
}

// Done records that key was delivered.
func (s *MemoryStore) Done(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.changes.put(key, stateChange{done: s.now()})
	return nil
}

// Release drops the claim on key if it is the one made with until.
func (s *MemoryStore) Release(_ context.Context, key string, until time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.changes.get(key); ok && c.done.IsZero() && c.until.Equal(until) {
		s.changes.delete(key)
	}
	return nil
}

// bounded is a map from keys to values that holds at most max entries,
// forgetting the one put longest ago when full. It is not safe for
// concurrent use.
type bounded[V any] struct {
	max   int
	order *list.List // of *boundedEntry[V], most recently put first
	byKey map[string]*list.Element
}

// boundedEntry is one entry of a bounded map.
type boundedEntry[V any] struct {
	key   string
	value V
}

func newBounded[V any](max int) bounded[V] {
	return bounded[V]{max: max, order: list.New(), byKey: make(map[string]*list.Element)}
}

// get returns the value under key.
func (b *bounded[V]) get(key string) (V, bool) {
	el, ok := b.byKey[key]
	if !ok {
		var zero V
		return zero, false
	}
	return el.Value.(*boundedEntry[V]).value, true
}

// put stores v under key as the newest entry, forgetting the oldest if
// the map is full.
func (b *bounded[V]) put(key string, v V) {
	if el, ok := b.byKey[key]; ok {
		el.Value.(*boundedEntry[V]).value = v
		b.order.MoveToFront(el)
		return
	}
	b.byKey[key] = b.order.PushFront(&boundedEntry[V]{key: key, value: v})
	if b.order.Len() > b.max {
		b.delete(b.order.Back().Value.(*boundedEntry[V]).key)
	}
}

// delete removes key.
func (b *bounded[V]) delete(key string) {
	if el, ok := b.byKey[key]; ok {
		b.order.Remove(el)
		delete(b.byKey, key)
	}
}

// len returns the number of entries.
func (b *bounded[V]) len() int { return b.order.Len() }
