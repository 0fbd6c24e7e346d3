package snsverify

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"sync"
)

// signer is a parsed signing certificate: verifying a message against it
// costs one RSA verification and no parsing.
type signer struct {
	cert *x509.Certificate
	key  *rsa.PublicKey
}

// flight is one certificate fetch that concurrent callers share.
type flight struct {
	done chan struct{}
	s    *signer
	err  error
}

// certCache holds parsed certificates by URL. It is bounded: when full it
// evicts the oldest entry (SNS uses one certificate per region at a time, so
// recency hardly matters and FIFO keeps lookups on a read lock). Concurrent
// misses on one URL share a single fetch. Failed fetches are not cached, so
// a transient failure does not stick.
type certCache struct {
	fetch func(context.Context, string) (*signer, error)
	size  int

	mu       sync.RWMutex
	entries  map[string]*signer
	order    []string // insertion order, oldest first
	inFlight map[string]*flight
}

func newCertCache(size int, fetch func(context.Context, string) (*signer, error)) *certCache {
	return &certCache{
		fetch: fetch, size: max(size, 1),
		entries: make(map[string]*signer), inFlight: make(map[string]*flight),
	}
}

// get returns the signer for url, fetching it on a miss. The fetch runs on
// a context detached from ctx's cancellation (the HTTP client's timeout
// bounds it), so one caller giving up does not fail the others sharing it;
// each caller still stops waiting when its own ctx is done.
func (c *certCache) get(ctx context.Context, url string) (*signer, error) {
	c.mu.RLock()
	s := c.entries[url]
	c.mu.RUnlock()
	if s != nil {
		return s, nil
	}
	if err := context.Cause(ctx); err != nil {
		return nil, err
	}
	f := c.join(ctx, url)
	select {
	case <-f.done:
		return f.s, f.err
	case <-ctx.Done():
		return nil, context.Cause(ctx)
	}
}

// join returns the fetch of url in flight, starting one if there is none.
func (c *certCache) join(ctx context.Context, url string) *flight {
	c.mu.Lock()
	defer c.mu.Unlock()
	if s := c.entries[url]; s != nil {
		f := &flight{done: make(chan struct{}), s: s}
		close(f.done)
		return f
	}
	if f := c.inFlight[url]; f != nil {
		return f
	}
	f := &flight{done: make(chan struct{})}
	c.inFlight[url] = f
	go c.run(context.WithoutCancel(ctx), url, f)
	return f
}

// run performs the fetch of f and stores its result.
func (c *certCache) run(ctx context.Context, url string, f *flight) {
	f.s, f.err = c.fetch(ctx, url)
	c.mu.Lock()
	delete(c.inFlight, url)
	if f.err == nil {
		c.store(url, f.s)
	}
	c.mu.Unlock()
	close(f.done)
}

// store adds s under url, evicting the oldest entries beyond the bound.
// The caller holds c.mu.
func (c *certCache) store(url string, s *signer) {
	if _, ok := c.entries[url]; !ok {
		c.order = append(c.order, url)
	}
	c.entries[url] = s
	for len(c.order) > c.size {
		delete(c.entries, c.order[0])
		c.order = c.order[1:]
	}
}

// len returns the number of cached certificates.
func (c *certCache) len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}
