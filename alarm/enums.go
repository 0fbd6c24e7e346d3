package alarm

// Source is how CloudWatch delivered an alarm notification.
type Source string

// The delivery sources.
const (
	// SourceSNS is an alarm action that publishes to an SNS topic. The
	// message may then reach the program through Lambda, HTTPS or SQS.
	SourceSNS Source = "sns"
	// SourceEventBridge is the "CloudWatch Alarm State Change" event that
	// CloudWatch sends to the default event bus.
	SourceEventBridge Source = "eventbridge"
	// SourceLambdaAction is an alarm action that invokes a Lambda function
	// directly.
	SourceLambdaAction Source = "lambda-action"
)

// Envelope is the exact payload shape in which Parse found an alarm.
type Envelope string

// The envelopes Parse recognises.
const (
	// EnvelopeAlarmMessage is the bare alarm message that SNS carries.
	EnvelopeAlarmMessage Envelope = "alarm-message"
	// EnvelopeLambdaSNS is a Lambda SNS event (Records[].Sns).
	EnvelopeLambdaSNS Envelope = "lambda-sns"
	// EnvelopeSNSHTTP is the body SNS POSTs to an HTTP(S) subscriber.
	EnvelopeSNSHTTP Envelope = "sns-http"
	// EnvelopeSQS is a Lambda SQS event whose body is an SNS envelope.
	EnvelopeSQS Envelope = "sqs"
	// EnvelopeSQSRaw is a Lambda SQS event whose body is the message itself
	// (SNS raw message delivery, or an EventBridge rule targeting SQS).
	EnvelopeSQSRaw Envelope = "sqs-raw"
	// EnvelopeEventBridge is a bare EventBridge event.
	EnvelopeEventBridge Envelope = "eventbridge"
	// EnvelopeLambdaAction is the payload of an alarm's direct Lambda action.
	EnvelopeLambdaAction Envelope = "lambda-action"
	// EnvelopeAlarmHistory is the item that DescribeAlarmHistory returns for
	// an SNS action, or its decoded HistoryData: the publishedMessage in it
	// holds the message SNS published, {"default": <alarm message>, "sms":
	// …, "email": …}.
	EnvelopeAlarmHistory Envelope = "alarm-history"
)

// Kind says what an alarm watches.
type Kind string

// The alarm kinds.
const (
	// KindMetric watches one metric with a statistic.
	KindMetric Kind = "metric"
	// KindMetricMath watches the result of a metric math expression.
	KindMetricMath Kind = "metric-math"
	// KindAnomalyDetection compares a metric with an ANOMALY_DETECTION_BAND.
	KindAnomalyDetection Kind = "anomaly-detection"
	// KindMetricsInsights watches a Metrics Insights (SQL) query.
	KindMetricsInsights Kind = "metrics-insights"
	// KindComposite combines the states of other alarms with a rule.
	KindComposite Kind = "composite"
	// KindLog watches the result of a scheduled CloudWatch Logs Insights
	// query (PutLogAlarm).
	KindLog Kind = "log"
	// KindPromQL watches the series that a PromQL query returns
	// (PutMetricAlarm with PromQL evaluation criteria).
	KindPromQL Kind = "promql"
)

// Valid reports whether k is one of the alarm kinds above.
func (k Kind) Valid() bool {
	switch k {
	case KindMetric, KindMetricMath, KindAnomalyDetection, KindMetricsInsights, KindComposite, KindLog, KindPromQL:
		return true
	}
	return false
}

// StateValue is the state of an alarm.
type StateValue string

// The alarm states.
const (
	StateOK               StateValue = "OK"
	StateAlarm            StateValue = "ALARM"
	StateInsufficientData StateValue = "INSUFFICIENT_DATA"
)

// Valid reports whether s is one of the three alarm states.
func (s StateValue) Valid() bool {
	return s == StateOK || s == StateAlarm || s == StateInsufficientData
}

// ComparisonOperator is how an alarm compares its metric with its threshold.
type ComparisonOperator string

// The comparison operators, as named by the CloudWatch API.
const (
	GreaterThanOrEqualToThreshold ComparisonOperator = "GreaterThanOrEqualToThreshold"
	GreaterThanThreshold          ComparisonOperator = "GreaterThanThreshold"
	LessThanThreshold             ComparisonOperator = "LessThanThreshold"
	LessThanOrEqualToThreshold    ComparisonOperator = "LessThanOrEqualToThreshold"

	// LessThanLowerOrGreaterThanUpperThreshold and the two after it are the
	// anomaly detection operators: they compare with the band's edges.
	LessThanLowerOrGreaterThanUpperThreshold ComparisonOperator = "LessThanLowerOrGreaterThanUpperThreshold"
	GreaterThanUpperThreshold                ComparisonOperator = "GreaterThanUpperThreshold"
	LessThanLowerThreshold                   ComparisonOperator = "LessThanLowerThreshold"
)

// Symbol returns the operator as a mathematical symbol ("≥", ">", "<",
// "≤"), or "" for the anomaly detection operators and unknown values.
func (op ComparisonOperator) Symbol() string {
	switch op {
	case GreaterThanOrEqualToThreshold:
		return "≥"
	case GreaterThanThreshold:
		return ">"
	case LessThanThreshold:
		return "<"
	case LessThanOrEqualToThreshold:
		return "≤"
	}
	return ""
}

// IsBand reports whether op compares with an anomaly detection band.
func (op ComparisonOperator) IsBand() bool {
	switch op {
	case LessThanLowerOrGreaterThanUpperThreshold, GreaterThanUpperThreshold, LessThanLowerThreshold:
		return true
	}
	return false
}

// TreatMissingData is how an alarm treats missing datapoints.
type TreatMissingData string

// The missing-data treatments, in API casing.
const (
	TreatMissing      TreatMissingData = "missing"
	TreatNotBreaching TreatMissingData = "notBreaching"
	TreatBreaching    TreatMissingData = "breaching"
	TreatIgnore       TreatMissingData = "ignore"
)
