package graph

import (
	"math"
	"strconv"
	"time"

	"github.com/cwslack/cwslack/alarm"
)

// annotations are the lines and bands drawn over a graph. Each entry of
// Horizontal or Vertical is one annotation (an object) or a band (an array
// of two).
type annotations struct {
	Horizontal []any `json:"horizontal,omitempty"`
	Vertical   []any `json:"vertical,omitempty"`
}

// annotation is a horizontal or vertical annotation. Value is a number for
// a horizontal one and an absolute time for a vertical one.
type annotation struct {
	Value any    `json:"value"`
	Label string `json:"label,omitempty"`
	Color string `json:"color,omitempty"`
	Fill  string `json:"fill,omitempty"`
}

// Colours of the console's palette: its red for the threshold and ALARM,
// its green for OK, grey for INSUFFICIENT_DATA; and the colours the
// console gives an anomaly detection graph: its first colour, blue, for
// the metric and grey for the band.
const (
	colorAlarm        = "#d62728"
	colorOK           = "#2ca02c"
	colorInsufficient = "#7f7f7f"
	colorMetric       = "#1f77b4"
	colorBand         = "#95a5a6"
)

// newAnnotations returns the annotations of a's graph over the window w:
// the static threshold as a red line, shaded on the side that breaches it
// (an anomaly detection alarm has its band instead, drawn by its
// ANOMALY_DETECTION_BAND query), the state change as a vertical line in
// the colour of the new state, and, when the alarm is leaving ALARM, the
// stretch it spent in ALARM as a red band. It returns nil when there is
// nothing to draw.
func newAnnotations(a *alarm.Alarm, w window) *annotations {
	var an annotations
	if h, ok := threshold(a); ok {
		an.Horizontal = append(an.Horizontal, h)
	}
	if !w.alarmStart.IsZero() {
		from := maxTime(w.alarmStart, w.start)
		an.Vertical = append(an.Vertical, []annotation{
			{Value: from.Format(isoMillis), Label: string(alarm.StateAlarm), Color: colorAlarm},
			{Value: w.change.Format(isoMillis)},
		})
	}
	if !w.end.IsZero() {
		an.Vertical = append(an.Vertical, annotation{
			Value: w.change.Format(isoMillis),
			Label: stateLabel(a.State.Value),
			Color: stateColor(a.State.Value),
		})
	}
	if an.Horizontal == nil && an.Vertical == nil {
		return nil
	}
	return &an
}

// threshold returns the annotation of a's static threshold, if it has one
// that JSON can hold.
func threshold(a *alarm.Alarm) (annotation, bool) {
	c := a.Condition
	if c == nil || c.Threshold == nil || c.ComparisonOperator.IsBand() {
		return annotation{}, false
	}
	v := *c.Threshold
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return annotation{}, false
	}
	return annotation{Value: v, Label: thresholdLabel(a, v), Color: colorAlarm, Fill: fill(c.ComparisonOperator)}, true
}

// fill returns the side of the threshold line to shade: the side where
// the alarm fires.
func fill(op alarm.ComparisonOperator) string {
	switch op {
	case alarm.GreaterThanThreshold, alarm.GreaterThanOrEqualToThreshold:
		return "above"
	case alarm.LessThanThreshold, alarm.LessThanOrEqualToThreshold:
		return "below"
	}
	return ""
}

// thresholdLabel returns the label of the threshold line, in the words of
// the console's alarm graph: "CPUUtilization > 80 for 3 datapoints within
// 15 minutes", or as much of it as the payload says.
func thresholdLabel(a *alarm.Alarm, v float64) string {
	c := a.Condition
	label := evaluatedName(a)
	if sym := c.ComparisonOperator.Symbol(); sym != "" {
		label += " " + sym + " " + formatNumber(v)
	} else {
		label += " threshold " + formatNumber(v)
	}
	n := c.EvaluationPeriods
	if n <= 0 {
		return shorten(label, maxLabel)
	}
	m := n
	if c.DatapointsToAlarm != nil && *c.DatapointsToAlarm > 0 {
		m = *c.DatapointsToAlarm
	}
	label += " for " + strconv.Itoa(m) + " datapoints"
	if p := alarmPeriod(a); p > 0 {
		label += " within " + words(time.Duration(n)*p)
	}
	return shorten(label, maxLabel)
}

// evaluatedName names what the alarm compares with its threshold: the
// label, metric name, metric math expression or ID of the query whose
// data it evaluates.
func evaluatedName(a *alarm.Alarm) string {
	for _, q := range a.Metrics {
		switch {
		case !q.ReturnData && len(a.Metrics) > 1:
			continue
		case q.Label != "":
			return q.Label
		case q.MetricName != "":
			return q.MetricName
		case q.IsExpression() && !isInsights(q.Expression):
			return shorten(q.Expression, maxLabel/2)
		case q.ID != "":
			return q.ID
		}
	}
	return "Threshold"
}

// formatNumber writes v in decimal without an exponent where it is short
// enough to read: 80, 0.05, 5000000000.
func formatNumber(v float64) string {
	if a := math.Abs(v); a != 0 && (a >= 1e15 || a < 1e-6) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// words returns d in the console's words: "30 seconds", "1 minute",
// "15 minutes", "1 hour", "2 days".
func words(d time.Duration) string {
	units := []struct {
		d    time.Duration
		name string
	}{{24 * time.Hour, "day"}, {time.Hour, "hour"}, {time.Minute, "minute"}, {time.Second, "second"}}
	for _, u := range units {
		if d >= u.d && d%u.d == 0 {
			n := int64(d / u.d)
			if n == 1 {
				return "1 " + u.name
			}
			return strconv.FormatInt(n, 10) + " " + u.name + "s"
		}
	}
	return d.String()
}

// stateLabel returns the label of the state-change line.
func stateLabel(s alarm.StateValue) string {
	if s == "" {
		return "state change"
	}
	return string(s)
}

// stateColor returns the colour of a state.
func stateColor(s alarm.StateValue) string {
	switch s {
	case alarm.StateAlarm:
		return colorAlarm
	case alarm.StateOK:
		return colorOK
	}
	return colorInsufficient
}

// maxTime returns the later of a and b.
func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
