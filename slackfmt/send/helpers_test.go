package send

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

var update = flag.Bool("update", false, "rewrite golden files")

// hookPath is the secret part of the test webhook URL; it must never show
// in an error.
const hookPath = "/services/T0TEST/B0TEST/s3cr3tw3bh00k"

// testMessage is a small message like slackfmt builds.
func testMessage(text string) *slackfmt.Message {
	return &slackfmt.Message{
		Text: text,
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*"+text+"*", false, false), nil, nil),
		}},
	}
}

// testAlarm returns an alarm in state.
func testAlarm(state alarm.StateValue) *alarm.Alarm {
	return &alarm.Alarm{
		Name:      "HighCPU",
		ARN:       "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU",
		AccountID: "123456789012",
		Region:    "eu-west-1",
		State:     alarm.State{Value: state},
	}
}

// newTestWebhook returns a Webhook for url, failing t if NewWebhook
// refuses it.
func newTestWebhook(t *testing.T, url string, opts ...Option) *Webhook {
	t.Helper()
	w, err := NewWebhook(url, opts...)
	if err != nil {
		t.Fatalf("NewWebhook: %v", err)
	}
	return w
}

// checkError fails t unless err is a *Error equal to want (ignoring Err)
// or both are nil, and checks that it never shows the webhook secret.
func checkError(t *testing.T, err error, want *Error) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Fatalf("Send = %v, want nil", err)
		}
		return
	}
	var got *Error
	if !errors.As(err, &got) {
		t.Fatalf("Send = %v (%T), want a *Error", err, err)
	}
	if diff := cmp.Diff(want, got, cmpopts.IgnoreFields(Error{}, "Err")); diff != "" {
		t.Errorf("error mismatch (-want +got):\n%s", diff)
	}
	if errors.Is(err, ErrPermanent) == want.Retryable {
		t.Errorf("errors.Is(%v, ErrPermanent) = %v, want %v", err, !want.Retryable, !want.Retryable)
	}
	if errors.Is(err, ErrRateLimited) != (want.Status == 429) {
		t.Errorf("errors.Is(%v, ErrRateLimited) = %v, want %v", err, !(want.Status == 429), want.Status == 429)
	}
	if strings.Contains(err.Error(), "s3cr3t") {
		t.Errorf("error %q shows a secret", err)
	}
}

// checkGolden compares got, as indented JSON, with testdata/send/name.golden.
func checkGolden(t *testing.T, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("..", "..", "testdata", "send", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./slackfmt/send -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

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
	return sharedOption(func(s *settings) {
		s.retry.now = c.now
		s.retry.sleep = c.sleep
		s.retry.randN = func(n int64) int64 { return n - 1 }
	})
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
