package send

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

func TestErrorMessage(t *testing.T) {
	tests := []struct {
		err  *Error
		want string
	}{
		{&Error{Op: "webhook", Status: 400, Reason: "invalid_blocks", Attempts: 1}, "send: webhook: 400 invalid_blocks"},
		{&Error{Op: "webhook", Status: 500, Reason: "rollup_error", Retryable: true, Attempts: 4}, "send: webhook: 500 rollup_error (after 4 attempts)"},
		{&Error{Op: "webhook", Status: 503, Retryable: true, Attempts: 1}, "send: webhook: 503 service unavailable"},
		{&Error{Op: "webhook", Status: 429, Reason: "rate_limited", RetryAfter: 2 * time.Minute, Retryable: true, Attempts: 1}, "send: webhook: 429 rate_limited (retry after 2m0s)"},
		{&Error{Op: "chat.postMessage", Status: 200, Reason: "invalid_blocks", Details: []string{"a [json-pointer:/blocks/0]", "b"}},
			"send: chat.postMessage: invalid_blocks: a [json-pointer:/blocks/0]; b"},
		{&Error{Op: "webhook", Err: errors.New("dial tcp: connection refused"), Retryable: true, Attempts: 5},
			"send: webhook: dial tcp: connection refused (after 5 attempts)"},
		{&Error{Op: "webhook"}, "send: webhook: failed"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestErrorIs(t *testing.T) {
	wrapped := fmt.Errorf("delivering: %w", &Error{Op: "webhook", Status: 429, Retryable: true})
	if !errors.Is(wrapped, ErrRateLimited) || errors.Is(wrapped, ErrPermanent) {
		t.Errorf("a wrapped 429 should match ErrRateLimited and not ErrPermanent")
	}
	perm := &Error{Op: "chat.postMessage", Status: 200, Reason: "channel_not_found"}
	if !errors.Is(perm, ErrPermanent) || errors.Is(perm, ErrRateLimited) || errors.Is(perm, ErrConfig) {
		t.Errorf("channel_not_found should match ErrPermanent only")
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		name      string
		err       error
		status    int
		reason    string
		retryable bool
	}{
		{"rate limited", &slack.RateLimitedError{RetryAfter: time.Second}, 429, "ratelimited", true},
		{"status 502", slack.StatusCodeError{Code: 502, Status: "502 Bad Gateway"}, 502, "", true},
		{"status 404", slack.StatusCodeError{Code: 404, Status: "404 Not Found"}, 404, "", false},
		{"slack error", slack.SlackErrorResponse{Err: "not_in_channel"}, 200, "not_in_channel", false},
		{"own error", &Error{Status: 503, Retryable: true}, 503, "", true},
		{"something else", errors.New("boom"), 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := classify(context.Background(), opPost, tt.err)
			if got.Op != opPost || got.Status != tt.status || got.Reason != tt.reason || got.Retryable != tt.retryable {
				t.Errorf("classify(%v) = %+v; want status %d reason %q retryable %v", tt.err, got, tt.status, tt.reason, tt.retryable)
			}
		})
	}
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
