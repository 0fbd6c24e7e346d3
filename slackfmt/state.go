package slackfmt

import (
	"strings"

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
		w.text(string(v))
	case v == "":
		w.text("UNKNOWN")
	default:
		w.data(string(v), m)
	}
}

// stateChange returns the section with the state change and its time.
func (r *renderer) stateChange() slack.Block {
	w := newWriter(budgetState)
	r.transition(&w)
	return section(r.id("state"), &w)
}

// transition writes "*OK → ALARM* after 3 h · <date> · latest 93.61% ≥
// 80%": the state change (or, for a contributor whose payload does not
// say what its previous state was, "(previous state unknown)"), how long the previous
// state lasted when known, when the change happened (as a date token each
// reader sees in their own time zone), the newest value against the
// threshold and how many time series are in ALARM.
func (r *renderer) transition(w *writer) {
	cur, prev := &r.a.State, &r.a.PreviousState
	w.text("*")
	if prev.Value != "" {
		state(w, prev.Value, modeMrkdwn)
		w.text(" → ")
	}
	state(w, cur.Value, modeMrkdwn)
	w.text("*")
	if prev.Value == "" && r.a.Contributor != nil {
		w.text(" (previous state unknown)")
	}
	if !prev.Timestamp.IsZero() && cur.Timestamp.After(prev.Timestamp) && prev.Value != "" {
		w.text(" after " + duration(cur.Timestamp.Sub(prev.Timestamp)))
	}
	if !cur.Timestamp.IsZero() {
		w.text(" · ")
		w.date(cur.Timestamp)
	}
	r.verdict(w, " · latest ", modeMrkdwn)
	r.series(w, " · ")
}

// reason returns CloudWatch's reason for the state change as plain_text in
// a context block, or nil when there is none.
func (r *renderer) reason() slack.Block {
	if strings.TrimSpace(r.a.State.Reason) == "" {
		return nil
	}
	w := newWriter(budgetReason)
	w.data(r.a.State.Reason, modePlain)
	return slack.NewContextBlock(r.id("reason"), plain(w.String()))
}
