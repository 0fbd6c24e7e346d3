package slackfmt

import (
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

// plainEmojiFlags returns, for every plain_text object of m's blocks, its
// text and emoji flag.
func plainEmojiFlags(m *Message) map[string]bool {
	out := map[string]bool{}
	add := func(t *slack.TextBlockObject) {
		if t != nil && t.Type == slack.PlainTextType && t.Emoji != nil {
			out[t.Text] = *t.Emoji
		}
	}
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			add(b.Text)
		case *slack.SectionBlock:
			add(b.Text)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					add(t)
				}
			}
		case *slack.ActionBlock:
			for _, e := range b.Elements.ElementSet {
				add(e.(*slack.ButtonBlockElement).Text)
			}
		}
	}
	return out
}

func TestBuildEmojiSpoof(t *testing.T) {
	a := metricAlarm()
	a.Name = ":large_green_circle: OK: db"
	a.Description = ":white_check_mark: all good"
	a.State.Reason = ":ok:"
	a.Metrics[0].Dimensions = []alarm.Dimension{{Name: "Service", Value: ":green_heart:"}}
	m := Build(a, WithLinkButtons(true), WithLink(":book: Runbook", "https://wiki.example.com/r"))
	want := map[string]bool{
		"🔴 ALARM: :large_green_circle: OK: db": false,
		":white_check_mark: all good":          false,
		":ok:":                                 false,
		"Open in CloudWatch":                   true, // configured labels may use emoji
		":book: Runbook":                       true,
	}
	if diff := cmp.Diff(want, plainEmojiFlags(m)); diff != "" {
		t.Errorf("plain_text emoji flags mismatch (-want +got):\n%s", diff)
	}
	if wantText := "ALARM: :\u200dlarge_green_circle: OK: db in eu-west-3: 95.25 ≥ 80 (was OK)"; m.Text != wantText {
		t.Errorf("Text = %q, want %q", m.Text, wantText)
	}
}

func TestEmojiCodes(t *testing.T) {
	tests := []struct {
		in, mrkdwn, code string
	}{
		{":smile:", ":\u200dsmile:", ":smile:"},
		{"a:b:c", "a:\u200db:c", "a:b:c"},
		{"x:+1: y", "x:\u200d+1: y", "x:+1: y"},
		{"10: 30", "10: 30", "10: 30"},
		{"::", "::", "::"},
		{"time: 10:30", "time: 10:30", "time: 10:30"},
		{":中文:", ":\u200d中文:", ":中文:"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			for _, c := range []struct {
				m    mode
				want string
			}{{modeMrkdwn, tt.mrkdwn}, {modeText, tt.mrkdwn}, {modeCode, tt.code}, {modePlain, tt.code}} {
				w := newWriter(100)
				w.put(tt.in, c.m)
				if got := w.String(); got != c.want {
					t.Errorf("mode %d: put(%q) = %q, want %q", c.m, tt.in, got, c.want)
				}
			}
		})
	}
}
