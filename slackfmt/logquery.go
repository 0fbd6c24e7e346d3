package slackfmt

import (
	"strconv"
	"time"

	"github.com/slack-go/slack"
)

// Bounds of a log alarm's query.
const (
	// maxLogGroups bounds the log groups listed; the rest are counted.
	maxLogGroups = 5
	// maxLogGroup bounds the characters of one log group name or ARN.
	maxLogGroup = 200
	// maxSchedule bounds the characters of a schedule expression.
	maxSchedule = 100
)

// logQuery returns the section with a log alarm's Logs Insights query as a
// code block, when and over what time it runs, the log groups it reads and
// the aggregation compared with the threshold, with the fields whose
// values make contributors; nil for other alarms.
func (r *renderer) logQuery() slack.Block {
	q := r.a.LogQuery
	if q == nil {
		return nil
	}
	w := newWriter(budgetQueries)
	w.text("*Logs Insights query*")
	if q.Schedule != "" {
		w.text(" · schedule ")
		w.span("`", "`", q.Schedule, modeCode, maxSchedule)
	}
	window(&w, q.StartOffset, q.EndOffset)
	w.text("\n")
	w.span("```", "```", q.Query, modeCodeBlock, maxExpression)
	if len(q.LogGroups) > 0 {
		w.text("\n*Log groups:* ")
		logGroups(&w, q.LogGroups)
	}
	if q.Aggregation != "" {
		w.text("\n*Aggregation:* ")
		w.span("`", "`", q.Aggregation, modeCode, maxExpression)
		groupBy(&w, q.GroupBy())
	}
	return section(r.id("logquery"), &w)
}

// window writes the time range each run of a log query reads: " · over
// the 5 min before each run", or " · over 5 min ending 1 min before each
// run"; nothing when the offsets do not make a range.
func window(w *writer, start, end time.Duration) {
	if end < 0 || start <= end {
		return
	}
	length := period(start - end)
	switch {
	case length == "":
	case end == 0:
		w.text(" · over the " + length + " before each run")
	default:
		w.text(" · over " + length + " ending " + period(end) + " before each run")
	}
}

// logGroups writes the log groups as code, separated by commas, at most
// maxLogGroups of them and then "+N more".
func logGroups(w *writer, gs []string) {
	for i, g := range gs[:min(len(gs), maxLogGroups)] {
		if i > 0 {
			w.text(", ")
		}
		w.span("`", "`", g, modeCode, maxLogGroup)
	}
	if n := len(gs) - maxLogGroups; n > 0 {
		w.text(" +" + strconv.Itoa(n) + " more")
	}
}

// groupBy writes what the fields of a BY clause mean: " · one contributor
// per `host`".
func groupBy(w *writer, fields []string) {
	for i, f := range fields {
		if i == 0 {
			w.text(" · one contributor per ")
		} else {
			w.text(", ")
		}
		w.span("`", "`", f, modeCode, maxLogGroup)
	}
}

// promQL returns the section with a PromQL alarm's query as a code block,
// how often it is evaluated and how long a series must breach or recover
// before it changes state; nil for other alarms.
func (r *renderer) promQL() slack.Block {
	q := r.a.PromQL
	if q == nil {
		return nil
	}
	w := newWriter(budgetQueries)
	w.text("*PromQL query*")
	if p := period(q.Interval); p != "" {
		w.text(" · evaluated every " + p)
	}
	w.text("\n")
	w.span("```", "```", q.Query, modeCodeBlock, maxExpression)
	w.text("\nEach series the query returns is a contributor")
	if p := period(q.PendingPeriod); p != "" {
		w.text(" · ALARM after " + p + " breaching")
	}
	if p := period(q.RecoveryPeriod); p != "" {
		w.text(" · OK after " + p + " recovered")
	}
	return section(r.id("promql"), &w)
}
