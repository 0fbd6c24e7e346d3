package send

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
)

// rotatingCredential is a Credential whose value changes on refresh, and
// that records how it was asked.
type rotatingCredential struct {
	mu     sync.Mutex
	values []string // the value before the first refresh, then after each
	calls  []bool   // the refresh argument of each call
	err    error    // returned by every call when set
}

func (c *rotatingCredential) Value(_ context.Context, refresh bool) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.calls = append(c.calls, refresh)
	if c.err != nil {
		return "", c.err
	}
	if refresh && len(c.values) > 1 {
		c.values = c.values[1:]
	}
	return c.values[0], nil
}

func (c *rotatingCredential) asked() []bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]bool(nil), c.calls...)
}

// TestWebhookFromResolvesLazily checks that NewWebhookFrom asks nothing,
// that the first Sends, however many at once, ask once, and that later
// Sends use the kept value.
func TestWebhookFromResolvesLazily(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {{200, "ok", nil}}})
	cred := &rotatingCredential{values: []string{slackSrv.srv.URL + hookPath}}
	w, err := NewWebhookFrom(cred, WithPacing(0, 0))
	if err != nil {
		t.Fatalf("NewWebhookFrom: %v", err)
	}
	if got := cred.asked(); len(got) != 0 {
		t.Fatalf("NewWebhookFrom asked the credential %d times, want 0", len(got))
	}
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			if _, err := w.Send(context.Background(), nil, testMessage("x")); err != nil {
				t.Errorf("Send: %v", err)
			}
		})
	}
	wg.Wait()
	if diff := cmp.Diff([]bool{false}, cred.asked()); diff != "" {
		t.Errorf("credential calls mismatch (-want +got):\n%s", diff)
	}
	if n := len(slackSrv.requests()); n != 20 {
		t.Errorf("Slack got %d requests, want 20", n)
	}
	if s := w.String(); strings.Contains(s, "s3cr3t") {
		t.Errorf("String() = %q shows the URL", s)
	}
}

