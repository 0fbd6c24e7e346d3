package alarm

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// This file turns the wire structs of every source into the model: metric
// queries, kind, states, condition, region, partition and console link.

// wireQuery is one metric query. SNS spells its keys in PascalCase and
// EventBridge in camelCase; encoding/json matches keys without regard to
// case, so one struct serves both.
type wireQuery struct {
	ID         string          `json:"Id"`
	Expression string          `json:"Expression"`
	Label      string          `json:"Label"`
	ReturnData *bool           `json:"ReturnData"` // absent means true
	Period     int64           `json:"Period"`     // on expressions
	AccountID  string          `json:"AccountId"`
	MetricStat *wireMetricStat `json:"MetricStat"`
}

// wireMetricStat is a query's metric and statistic.
type wireMetricStat struct {
	Metric wireMetric `json:"Metric"`
	Period int64      `json:"Period"`
	Stat   string     `json:"Stat"`
	Unit   string     `json:"Unit"`
}

// wireMetric is a metric. SNS calls its name MetricName and lists its
// dimensions; EventBridge calls it name and maps its dimensions. Exact key
// matches win over case-insensitive ones, so "name" never lands in
// MetricName.
type wireMetric struct {
	MetricName string        `json:"MetricName"`
	Name       string        `json:"name"`
	Namespace  string        `json:"Namespace"`
	Dimensions dimensionList `json:"Dimensions"`
}

// wireChild is a child alarm of a composite: an SNS TriggeringChildren
// entry or a reasonData triggeringAlarms entry (same keys, other case).
type wireChild struct {
	ARN   string `json:"Arn"`
	State struct {
		Value     string `json:"Value"`
		Timestamp string `json:"Timestamp"`
	} `json:"State"`
}

// queries converts metric queries in payload order.
func queries(qs []wireQuery) []Metric {
	if len(qs) == 0 {
		return nil
	}
	ms := make([]Metric, len(qs))
	for i := range qs {
		ms[i] = qs[i].model()
	}
	return ms
}

// model converts one query.
func (q *wireQuery) model() Metric {
	m := Metric{
		ID: q.ID, Label: q.Label, Expression: q.Expression, ReturnData: q.ReturnData == nil || *q.ReturnData,
		AccountID: q.AccountID, Period: fromSeconds(q.Period),
	}
	if s := q.MetricStat; s != nil {
		m.Namespace, m.MetricName = s.Metric.Namespace, s.Metric.MetricName
		if m.MetricName == "" {
			m.MetricName = s.Metric.Name
		}
		m.Stat, m.Unit, m.Dimensions = normaliseStatistic(s.Stat), normaliseUnit(s.Unit), s.Metric.Dimensions.model()
		if s.Period != 0 {
			m.Period = fromSeconds(s.Period)
		}
	}
	return m
}

// children converts the children of a composite alarm. An empty list
// (SetAlarmState) becomes nil, like an absent one.
func children(ws []wireChild) []Child {
	if len(ws) == 0 {
		return nil
	}
	cs := make([]Child, len(ws))
	for i := range ws {
		cs[i] = Child{ARN: ws[i].ARN, State: StateValue(ws[i].State.Value), Timestamp: optionalTime(ws[i].State.Timestamp)}
	}
	return cs
}

// kindOf says what a metric alarm watches: a Metrics Insights query, an
// anomaly detection band, metric math or a single metric. Composite alarms
// are recognised by their callers.
func kindOf(thresholdMetricID string, ms []Metric) Kind {
	expr, band := false, thresholdMetricID != ""
	for i := range ms {
		e := ms[i].Expression
		switch {
		case e == "":
			continue
		case isInsightsQuery(e):
			return KindMetricsInsights
		case isBandExpression(e):
			band = true
		}
		expr = true
	}
	switch {
	case band:
		return KindAnomalyDetection
	case expr:
		return KindMetricMath
	}
	return KindMetric
}

// isInsightsQuery reports whether e is a Metrics Insights query: it starts
// with SELECT, in any case, after optional spaces.
func isInsightsQuery(e string) bool {
	e = strings.TrimLeft(e, " \t\r\n")
	return len(e) > len("SELECT") && strings.EqualFold(e[:6], "SELECT") && strings.ContainsRune(" \t\r\n", rune(e[6]))
}

// isBandExpression reports whether e uses ANOMALY_DETECTION_BAND.
func isBandExpression(e string) bool {
	return strings.Contains(strings.ToUpper(e), "ANOMALY_DETECTION_BAND")
}

// bandQueryID returns the ID of the ANOMALY_DETECTION_BAND query; payloads
// without a ThresholdMetricId (EventBridge, Lambda action) imply it.
func bandQueryID(ms []Metric) string {
	for i := range ms {
		if isBandExpression(ms[i].Expression) {
			return ms[i].ID
		}
	}
	return ""
}

