package graph

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/cwslack/cwslack/alarm"
)

// rowOptions is the options object that ends each entry of the metrics
// array: for a metric, how to draw it; for an expression, the whole entry.
type rowOptions struct {
	Expression string `json:"expression,omitempty"`
	ID         string `json:"id,omitempty"`
	Label      string `json:"label,omitempty"`
	Stat       string `json:"stat,omitempty"`
	Period     int64  `json:"period,omitempty"`
	AccountID  string `json:"accountId,omitempty"`
	Color      string `json:"color,omitempty"`
	Visible    *bool  `json:"visible,omitempty"`
}

// queryRows returns the metrics array of a's graph: one entry for each of
// a's metric queries, in the alarm's order. period is the widget's period,
// which a metric's own period repeats only when it differs.
func queryRows(a *alarm.Alarm, period int64) ([][]any, error) {
	qs := a.Metrics
	switch {
	case len(qs) == 0:
		return nil, notDrawable(opWidget, a.Name, "no metric queries")
	case len(qs) > maxMetrics:
		return nil, notDrawable(opWidget, a.Name, "more than 100 metric queries")
	}
	withIDs := len(qs) > 1 || qs[0].IsExpression()
	if withIDs {
		if reason := checkIDs(qs); reason != "" {
			return nil, notDrawable(opWidget, a.Name, reason)
		}
	}
	showAll := !anyReturnsData(qs)
	banded := bandedIDs(qs)
	rows := make([][]any, 0, len(qs))
	for i := range qs {
		q := &qs[i]
		o := rowOptions{Label: q.Label}
		if withIDs {
			o.ID = q.ID
		}
		switch {
		case isBand(q.Expression):
			o.Color = colorBand
		case banded[q.ID]:
			o.Color = colorMetric
		}
		if !q.ReturnData && !showAll {
			o.Visible = new(bool) // a query the alarm only uses in another, as the console hides it
		}
		row, reason := queryRow(q, o, period)
		if reason != "" {
			return nil, notDrawable(opWidget, a.Name, reason)
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// queryRow returns the entry of the metrics array for q, whose options o
// already has the ID, label and visibility; or why q cannot be drawn.
func queryRow(q *alarm.Metric, o rowOptions, period int64) ([]any, string) {
	if q.IsExpression() {
		o.Expression = q.Expression
		if o.Label == "" && o.Visible == nil && !isInsights(q.Expression) {
			// The legend would read "e1"; the expression says more. A
			// Metrics Insights query keeps no label, so that each series
			// it returns is named after its group.
			o.Label = shorten(q.Expression, maxLabel)
		}
		return []any{o}, ""
	}
	if q.Namespace == "" || q.MetricName == "" {
		return nil, "query " + quoteID(q.ID) + " has neither a metric nor an expression"
	}
	row := make([]any, 0, 3+2*len(q.Dimensions))
	row = append(row, q.Namespace, q.MetricName)
	for _, d := range q.Dimensions {
		if d.Name == "" || d.Value == "" {
			return nil, "query " + quoteID(q.ID) + " has a dimension without a name or a value"
		}
		row = append(row, d.Name, d.Value)
	}
	o.Stat, o.AccountID = q.Stat, q.AccountID
	if p := int64(q.Period / time.Second); p > 0 && p != period {
		o.Period = p
	}
	return append(row, o), ""
}

// checkIDs returns why the query IDs cannot go into a graph, or "". In a
// graph with several queries each needs an ID, unique, that starts with a
// lower-case letter and has only letters, digits and underscores: the
// expressions refer to the others by it. CloudWatch enforces the same on
// an alarm's queries, but a single-metric alarm's ID in an EventBridge
// event is a UUID, which is why a lone metric goes without.
func checkIDs(qs []alarm.Metric) string {
	seen := make(map[string]bool, len(qs))
	for i := range qs {
		id := qs[i].ID
		if !validID(id) {
			return "query ID " + quoteID(id) + " is not valid in a graph"
		}
		if seen[id] {
			return "query ID " + quoteID(id) + " is used twice"
		}
		seen[id] = true
	}
	return ""
}

// validID reports whether id matches ^[a-z][a-zA-Z0-9_]*$, CloudWatch's
// pattern for query IDs.
func validID(id string) bool {
	if id == "" || id[0] < 'a' || id[0] > 'z' {
		return false
	}
	for i := 1; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// quoteID returns id quoted for an error message, shortened if long.
func quoteID(id string) string {
	return `"` + shorten(id, 40) + `"`
}

// anyReturnsData reports whether any query is one whose result the alarm
// evaluates. When none says so (a payload that lost the flags), every
// query is drawn rather than none.
func anyReturnsData(qs []alarm.Metric) bool {
	for i := range qs {
		if qs[i].ReturnData {
			return true
		}
	}
	return false
}

// isBand reports whether expr is an ANOMALY_DETECTION_BAND expression.
func isBand(expr string) bool {
	s := strings.TrimSpace(expr)
	return len(s) >= len(bandFunc) && strings.EqualFold(s[:len(bandFunc)], bandFunc)
}

const bandFunc = "ANOMALY_DETECTION_BAND("

// bandedIDs returns the IDs of the queries that an ANOMALY_DETECTION_BAND
// expression draws a band around: its first argument.
func bandedIDs(qs []alarm.Metric) map[string]bool {
	var ids map[string]bool
	for i := range qs {
		if !isBand(qs[i].Expression) {
			continue
		}
		arg := strings.TrimSpace(qs[i].Expression)[len(bandFunc):]
		if end := strings.IndexAny(arg, ",)"); end > 0 {
			if ids == nil {
				ids = make(map[string]bool)
			}
			ids[strings.TrimSpace(arg[:end])] = true
		}
	}
	return ids
}

// isInsights reports whether expr is a Metrics Insights query, which
// starts with SELECT in any case.
func isInsights(expr string) bool {
	s := strings.TrimSpace(expr)
	return len(s) >= 6 && strings.EqualFold(s[:6], "select")
}

// maxLabel is the longest label written into a graph's legend, in
// characters: longer ones would push the graph off the image.
const maxLabel = 80

// shorten returns s cut to at most n characters, the last being "…" when
// it was cut.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return string(runes[:n-1]) + "…"
}

// alarmPeriod returns the period of a's evaluation: the condition's, else
// that of the query it evaluates, of any query, or of the reason data;
// 0 when none says.
func alarmPeriod(a *alarm.Alarm) time.Duration {
	if a.Condition != nil && a.Condition.Period > 0 {
		return a.Condition.Period
	}
	for _, returned := range []bool{true, false} {
		for _, q := range a.Metrics {
			if q.ReturnData == returned && q.Period > 0 {
				return q.Period
			}
		}
	}
	if rd := a.State.ReasonData; rd != nil && rd.Period > 0 {
		return rd.Period
	}
	return 0
}

// defaultPeriod is the period of a graph whose alarm does not say, the
// MetricWidget's own default.
const defaultPeriod = 300

// widgetPeriod returns the period in seconds that a graph of an alarm with
// period p uses. A MetricWidget accepts 1, 5, 10 and 30 seconds and
// multiples of 60; alarms also allow 20 seconds, drawn at 10.
func widgetPeriod(p time.Duration) int64 {
	s := int64(p / time.Second)
	switch {
	case s <= 0:
		return defaultPeriod
	case s%60 == 0:
		return s
	}
	for _, d := range []int64{30, 10, 5} {
		if s%d == 0 {
			return d
		}
	}
	return 1
}
