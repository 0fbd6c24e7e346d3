package snsverify_test

import (
	"context"
	"sync"
	"testing"

	"github.com/cwslack/cwslack/alarm/snsverify"
)

// TestVerifyCachesCertificate checks that a second message signed with the
// same certificate costs no fetch, and that the cache is bounded.
func TestVerifyCachesCertificate(t *testing.T) {
	p, _, _ := publishers(t)
	v := verifier(p, snsverify.WithCacheSize(2))
	verify := func(path string) {
		t.Helper()
		m := notification()
		m.SigningCertURL = snsBase + path
		if _, err := v.Verify(context.Background(), publish(t, p, m)); err != nil {
			t.Fatalf("Verify with %s: %v", path, err)
		}
	}
	for _, path := range []string{"/cache/a.pem", "/cache/a.pem", "/cache/b.pem", "/cache/c.pem", "/cache/b.pem", "/cache/a.pem"} {
		verify(path)
	}
	// a is fetched, then hit; b and c fill the cache and c evicts a; b is a
	// hit; a is fetched again.
	for path, want := range map[string]int{"/cache/a.pem": 2, "/cache/b.pem": 1, "/cache/c.pem": 1} {
		if got := p.Fetches(path); got != want {
			t.Errorf("Fetches(%s) = %d, want %d", path, got, want)
		}
	}
}

// TestVerifyConcurrent verifies from many goroutines at once with a cold
// cache (run with -race): all succeed and the certificate is fetched once.
func TestVerifyConcurrent(t *testing.T) {
	p, _, _ := publishers(t)
	v := verifier(p)
	m := notification()
	m.SigningCertURL = snsBase + "/concurrent.pem"
	body := publish(t, p, m)
	var wg sync.WaitGroup
	errs := make(chan error, 32)
	for range 32 {
		wg.Go(func() {
			if _, err := v.Verify(context.Background(), body); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("Verify: %v", err)
	}
	if got := p.Fetches("/concurrent.pem"); got != 1 {
		t.Errorf("Fetches = %d, want 1", got)
	}
}
