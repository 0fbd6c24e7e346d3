package slackfmt

import (
	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// stateEmoji returns the emoji that marks state v. They are Unicode
// characters, not :codes:, so they render whatever the emoji flag of the
// text object says.
func stateEmoji(v alarm.StateValue) string {
	switch v {
	case alarm.StateAlarm:
		return "🔴"
	case alarm.StateOK:
		return "✅"
	case alarm.StateInsufficientData:
		return "⚪"
	}
	return "❔"
}

// stateColor returns the colour of the attachment bar for state v.
func stateColor(v alarm.StateValue) string {
	switch v {
	case alarm.StateAlarm:
		return "#D13212"
	case alarm.StateOK:
		return "#1D8102"
	}
	return "#8D99A8"
}

// state writes state v: the known states as they are, anything else as
// data, and "UNKNOWN" for none.
func state(w *writer, v alarm.StateValue, m mode) {
	switch {
	case v.Valid():
		w.raw(string(v))
	case v == "":
		w.raw("UNKNOWN")
	default:
		w.put(string(v), m)
	}
}

// name writes the alarm name, or a placeholder when it has none.
func name(w *writer, a *alarm.Alarm, m mode) {
	if a.Name == "" {
		w.raw("(unnamed alarm)")
		return
	}
	w.put(a.Name, m)
}

// header returns the header block: state emoji, state and alarm name.
func (r *renderer) header() slack.Block {
	w := newWriter(maxHeaderText)
	w.raw(stateEmoji(r.a.State.Value) + " ")
	state(&w, r.a.State.Value, modeLine)
	w.raw(": ")
	name(&w, r.a, modeLine)
	return slack.NewHeaderBlock(plain(w.String()), slack.HeaderBlockOptionBlockID(r.id("header")))
}

// summary returns the top-level text, which is all that a phone's push
// notification shows: "<!here> ALARM: HighCPU in eu-west-3: 93.61% ≥ 80%
// (was OK)", with the newest value against the threshold when the alarm
// says both. Slack parses <…> and emoji codes in it like mrkdwn, so the
// alarm's text is escaped here too.
func (r *renderer) summary() string {
	w := newWriter(budgetSummary + budgetMentions)
	r.mentions(&w, " ")
	state(&w, r.a.State.Value, modeText)
	w.raw(": ")
	w.put(clip(r.a.Name, 200), modeText)
	if r.a.Name == "" {
		w.raw("(unnamed alarm)")
	}
	if r.a.Region != "" {
		w.raw(" in ")
		w.put(clip(r.a.Region, 40), modeText)
	}
	r.verdict(&w, ": ", modeText)
	if p := r.a.PreviousState.Value; p != "" {
		w.raw(" (was ")
		state(&w, p, modeText)
		w.raw(")")
	}
	return w.String()
}

// mentions writes the mentions configured for the alarm's state,
// separated by spaces, and then tail if there were any.
func (r *renderer) mentions(w *writer, tail string) {
	ms := r.o.mentions[r.a.State.Value]
	for i, m := range ms {
		if i > 0 {
			w.raw(" ")
		}
		w.raw(m.s)
	}
	if len(ms) > 0 {
		w.raw(tail)
	}
}

// mentionBlock returns the section that carries the mentions, or nil.
func (r *renderer) mentionBlock() slack.Block {
	w := newWriter(budgetMentions)
	r.mentions(&w, "")
	return section(r.id("mentions"), &w)
}

// compactLine returns the one section of the compact layout: mentions,
// state change, time, account, region and links.
func (r *renderer) compactLine() slack.Block {
	w := newWriter(budgetMentions + budgetState + budgetFooter)
	r.mentions(&w, " ")
	r.transition(&w)
	r.where(&w)
	r.linkLine(&w)
	return section(r.id("compact"), &w)
}
