package send

import (
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// ResolveFunc returns the message that replaces the original message about
// an alarm, posted at t, once the alarm is back to OK; ok is the OK
// message just posted in the thread. The result is sent whole with
// chat.update: its text, blocks and attachments replace the original's.
// It must not modify ok. A nil result leaves the original message as it
// was.
type ResolveFunc func(a *alarm.Alarm, ok *slackfmt.Message, t Thread) *slackfmt.Message

// Block Kit limits, from https://docs.slack.dev/reference/block-kit/blocks.
const (
	maxBlocks     = 50  // blocks per message
	maxHeaderText = 150 // characters of a header's plain_text
)

// Resolved is the default ResolveFunc. Its text is "Resolved: " followed
// by the OK message's text; its blocks are a header "✅ Resolved: <alarm
// name>", a context line saying when the alarm returned to OK and how long
// it had been in its previous state, and then the OK message's blocks (as
// many as fit in 50). Attachments and metadata are the OK message's.
func Resolved(a *alarm.Alarm, ok *slackfmt.Message, t Thread) *slackfmt.Message {
	head := []slack.Block{
		slack.NewHeaderBlock(plain(truncate("✅ Resolved: "+a.Name, maxHeaderText))),
		slack.NewContextBlock("", plain(resolvedLine(a, t))),
	}
	rest := ok.Blocks.BlockSet
	if len(rest) > maxBlocks-len(head) {
		rest = rest[:maxBlocks-len(head)]
	}
	return &slackfmt.Message{
		Text:        "Resolved: " + ok.Text,
		Blocks:      slack.Blocks{BlockSet: append(head, rest...)},
		Attachments: ok.Attachments,
		Metadata:    ok.Metadata,
	}
}

// resolvedLine says when the alarm returned to OK and after how long, as
// far as the alarm tells: "Back to OK at 2026-11-25 10:04 UTC, after 12m0s
// in ALARM." The start is the previous state's timestamp, or when the
// thread was posted if the payload does not say.
func resolvedLine(a *alarm.Alarm, t Thread) string {
	end := a.State.Timestamp
	if end.IsZero() {
		return "Back to OK."
	}
	line := "Back to OK at " + end.UTC().Format("2006-01-02 15:04 MST")
	start := a.PreviousState.Timestamp
	if start.IsZero() {
		start = t.Posted
	}
	if d := end.Sub(start); !start.IsZero() && d > 0 {
		line += fmt.Sprintf(", after %s", d.Round(time.Second))
		if prev := a.PreviousState.Value; prev != "" {
			line += " in " + string(prev)
		}
	}
	return line + "."
}

// plain returns a plain_text object, in which Slack parses neither
// mentions nor links: alarm names are safe in it without escaping.
func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
}

// truncate shortens s to at most n runes, ending it with "…" when cut.
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
