package slackfmt

import (
	"strings"

	"github.com/slack-go/slack"
)

// description returns the alarm description as plain_text, which Slack
// never parses, or nil when there is none.
func (r *renderer) description() slack.Block {
	if strings.TrimSpace(r.a.Description) == "" {
		return nil
	}
	w := newWriter(budgetDescription)
	w.put(r.a.Description, modePlain)
	return slack.NewSectionBlock(plain(w.String()), nil, nil, slack.SectionBlockOptionBlockID(r.id("description")))
}

// stateChange returns the section with the state change and its time.
func (r *renderer) stateChange() slack.Block {
	w := newWriter(budgetState)
	r.transition(&w)
	return section(r.id("state"), &w)
}

// transition writes "*OK → ALARM* after 3 h · <date> · latest 93.61% ≥
// 80%": the state change, how long the previous state lasted when known,
// when the change happened (as a date token each reader sees in their own
// time zone) and the newest value against the threshold.
func (r *renderer) transition(w *writer) {
	cur, prev := &r.a.State, &r.a.PreviousState
	w.raw("*")
	if prev.Value != "" {
		state(w, prev.Value, modeMrkdwn)
		w.raw(" → ")
	}
	state(w, cur.Value, modeMrkdwn)
	w.raw("*")
	if !prev.Timestamp.IsZero() && cur.Timestamp.After(prev.Timestamp) && prev.Value != "" {
		w.raw(" after " + duration(cur.Timestamp.Sub(prev.Timestamp)))
	}
	if !cur.Timestamp.IsZero() {
		w.raw(" · ")
		w.date(cur.Timestamp)
	}
	r.verdict(w, " · latest ", modeMrkdwn)
}

// reason returns CloudWatch's reason for the state change as plain_text in
// a context block, or nil when there is none.
func (r *renderer) reason() slack.Block {
	if strings.TrimSpace(r.a.State.Reason) == "" {
		return nil
	}
	w := newWriter(budgetReason)
	w.put(r.a.State.Reason, modePlain)
	return slack.NewContextBlock(r.id("reason"), plain(w.String()))
}
