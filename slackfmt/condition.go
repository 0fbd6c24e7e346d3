package slackfmt

import (
	"strconv"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// condition returns the section that says in words when the alarm fires,
// such as "CPU Usage (e1) ≥ 80 for 2 of 2 datapoints of 1 min", or nil
// when the alarm does not describe its condition.
func (r *renderer) condition() slack.Block {
	c := r.a.Condition
	if c == nil {
		return nil
	}
	w := newWriter(budgetCondition)
	w.text("*Condition:* ")
	if r.a.LogQuery != nil {
		w.text("the aggregated query result")
	} else {
		subjectName(&w, r.subject(), len(r.a.Metrics) > 1)
	}
	n := w.n
	r.comparison(&w, c)
	r.evaluation(&w, c)
	if w.n == n && !w.full() {
		return nil // nothing to say but the metric's name
	}
	r.missingData(&w, c)
	if r.a.State.EvaluationState == "PARTIAL_DATA" {
		w.text("\nEvaluated on partial data: the query returned more than Metrics Insights can evaluate.")
	}
	return section(r.id("condition"), &w)
}

// subject returns the query whose value the alarm compares with its
// threshold: the first one that returns data and is not the anomaly
// detection band, else the first one, else nil.
func (r *renderer) subject() *alarm.Metric {
	ms := r.a.Metrics
	band := r.bandID()
	for i := range ms {
		if ms[i].ReturnData && (band == "" || ms[i].ID != band) {
			return &ms[i]
		}
	}
	if len(ms) > 0 {
		return &ms[0]
	}
	return nil
}

// bandID returns the ID of the anomaly detection band query, if any.
func (r *renderer) bandID() string {
	if r.a.Condition == nil {
		return ""
	}
	return r.a.Condition.ThresholdMetricID
}

// subjectName writes how a reader names query m: its label or metric name,
// followed by its ID when it has one and showID is set ("CPU Usage (e1)").
// A single-metric alarm's query ID (EventBridge makes up a UUID) means
// nothing to the reader.
func subjectName(w *writer, m *alarm.Metric, showID bool) {
	switch {
	case m == nil:
		w.text("the metric")
		return
	case m.Label != "":
		w.data(m.Label, modeMrkdwn)
	case m.MetricName != "":
		w.data(m.MetricName, modeMrkdwn)
	case m.ID != "":
		w.data(m.ID, modeMrkdwn)
		return
	default:
		w.text("the metric")
		return
	}
	if m.ID != "" && showID {
		w.text(" (")
		w.data(m.ID, modeMrkdwn)
		w.text(")")
	}
}

// comparison writes the comparison with the threshold or the band.
func (r *renderer) comparison(w *writer, c *alarm.Condition) {
	op := c.ComparisonOperator
	switch {
	case op.IsBand():
		w.text(" " + bandWords(op))
		r.band(w)
	case op.Symbol() != "":
		w.text(" ")
		w.data(op.Symbol(), modeMrkdwn) // "<" and ">" are mrkdwn control characters too
		w.text(" ")
		r.threshold(w, c.Threshold)
	case op != "":
		w.text(" ")
		w.data(string(op), modeMrkdwn)
		w.text(" ")
		r.threshold(w, c.Threshold)
	case c.Threshold != nil:
		w.text(" vs threshold ")
		r.threshold(w, c.Threshold)
	}
}

func bandWords(op alarm.ComparisonOperator) string {
	switch op {
	case alarm.GreaterThanUpperThreshold:
		return "above the band"
	case alarm.LessThanLowerThreshold:
		return "below the band"
	}
	return "outside the band"
}

// band writes the band's expression, ANOMALY_DETECTION_BAND(m1, 2), as
// code, or its query ID when the alarm does not list the query.
func (r *renderer) band(w *writer) {
	id := r.bandID()
	if id == "" {
		return
	}
	text := id
	for i := range r.a.Metrics {
		if m := &r.a.Metrics[i]; m.ID == id && m.Expression != "" {
			text = m.Expression
			break
		}
	}
	w.text(" ")
	w.span("`", "`", text, modeCode, maxExpression)
}

// threshold writes threshold t with the unit of the values, or "the
// threshold" when it is not known.
func (r *renderer) threshold(w *writer, t *float64) {
	if t == nil {
		w.text("the threshold")
		return
	}
	quantity(w, *t, r.unit(), modeMrkdwn)
}

// evaluation writes " for 2 of 3 datapoints of 1 min", or for a log
// alarm " for 2 of 3 query results, run every 5 min".
func (r *renderer) evaluation(w *writer, c *alarm.Condition) {
	n := c.EvaluationPeriods
	if n <= 0 {
		return
	}
	m := n
	if c.DatapointsToAlarm != nil && *c.DatapointsToAlarm > 0 {
		m = *c.DatapointsToAlarm
	}
	one, many, every := " datapoint", " datapoints", " of "
	if r.a.LogQuery != nil {
		one, many, every = " query result", " query results", ", run every "
	}
	unit := many
	if n == 1 {
		unit = one
	}
	w.text(" for " + strconv.Itoa(m) + " of " + strconv.Itoa(n) + unit)
	p := c.Period
	if s := r.subject(); p <= 0 && s != nil {
		p = s.Period
	}
	if p := period(p); p != "" {
		w.text(every + p)
	}
}

// missingData writes how missing data is treated, where it matters: when
// the treatment is not the default ("missing"), or when datapoints are
// missing. The default treatment of an alarm without missing datapoints
// goes unsaid.
func (r *renderer) missingData(w *writer, c *alarm.Condition) {
	switch c.TreatMissingData {
	case alarm.TreatBreaching:
		w.text("\nMissing data counts as breaching.")
	case alarm.TreatNotBreaching:
		w.text("\nMissing data counts as not breaching.")
	case alarm.TreatIgnore:
		w.text("\nMissing data is ignored: the alarm keeps its state.")
	default:
		if r.missingDatapoints() {
			w.text("\nMissing datapoints (–) are left out of the evaluation.")
		}
	}
}

func (r *renderer) missingDatapoints() bool {
	for _, d := range r.a.Datapoints {
		if d.Value == nil {
			return true
		}
	}
	return false
}
