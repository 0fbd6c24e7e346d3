package send

import (
	"container/list"
	"context"
	"sync"
)

// defaultMemoryStoreSize is the size of the MemoryStore that a Bot uses
// when no Store is given.
const defaultMemoryStoreSize = 1024

// MemoryStore is a Store that keeps threads in memory, for one process.
// It holds at most a fixed number of alarms; when full, Put forgets the
// alarm that was put longest ago. Its methods never fail.
//
// A MemoryStore is safe for concurrent use. The zero value is not usable:
// call NewMemoryStore.
type MemoryStore struct {
	mu    sync.Mutex
	max   int
	order *list.List // of *memEntry, most recently put first
	byKey map[string]*list.Element
}

// memEntry is one stored thread.
type memEntry struct {
	key string
	t   Thread
}

// NewMemoryStore returns an empty MemoryStore holding at most max alarms,
// or 1024 if max is not positive.
func NewMemoryStore(max int) *MemoryStore {
	if max <= 0 {
		max = defaultMemoryStoreSize
	}
	return &MemoryStore{max: max, order: list.New(), byKey: make(map[string]*list.Element)}
}

// Get returns the thread stored under key.
func (s *MemoryStore) Get(_ context.Context, key string) (Thread, bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.byKey[key]
	if !ok {
		return Thread{}, false, nil
	}
	return el.Value.(*memEntry).t, true, nil
}

// Put stores t under key, forgetting the oldest alarm if the store is
// full.
func (s *MemoryStore) Put(_ context.Context, key string, t Thread) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if el, ok := s.byKey[key]; ok {
		el.Value.(*memEntry).t = t
		s.order.MoveToFront(el)
		return nil
	}
	s.byKey[key] = s.order.PushFront(&memEntry{key: key, t: t})
	if s.order.Len() > s.max {
		oldest := s.order.Back()
		s.order.Remove(oldest)
		delete(s.byKey, oldest.Value.(*memEntry).key)
	}
	return nil
}

// Delete removes the thread under key if it is still t.
func (s *MemoryStore) Delete(_ context.Context, key string, t Thread) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	el, ok := s.byKey[key]
	if !ok {
		return nil
	}
	if cur := el.Value.(*memEntry).t; cur.Channel != t.Channel || cur.TS != t.TS {
		return nil
	}
	s.order.Remove(el)
	delete(s.byKey, key)
	return nil
}

// Len returns the number of alarms stored.
func (s *MemoryStore) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.order.Len()
}
