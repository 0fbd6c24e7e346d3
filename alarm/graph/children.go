package graph

import (
	"context"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/cwslack/cwslack/alarm"
)

// Children returns the child alarms whose state change made the composite
// alarm a change state, as alarms that Draw and Widget can draw: a
// composite alarm's notification names its children by ARN only, so
// Children asks CloudWatch for their definitions with DescribeAlarms (in
// a's region; the identity needs cloudwatch:DescribeAlarms).
//
// The children come in the order of a.TriggeringChildren, at most
// WithMaxChildren of them (3 by default). Each has the state it entered
// when it triggered a, and when, so that its graph marks that moment.
// Children that CloudWatch does not return (deleted since, or composite
// alarms themselves) are left out.
//
// An a that is not a composite alarm, that names no triggering child
// (a state set with SetAlarmState, say), whose children are all left out,
// or whose partition has no GetMetricWidgetImage gives an *Error matching
// ErrNotDrawable; a failed call, one matching ErrCloudWatch.
func (c *Client) Children(ctx context.Context, a *alarm.Alarm) ([]*alarm.Alarm, error) {
	switch {
	case a == nil:
		return nil, notDrawable(opDescribe, "", "nil alarm")
	case !isComposite(a):
		return nil, notDrawable(opDescribe, a.Name, "not a composite alarm")
	}
	if reason := unavailable(a); reason != "" {
		return nil, notDrawable(opDescribe, a.Name, reason)
	}
	triggering := triggeringChildren(a, c.max)
	if len(triggering) == 0 {
		return nil, notDrawable(opDescribe, a.Name, "no triggering children")
	}
	found, err := c.describe(ctx, a, triggering)
	if err != nil {
		return nil, err
	}
	children := make([]*alarm.Alarm, 0, len(found))
	for _, ch := range triggering {
		if ma, ok := found[ch.Name()]; ok {
			children = append(children, childAlarm(ma, ch, a))
		}
	}
	if len(children) == 0 {
		return nil, notDrawable(opDescribe, a.Name, "no triggering child is a metric alarm")
	}
	return children, nil
}

// triggeringChildren returns the first n distinct triggering children of
// a that name an alarm.
func triggeringChildren(a *alarm.Alarm, n int) []alarm.Child {
	var out []alarm.Child
	seen := make(map[string]bool)
	for _, ch := range a.TriggeringChildren {
		name := ch.Name()
		if name == "" || seen[name] || len(out) == n {
			continue
		}
		seen[name] = true
		out = append(out, ch)
	}
	return out
}

// describe asks CloudWatch for the metric alarms among children and
// returns them by name. Without AlarmTypes, DescribeAlarms returns metric
// alarms only; MaxRecords as large as the list of names puts every one on
// the first page.
func (c *Client) describe(ctx context.Context, a *alarm.Alarm, children []alarm.Child) (map[string]types.MetricAlarm, error) {
	if c.api == nil {
		return nil, &Error{Op: opDescribe, Alarm: a.Name, Kind: ErrCloudWatch, Reason: "no CloudWatch client"}
	}
	names := make([]string, len(children))
	for i, ch := range children {
		names[i] = ch.Name()
	}
	out, err := c.api.DescribeAlarms(ctx, &cloudwatch.DescribeAlarmsInput{
		AlarmNames: names,
		MaxRecords: new(int32(len(names))),
	}, inRegion(a.Region))
	if err != nil {
		return nil, &Error{Op: opDescribe, Alarm: a.Name, Kind: ErrCloudWatch, Err: err}
	}
	found := make(map[string]types.MetricAlarm)
	if out != nil {
		for _, ma := range out.MetricAlarms {
			found[deref(ma.AlarmName)] = ma
		}
	}
	return found, nil
}

// childAlarm returns the alarm that ma describes, as it was when it
// triggered the composite alarm parent: in ch's state since ch's time.
// When parent leaves ALARM, the child is taken to leave ALARM too, since
// the parent entered it, so that its graph shades that stretch.
func childAlarm(ma types.MetricAlarm, ch alarm.Child, parent *alarm.Alarm) *alarm.Alarm {
	a := &alarm.Alarm{
		Name:        deref(ma.AlarmName),
		Description: deref(ma.AlarmDescription),
		ARN:         deref(ma.AlarmArn),
		AccountID:   accountOf(deref(ma.AlarmArn), parent.AccountID),
		Region:      parent.Region,
		Partition:   parent.Partition,
		Kind:        kindOf(ma),
		State:       childState(ma, ch),
		Condition:   condition(ma),
		Metrics:     metricQueries(ma),
		ConsoleURL:  ch.ConsoleURL(),
	}
	if a.ARN == "" {
		a.ARN = ch.ARN
	}
	if parent.PreviousState.Value == alarm.StateAlarm && a.State.Value != alarm.StateAlarm {
		// The child's own stretch in ALARM is not in the notification;
		// the parent's, which the child ended, is the best guess.
		a.PreviousState = alarm.State{Value: alarm.StateAlarm, Timestamp: parent.PreviousState.Timestamp}
	}
	return a
}

