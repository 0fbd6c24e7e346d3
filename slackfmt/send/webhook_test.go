package send

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

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

func TestWebhookSend(t *testing.T) {
	retryDate := func(c *fakeClock) string { return c.now().Add(7 * time.Second).Format(http.TimeFormat) }
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
			wantSleep: []time.Duration{3 * time.Second},
		},
		{
			name:      "429 without retry-after backs off",
			replies:   []reply{{429, "", nil}, {200, "ok", nil}},
			wantCalls: 2,
			wantSleep: []time.Duration{250*time.Millisecond - 1},
		},
		{
			name:      "429 retry-after beyond deadline returns at once",
			replies:   []reply{{429, "rate_limited", map[string]string{"Retry-After": "120"}}},
			deadline:  30 * time.Second,
			want:      &Error{Op: "webhook", Status: 429, Reason: "rate_limited", Retryable: true, RetryAfter: 2 * time.Minute, Attempts: 1},
			wantCalls: 1,
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
			clock := newFakeClock()
			slackSrv := newFakeSlack(t, map[string][]reply{hookPath: tt.replies})
			ctx := context.Background()
			if tt.deadline > 0 {
				var cancel context.CancelFunc
				ctx, cancel = context.WithDeadline(ctx, clock.now().Add(tt.deadline))
				defer cancel()
			}
			w := NewWebhook(slackSrv.srv.URL+hookPath, append([]Option{withClock(clock)}, tt.opts...)...)
			err := w.Send(ctx, testAlarm(alarm.StateAlarm), testMessage("ALARM: HighCPU"))
			checkError(t, err, tt.want)
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
	t.Run("429 retry-after http date then ok", func(t *testing.T) {
		clock := newFakeClock()
		slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {
			{429, "", map[string]string{"Retry-After": retryDate(clock)}}, {200, "ok", nil},
		}})
		w := NewWebhook(slackSrv.srv.URL+hookPath, withClock(clock))
		if err := w.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x")); err != nil {
			t.Fatalf("Send: %v", err)
		}
		if diff := cmp.Diff([]time.Duration{7 * time.Second}, clock.slept()); diff != "" {
			t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
		}
	})
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
		t.Errorf("error %q shows the webhook secret", err)
	}
}

func TestWebhookSendBody(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {{200, "ok", nil}}})
	m := testMessage("ALARM: <!channel> & co")
	if err := NewWebhook(slackSrv.srv.URL+hookPath).Send(context.Background(), nil, m); err != nil {
		t.Fatalf("Send: %v", err)
	}
	want, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	got := slackSrv.requests()
	wantReq := []request{{Path: hookPath, ContentType: "application/json; charset=utf-8", Body: string(want)}}
	if diff := cmp.Diff(wantReq, got); diff != "" {
		t.Errorf("request mismatch (-want +got):\n%s", diff)
	}
}

func TestWebhookConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	clock := newFakeClock()
	err = NewWebhook("http://"+addr+hookPath, withClock(clock), WithMaxAttempts(3)).
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
	err := NewWebhook(slackSrv.srv.URL+hookPath).Send(ctx, nil, testMessage("x"))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Send with a canceled context = %v, want it to wrap context.Canceled", err)
	}
	if n := len(slackSrv.requests()); n != 0 {
		t.Errorf("Slack got %d requests, want 0", n)
	}
}

func TestWebhookBadInput(t *testing.T) {
	tests := []struct {
		name string
		url  string
		m    *slackfmt.Message
	}{
		{"nil message", "https://hooks.slack.com/services/T/B/x", nil},
		{"bad url", "://nope" + hookPath, testMessage("x")},
		{"unknown scheme", "ftp://hooks.example" + hookPath, testMessage("x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := NewWebhook(tt.url, withClock(newFakeClock())).Send(context.Background(), nil, tt.m)
			if !errors.Is(err, ErrPermanent) {
				t.Errorf("Send = %v, want a permanent error", err)
			}
			if err != nil && strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error %q shows the webhook secret", err)
			}
		})
	}
}

func TestWebhookString(t *testing.T) {
	w := NewWebhook("https://hooks.slack.com" + hookPath)
	if got, want := w.String(), "slack webhook https://hooks.slack.com/services/…"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}