// newState builds a state, checking its value and timestamp; field names
// the value in errors. An empty value is accepted only when optional.
func newState(field, value, reason, timestamp string, optional bool) (State, error) {
	v := StateValue(value)
	if !v.Valid() && (value != "" || !optional) {
		return State{}, invalidError("%s: value %q is not OK, ALARM or INSUFFICIENT_DATA", field, value)
	}
	st := State{Value: v, Reason: reason}
	if timestamp == "" {
		return st, nil
	}
	t, err := parseTime(timestamp)
	if err != nil {
		e := invalidError("%s: timestamp %q is not a time", field, timestamp)
		var pe *time.ParseError
		if errors.As(err, &pe) {
			e.Err = fmt.Errorf("%w: %w", e.Err, pe) // for errors.As
		}
		return State{}, e
	}
	st.Timestamp = t
	return st, nil
}

// optionalTime parses a timestamp whose loss does not matter enough to
// refuse the alarm: a bad one becomes the zero time.
func optionalTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := parseTime(s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// factsCondition builds a condition from the reason text alone, or nil
// when the text says nothing about it.
func factsCondition(f *reasonFacts) *Condition {
	c := Condition{
		ComparisonOperator: f.Operator, Threshold: f.Threshold,
		EvaluationPeriods: f.EvaluationPeriods, DatapointsToAlarm: f.DatapointsToAlarm,
	}
	if c == (Condition{}) {
		return nil
	}
	return &c
}

// fillFrom takes the comparison operator, and the threshold if f has none,
// from the previous state's reason and reasonData. An INSUFFICIENT_DATA
// reason ("5 datapoints were unknown") names no operator, but the reason
// for the state before it usually does.
func (f *reasonFacts) fillFrom(prev State) {
	p := parseReason(prev.Reason)
	f.Operator = p.Operator
	if f.Threshold != nil {
		return
	}
	f.Threshold = p.Threshold
	if prev.ReasonData != nil && prev.ReasonData.Threshold != nil {
		f.Threshold = prev.ReasonData.Threshold
	}
}

// eventCondition builds the condition of an EventBridge or Lambda action
// payload from reasonData (threshold, period), the reason text (operator,
// M out of N) and, failing those, the period of the query that returns
// data.
func eventCondition(rd *ReasonData, f *reasonFacts, ms []Metric) *Condition {
	c := Condition{
		ComparisonOperator: f.Operator, Threshold: f.Threshold,
		EvaluationPeriods: f.EvaluationPeriods, DatapointsToAlarm: f.DatapointsToAlarm,
	}
	if rd != nil {
		if rd.Threshold != nil {
			c.Threshold = rd.Threshold
		}
		c.Period = rd.Period
	}
	for i := range ms {
		if c.Period == 0 && ms[i].ReturnData {
			c.Period = ms[i].Period
		}
	}
	if c == (Condition{}) {
		return nil
	}
	return &c
}

// origin is what a payload says about where an alarm lives.
type origin struct {
	arn     string // the alarm ARN
	region  string // a region code (EventBridge, Lambda action)
	display string // a region display name (SNS Region)
	d       *delivery
}

// locate fills the region, partition, account (when the payload lacks it)
// and console link. The region comes from the alarm ARN, then the event's
// region code, then the SNS topic or subscription ARN, then the display
// name; the partition from the alarm ARN, then the topic or subscription
// ARN, then the region.
func locate(a *Alarm, o *origin) {
	alarm, _ := parseARN(o.arn)
	topic, _ := parseARN(o.d.topicARN)
	sub, _ := parseARN(o.d.subARN)
	a.Region = firstRegion(alarm.Region, o.region, topic.Region, sub.Region, o.display, regionFromDisplayName(o.display))
	a.Partition = firstPartition(alarm.Partition, topic.Partition, sub.Partition, partitionForRegion(a.Region))
	if a.AccountID == "" {
		a.AccountID = alarm.Account
	}
	a.ConsoleURL = consoleURL(a.Partition, a.Region, a.Name)
}

// firstRegion returns the first of rs that looks like a region code, so
// that placeholders such as "REGION" in fixtures are skipped.
func firstRegion(rs ...string) string {
	for _, r := range rs {
		if looksLikeRegion(r) {
			return r
		}
	}
	return ""
}

// looksLikeRegion reports whether r looks like a region code: lower-case
// letters, digits and at least one hyphen.
func looksLikeRegion(r string) bool {
	return strings.Contains(r, "-") && isRegionCode(r)
}

// firstPartition returns the first of ps that names an AWS partition.
func firstPartition(ps ...string) string {
	for _, p := range ps {
		if p == "aws" || strings.HasPrefix(p, "aws-") {
			return p
		}
	}
	return ""
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
