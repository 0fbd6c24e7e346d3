package alarm

import "time"

// Alarm is one CloudWatch alarm notification, normalised from whichever
// payload carried it. Fields that the payload did not carry are left at
// their zero value; where zero is a meaningful value (a threshold of 0, say)
// the field is a pointer and nil means absent.
//
// The JSON encoding of Alarm is part of the API: field names are stable,
// times are RFC 3339 in UTC and periods are whole seconds.
type Alarm struct {
	// Source is how CloudWatch delivered the notification.
	Source Source `json:"source"`
	// Envelope is the exact payload shape that Parse found, such as a Lambda
	// SNS event or an SQS message with raw delivery.
	Envelope Envelope `json:"envelope"`
	// MessageID identifies the delivery: the SNS MessageId, the SQS
	// messageId (raw delivery) or the EventBridge event id. Retries of the
	// same delivery carry the same MessageID, so it is a deduplication key.
	// It is empty for a bare alarm message and for the alarm's direct Lambda
	// action, which carry none.
	MessageID string `json:"messageId,omitempty"`
	// TopicARN is the ARN of the SNS topic that carried the alarm, if any.
	TopicARN string `json:"topicArn,omitempty"`

	// Name is the alarm name, never empty.
	Name string `json:"name"`
	// Description is the alarm description; empty when the alarm has none.
	Description string `json:"description"`
	// ARN is the alarm ARN. Messages from before 2020 do not carry it.
	ARN string `json:"arn,omitempty"`
	// AccountID is the 12-digit AWS account that owns the alarm, as a string
	// (account IDs may start with 0).
	AccountID string `json:"accountId"`
	// Region is the region code, such as "eu-west-1", or empty when it could
	// not be determined.
	Region string `json:"region"`
	// Partition is the AWS partition, such as "aws" or "aws-cn".
	Partition string `json:"partition"`
	// Kind says what the alarm watches.
	Kind Kind `json:"kind"`
	// Contributor is the time series whose state changed, for the
	// notifications that a multi-time-series alarm sends per contributor
	// (a Metrics Insights query with GROUP BY, a log alarm whose aggregation
	// has a BY clause, a PromQL alarm); nil for a notification about the
	// alarm as a whole. The alarm's Name and ARN are still the alarm's, and
	// its State is the contributor's.
	Contributor *Contributor `json:"contributor,omitempty"`

	// State is the state the alarm entered.
	State State `json:"state"`
	// PreviousState is the state the alarm left. Its Timestamp is zero when
	// the payload (SNS) does not say when that state began, and its Value
	// is empty when the payload does not say what it was: EventBridge and
	// Lambda action payloads about a contributor carry no previous state.
	PreviousState State `json:"previousState"`
	// ConfigurationUpdated is when the alarm's configuration last changed,
	// where the payload says so.
	ConfigurationUpdated time.Time `json:"configurationUpdated,omitzero"`
	// Mute is the alarm mute rule whose window the state change fell in,
	// from an EventBridge event's muteDetail; nil when the alarm was not
	// muted. While a mute rule is active CloudWatch runs none of the alarm's
	// actions (SNS, Lambda, Auto Scaling …), but the alarm still changes
	// state and EventBridge still receives the event.
	Mute *Mute `json:"mute,omitempty"`
	// ActionAfterMuteWindow reports that this SNS notification was sent
	// when a mute window ended, for a state change that happened inside it
	// (the SNS message's ActionExecutedAfterMuteWindow): the state may have
	// changed long before the notification. False for every other
	// notification, including those whose payload predates the field.
	ActionAfterMuteWindow bool `json:"actionAfterMuteWindow,omitempty"`

	// Condition is how the alarm compares its metric to a threshold. It is
	// nil for composite alarms and for payloads that do not describe it.
	Condition *Condition `json:"condition,omitempty"`
	// Metrics lists the alarm's metric queries in payload order. A
	// single-metric alarm has exactly one, with an empty ID.
	Metrics []Metric `json:"metrics,omitempty"`
	// LogQuery is the CloudWatch Logs query of a log alarm; nil for other
	// kinds.
	LogQuery *LogQuery `json:"logQuery,omitempty"`
	// PromQL is the query of a PromQL alarm; nil for other kinds.
	PromQL *PromQL `json:"promql,omitempty"`

	// AlarmRule is the rule of a composite alarm.
	AlarmRule string `json:"alarmRule,omitempty"`
	// TriggeringChildren lists the child alarms whose state change made a
	// composite alarm change state. It is empty when the state was set with
	// SetAlarmState.
	TriggeringChildren []Child `json:"triggeringChildren,omitempty"`
	// Suppressor describes the composite alarm's actions suppressor, if any.
	Suppressor *Suppressor `json:"actionsSuppressor,omitempty"`

	// Datapoints are the recent datapoints, oldest first: from the
	// reasonData where the payload has it, else parsed from the reason text.
	Datapoints []Datapoint `json:"datapoints,omitempty"`
	// Series counts the time series of a multi-time-series alarm, from the
	// reason of a notification about the alarm as a whole ("1 out of 2 time
	// series evaluated to ALARM"); nil for other reasons.
	Series *SeriesCount `json:"series,omitempty"`
	// Tags are the alarm's tags, present only when the alarm propagates its
	// tags into notifications.
	Tags map[string]string `json:"tags,omitempty"`
	// Actions are the ARNs the alarm notifies in each state, where the
	// payload lists them.
	Actions *Actions `json:"actions,omitempty"`
	// ConsoleURL links to the alarm in the AWS console. It is empty when the
	// partition has no public console or the region is unknown.
	ConsoleURL string `json:"consoleUrl,omitempty"`
}

