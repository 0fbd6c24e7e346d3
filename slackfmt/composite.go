package slackfmt

import (
	"strconv"

	"github.com/slack-go/slack"
)

// maxChildren bounds the triggering children listed; the rest are
// counted.
const maxChildren = 10

// rule returns the section with a composite alarm's rule as code, or nil.
func (r *renderer) rule() slack.Block {
	if r.a.AlarmRule == "" {
		return nil
	}
	w := newWriter(budgetRule)
	w.raw("*Rule:* `")
	w.put(r.a.AlarmRule, modeCode)
	w.raw("`")
	return section(r.id("rule"), &w)
}

// children returns the section listing the child alarms whose state change
// triggered the composite alarm, with their states, or nil.
func (r *renderer) children() slack.Block {
	cs := r.a.TriggeringChildren
	if len(cs) == 0 {
		return nil
	}
	w := newWriter(budgetChildren)
	w.raw("*Triggered by:*")
	for _, c := range cs[:min(len(cs), maxChildren)] {
		w.raw("\n" + stateEmoji(c.State) + " `")
		switch n := c.Name(); {
		case n != "":
			w.put(n, modeCode)
		case c.ARN != "":
			w.put(c.ARN, modeCode)
		default:
			w.raw("unknown child")
		}
		w.raw("` ")
		state(&w, c.State, modeMrkdwn)
		if !c.Timestamp.IsZero() {
			w.raw(" · " + dateToken(c.Timestamp))
		}
	}
	if n := len(cs) - maxChildren; n > 0 {
		w.raw("\n+" + strconv.Itoa(n) + " more")
	}
	return section(r.id("children"), &w)
}

// suppression returns the section that says whether and why the composite
// alarm's actions were suppressed, and by which suppressor, or nil.
func (r *renderer) suppression() slack.Block {
	st, sup := &r.a.State, r.a.Suppressor
	if st.ActionsSuppressedBy == "" && sup == nil {
		return nil
	}
	w := newWriter(budgetSuppression)
	if st.ActionsSuppressedBy != "" {
		w.raw("*Actions suppressed* (")
		w.put(st.ActionsSuppressedBy, modeMrkdwn)
		w.raw(")")
		if st.ActionsSuppressedReason != "" {
			w.raw(": ")
			w.put(st.ActionsSuppressedReason, modeMrkdwn)
		}
	}
	if sup != nil {
		if !w.empty() {
			w.raw("\n")
		}
		w.raw("*Suppressor:* `")
		w.put(sup.Alarm, modeCode)
		w.raw("`")
		if p := period(sup.WaitPeriod); p != "" {
			w.raw(" · wait " + p)
		}
		if p := period(sup.ExtensionPeriod); p != "" {
			w.raw(" · extension " + p)
		}
	}
	return section(r.id("suppression"), &w)
}
