package send

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
)

func TestWebhookSend(t *testing.T) {
	tests := []struct {
		name      string
		replies   []reply
		opts      []Option
		deadline  time.Duration // 0 for none
		want      *Error        // nil for success
		wantCalls int
		wantSleep []time.Duration
	}{
		{
			name:      "ok",
			replies:   []reply{{200, "ok", nil}},
			wantCalls: 1,
		},
		{
			name:      "429 retry-after seconds then ok",
			replies:   []reply{{429, "rate_limited", map[string]string{"Retry-After": "3"}}, {200, "ok", nil}},
			wantCalls: 2,
			wantSleep: []time.Duration{4*time.Second - 1}, // the longest jitter: randN gives n-1
		},
		{
			name:      "429 without retry-after waits the jitter",
			replies:   []reply{{429, "", nil}, {200, "ok", nil}},
			wantCalls: 2,
			wantSleep: []time.Duration{time.Second - 1},
		},
		{
			name:      "429 retry-after beyond deadline returns at once",
			replies:   []reply{{429, "rate_limited", map[string]string{"Retry-After": "120"}}},
			deadline:  30 * time.Second,
			want:      &Error{Op: "webhook", Status: 429, Reason: "rate_limited", Retryable: true, RetryAfter: 2 * time.Minute, Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "429 retry-after 20 without a deadline returns at once",
			replies:   []reply{{429, "rate_limited", map[string]string{"Retry-After": "20"}}},
			want:      &Error{Op: "webhook", Status: 429, Reason: "rate_limited", Retryable: true, RetryAfter: 20 * time.Second, Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "429 retry-after 20 waited for within WithTimeout",
			replies:   []reply{{429, "rate_limited", map[string]string{"Retry-After": "20"}}, {200, "ok", nil}},
			opts:      []Option{WithTimeout(30 * time.Second)},
			wantCalls: 2,
			wantSleep: []time.Duration{25*time.Second - 1},
		},
		{
			name:      "500 until the deadline",
			replies:   []reply{{500, "rollup_error", nil}},
			opts:      []Option{WithMaxAttempts(100)},
			deadline:  30 * time.Second,
			want:      &Error{Op: "webhook", Status: 500, Reason: "rollup_error", Retryable: true, Attempts: 8},
			wantCalls: 8,
			wantSleep: []time.Duration{250*time.Millisecond - 1, 500*time.Millisecond - 1, time.Second - 1, 2*time.Second - 1, 4*time.Second - 1, 8*time.Second - 1, 8*time.Second - 1},
		},
		{
			name:      "500 until the default deadline",
			replies:   []reply{{500, "rollup_error", nil}},
			opts:      []Option{WithMaxAttempts(100)},
			want:      &Error{Op: "webhook", Status: 500, Reason: "rollup_error", Retryable: true, Attempts: 6},
			wantCalls: 6,
			wantSleep: []time.Duration{250*time.Millisecond - 1, 500*time.Millisecond - 1, time.Second - 1, 2*time.Second - 1, 4*time.Second - 1},
		},
		{
			name:      "503 html page until attempts run out",
			replies:   []reply{{503, "<html><body>down</body></html>", nil}},
			opts:      []Option{WithMaxAttempts(3)},
			want:      &Error{Op: "webhook", Status: 503, Retryable: true, Attempts: 3},
			wantCalls: 3,
			wantSleep: []time.Duration{250*time.Millisecond - 1, 500*time.Millisecond - 1},
		},
		{
			name:      "400 invalid_blocks fails at once",
			replies:   []reply{{400, "invalid_blocks", nil}},
			want:      &Error{Op: "webhook", Status: 400, Reason: "invalid_blocks", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "403 action_prohibited",
			replies:   []reply{{403, "action_prohibited", nil}},
			want:      &Error{Op: "webhook", Status: 403, Reason: "action_prohibited", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "404 channel_not_found",
			replies:   []reply{{404, "channel_not_found\n", nil}},
			want:      &Error{Op: "webhook", Status: 404, Reason: "channel_not_found", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "410 channel_is_archived",
			replies:   []reply{{410, "channel_is_archived", nil}},
			want:      &Error{Op: "webhook", Status: 410, Reason: "channel_is_archived", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "200 with another body is a permanent error",
			replies:   []reply{{200, "queued", nil}},
			want:      &Error{Op: "webhook", Status: 200, Reason: "queued", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "200 with an empty body is a permanent error",
			replies:   []reply{{200, "", nil}},
			want:      &Error{Op: "webhook", Status: 200, Reason: "unexpected response", Attempts: 1},
			wantCalls: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			clock := newFakeClock()
			slackSrv := newFakeSlack(t, map[string][]reply{hookPath: tt.replies})
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, clock.now().Add(tt.deadline))
				defer cancel()
			}
			w := newTestWebhook(t, slackSrv.srv.URL+hookPath, append([]Option{withClock(clock)}, tt.opts...)...)
			r, err := w.Send(ctx, testAlarm(alarm.StateAlarm), testMessage("ALARM: HighCPU"))
			checkError(t, err, tt.want)
			if r != (Receipt{}) {
				t.Errorf("Send returned %+v, want the zero Receipt of a webhook", r)
			}
			if got := len(slackSrv.requests()); got != tt.wantCalls {
				t.Errorf("Slack got %d requests, want %d", got, tt.wantCalls)
			}
			if diff := cmp.Diff(tt.wantSleep, clock.slept()); diff != "" {
				t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
			}
			if dl, ok := ctx.Deadline(); ok && clock.now().After(dl) {
				t.Errorf("slept until %v, past the deadline %v", clock.now(), dl)
			}
		})
	}
}

func TestWebhookRetryAfterDate(t *testing.T) {
	clock := newFakeClock()
	slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {
		{429, "", map[string]string{"Retry-After": clock.now().Add(7 * time.Second).Format(http.TimeFormat)}},
		{200, "ok", nil},
	}})
	w := newTestWebhook(t, slackSrv.srv.URL+hookPath, withClock(clock))
	if _, err := w.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x")); err != nil {
		t.Fatalf("Send: %v", err)
	}
	if diff := cmp.Diff([]time.Duration{7*time.Second + 7*time.Second/4 - 1}, clock.slept()); diff != "" {
		t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
	}
}

// TestWebhookSendBody checks that the body is the message's own encoding,
// made once, with < > & as they are.
func TestWebhookSendBody(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {{200, "ok", nil}}})
	m := testMessage("ALARM: <!channel> & co")
	if _, err := newTestWebhook(t, slackSrv.srv.URL+hookPath).Send(context.Background(), nil, m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	want, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	got := slackSrv.requests()
	wantReq := []request{{Path: hookPath, ContentType: "application/json; charset=utf-8", Body: string(want)}}
	if diff := cmp.Diff(wantReq, got); diff != "" {
		t.Errorf("request mismatch (-want +got):\n%s", diff)
	}
	if len(got) == 1 && !strings.Contains(got[0].Body, `"ALARM: <!channel> & co"`) {
		t.Errorf("body %s was re-escaped", got[0].Body)
	}
}