// State is one state of an alarm and why it was entered.
type State struct {
	// Value is the state.
	Value StateValue `json:"value"`
	// Reason is CloudWatch's human-readable explanation, or the caller's text
	// when the state was set with SetAlarmState.
	Reason string `json:"reason,omitempty"`
	// ReasonData is the decoded machine-readable reason, present in
	// EventBridge events and Lambda alarm actions.
	ReasonData *ReasonData `json:"reasonData,omitempty"`
	// Timestamp is when the alarm entered the state.
	Timestamp time.Time `json:"timestamp,omitzero"`
	// ActionsSuppressedBy says what suppressed a composite alarm's actions:
	// "WaitPeriod", "ExtensionPeriod" or "Alarm".
	ActionsSuppressedBy string `json:"actionsSuppressedBy,omitempty"`
	// ActionsSuppressedReason explains ActionsSuppressedBy.
	ActionsSuppressedReason string `json:"actionsSuppressedReason,omitempty"`
	// EvaluationState is "PARTIAL_DATA" when a Metrics Insights alarm was
	// evaluated on part of its data.
	EvaluationState string `json:"evaluationState,omitempty"`
}

// ReasonData is the decoded reasonData of a state: the data CloudWatch
// evaluated. Lists of datapoints are oldest first.
type ReasonData struct {
	// Version is the reasonData format version, "1.0".
	Version string `json:"version,omitempty"`
	// QueryDate is when CloudWatch queried the metric.
	QueryDate time.Time `json:"queryDate,omitzero"`
	// StartDate is the timestamp of the first recent datapoint.
	StartDate time.Time `json:"startDate,omitzero"`
	// Statistic is the statistic evaluated, in API casing.
	Statistic string `json:"statistic,omitempty"`
	// Unit is the metric unit, if set.
	Unit string `json:"unit,omitempty"`
	// Period is the period of each datapoint.
	Period time.Duration `json:"-"`
	// RecentDatapoints are the most recent values.
	RecentDatapoints []float64 `json:"recentDatapoints,omitempty"`
	// RecentLowerThresholds and RecentUpperThresholds are the anomaly band
	// edges for each recent datapoint.
	RecentLowerThresholds []float64 `json:"recentLowerThresholds,omitempty"`
	RecentUpperThresholds []float64 `json:"recentUpperThresholds,omitempty"`
	// Threshold is the static threshold; nil for anomaly detection alarms.
	Threshold *float64 `json:"threshold,omitempty"`
	// EvaluatedDatapoints are the datapoints the last evaluation used.
	EvaluatedDatapoints []EvaluatedDatapoint `json:"evaluatedDatapoints,omitempty"`
	// TriggeringAlarms are the children of a composite alarm.
	TriggeringAlarms []Child `json:"triggeringAlarms,omitempty"`
}

