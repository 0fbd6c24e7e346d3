package slacktest

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

func TestPostMessageWithSlackGo(t *testing.T) {
	s := newServer(t)
	api := client(s)
	m := slackfmt.Build(testAlarm(), slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<@U024BE7LH>")))
	ch, ts, err := api.PostMessageContext(context.Background(), "#alerts", m.PostMessageOptions()...)
	if err != nil {
		t.Fatalf("PostMessage: %v", err)
	}
	if ch != "C00000001" || ts != "1700000000.000100" {
		t.Errorf("PostMessage = %q, %q; want C00000001, 1700000000.000100", ch, ts)
	}
	opts := append(m.PostMessageOptions(), slack.MsgOptionTS(ts), slack.MsgOptionBroadcast())
	if _, ts2, err := api.PostMessageContext(context.Background(), "alerts", opts...); err != nil || ts2 != "1700000000.000200" {
		t.Fatalf("PostMessage in the thread = %q, %v; want ts 1700000000.000200", ts2, err)
	}
	ms := s.Messages()
	if len(ms) != 2 {
		t.Fatalf("recorded %d messages, want 2", len(ms))
	}
	first, reply := ms[0], ms[1]
	if first.Method != "chat.postMessage" || first.Channel != ch || first.TS != ts || first.Text != m.Text || len(first.Blocks) != len(m.Blocks.BlockSet) {
		t.Errorf("first message %+v", first)
	}
	if first.Metadata == nil || first.Metadata.EventType != slackfmt.MetadataEventType {
		t.Errorf("metadata %+v", first.Metadata)
	}
	if reply.Channel != ch || reply.ThreadTS != ts || !reply.ReplyBroadcast {
		t.Errorf("reply in channel %q thread %q broadcast %v, want %q %q true", reply.Channel, reply.ThreadTS, reply.ReplyBroadcast, ch, ts)
	}
	if diff := cmp.Diff([]string{"<@U024BE7LH>"}, first.Mentions()); diff != "" {
		t.Errorf("mentions mismatch (-want +got):\n%s", diff)
	}
	if got, ok := s.Posted(ch, ts); !ok || got.Text != m.Text {
		t.Errorf("Posted(%q, %q) = %+v, %v", ch, ts, got, ok)
	}
}

func TestPostMessageJSON(t *testing.T) {
	s := newServer(t)
	body := `{"channel":"C0ALERTS","text":"hi","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"*hi* <!here>"}}],"thread_ts":"1.2","reply_broadcast":true,"unfurl_links":false}`
	got := decodeAnswer(t, post(t, s.APIURL()+"chat.postMessage", "application/json; charset=utf-8", body, "Authorization", "Bearer xoxb-1"))
	if !got.OK || got.Channel != "C0ALERTS" || got.TS == "" {
		t.Fatalf("answer %+v", got)
	}
	m := s.Messages()[0]
	if m.ThreadTS != "1.2" || !m.ReplyBroadcast || m.UnfurlLinks == nil || *m.UnfurlLinks || m.UnfurlMedia != nil {
		t.Errorf("recorded %+v", m)
	}
	if diff := cmp.Diff("hi\n*hi* @here", m.PlainText()); diff != "" {
		t.Errorf("PlainText mismatch (-want +got):\n%s", diff)
	}
}

func TestWebAPIErrors(t *testing.T) {
	long := `[{"type":"header","text":{"type":"plain_text","text":"` + strings.Repeat("h", 151) + `"}}]`
	tests := []struct {
		name    string
		method  string
		values  url.Values
		want    string
		details []string
	}{
		{"no token", "chat.postMessage", url.Values{"channel": {"C1"}, "text": {"a"}}, "not_authed", nil},
		{"unknown method", "chat.delete", url.Values{"token": {"x"}}, "unknown_method", nil},
		{"no channel", "chat.postMessage", url.Values{"token": {"x"}, "text": {"a"}}, "channel_not_found", nil},
		{"no text", "chat.postMessage", url.Values{"token": {"x"}, "channel": {"C1"}}, "no_text", nil},
		{"invalid blocks", "chat.postMessage", url.Values{"token": {"x"}, "channel": {"C1"}, "blocks": {long}}, "invalid_blocks",
			[]string{"must be at most 150 characters (has 151) [json-pointer:/blocks/0/text/text]"}},
		{"blocks not JSON", "chat.postMessage", url.Values{"token": {"x"}, "channel": {"C1"}, "blocks": {"[{"}}, "invalid_blocks_format", nil},
		{"bad attachments", "chat.postMessage", url.Values{"token": {"x"}, "channel": {"C1"}, "attachments": {"{"}}, "invalid_attachments", nil},
		{"update of nothing", "chat.update", url.Values{"token": {"x"}, "channel": {"C1"}, "ts": {"1.2"}, "text": {"a"}}, "message_not_found", nil},
		{"bad upload length", "files.getUploadURLExternal", url.Values{"token": {"x"}, "filename": {"a.png"}, "length": {"x"}}, "invalid_arguments", nil},
		{"complete unknown file", "files.completeUploadExternal", url.Values{"token": {"x"}, "files": {`[{"id":"F9"}]`}}, "file_not_found", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t)
			resp := postForm(t, s, tt.method, tt.values)
			got := decodeAnswer(t, resp)
			if resp.status != 200 || got.OK || got.Error != tt.want {
				t.Errorf("answer %d %s, want 200 and error %q", resp.status, resp.body, tt.want)
			}
			if diff := cmp.Diff(tt.details, got.Errors); diff != "" {
				t.Errorf("errors mismatch (-want +got):\n%s", diff)
			}
			if ms := s.Messages(); len(ms) != 1 || ms[0].Error != tt.want || ms[0].Method != tt.method {
				t.Errorf("recorded %+v, want one %s refused with %s", ms, tt.method, tt.want)
			}
		})
	}
}

