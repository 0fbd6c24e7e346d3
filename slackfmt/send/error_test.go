package send

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
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
		{&Error{Op: "NewWebhook", Reason: "webhook URL is empty"}, "send: NewWebhook: webhook URL is empty"},
		{storeError(opStorePut, "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x", errors.New("timeout")),
			"send: ThreadStore.Put arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x: timeout"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestErrorIs(t *testing.T) {
	tests := []struct {
		name                        string
		err                         *Error
		permanent, rateLimited, cfg bool
	}{
		{"429", &Error{Op: opWebhook, Status: 429, Retryable: true}, false, true, false},
		{"ratelimited", &Error{Op: opPost, Status: 200, Reason: "ratelimited", Retryable: true}, false, true, false},
		{"channel_not_found", &Error{Op: opPost, Status: 200, Reason: "channel_not_found"}, true, false, false},
		{"NewWebhook", configError(opNewWebhook, "webhook URL is empty", nil), true, false, true},
		{"NewBot", configError(opNewBot, "token is empty", nil), true, false, true},
		{"store", storeError(opStoreGet, "k", errors.New("down")), false, false, false},
	}
	for _, tt := range tests {
		wrapped := fmt.Errorf("delivering: %w", tt.err)
		got := [3]bool{errors.Is(wrapped, ErrPermanent), errors.Is(wrapped, ErrRateLimited), errors.Is(wrapped, ErrConfig)}
		if want := [3]bool{tt.permanent, tt.rateLimited, tt.cfg}; got != want {
			t.Errorf("%s: Is(ErrPermanent, ErrRateLimited, ErrConfig) = %v, want %v", tt.name, got, want)
		}
	}
}

// TestErrorUnwrap checks that the cause is reachable with errors.As.
func TestErrorUnwrap(t *testing.T) {
	cause := slack.SlackErrorResponse{Err: "not_in_channel"}
	err := fmt.Errorf("wrapped: %w", classify(context.Background(), opPost, cause))
	var got slack.SlackErrorResponse
	if !errors.As(err, &got) || got.Err != "not_in_channel" {
		t.Errorf("errors.As(%v, *slack.SlackErrorResponse) = %v, want the cause", err, got)
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

// TestPermanentErrors checks that Slack's answers that will not change
// with a retry are not retried, match ErrPermanent, and carry Slack's
// reason in the message.
func TestPermanentErrors(t *testing.T) {
	tests := []struct {
		kind   string // "webhook" or "bot"
		answer reply
		want   string
	}{
		{"webhook", reply{404, "no_service", nil}, "send: webhook: 404 no_service"},
		{"webhook", reply{410, "channel_is_archived", nil}, "send: webhook: 410 channel_is_archived"},
		{"webhook", reply{403, "action_prohibited", nil}, "send: webhook: 403 action_prohibited"},
		{"webhook", reply{403, "invalid_token", nil}, "send: webhook: 403 invalid_token"},
		{"webhook", reply{400, "invalid_blocks", nil}, "send: webhook: 400 invalid_blocks"},
		{"webhook", reply{404, "channel_not_found", nil}, "send: webhook: 404 channel_not_found"},
		{"bot", reply{200, `{"ok":false,"error":"channel_not_found"}`, nil}, "send: chat.postMessage: channel_not_found"},
		{"bot", reply{200, `{"ok":false,"error":"not_in_channel"}`, nil}, "send: chat.postMessage: not_in_channel"},
		{"bot", reply{200, `{"ok":false,"error":"is_archived"}`, nil}, "send: chat.postMessage: is_archived"},
		{"bot", reply{200, `{"ok":false,"error":"invalid_auth"}`, nil}, "send: chat.postMessage: invalid_auth"},
		{"bot", reply{200, `{"ok":false,"error":"invalid_blocks"}`, nil}, "send: chat.postMessage: invalid_blocks"},
		{"bot", reply{200, `{"ok":false,"error":"msg_blocks_too_long"}`, nil}, "send: chat.postMessage: msg_blocks_too_long"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			path := hookPath
			if tt.kind == "bot" {
				path = "/chat.postMessage"
			}
			slackSrv := newFakeSlack(t, map[string][]reply{path: {tt.answer, {200, "ok", nil}}})
			var s Sender
			var err error
			if tt.kind == "bot" {
				s, err = NewBot(testToken, "#alerts", WithAPIURL(slackSrv.srv.URL), WithPacing(0, 0))
			} else {
				s, err = NewWebhook(slackSrv.srv.URL+hookPath, WithPacing(0, 0))
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
			if err == nil || err.Error() != tt.want {
				t.Fatalf("Send = %v, want %q", err, tt.want)
			}
			if !errors.Is(err, ErrPermanent) || errors.Is(err, ErrRateLimited) {
				t.Errorf("errors.Is(%v, ErrPermanent) = %v, want true", err, errors.Is(err, ErrPermanent))
			}
			if n := len(slackSrv.requests()); n != 1 {
				t.Errorf("Slack got %d requests, want 1: a permanent error is not retried", n)
			}
		})
	}
}