// TestWebhookHanging checks that a Slack that accepts the request and
// never answers costs no more than the timeout when the context has no
// deadline.
func TestWebhookHanging(t *testing.T) {
	srv := hangingServer(t)
	const timeout = 200 * time.Millisecond
	w := newTestWebhook(t, srv.URL+hookPath, WithTimeout(timeout))
	start := time.Now()
	_, err := w.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
	elapsed := time.Since(start)
	checkError(t, err, &Error{Op: "webhook", Retryable: true, Unanswered: true, Attempts: 1})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send = %v, want it to wrap context.DeadlineExceeded", err)
	}
	if elapsed < timeout || elapsed > timeout+2*time.Second {
		t.Errorf("Send took %v, want about %v", elapsed, timeout)
	}
}

func TestWebhookConnectionRefused(t *testing.T) {
	addr := closedAddr(t)
	clock := newFakeClock()
	_, err := newTestWebhook(t, "http://"+addr+hookPath, withClock(clock), WithMaxAttempts(3)).
		Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
	checkError(t, err, &Error{Op: "webhook", Retryable: true, Attempts: 3})
	var ue *url.Error
	if !errors.As(err, &ue) {
		t.Fatalf("Send = %v, want it to wrap a *url.Error", err)
	}
	if want := "http://" + addr + "/services/…"; ue.URL != want {
		t.Errorf("url.Error.URL = %q, want the redacted %q", ue.URL, want)
	}
	if got := len(clock.slept()); got != 2 {
		t.Errorf("slept %d times, want 2", got)
	}
}

