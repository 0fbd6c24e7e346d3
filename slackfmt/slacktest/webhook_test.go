package slacktest

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

func TestWebhookAnswers(t *testing.T) {
	header := func(n int) string {
		return `{"blocks":[{"type":"header","text":{"type":"plain_text","text":"` + strings.Repeat("h", n) + `"}}]}`
	}
	many := `{"blocks":[` + strings.Repeat(`{"type":"section","text":{"type":"mrkdwn","text":"`+strings.Repeat("x", 2900)+`"}},`, 5) + `{"type":"divider"}]}`
	tests := []struct {
		name, ct, body string
		status         int
		answer         string
	}{
		{"text", "application/json", `{"text":"hello"}`, 200, "ok"},
		{"blocks without text", "application/json", header(150), 200, "ok"},
		{"no content type", "", `{"text":"hello"}`, 200, "ok"},
		{"legacy form", "application/x-www-form-urlencoded", url.Values{"payload": {`{"text":"hello"}`}}.Encode(), 200, "ok"},
		{"not JSON", "application/json", `{"text":`, 400, "invalid_payload"},
		{"not an object", "application/json", `["text"]`, 400, "invalid_payload"},
		{"form without payload", "application/x-www-form-urlencoded", "text=hello", 400, "invalid_payload"},
		{"nothing to show", "application/json", `{"text":" ","blocks":[]}`, 400, "no_text"},
		{"header too long", "application/json", header(151), 400, "invalid_blocks"},
		{"blocks not an array", "application/json", `{"text":"a","blocks":{"type":"divider"}}`, 400, "invalid_blocks_format"},
		{"too much text", "application/json", many, 400, "msg_blocks_too_long"},
		{"bad metadata", "application/json", `{"text":"a","metadata":"x"}`, 400, "invalid_metadata_format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			got := post(t, s.WebhookURL(), tt.ct, tt.body)
			if got.status != tt.status || got.body != tt.answer {
				t.Errorf("answer %d %q, want %d %q", got.status, got.body, tt.status, tt.answer)
			}
			ms := s.Messages()
			if len(ms) != 1 || ms[0].Status != tt.status || ms[0].OK() != (tt.status == 200) {
				t.Errorf("recorded %+v, want one message answered %d", ms, tt.status)
			}
		})
	}
}

func TestWebhookRecordsMessage(t *testing.T) {
	s := newServer(t)
	m := slackfmt.Build(testAlarm(), slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>")))
	body, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if got := post(t, s.WebhookURL(), "application/json", string(body)); got.status != http.StatusOK {
		t.Fatalf("answer %+v", got)
	}
	got := s.Messages()[0]
	if got.Method != MethodWebhook || got.Webhook != "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX" || got.Channel != "" {
		t.Errorf("method %q webhook %q channel %q", got.Method, got.Webhook, got.Channel)
	}
	if got.Text != m.Text || len(got.Blocks) != len(m.Blocks.BlockSet) {
		t.Errorf("text %q and %d blocks, want %q and %d", got.Text, len(got.Blocks), m.Text, len(m.Blocks.BlockSet))
	}
	if h, ok := got.Blocks[0].(*slack.HeaderBlock); !ok || h.Text.Text != "🔴 ALARM: HighCPU" {
		t.Errorf("first block %#v, want the header", got.Blocks[0])
	}
	if got.Metadata == nil || got.Metadata.EventPayload["alarm_name"] != "HighCPU" {
		t.Errorf("metadata %+v, want the alarm's", got.Metadata)
	}
	if got.UnfurlLinks == nil || *got.UnfurlLinks || got.UnfurlMedia == nil || *got.UnfurlMedia {
		t.Errorf("unfurl flags %v %v, want false and false", got.UnfurlLinks, got.UnfurlMedia)
	}
	if diff := cmp.Diff([]string{"<!here>"}, got.Mentions()); diff != "" {
		t.Errorf("mentions mismatch (-want +got):\n%s", diff)
	}
}

func TestWebhookWithSlackGo(t *testing.T) {
	s := newServer(t)
	msg := &slack.WebhookMessage{Text: "hi", ThreadTimestamp: "1700000000.000100"}
	if err := slack.PostWebhookCustomHTTP(s.WebhookURL(), s.Client(), msg); err != nil {
		t.Fatalf("PostWebhook: %v", err)
	}
	bad := &slack.WebhookMessage{}
	err := slack.PostWebhookCustomHTTP(s.WebhookURL(), s.Client(), bad)
	var sce slack.StatusCodeError
	if !errors.As(err, &sce) || sce.Code != http.StatusBadRequest {
		t.Errorf("PostWebhook(empty) = %v, want a 400", err)
	}
	if got := s.Messages()[0]; got.Text != "hi" || got.ThreadTS != "1700000000.000100" {
		t.Errorf("recorded text %q thread %q", got.Text, got.ThreadTS)
	}
}
