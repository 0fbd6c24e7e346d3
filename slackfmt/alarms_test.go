package slackfmt

import (
	"time"

	"github.com/cwslack/cwslack/alarm"
)

// Test alarms of every kind, written as Go literals so that these tests do
// not depend on the decoder.

func ptr[T any](v T) *T { return &v }

var (
	t0 = time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)
	t1 = t0.Add(-3*time.Hour - 5*time.Minute)
)

func values(vs ...float64) []alarm.Datapoint {
	ds := make([]alarm.Datapoint, len(vs))
	for i, v := range vs {
		ds[i] = alarm.Datapoint{Timestamp: t0.Add(time.Duration(i-len(vs)) * time.Minute), Value: ptr(v)}
	}
	return ds
}

func metricAlarm() *alarm.Alarm {
	return &alarm.Alarm{
		Name:          "HighCPU",
		Description:   "CPU of the web tier is high",
		ARN:           "arn:aws:cloudwatch:eu-west-3:123456789012:alarm:HighCPU",
		AccountID:     "123456789012",
		Region:        "eu-west-3",
		Partition:     "aws",
		Kind:          alarm.KindMetric,
		State:         alarm.State{Value: alarm.StateAlarm, Reason: "Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).", Timestamp: t0},
		PreviousState: alarm.State{Value: alarm.StateOK, Timestamp: t1},
		Condition: &alarm.Condition{
			ComparisonOperator: alarm.GreaterThanOrEqualToThreshold,
			Threshold:          ptr(80.0),
			EvaluationPeriods:  2,
			Period:             time.Minute,
			TreatMissingData:   alarm.TreatBreaching,
		},
		Metrics: []alarm.Metric{{
			Namespace: "AWS/EC2", MetricName: "CPUUtilization", Stat: "Average", Period: time.Minute, ReturnData: true,
			Dimensions: []alarm.Dimension{{Name: "AutoScalingGroupName", Value: "web"}},
		}},
		Datapoints: values(40, 55, 81.5, 95.25),
		ConsoleURL: "https://eu-west-3.console.aws.amazon.com/cloudwatch/home?region=eu-west-3#alarmsV2:alarm/HighCPU",
		Tags:       map[string]string{"runbook": "https://wiki.example.com/runbooks/high-cpu"},
	}
}

func mathAlarm() *alarm.Alarm {
	a := metricAlarm()
	a.Name, a.Kind = "ECSCpu", alarm.KindMetricMath
	a.Condition = &alarm.Condition{ComparisonOperator: alarm.GreaterThanOrEqualToThreshold, Threshold: ptr(80.0), EvaluationPeriods: 2, DatapointsToAlarm: ptr(2)}
	a.Metrics = []alarm.Metric{
		{ID: "e1", Expression: "100*m1/m2", Label: "CPU Usage", ReturnData: true, Period: time.Minute},
		{ID: "m1", Namespace: "ECS/ContainerInsights", MetricName: "CpuUtilized", Stat: "Average", Period: time.Minute,
			Dimensions: []alarm.Dimension{{Name: "ClusterName", Value: "prod"}}},
		{ID: "m2", Namespace: "ECS/ContainerInsights", MetricName: "CpuReserved", Stat: "Average", Period: time.Minute, AccountID: "210987654321",
			Dimensions: []alarm.Dimension{{Name: "ClusterName", Value: "prod"}}},
	}
	return a
}

func anomalyAlarm() *alarm.Alarm {
	a := metricAlarm()
	a.Name, a.Kind = "LatencyAnomaly", alarm.KindAnomalyDetection
	a.Condition = &alarm.Condition{ComparisonOperator: alarm.LessThanLowerOrGreaterThanUpperThreshold, ThresholdMetricID: "ad1", EvaluationPeriods: 3, DatapointsToAlarm: ptr(2), Period: 5 * time.Minute}
	a.Metrics = []alarm.Metric{
		{ID: "m1", Namespace: "AWS/ApplicationELB", MetricName: "TargetResponseTime", Stat: "p90", Period: 5 * time.Minute, ReturnData: true},
		{ID: "ad1", Expression: "ANOMALY_DETECTION_BAND(m1, 2)", Label: "TargetResponseTime (expected)", ReturnData: true},
	}
	a.Datapoints = []alarm.Datapoint{
		{Value: ptr(0.2), Lower: ptr(0.1), Upper: ptr(0.3)},
		{Value: nil},
		{Value: ptr(0.9), Lower: ptr(0.1), Upper: ptr(0.35)},
	}
	return a
}

func insightsAlarm() *alarm.Alarm {
	a := metricAlarm()
	a.Name, a.Kind = "TopTalkers", alarm.KindMetricsInsights
	a.State.EvaluationState = "PARTIAL_DATA"
	a.Condition = &alarm.Condition{ComparisonOperator: alarm.GreaterThanThreshold, Threshold: ptr(0.0), EvaluationPeriods: 3, DatapointsToAlarm: ptr(1), Period: time.Minute}
	a.Metrics = []alarm.Metric{{ID: "q1", Expression: "SELECT SUM(BytesOut) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId ORDER BY SUM() DESC LIMIT 10", Label: "bytes", ReturnData: true, Period: time.Minute}}
	return a
}

