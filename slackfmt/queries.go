package slackfmt

import (
	"strconv"
	"strings"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Bounds of the queries section.
const (
	// maxQueries bounds the queries listed; the rest are counted.
	maxQueries = 10
	// maxQueryID bounds the characters of a query ID.
	maxQueryID = 64
	// maxExpression bounds the characters of one expression or query.
	maxExpression = 1000
)

// queries returns the section that lists the alarm's metric queries, or
// nil when it has none. A single metric is one line; metric math lists
// every query, e1 = 100*m1/m2 "CPU Usage", m1 = AWS/ECS CPUUtilization
// (Average, 1 min) ClusterName=prod, with the returned ones marked.
func (r *renderer) queries() slack.Block {
	ms := r.a.Metrics
	if len(ms) == 0 {
		return nil
	}
	w := newWriter(budgetQueries)
	if len(ms) == 1 && !ms[0].IsExpression() {
		w.text("*Metric:* ")
		metricStat(&w, &ms[0])
		r.crossAccount(&w, &ms[0])
		if len(ms[0].Dimensions) > 0 {
			w.text("\n")
			dimensions(&w, ms[0].Dimensions)
		}
		return section(r.id("queries"), &w)
	}
	w.text("*Queries:*")
	w.list(len(ms), maxQueries, " queries", func(i int) { r.query(&w, &ms[i]) })
	return section(r.id("queries"), &w)
}

// query writes one line for query m (two or more for a Metrics Insights
// query, whose SQL follows as a code block).
func (r *renderer) query(w *writer, m *alarm.Metric) {
	if m.ID != "" {
		w.span("`", "`", m.ID, modeCode, maxQueryID)
		w.text(" = ")
	}
	sql := m.IsExpression() && isSQL(m.Expression)
	switch {
	case sql:
		w.text("Metrics Insights query")
	case m.IsExpression():
		w.span("`", "`", m.Expression, modeCode, maxExpression)
	default:
		metricStat(w, m)
		if len(m.Dimensions) > 0 {
			w.text(" ")
			dimensions(w, m.Dimensions)
		}
	}
	if m.Label != "" {
		w.text(" “")
		w.data(m.Label, modeMrkdwn)
		w.text("”")
	}
	r.crossAccount(w, m)
	r.role(w, m)
	if sql {
		w.text("\n")
		w.span("```", "```", m.Expression, modeCodeBlock, maxExpression)
	}
}

// role writes what a returned query m is for: the band or the returned value.
func (r *renderer) role(w *writer, m *alarm.Metric) {
	switch {
	case !m.ReturnData:
	case m.ID != "" && m.ID == r.bandID():
		w.text(" ← band")
	default:
		w.text(" ← returned")
	}
}

// crossAccount writes the account a query reads from, if it says.
func (r *renderer) crossAccount(w *writer, m *alarm.Metric) {
	if m.AccountID == "" {
		return
	}
	w.text(" · account ")
	r.account(w, m.AccountID)
}

// isSQL reports whether expr is a Metrics Insights query rather than
// metric math: those start with SELECT.
func isSQL(expr string) bool {
	expr = strings.TrimSpace(expr)
	return len(expr) >= 6 && strings.EqualFold(expr[:6], "SELECT")
}

// metricStat writes "AWS/EC2 CPUUtilization (Average, 5 min, Percent)".
func metricStat(w *writer, m *alarm.Metric) {
	switch {
	case m.Namespace != "" && m.MetricName != "":
		w.data(m.Namespace, modeMrkdwn)
		w.text(" ")
		w.data(m.MetricName, modeMrkdwn)
	case m.MetricName != "":
		w.data(m.MetricName, modeMrkdwn)
	case m.Namespace != "":
		w.data(m.Namespace, modeMrkdwn)
	default:
		w.text("(unnamed metric)")
	}
	statDetails(w, m.Stat, m.Period, m.Unit)
}

// statDetails writes " (Average, 5 min, Percent)", leaving out what is
// unknown, or nothing.
func statDetails(w *writer, stat string, p time.Duration, unit string) {
	ps := period(p)
	if stat == "" && ps == "" && unit == "" {
		return
	}
	w.text(" (")
	first := true
	for _, part := range [...]struct {
		s    string
		data bool
	}{{stat, true}, {ps, false}, {unit, true}} {
		if part.s == "" {
			continue
		}
		if !first {
			w.text(", ")
		}
		first = false
		if part.data {
			w.data(part.s, modeMrkdwn)
		} else {
			w.text(part.s)
		}
	}
	w.text(")")
}

// maxDimensions bounds the dimensions shown for one metric; the rest are
// counted as "+N more".
const maxDimensions = 4

// dimensions writes "ClusterName=prod, ServiceName=api +3 more".
func dimensions(w *writer, ds []alarm.Dimension) {
	for i := range ds[:min(len(ds), maxDimensions)] {
		if i > 0 {
			w.text(", ")
		}
		w.data(ds[i].Name, modeMrkdwn)
		w.text("=")
		w.data(ds[i].Value, modeMrkdwn)
	}
	if n := len(ds) - maxDimensions; n > 0 {
		w.text(" +" + strconv.Itoa(n) + " more")
	}
}