// EvaluatedDatapoint is one datapoint of an evaluation. Value is nil for a
// missing datapoint.
type EvaluatedDatapoint struct {
	// Timestamp is the start of the datapoint's period.
	Timestamp time.Time `json:"timestamp"`
	// SampleCount is the number of samples behind the value, if given.
	SampleCount *float64 `json:"sampleCount,omitempty"`
	// Value is the datapoint's value; nil when it was missing.
	Value *float64 `json:"value"`
	// Threshold is the anomaly band edge compared at this datapoint, if any.
	Threshold *float64 `json:"threshold,omitempty"`
}

// Condition is how a metric alarm compares its metric to its threshold.
type Condition struct {
	// ComparisonOperator is the comparison; empty when the payload does not
	// say.
	ComparisonOperator ComparisonOperator `json:"comparisonOperator,omitempty"`
	// Threshold is the static threshold. It is nil, and omitted from JSON,
	// for anomaly detection alarms and when the payload does not carry it:
	// nil is never confused with a threshold of 0.
	Threshold *float64 `json:"threshold,omitempty"`
	// ThresholdMetricID is the ID of the ANOMALY_DETECTION_BAND query of an
	// anomaly detection alarm.
	ThresholdMetricID string `json:"thresholdMetricId,omitempty"`
	// EvaluationPeriods is the number of periods evaluated (N in "M out of
	// N"); 0 when unknown.
	EvaluationPeriods int `json:"evaluationPeriods,omitempty"`
	// DatapointsToAlarm is M in "M out of N"; nil when not set on the alarm,
	// which means M = N.
	DatapointsToAlarm *int `json:"datapointsToAlarm,omitempty"`
	// Period is the length of each evaluated period; 0 when unknown.
	Period time.Duration `json:"-"`
	// TreatMissingData is how missing datapoints are treated; empty when the
	// payload does not say.
	TreatMissingData TreatMissingData `json:"treatMissingData,omitempty"`
	// EvaluateLowSampleCountPercentile is "evaluate" or "ignore" for
	// percentile alarms that set it.
	EvaluateLowSampleCountPercentile string `json:"evaluateLowSampleCountPercentile,omitempty"`
}

// Metric is one metric query of an alarm: either a metric with a statistic
// (Namespace and MetricName set) or an expression (Expression set): metric
// math, ANOMALY_DETECTION_BAND or Metrics Insights SQL.
type Metric struct {
	// ID is the query ID ("m1", "e1"); empty for a single-metric alarm.
	ID string `json:"id"`
	// Label is the query's label, if any.
	Label string `json:"label,omitempty"`
	// Expression is the metric math expression or Metrics Insights query.
	Expression string `json:"expression,omitempty"`
	// ReturnData reports whether the query's result is what the alarm
	// evaluates.
	ReturnData bool `json:"returnData"`
	// AccountID is the account the metric is read from, for cross-account
	// queries.
	AccountID string `json:"accountId,omitempty"`
	// Namespace and MetricName name the metric.
	Namespace  string `json:"namespace,omitempty"`
	MetricName string `json:"metricName,omitempty"`
	// Stat is the statistic in API casing: "Average", "Sum", "p99", "tm90".
	Stat string `json:"stat,omitempty"`
	// Period is the query's period; 0 when unknown.
	Period time.Duration `json:"-"`
	// Unit is the metric unit; empty when unset (the SNS "None" and null
	// both become empty).
	Unit string `json:"unit,omitempty"`
	// Dimensions are the metric's dimensions in payload order.
	Dimensions []Dimension `json:"dimensions,omitempty"`
}