// childState returns the state the child entered when it triggered its
// parent: the one the parent's notification names, else the one
// DescribeAlarms gives.
func childState(ma types.MetricAlarm, ch alarm.Child) alarm.State {
	s := alarm.State{Value: ch.State, Timestamp: ch.Timestamp, Reason: deref(ma.StateReason)}
	if s.Value == "" {
		s.Value = alarm.StateValue(ma.StateValue)
	}
	for _, t := range []*time.Time{ma.StateTransitionedTimestamp, ma.StateUpdatedTimestamp} {
		if s.Timestamp.IsZero() && t != nil {
			s.Timestamp = t.UTC()
		}
	}
	return s
}

// kindOf returns what a metric alarm watches, as package alarm names it.
func kindOf(ma types.MetricAlarm) alarm.Kind {
	switch {
	case ma.ThresholdMetricId != nil:
		return alarm.KindAnomalyDetection
	case len(ma.Metrics) == 0:
		return alarm.KindMetric
	}
	for _, q := range ma.Metrics {
		if isInsights(deref(q.Expression)) {
			return alarm.KindMetricsInsights
		}
	}
	return alarm.KindMetricMath
}

// condition returns how ma compares its data with its threshold.
func condition(ma types.MetricAlarm) *alarm.Condition {
	c := &alarm.Condition{
		ComparisonOperator: alarm.ComparisonOperator(ma.ComparisonOperator),
		Threshold:          ma.Threshold,
		ThresholdMetricID:  deref(ma.ThresholdMetricId),
		Period:             seconds(ma.Period),
		TreatMissingData:   alarm.TreatMissingData(deref(ma.TreatMissingData)),
	}
	if ma.EvaluationPeriods != nil {
		c.EvaluationPeriods = int(*ma.EvaluationPeriods)
	}
	if ma.DatapointsToAlarm != nil {
		c.DatapointsToAlarm = new(int(*ma.DatapointsToAlarm))
	}
	return c
}

// metricQueries returns ma's metric queries: its Metrics, or the one
// metric of a single-metric alarm.
func metricQueries(ma types.MetricAlarm) []alarm.Metric {
	if len(ma.Metrics) == 0 {
		if ma.MetricName == nil {
			return nil
		}
		stat := string(ma.Statistic)
		if ma.ExtendedStatistic != nil {
			stat = *ma.ExtendedStatistic
		}
		return []alarm.Metric{{
			ReturnData: true, Namespace: deref(ma.Namespace), MetricName: *ma.MetricName,
			Stat: stat, Period: seconds(ma.Period), Unit: string(ma.Unit), Dimensions: dimensions(ma.Dimensions),
		}}
	}
	qs := make([]alarm.Metric, len(ma.Metrics))
	for i, q := range ma.Metrics {
		qs[i] = metricQuery(q)
	}
	return qs
}

// metricQuery returns one query of a metric math or Metrics Insights
// alarm. ReturnData defaults to true, as in the API.
func metricQuery(q types.MetricDataQuery) alarm.Metric {
	m := alarm.Metric{
		ID: deref(q.Id), Label: deref(q.Label), Expression: deref(q.Expression),
		ReturnData: q.ReturnData == nil || *q.ReturnData,
		AccountID:  deref(q.AccountId), Period: seconds(q.Period),
	}
	if ms := q.MetricStat; ms != nil {
		m.Stat, m.Unit = deref(ms.Stat), string(ms.Unit)
		m.Period = seconds(ms.Period)
		if ms.Metric != nil {
			m.Namespace, m.MetricName = deref(ms.Metric.Namespace), deref(ms.Metric.MetricName)
			m.Dimensions = dimensions(ms.Metric.Dimensions)
		}
	}
	return m
}

// dimensions converts the SDK's dimensions, in their order.
func dimensions(ds []types.Dimension) []alarm.Dimension {
	if len(ds) == 0 {
		return nil
	}
	out := make([]alarm.Dimension, len(ds))
	for i, d := range ds {
		out[i] = alarm.Dimension{Name: deref(d.Name), Value: deref(d.Value)}
	}
	return out
}

// accountOf returns the account in an ARN, or else fallback.
func accountOf(arn, fallback string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) == 6 && parts[4] != "" {
		return parts[4]
	}
	return fallback
}

// seconds converts a period in seconds, nil meaning 0.
func seconds(s *int32) time.Duration {
	if s == nil {
		return 0
	}
	return time.Duration(*s) * time.Second
}

// deref returns *s, or "" for nil.
func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
