package slackfmt

import (
	"strings"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Bounds of a composite alarm's parts.
const (
	// maxChildren bounds the triggering children listed; the rest are
	// counted.
	maxChildren = 10
	// maxChildName bounds the characters of one child's name.
	maxChildName = 200
	// maxChildURL bounds the console URL of a child that is linked; a
	// child with a longer one (a long non-ASCII name) is shown as code.
	maxChildURL = 500
	// maxSuppressor bounds the characters of the suppressor's name.
	maxSuppressor = 300
)

// rule returns the section with a composite alarm's rule as code, with the
// alarms' ARNs shortened to their names, or nil.
func (r *renderer) rule() slack.Block {
	if r.a.AlarmRule == "" {
		return nil
	}
	w := newWriter(budgetRule)
	w.text("*Rule:* ")
	w.span("`", "`", ruleNames(r.a.AlarmRule), modeCode, budgetRule)
	return section(r.id("rule"), &w)
}

// ruleNames returns rule with every alarm ARN in it shortened to the
// alarm's name, ALARM("arn:aws:cloudwatch:…:alarm:db-cpu") to
// ALARM("db-cpu"), and everything else as it is.
func ruleNames(rule string) string {
	if !strings.Contains(rule, "arn:") {
		return rule
	}
	var b strings.Builder
	b.Grow(len(rule))
	for {
		i := strings.Index(rule, "arn:")
		if i < 0 {
			break
		}
		j := arnPrefixEnd(rule[i:])
		if j < 0 {
			j = len("arn:")
			b.WriteString(rule[:i+j])
		} else {
			b.WriteString(rule[:i])
		}
		rule = rule[i+j:]
	}
	b.WriteString(rule)
	return b.String()
}

// arnPrefixEnd returns the length of the prefix of an alarm ARN that s
// starts with, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:", or -1
// when s does not start with one.
func arnPrefixEnd(s string) int {
	const tail = ":alarm:"
	head := s[:min(len(s), 128)]
	k := strings.Index(head, tail)
	if k < 0 {
		return -1
	}
	p := head[:k]
	if strings.Count(p, ":") != 4 || !strings.Contains(p, ":cloudwatch:") || strings.ContainsAny(p, " \t\n\"'(),") {
		return -1
	}
	return k + len(tail)
}

// children returns the section listing the child alarms whose state change
// triggered the composite alarm, each linked to its console page, with
// their states, or nil.
func (r *renderer) children() slack.Block {
	cs := r.a.TriggeringChildren
	if len(cs) == 0 {
		return nil
	}
	w := newWriter(budgetChildren)
	w.text("*Triggered by:*")
	w.list(len(cs), maxChildren, "", func(i int) { child(&w, &cs[i]) })
	return section(r.id("children"), &w)
}

// child writes one line of the children: "🔴 <url|name> ALARM · <date>",
// the name as code when it cannot be linked.
func child(w *writer, c *alarm.Child) {
	w.text(stateEmoji(c.State) + " ")
	name := c.Name()
	if name == "" {
		name = c.ARN
	}
	u, ok := safeURL(c.ConsoleURL())
	switch {
	case name == "":
		w.text("unknown child")
	case ok && len(u) <= maxChildURL:
		w.link(u, name, maxChildName)
	default:
		w.span("`", "`", name, modeCode, maxChildName)
	}
	w.text(" ")
	if c.State.Valid() || c.State == "" {
		state(w, c.State, modeMrkdwn)
	} else {
		w.span("", "", string(c.State), modeMrkdwn, 40)
	}
	if !c.Timestamp.IsZero() {
		w.text(" · ")
		w.date(c.Timestamp)
	}
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
		w.text("*Actions suppressed* (")
		w.data(st.ActionsSuppressedBy, modeMrkdwn)
		w.text(")")
		if st.ActionsSuppressedReason != "" {
			w.text(": ")
			w.data(st.ActionsSuppressedReason, modeMrkdwn)
		}
	}
	if sup != nil {
		suppressor(&w, sup)
	}
	return section(r.id("suppression"), &w)
}

// suppressor writes the suppressor alarm, by name, and its periods.
func suppressor(w *writer, sup *alarm.Suppressor) {
	if !w.empty() {
		w.text("\n")
	}
	w.text("*Suppressor:* ")
	w.span("`", "`", ruleNames(sup.Alarm), modeCode, maxSuppressor)
	if p := period(sup.WaitPeriod); p != "" {
		w.text(" · wait " + p)
	}
	if p := period(sup.ExtensionPeriod); p != "" {
		w.text(" · extension " + p)
	}
}