func TestWebAPIErrorsThroughSlackGo(t *testing.T) {
	s := newServer(t)
	long := slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("h", 151), false, false))
	_, _, err := client(s).PostMessage("C1", slack.MsgOptionBlocks(long))
	var se slack.SlackErrorResponse
	if !errors.As(err, &se) || se.Err != "invalid_blocks" || len(se.ResponseMetadata.Messages) != 1 ||
		se.ResponseMetadata.Messages[0] != "[ERROR] must be at most 150 characters (has 151) [json-pointer:/blocks/0/text/text]" {
		t.Errorf("PostMessage = %#v, want invalid_blocks with its detail", err)
	}
}

func TestUpdate(t *testing.T) {
	s := newServer(t)
	api := client(s)
	ch, ts, err := api.PostMessage("#ops", slack.MsgOptionText("ALARM: db", false),
		slack.MsgOptionBlocks(slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*ALARM*", false, false), nil, nil)),
		slack.MsgOptionAttachments(slack.Attachment{Color: "#D13212", Text: "bar"}))
	if err != nil {
		t.Fatal(err)
	}
	resolved := slackfmt.BuildResolved(testAlarm(), nil)
	tests := []struct {
		name        string
		opts        []slack.MsgOption
		text        string
		blocks      int
		attachments int
	}{
		{"text only drops the blocks, keeps the attachments", []slack.MsgOption{slack.MsgOptionText("OK: db", false)}, "OK: db", 0, 1},
		{"blocks and text", resolved.PostMessageOptions(), resolved.Text, len(resolved.Blocks.BlockSet), 1},
		{"attachments cleared", []slack.MsgOption{slack.MsgOptionAttachments([]slack.Attachment{}...), slack.MsgOptionBlocks()}, resolved.Text, 0, 0},
	}
	for _, tt := range tests {
		if _, _, _, err := api.UpdateMessage("#ops", ts, tt.opts...); err != nil {
			t.Fatalf("%s: UpdateMessage: %v", tt.name, err)
		}
		got, ok := s.Posted(ch, ts)
		if !ok || got.Text != tt.text || len(got.Blocks) != tt.blocks || len(got.Attachments) != tt.attachments {
			t.Errorf("%s: message is %q with %d blocks and %d attachments, want %q, %d, %d",
				tt.name, got.Text, len(got.Blocks), len(got.Attachments), tt.text, tt.blocks, tt.attachments)
		}
	}
	last := s.Messages()[len(s.Messages())-1]
	if last.Method != "chat.update" || last.Channel != ch || last.TS != ts || string(last.BlocksJSON) != "[]" {
		t.Errorf("last request %+v, want the chat.update that cleared the blocks", last)
	}
}

func TestConcurrentPosts(t *testing.T) {
	s := newServer(t)
	api := client(s)
	const n = 40
	errs := make(chan error, n)
	for i := range n {
		go func() {
			_, _, err := api.PostMessage([]string{"C1", "C2"}[i%2], slack.MsgOptionText("hello", false))
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	seen := map[string]bool{}
	for _, m := range s.Messages() {
		if seen[m.TS] {
			t.Errorf("ts %s given twice", m.TS)
		}
		seen[m.TS] = true
	}
	if len(seen) != n {
		t.Errorf("%d distinct messages recorded, want %d", len(seen), n)
	}
}
