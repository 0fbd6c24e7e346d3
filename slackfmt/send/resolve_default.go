package send

import (
	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// defaultResolve renders the message that replaces the original ALARM
// message once the alarm is OK again, for a Bot given no WithResolve.
//
// MERGE: when slackfmt.BuildResolved exists, this body becomes
//
//	return slackfmt.BuildResolved(announced, ok)
//
// and resolvedHeader goes. Until then it is announced's message as
// slackfmt.Build renders it, under a header that says it is resolved: a
// plain_text header with emoji off, so that an alarm named
// ":large_green_circle: OK: db" shows those words, not an emoji.
var defaultResolve = func(announced, ok *alarm.Alarm) *slackfmt.Message {
	m := slackfmt.Build(announced)
	m.Text = "Resolved: " + m.Text
	if blocks := m.Blocks.BlockSet; len(blocks) > 0 {
		if _, isHeader := blocks[0].(*slack.HeaderBlock); isHeader {
			blocks[0] = slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, resolvedHeader(announced), false, false))
		}
	}
	return m
}

// resolvedHeader is "✅ Resolved: " and the alarm's name, cut to the 150
// characters of a header block.
func resolvedHeader(a *alarm.Alarm) string {
	const maxHeaderText = 150
	r := []rune("✅ Resolved: " + a.Name)
	if len(r) > maxHeaderText {
		r = append(r[:maxHeaderText-1], '…')
	}
	return string(r)
}
