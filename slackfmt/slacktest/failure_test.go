package slacktest

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

func TestFail(t *testing.T) {
	form := url.Values{"token": {"x"}, "channel": {"C1"}, "text": {"a"}}
	tests := []struct {
		name     string
		failure  Failure
		webhook  bool
		status   int
		body     string // webhook body, or the Web API error
		retry    string
		attempts int // requests until one succeeds
	}{
		{"webhook status", Failure{Status: 500}, true, 500, "internal_server_error", "", 2},
		{"webhook error", Failure{Error: "channel_is_archived", Status: 410}, true, 410, "channel_is_archived", "", 2},
		{"webhook error, default status", Failure{Error: "action_prohibited"}, true, 400, "action_prohibited", "", 2},
		{"webhook Retry-After", Failure{RetryAfter: 1500 * time.Millisecond}, true, 429, `{"error":"rate_limited","ok":false,"retry_after":2}` + "\n", "2", 2},
		{"webhook twice", Failure{Status: 503, Times: 2}, true, 503, "service_unavailable", "", 3},
		{"API error", Failure{Error: "internal_error"}, false, 200, "internal_error", "", 2},
		{"API Retry-After", Failure{RetryAfter: time.Second}, false, 429, "ratelimited", "1", 2},
		{"API status", Failure{Status: 502}, false, 502, "bad_gateway", "", 2},
		{"other method untouched", Failure{Method: "chat.update", Status: 500}, false, 200, "", "", 1},
		{"webhook untouched", Failure{Method: "chat.postMessage", Status: 500}, true, 200, "ok", "", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			s.Fail(tt.failure)
			send := func() response {
				if tt.webhook {
					return post(t, s.WebhookURL(), "application/json", `{"text":"a"}`)
				}
				return postForm(t, s, "chat.postMessage", form)
			}
			got := send()
			body := got.body
			if !tt.webhook {
				body = decodeAnswer(t, got).Error
			}
			if got.status != tt.status || body != tt.body || got.retryAfter != tt.retry {
				t.Errorf("answer %d %q Retry-After %q, want %d %q %q", got.status, body, got.retryAfter, tt.status, tt.body, tt.retry)
			}
			for i := 2; i < tt.attempts; i++ {
				send()
			}
			if tt.attempts > 1 {
				if again := send(); again.status != 200 {
					t.Errorf("answer after %d failures: %+v, want 200", tt.attempts-1, again)
				}
			}
			ms := s.Messages()
			if ms[0].Status != tt.status || (ms[0].Error == "") != (tt.attempts == 1) {
				t.Errorf("first request recorded with %d %q", ms[0].Status, ms[0].Error)
			}
		})
	}
}

func TestFailedPostHasNoEffect(t *testing.T) {
	s := newServer(t)
	s.Fail(Failure{Method: "chat.postMessage", Error: "internal_error"})
	_, _, err := client(s).PostMessage("C1", slack.MsgOptionText("a", false))
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) || se.Err != "internal_error" {
		t.Fatalf("PostMessage = %v, want internal_error", err)
	}
	_, ts, err := client(s).PostMessage("C1", slack.MsgOptionText("a", false))
	if err != nil || ts != "1700000000.000100" {
		t.Errorf("PostMessage after the failure = %q, %v; want the first ts", ts, err)
	}
	if m := s.Messages()[0]; m.TS != "" || m.Text != "a" || m.Error != "internal_error" {
		t.Errorf("failed request recorded as %+v", m)
	}
}

func TestFailDelay(t *testing.T) {
	s := newServer(t)
	s.Fail(Failure{Delay: 100 * time.Millisecond})
	start := time.Now()
	got := post(t, s.WebhookURL(), "application/json", `{"text":"a"}`)
	if d := time.Since(start); d < 100*time.Millisecond || got.status != 200 || got.body != "ok" {
		t.Errorf("answer %+v after %v, want ok after at least 100ms", got, d)
	}

	s.Fail(Failure{Delay: time.Hour, Status: 500})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, s.WebhookURL(), nil)
	if _, err := http.DefaultClient.Do(req); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("request with a 50ms deadline against a 1 h delay: %v, want the deadline", err)
	}
	waitFor(t, func() bool { return len(s.Messages()) == 2 })
	if m := s.Messages()[1]; m.Status != http.StatusServiceUnavailable {
		t.Errorf("abandoned request recorded with status %d, want 503", m.Status)
	}
}

func TestCloseEndsDelays(t *testing.T) {
	s := NewServer()
	s.Fail(Failure{Delay: time.Hour})
	errc := make(chan error, 1)
	go func() {
		_, err := http.Post(s.WebhookURL(), "application/json", nil)
		errc <- err
	}()
	waitFor(t, func() bool { s.mu.Lock(); defer s.mu.Unlock(); return len(s.failures) == 0 })
	closed := make(chan struct{})
	go func() { s.Close(); close(closed) }()
	select {
	case <-closed:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not end the delay")
	}
	<-errc
}

// waitFor waits until cond holds, for at most 5 seconds.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("timed out")
		}
	}
}