func compositeAlarm() *alarm.Alarm {
	return &alarm.Alarm{
		Name:          "ServiceAggregated",
		ARN:           "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServiceAggregated",
		AccountID:     "123456789012",
		Region:        "us-east-1",
		Kind:          alarm.KindComposite,
		State:         alarm.State{Value: alarm.StateAlarm, Timestamp: t0, ActionsSuppressedBy: "WaitPeriod", ActionsSuppressedReason: "Actions suppressed by WaitPeriod"},
		PreviousState: alarm.State{Value: alarm.StateOK},
		AlarmRule:     "ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)",
		TriggeringChildren: []alarm.Child{
			{ARN: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh", State: alarm.StateAlarm, Timestamp: t0},
		},
		Suppressor: &alarm.Suppressor{Alarm: "Maintenance", WaitPeriod: 2 * time.Minute, ExtensionPeriod: 3 * time.Minute},
		ConsoleURL: "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServiceAggregated",
	}
}

// contributorAlarm is one contributor of a Metrics Insights alarm with
// GROUP BY, as EventBridge sends it: no previous state.
func contributorAlarm() *alarm.Alarm {
	a := insightsAlarm()
	a.Name, a.Description = "cpu-by-instance", ""
	a.State.EvaluationState = ""
	a.PreviousState = alarm.State{}
	a.Contributor = &alarm.Contributor{
		ID:         "9f2c4e6a8b0d1f35",
		Attributes: []alarm.Dimension{{Name: "AutoScalingGroupName", Value: "web"}, {Name: "InstanceId", Value: "i-0abc"}},
		ConsoleURL: a.ConsoleURL + "?~(contributorAttributesFilter~(tokens~(~(propertyKey~'ContributorId~operator~'*3d~value~'9f2c4e6a8b0d1f35))~operation~'and)~timestamp~'2023-11-14T22*3a13*3a20.000Z)",
	}
	return a
}

// mutedAlarm is metricAlarm changing state inside a mute window.
func mutedAlarm() *alarm.Alarm {
	a := metricAlarm()
	a.Mute = &alarm.Mute{RuleARN: "arn:aws:cloudwatch:eu-west-3:123456789012:alarm-mute-rule:nightly-deploy", Start: t0.Add(-time.Hour), End: t0.Add(time.Hour)}
	return a
}

// seriesAlarm is a Metrics Insights alarm with GROUP BY, as a whole.
func seriesAlarm() *alarm.Alarm {
	a := insightsAlarm()
	a.State.Reason, a.State.EvaluationState = "2 out of 6 time series evaluated to ALARM", ""
	a.Condition, a.Datapoints = &alarm.Condition{Period: time.Minute}, nil
	a.Series = &alarm.SeriesCount{InAlarm: 2, Total: 6}
	return a
}

// logAlarm is one contributor of a log alarm whose aggregation groups by
// host.
func logAlarm() *alarm.Alarm {
	a := metricAlarm()
	a.Name, a.Kind, a.Metrics, a.Tags = "errors-by-host", alarm.KindLog, nil, nil
	a.Condition = &alarm.Condition{ComparisonOperator: alarm.GreaterThanThreshold, Threshold: ptr(0.0), EvaluationPeriods: 1, DatapointsToAlarm: ptr(1), Period: time.Minute}
	a.LogQuery = &alarm.LogQuery{
		Query: "filter level = 'ERROR'", LogGroups: []string{"/orders/api", "/orders/worker"},
		Aggregation: "count(*) by host", Schedule: "rate(1 minute)", StartOffset: 5 * time.Minute,
	}
	a.Contributor = &alarm.Contributor{ID: "5c0e3f7a9b1d2e48", Attributes: []alarm.Dimension{{Name: "host", Value: "api-a"}}}
	a.Datapoints = values(3)
	return a
}

// promQLAlarm is a PromQL alarm as a whole.
func promQLAlarm() *alarm.Alarm {
	a := metricAlarm()
	a.Name, a.Kind, a.Metrics, a.Condition, a.Datapoints, a.Tags = "http-5xx", alarm.KindPromQL, nil, nil, nil, nil
	a.PromQL = &alarm.PromQL{Query: `sum by (service) (rate(errors[5m])) > 1`, PendingPeriod: 5 * time.Minute, RecoveryPeriod: 10 * time.Minute, Interval: time.Minute}
	a.Series = &alarm.SeriesCount{InAlarm: 100, AtLeast: true}
	return a
}

// kinds names the test alarms of every kind.
var kinds = []struct {
	name  string
	alarm func() *alarm.Alarm
}{
	{"metric", metricAlarm},
	{"math", mathAlarm},
	{"anomaly", anomalyAlarm},
	{"insights", insightsAlarm},
	{"composite", compositeAlarm},
	{"contributor", contributorAlarm},
	{"muted", mutedAlarm},
	{"series", seriesAlarm},
	{"log", logAlarm},
	{"promql", promQLAlarm},
	{"empty", func() *alarm.Alarm { return &alarm.Alarm{} }},
}