// IsExpression reports whether the query is an expression rather than a
// metric with a statistic.
func (m *Metric) IsExpression() bool { return m.Expression != "" }

// Dimension is one name/value pair of a metric.
type Dimension struct {
	// Name is the dimension's name, such as "InstanceId".
	Name string `json:"name"`
	// Value is the dimension's value.
	Value string `json:"value"`
}

// Child is a child alarm of a composite alarm and the state it entered.
type Child struct {
	// ARN is the child alarm's ARN.
	ARN string `json:"arn"`
	// State is the state the child entered.
	State StateValue `json:"state"`
	// Timestamp is when the child entered State.
	Timestamp time.Time `json:"timestamp,omitzero"`
}

// Name returns the child alarm's name, taken from its ARN.
func (c Child) Name() string { return nameFromARN(c.ARN) }

// ConsoleURL returns the link to the child alarm in the AWS console, built
// from its ARN like [Alarm.ConsoleURL], or "" when the ARN is not an alarm
// ARN or its partition has no public console.
func (c Child) ConsoleURL() string {
	p, ok := parseARN(c.ARN)
	if !ok {
		return ""
	}
	return consoleURL(p.Partition, p.Region, nameFromARN(c.ARN))
}

// Suppressor is the actions suppressor of a composite alarm.
type Suppressor struct {
	// Alarm is the suppressor alarm's name or ARN.
	Alarm string `json:"alarm"`
	// WaitPeriod and ExtensionPeriod bound the suppression.
	WaitPeriod      time.Duration `json:"-"`
	ExtensionPeriod time.Duration `json:"-"`
}

// Datapoint is one metric value at a time. Value is nil for a datapoint
// that was missing.
type Datapoint struct {
	Timestamp time.Time `json:"timestamp,omitzero"`
	Value     *float64  `json:"value"`
	// Lower and Upper are the anomaly band at this datapoint, if known.
	Lower *float64 `json:"lower,omitempty"`
	Upper *float64 `json:"upper,omitempty"`
}

// SeriesCount is how many time series of a multi-time-series alarm are in
// ALARM, as its reason says: "2 out of 6 time series evaluated to ALARM" is
// {InAlarm: 2, Total: 6}, "100+ time series evaluated to ALARM" is
// {InAlarm: 100, AtLeast: true}, "6 time series evaluated to OK" is
// {InAlarm: 0, Total: 6}, and "No time series were returned by the query."
// is the zero SeriesCount.
type SeriesCount struct {
	// InAlarm is the number of time series in ALARM, or the lower bound
	// when AtLeast is set (CloudWatch counts at most 100).
	InAlarm int `json:"inAlarm"`
	// Total is the number of time series the alarm evaluated; 0 when the
	// reason does not say (PromQL reasons count only those in ALARM) or
	// when the query returned none.
	Total int `json:"total,omitempty"`
	// AtLeast reports that more than InAlarm series may be in ALARM:
	// CloudWatch writes "100+".
	AtLeast bool `json:"atLeast,omitempty"`
}

// Actions are the ARNs an alarm notifies in each state.
type Actions struct {
	// OK lists the actions run on entering OK.
	OK []string `json:"ok"`
	// Alarm lists the actions run on entering ALARM.
	Alarm []string `json:"alarm"`
	// InsufficientData lists the actions run on entering INSUFFICIENT_DATA.
	InsufficientData []string `json:"insufficientData"`
}