func TestWebhookContextCanceled(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {{200, "ok", nil}}})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newTestWebhook(t, slackSrv.srv.URL+hookPath).Send(ctx, nil, testMessage("x"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Send with a canceled context = %v, want it to wrap context.Canceled", err)
	}
	if n := len(slackSrv.requests()); n != 0 {
		t.Errorf("Slack got %d requests, want 0", n)
	}
}

func TestWebhookNilMessage(t *testing.T) {
	w := newTestWebhook(t, "https://hooks.slack.com"+hookPath)
	if _, err := w.Send(context.Background(), nil, nil); !errors.Is(err, ErrPermanent) {
		t.Errorf("Send(nil message) = %v, want a permanent error", err)
	}
}

func TestNewWebhookRefuses(t *testing.T) {
	tests := []struct {
		url  string
		want string
	}{
		{"", "send: NewWebhook: webhook URL is empty"},
		{"https://hooks.slack.com/services/T0/B0/s3cr3t w3bh00k", "send: NewWebhook: webhook URL contains spaces or control characters"},
		{" https://hooks.slack.com" + hookPath, "send: NewWebhook: webhook URL contains spaces or control characters"},
		{"https://hooks.slack.com" + hookPath + "\n", "send: NewWebhook: webhook URL contains spaces or control characters"},
		{"hooks.slack.com" + hookPath, "send: NewWebhook: webhook URL has no scheme: want https://…"},
		{"://hooks.slack.com" + hookPath, "send: NewWebhook: webhook URL is not a URL: missing protocol scheme"},
		{"https://hooks.slack.com/services/%zzs3cr3t", `send: NewWebhook: webhook URL is not a URL: invalid URL escape "%zz"`},
		{"https:" + hookPath, "send: NewWebhook: webhook URL has no host"},
		{"http://hooks.slack.com" + hookPath, "send: NewWebhook: webhook URL must be https, not http://hooks.slack.com/services/…"},
		{"ftp://hooks.slack.com" + hookPath, "send: NewWebhook: webhook URL must be https, not ftp://hooks.slack.com/services/…"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			w, err := NewWebhook(tt.url)
			if w != nil || err == nil || err.Error() != tt.want {
				t.Fatalf("NewWebhook(%q) = %v, %v; want nil, %q", tt.url, w, err, tt.want)
			}
			if !errors.Is(err, ErrConfig) || !errors.Is(err, ErrPermanent) {
				t.Errorf("NewWebhook error %v does not match ErrConfig and ErrPermanent", err)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error %q shows the secret", err)
			}
		})
	}
}

func TestNewWebhookAccepts(t *testing.T) {
	for _, u := range []string{
		"https://hooks.slack.com" + hookPath,
		"http://localhost:8080/hook",
		"http://127.0.0.1:1/hook",
		"http://[::1]:8080/hook",
	} {
		if _, err := NewWebhook(u); err != nil {
			t.Errorf("NewWebhook(%q) = %v, want a Webhook", u, err)
		}
	}
}

func TestWebhookString(t *testing.T) {
	w := newTestWebhook(t, "https://hooks.slack.com"+hookPath)
	if got, want := w.String(), "slack webhook https://hooks.slack.com/services/…"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

// closedAddr returns the address of a local port that nothing listens
// on.
func closedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// hangingServer starts a local server that accepts every request and
// answers none until the client gives up or the test ends.
func hangingServer(t *testing.T) *httptest.Server {
	t.Helper()
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body) // so that the server notices the client leaving
		select {
		case <-r.Context().Done():
		case <-stop:
		}
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(stop) })
	return srv
}