// TestWebhookFromRefreshes checks that a webhook Slack no longer knows
// (404 no_service, 403 invalid_token) makes the sender ask for a fresh URL
// and post once more with it; and that a fresh value equal to the old
// one, or a static URL, is not retried.
func TestWebhookFromRefreshes(t *testing.T) {
	const oldPath, newPath = hookPath + "-old", hookPath + "-new"
	tests := []struct {
		name      string
		refused   reply
		rotates   bool
		wantPaths []string
		wantCalls []bool
		wantErr   string
	}{
		{"404 no_service", reply{404, "no_service", nil}, true, []string{oldPath, newPath}, []bool{false, true}, ""},
		{"403 invalid_token", reply{403, "invalid_token", nil}, true, []string{oldPath, newPath}, []bool{false, true}, ""},
		{"same value after refresh", reply{404, "no_service", nil}, false, []string{oldPath}, []bool{false, true}, "send: webhook: 404 no_service"},
		{"410 is not about the URL", reply{410, "channel_is_archived", nil}, true, []string{oldPath}, []bool{false}, "send: webhook: 410 channel_is_archived"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slackSrv := newFakeSlack(t, map[string][]reply{oldPath: {tt.refused}, newPath: {{200, "ok", nil}}})
			cred := &rotatingCredential{values: []string{slackSrv.srv.URL + oldPath}}
			if tt.rotates {
				cred.values = append(cred.values, slackSrv.srv.URL+newPath)
			}
			w, err := NewWebhookFrom(cred, WithPacing(0, 0))
			if err != nil {
				t.Fatal(err)
			}
			_, err = w.Send(context.Background(), nil, testMessage("x"))
			if got := fmt.Sprint(err); (tt.wantErr == "" && err != nil) || (tt.wantErr != "" && got != tt.wantErr) {
				t.Errorf("Send = %v, want %q", err, tt.wantErr)
			}
			var paths []string
			for _, r := range slackSrv.requests() {
				paths = append(paths, r.Path)
			}
			if diff := cmp.Diff(tt.wantPaths, paths); diff != "" {
				t.Errorf("requests mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantCalls, cred.asked()); diff != "" {
				t.Errorf("credential calls mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStaticWebhookNotRefreshed checks that a NewWebhook given a URL that
// Slack refuses posts once.
func TestStaticWebhookNotRefreshed(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{hookPath: {{404, "no_service", nil}}})
	w := newTestWebhook(t, slackSrv.srv.URL+hookPath, WithPacing(0, 0))
	_, err := w.Send(context.Background(), nil, testMessage("x"))
	checkError(t, err, &Error{Op: opWebhook, Status: 404, Reason: "no_service", Attempts: 1})
	if n := len(slackSrv.requests()); n != 1 {
		t.Errorf("Slack got %d requests, want 1", n)
	}
}

// TestBotFromRefreshes checks that a token Slack refuses makes the Bot ask
// for a fresh one and post once more with it, and that the token is asked
// for only on the first Send.
func TestBotFromRefreshes(t *testing.T) {
	for _, reason := range []string{"invalid_auth", "token_revoked", "account_inactive", "not_authed"} {
		t.Run(reason, func(t *testing.T) {
			slackSrv := newFakeSlack(t, map[string][]reply{
				"/chat.postMessage": {{200, `{"ok":false,"error":"` + reason + `"}`, nil}, {200, postedOK, nil}},
			})
			cred := &rotatingCredential{values: []string{"xoxb-old-s3cr3t", "xoxb-new-s3cr3t"}}
			b, err := NewBotFrom(cred, "#alerts", WithAPIURL(slackSrv.srv.URL), WithPacing(0, 0))
			if err != nil {
				t.Fatal(err)
			}
			if len(cred.asked()) != 0 {
				t.Fatalf("NewBotFrom asked the credential")
			}
			if _, err := b.Send(context.Background(), testAlarm(alarm.StateInsufficientData), testMessage("x")); err != nil {
				t.Fatalf("Send: %v", err)
			}
			var tokens []string
			for _, r := range slackSrv.requests() {
				v, _ := url.ParseQuery(r.Body)
				tokens = append(tokens, v.Get("token"))
			}
			if diff := cmp.Diff([]string{"xoxb-old-s3cr3t", "xoxb-new-s3cr3t"}, tokens); diff != "" {
				t.Errorf("tokens mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff([]bool{false, true}, cred.asked()); diff != "" {
				t.Errorf("credential calls mismatch (-want +got):\n%s", diff)
			}
			if s := b.String(); s != "slack bot (token from a credential) to #alerts" {
				t.Errorf("String() = %q", s)
			}
		})
	}
}

// errSourceDown and errNoParameter are a Credential's failures: one a
// later call may not have, one it will.
var (
	errSourceDown  = errors.New("parameter store throttled")
	errNoParameter = fmt.Errorf("parameter /slack/webhook not found: %w", ErrPermanent)
)

// TestCredentialErrors checks what a Send reports when its credential
// fails or gives a value that cannot work.
func TestCredentialErrors(t *testing.T) {
	tests := []struct {
		name          string
		cred          Credential
		wantRetryable bool
		wantConfig    bool
		want          string
	}{
		{"source down", &rotatingCredential{err: errSourceDown}, true, false,
			"send: credential: cannot get the secret: parameter store throttled"},
		{"no such secret", &rotatingCredential{err: errNoParameter}, false, false,
			"send: credential: cannot get the secret: parameter /slack/webhook not found: send: permanent failure"},
		{"clear-text URL", StaticCredential("http://hooks.slack.com/services/T0/B0/s3cr3t"), false, true,
			"send: credential: webhook URL must be https, not http://hooks.slack.com/services/…"},
		{"empty", StaticCredential(""), false, true, "send: credential: webhook URL is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := NewWebhookFrom(tt.cred)
			if err != nil {
				t.Fatal(err)
			}
			_, err = w.Send(context.Background(), nil, testMessage("x"))
			var e *Error
			if !errors.As(err, &e) || err.Error() != tt.want {
				t.Fatalf("Send = %v, want %q", err, tt.want)
			}
			if e.Retryable != tt.wantRetryable || errors.Is(err, ErrConfig) != tt.wantConfig {
				t.Errorf("Send = %v: retryable %v, ErrConfig %v; want %v, %v",
					err, e.Retryable, errors.Is(err, ErrConfig), tt.wantRetryable, tt.wantConfig)
			}
		})
	}
	b, err := NewBotFrom(StaticCredential("xoxb-with space"), "#alerts")
	if err != nil {
		t.Fatal(err)
	}
	_, err = b.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
	if !errors.Is(err, ErrConfig) || strings.Contains(err.Error(), "space") && strings.Contains(err.Error(), "xoxb") {
		t.Errorf("Bot Send with a token with a space = %v, want an ErrConfig error without the token", err)
	}
}

// TestNewFromRefuses checks the arguments that NewWebhookFrom and
// NewBotFrom check at once.
func TestNewFromRefuses(t *testing.T) {
	if _, err := NewWebhookFrom(nil); !errors.Is(err, ErrConfig) {
		t.Errorf("NewWebhookFrom(nil) = %v, want ErrConfig", err)
	}
	if _, err := NewBotFrom(nil, "#alerts"); !errors.Is(err, ErrConfig) {
		t.Errorf("NewBotFrom(nil) = %v, want ErrConfig", err)
	}
	if _, err := NewBotFrom(StaticCredential(testToken), ""); !errors.Is(err, ErrConfig) {
		t.Errorf("NewBotFrom without a channel = %v, want ErrConfig", err)
	}
	if _, err := NewBotFrom(StaticCredential(testToken), "#alerts", WithAPIURL("http://slack.example/api/")); !errors.Is(err, ErrConfig) {
		t.Errorf("NewBotFrom with a clear-text API URL = %v, want ErrConfig", err)
	}
}

// TestStaticCredentialHidden checks that printing a StaticCredential does
// not show its secret.
func TestStaticCredentialHidden(t *testing.T) {
	c := StaticCredential("https://hooks.slack.com" + hookPath)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		if got := fmt.Sprintf(verb, c); strings.Contains(got, "s3cr3t") {
			t.Errorf("Sprintf(%q) = %q shows the secret", verb, got)
		}
	}
	if v, err := c.Value(context.Background(), true); err != nil || v != "https://hooks.slack.com"+hookPath {
		t.Errorf("Value = %q, %v", v, err)
	}
}
