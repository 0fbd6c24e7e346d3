package slackfmt

import (
	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// The emoji that mark a muted alarm and a notification sent after a mute
// window.
const (
	mutedEmoji     = "🔕"
	afterMuteEmoji = "🔔"
)

// maxMuteRuleName bounds the characters of a mute rule's name (or ARN).
const maxMuteRuleName = 300

// headerEmoji returns the emoji at the start of the header: the bell with
// a stroke for a muted alarm, else the state's.
func (r *renderer) headerEmoji() string {
	if r.a.Mute != nil {
		return mutedEmoji
	}
	return stateEmoji(r.a.State.Value)
}

// stateLabel writes the state for the header and the top-level text, with
// "(muted)" for a muted alarm and "(after mute window)" for a notification
// that CloudWatch held back during a mute window.
func (r *renderer) stateLabel(w *writer, m mode) {
	state(w, r.a.State.Value, m)
	switch {
	case r.a.Mute != nil:
		w.text(" (muted)")
	case r.a.ActionAfterMuteWindow:
		w.text(" (after mute window)")
	}
}

// muteNote returns the section that says the alarm is muted, by which
// rule and until when, or that this notification comes after a mute
// window; nil for any other alarm.
func (r *renderer) muteNote() slack.Block {
	if r.a.Mute == nil && !r.a.ActionAfterMuteWindow {
		return nil
	}
	w := newWriter(budgetMute)
	switch {
	case r.a.Mute != nil:
		muted(&w, r.a.Mute)
	default:
		afterMuteWindow(&w, &r.a.State)
	}
	return section(r.id("mute"), &w)
}

// muted writes "🔕 *Muted* by alarm mute rule `nightly` from <date> until
// <date>" and what that means for the alarm's actions.
func muted(w *writer, mu *alarm.Mute) {
	w.text(mutedEmoji + " *Muted* by ")
	muteRule(w, mu)
	if !mu.Start.IsZero() {
		w.text(" from ")
		w.date(mu.Start)
	}
	if mu.End.IsZero() {
		w.text(" until its window ends")
	} else {
		w.text(" until ")
		w.date(mu.End)
	}
	w.text("\nCloudWatch runs none of this alarm's actions during the window, and runs them when it ends if the alarm is still in this state.")
}

// muteRule writes the mute rule by name ("alarm mute rule `nightly`"), by
// ARN when its ARN has no name, or "an alarm mute rule".
func muteRule(w *writer, mu *alarm.Mute) {
	rule := mu.RuleName()
	if rule == "" {
		rule = mu.RuleARN
	}
	if rule == "" {
		w.text("an alarm mute rule")
		return
	}
	w.text("alarm mute rule ")
	w.span("`", "`", rule, modeCode, maxMuteRuleName)
}

// afterMuteWindow writes that CloudWatch held the notification back during
// a mute window, and since when the alarm has been in its state.
func afterMuteWindow(w *writer, st *alarm.State) {
	w.text(afterMuteEmoji + " *Sent after a mute window:* CloudWatch held this notification back while the alarm was muted.")
	if !st.Timestamp.IsZero() {
		w.text(" The alarm has been in ")
		state(w, st.Value, modeMrkdwn)
		w.text(" since ")
		w.date(st.Timestamp)
		w.text(".")
	}
}
