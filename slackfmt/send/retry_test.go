package send

import (
	"context"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
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
	limited := func(ra time.Duration) Error { return Error{Status: 429, Retryable: true, RetryAfter: ra} }
	tests := []struct {
		name     string
		err      Error
		failures int
		n        int
		deadline time.Duration // from now; 0 for none
		want     time.Duration
		wantOK   bool
	}{
		{"permanent", Error{}, 1, 1, 0, 0, false},
		{"retryable", Error{Retryable: true}, 1, 1, 0, 250*time.Millisecond - 1, true},
		{"last attempt", Error{Retryable: true}, 5, 5, 0, 0, false},
		{"unanswered", Error{Retryable: true, Unanswered: true}, 1, 1, 10 * time.Second, 0, false},
		{"retry after plus jitter", limited(3 * time.Second), 0, 1, 10 * time.Second, 4*time.Second - 1, true},
		{"retry after 20 s: jitter up to 5 s", limited(20 * time.Second), 0, 1, 30 * time.Second, 25*time.Second - 1, true},
		{"jitter cut to the deadline", limited(3 * time.Second), 0, 1, 4500 * time.Millisecond, 3500 * time.Millisecond, true},
		{"429 beyond the attempt limit", limited(time.Second), 0, 40, 10 * time.Second, 2*time.Second - 1, true},
		{"retry after past deadline", limited(11 * time.Second), 0, 1, 10 * time.Second, 0, false},
		{"retry after leaves less than a second", limited(9500 * time.Millisecond), 0, 1, 10 * time.Second, 0, false},
		{"retry after too long", limited(2 * time.Minute), 0, 1, 0, 0, false},
		{"backoff within deadline", Error{Retryable: true}, 4, 4, 10 * time.Second, 2*time.Second - 1, true},
		{"backoff past deadline", Error{Retryable: true}, 4, 4, time.Second, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := webhookSettings([]Option{withClock(clock)})
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, clock.now().Add(tt.deadline))
				defer cancel()
			}
			got, ok := s.retry.next(ctx, &tt.err, tt.failures, tt.n)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("next(%+v, %d, %d) = %v, %v; want %v, %v", tt.err, tt.failures, tt.n, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestRetrierStopsWhenContextDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	clock := newFakeClock()
	s := webhookSettings([]Option{withClock(clock)})
	calls := 0
	err := s.retry.do(ctx, "test", nil, func(context.Context) *Error {
		calls++
		cancel()
		return &Error{Op: "test", Retryable: true}
	})
	if calls != 1 || err == nil {
		t.Errorf("do after cancel: %d calls, err %v; want 1 call and an error", calls, err)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"empty", "", 0, false},
		{"seconds", "30", 30 * time.Second, true},
		{"zero", "0", 0, true},
		{"spaces", " 2 ", 2 * time.Second, true},
		{"negative", "-1", 0, false},
		{"huge", "99999999999999999", 24 * time.Hour, true},
		{"beyond int64", "99999999999999999999", 24 * time.Hour, true},
		{"below int64", "-99999999999999999999", 0, false},
		{"fraction", "1.5", 0, false},
		{"http date", now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{"http date past", now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"rfc 850 date", "Wednesday, 25-Nov-26 10:00:05 GMT", 5 * time.Second, true},
		{"garbage", "soon", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseRetryAfter(tt.in, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "1", "120", "-5", "Wed, 25 Nov 2026 10:00:00 GMT", "1e9", "9223372036854775807"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseRetryAfter(s, now)
		if d < 0 {
			t.Fatalf("parseRetryAfter(%q) = %v, %v", s, d, ok)
		}
		if !ok && d != 0 {
			t.Fatalf("parseRetryAfter(%q) = %v, false; want 0 when not ok", s, d)
		}
	})
}

func TestReasonFromBody(t *testing.T) {
	tests := map[string]string{
		"invalid_blocks":                     "invalid_blocks",
		" no_text\n":                         "no_text",
		`{"ok":false,"error":"ratelimited"}`: "ratelimited",
		"<html>oops</html>":                  "",
		"line one\nline two":                 "",
		"":                                   "",
		string(make([]byte, maxReasonLen+1)): "",
	}
	for in, want := range tests {
		if got := reasonFromBody([]byte(in)); got != want {
			t.Errorf("reasonFromBody(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDefaultClientReusesConnections posts 200 messages, 10 at a time, to
// a local Slack and counts the connections it accepted: the default
// client keeps enough idle connections, and reads every answer to its
// end, so that they are reused. Answers longer than what the senders
// read (a webhook error page, a Web API answer with trailing bytes after
// the JSON) must not cost a connection either.
func TestDefaultClientReusesConnections(t *testing.T) {
	const posts, concurrency = 200, 10
	padding := strings.Repeat(" ", 3*maxErrorBody)
	tests := []struct {
		name   string
		status int
		body   string
		bot    bool
	}{
		{"webhook ok", 200, "ok", false},
		{"webhook 400 with a long body", 400, "invalid_blocks" + padding, false},
		{"bot", 200, postedOK, true},
		{"bot answer with trailing bytes", 200, postedOK + padding, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var conns atomic.Int32
			srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				io.Copy(io.Discard, r.Body)
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			}))
			srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
				if s == http.StateNew {
					conns.Add(1)
				}
			}
			srv.Start()
			defer srv.Close()
			var s Sender
			var err error
			if tt.bot {
				s, err = NewBot(testToken, "#alerts", WithAPIURL(srv.URL), WithPacing(0, 0))
			} else {
				s, err = NewWebhook(srv.URL+hookPath, WithPacing(0, 0))
			}
			if err != nil {
				t.Fatal(err)
			}
			work := make(chan struct{})
			var wg sync.WaitGroup
			for range concurrency {
				wg.Go(func() {
					for range work {
						s.Send(context.Background(), testAlarm(alarm.StateInsufficientData), testMessage("x"))
					}
				})
			}
			for range posts {
				work <- struct{}{}
			}
			close(work)
			wg.Wait()
			n := conns.Load()
			t.Logf("%d posts, %d at a time: %d new connections", posts, concurrency, n)
			// A request that finds no idle connection dials a new one, even
			// if another becomes idle a moment later, so a few more than
			// concurrency are possible; a client that did not reuse them
			// opened 80 to 90 here.
			if n > 2*concurrency {
				t.Errorf("%d posts, %d at a time, opened %d connections; want at most %d", posts, concurrency, n, 2*concurrency)
			}
		})
	}
}
