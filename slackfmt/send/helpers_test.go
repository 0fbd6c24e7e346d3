package send

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// fakeClock is a clock whose sleeps return at once, moving the time
// forward, and record how long they were asked to wait.
type fakeClock struct {
	mu     sync.Mutex
	t      time.Time
	sleeps []time.Duration
}

// newFakeClock returns a fakeClock at the current whole second.
func newFakeClock() *fakeClock { return &fakeClock{t: time.Now().Truncate(time.Second)} }

func (c *fakeClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	c.sleeps = append(c.sleeps, d)
	return nil
}

func (c *fakeClock) slept() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// withClock makes a sender use c, and draw the largest possible backoff
// so that waits are predictable.
func withClock(c *fakeClock) Option {
	return func(s *settings) {
		s.retry.now = c.now
		s.retry.sleep = c.sleep
		s.retry.randN = func(n int64) int64 { return n - 1 }
	}
}

// reply is one scripted answer of a fake Slack endpoint.
type reply struct {
	status int
	body   string
	header map[string]string
}

// request is what a fake Slack endpoint received.
type request struct {
	Path        string
	ContentType string
	Body        string
}

// fakeSlack is a local Slack that answers each path with its scripted
// replies in turn, repeating the last, and records every request.
type fakeSlack struct {
	mu      sync.Mutex
	replies map[string][]reply
	got     []request
	srv     *httptest.Server
}

// newFakeSlack starts a fakeSlack that t closes.
func newFakeSlack(t *testing.T, replies map[string][]reply) *fakeSlack {
	t.Helper()
	f := &fakeSlack{replies: replies}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	f.got = append(f.got, request{r.URL.Path, r.Header.Get("Content-Type"), string(body)})
	rs := f.replies[r.URL.Path]
	var rep reply
	if len(rs) > 0 {
		rep = rs[0]
		if len(rs) > 1 {
			f.replies[r.URL.Path] = rs[1:]
		}
	} else {
		rep = reply{status: http.StatusNotFound, body: "no_service"}
	}
	f.mu.Unlock()
	for k, v := range rep.header {
		w.Header().Set(k, v)
	}
	w.WriteHeader(rep.status)
	io.WriteString(w, rep.body)
}

func (f *fakeSlack) requests() []request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]request(nil), f.got...)
}
