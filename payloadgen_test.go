package cwslack_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// The benchmarks run on payloads generated here rather than on the test
// fixtures, so that the figures come from payloads the code was not tuned
// on, and so that the number of metric queries and dimensions can grow.

// shape is a payload shape: how an alarm reaches a program.
type shape struct {
	name string
	wrap func(g gen) []byte
}

// shapes are the five delivery shapes of issue 5.
var shapes = []shape{
	{"sns", func(g gen) []byte { return lambdaSNS(g.snsMessage()) }},
	{"snshttp", func(g gen) []byte { return snsHTTP(g.snsMessage()) }},
	{"sqs", func(g gen) []byte { return sqsEvent(string(snsHTTP(g.snsMessage()))) }},
	{"eventbridge", func(g gen) []byte { return mustJSON(g.eventBridge()) }},
	{"action", func(g gen) []byte { return mustJSON(g.action()) }},
}

// gen describes the alarm to generate: a metric math alarm with queries
// metric queries (the first an expression over the others) and dims
// dimensions on each metric; queries == 1 makes a single-metric alarm.
// name, state and at default to "bench-api-latency", ALARM (from OK) and
// 2026-11-25 01:25:37.914 UTC.
type gen struct {
	queries, dims int
	description   string
	name, state   string
	at            time.Time
}

// alarmName returns the generated alarm's name.
func (g gen) alarmName() string {
	if g.name == "" {
		return "bench-api-latency"
	}
	return g.name
}

// arn returns the generated alarm's ARN.
func (g gen) arn() string { return "arn:aws:cloudwatch:eu-west-3:123456789012:alarm:" + g.alarmName() }

// states returns the new and the old state.
func (g gen) states() (string, string) {
	switch g.state {
	case "", "ALARM":
		return "ALARM", "OK"
	case "OK":
		return "OK", "ALARM"
	}
	return g.state, "OK"
}

// when returns the time of the state change in CloudWatch's format.
func (g gen) when() string {
	if g.at.IsZero() {
		return genTime
	}
	return g.at.UTC().Format("2006-01-02T15:04:05.000-0700")
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

const (
	genTopic = "arn:aws:sns:eu-west-3:123456789012:alarms"
	genTime  = "2026-11-25T01:25:37.914+0000"
	genRsn   = "Threshold Crossed: 3 out of the last 3 datapoints [412.5 (25/11/26 01:24:00), 398.25 (25/11/26 01:23:00), 377.0 (25/11/26 01:22:00)] were greater than or equal to the threshold (250.0) (minimum 3 datapoints for OK -> ALARM transition)."
	genData  = `{"version":"1.0","queryDate":"2026-11-25T01:25:37.900+0000","startDate":"2026-11-25T01:22:00.000+0000","period":60,"recentDatapoints":[377.0,398.25,412.5],"threshold":250.0,"evaluatedDatapoints":[{"timestamp":"2026-11-25T01:24:00.000+0000","sampleCount":60.0,"value":412.5},{"timestamp":"2026-11-25T01:23:00.000+0000","sampleCount":60.0,"value":398.25},{"timestamp":"2026-11-25T01:22:00.000+0000","sampleCount":60.0,"value":377.0}]}`
)

// dimNames gives the i-th dimension a realistic name and value.
func dimension(i int) (string, string) {
	names := []string{"LoadBalancer", "TargetGroup", "AvailabilityZone", "ServiceName", "ClusterName"}
	return fmt.Sprintf("%s%d", names[i%len(names)], i), fmt.Sprintf("app/prod-api/%016x", i*7919)
}

// snsMessage is the alarm message CloudWatch publishes to SNS.
func (g gen) snsMessage() string {
	trigger := map[string]any{
		"Period": 60, "EvaluationPeriods": 3, "DatapointsToAlarm": 3,
		"ComparisonOperator": "GreaterThanOrEqualToThreshold", "Threshold": 250.0,
		"TreatMissingData": "missing", "EvaluateLowSampleCountPercentile": "",
	}
	if g.queries <= 1 {
		trigger["MetricName"], trigger["Namespace"] = "TargetResponseTime", "AWS/ApplicationELB"
		trigger["StatisticType"], trigger["Statistic"] = "Statistic", "AVERAGE"
		trigger["Unit"], trigger["Dimensions"] = nil, g.snsDims()
	} else {
		trigger["Metrics"] = g.snsQueries()
	}
	state, old := g.states()
	return string(mustJSON(map[string]any{
		"AlarmName": g.alarmName(), "AlarmDescription": g.description,
		"AWSAccountId": "123456789012", "AlarmConfigurationUpdatedTimestamp": genTime,
		"NewStateValue": state, "NewStateReason": genRsn, "StateChangeTime": g.when(),
		"Region": "EU (Paris)", "AlarmArn": g.arn(), "OldStateValue": old,
		"OKActions": []string{genTopic}, "AlarmActions": []string{genTopic}, "InsufficientDataActions": []string{},
		"Trigger": trigger,
	}))
}

func (g gen) snsDims() []map[string]string {
	dims := make([]map[string]string, g.dims)
	for i := range dims {
		n, v := dimension(i)
		dims[i] = map[string]string{"value": v, "name": n}
	}
	return dims
}

func (g gen) snsQueries() []map[string]any {
	ids := make([]string, g.queries-1)
	for i := range ids {
		ids[i] = fmt.Sprintf("m%d", i+1)
	}
	qs := []map[string]any{{"Id": "e1", "Expression": "MAX([" + strings.Join(ids, ",") + "])", "Label": "Worst latency", "ReturnData": true}}
	for _, id := range ids {
		qs = append(qs, map[string]any{"Id": id, "ReturnData": false, "MetricStat": map[string]any{
			"Metric": map[string]any{"Dimensions": g.snsDims(), "MetricName": "TargetResponseTime", "Namespace": "AWS/ApplicationELB"},
			"Period": 60, "Stat": "p99",
		}})
	}
	return qs
}

// detail is the alarm as EventBridge and the Lambda action describe it.
func (g gen) detail() map[string]any {
	state, old := g.states()
	return map[string]any{
		"alarmName": g.alarmName(),
		"state":     map[string]any{"value": state, "reason": genRsn, "reasonData": genData, "timestamp": g.when()},
		"previousState": map[string]any{"value": old, "reason": "Threshold Crossed: 3 out of the last 3 datapoints were not greater than or equal to the threshold (250.0).",
			"timestamp": "2026-11-25T00:02:37.914+0000"},
		"configuration": map[string]any{"description": g.description, "metrics": g.camelQueries()},
	}
}

func (g gen) camelQueries() []map[string]any {
	dims := map[string]string{}
	for i := 0; i < g.dims; i++ {
		n, v := dimension(i)
		dims[n] = v
	}
	stat := func(id string) map[string]any {
		return map[string]any{"id": id, "returnData": g.queries <= 1, "metricStat": map[string]any{
			"metric": map[string]any{"namespace": "AWS/ApplicationELB", "name": "TargetResponseTime", "dimensions": dims},
			"period": 60, "stat": "p99",
		}}
	}
	if g.queries <= 1 {
		return []map[string]any{stat("m1")}
	}
	ids := make([]string, g.queries-1)
	qs := []map[string]any{nil}
	for i := range ids {
		ids[i] = fmt.Sprintf("m%d", i+1)
		qs = append(qs, stat(ids[i]))
	}
	qs[0] = map[string]any{"id": "e1", "expression": "MAX([" + strings.Join(ids, ",") + "])", "label": "Worst latency", "returnData": true}
	return qs
}

func (g gen) eventBridge() map[string]any {
	return map[string]any{
		"version": "0", "id": "6f1d2c3b-4a5e-6f70-8192-a3b4c5d6e7f8", "detail-type": "CloudWatch Alarm State Change",
		"source": "aws.cloudwatch", "account": "123456789012", "time": "2026-11-25T01:25:37Z",
		"region": "eu-west-3", "resources": []string{g.arn()}, "detail": g.detail(),
	}
}

func (g gen) action() map[string]any {
	return map[string]any{
		"source": "aws.cloudwatch", "alarmArn": g.arn(), "accountId": "123456789012",
		"time": g.when(), "region": "eu-west-3", "alarmData": g.detail(),
	}
}

// snsHTTP is the body SNS POSTs to an HTTPS subscriber.
func snsHTTP(message string) []byte {
	return mustJSON(map[string]any{
		"Type": "Notification", "MessageId": "0d4c1a47-2b5e-5c1f-9f0a-8e4c7f3b2a11", "TopicArn": genTopic,
		"Subject": `ALARM: "bench-api-latency" in EU (Paris)`, "Message": message,
		"Timestamp": "2026-11-25T01:25:37.962Z", "SignatureVersion": "1", "Signature": strings.Repeat("QUJD", 86),
		"SigningCertURL": "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService-0123456789abcdef0123456789abcdef.pem",
		"UnsubscribeURL": "https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + genTopic + ":1b2c3d4e",
	})
}

// lambdaSNS is the event Lambda receives from an SNS subscription.
func lambdaSNS(message string) []byte {
	var sns map[string]any
	if err := json.Unmarshal(snsHTTP(message), &sns); err != nil {
		panic(err)
	}
	sns["SigningCertUrl"], sns["UnsubscribeUrl"] = sns["SigningCertURL"], sns["UnsubscribeURL"]
	delete(sns, "SigningCertURL")
	delete(sns, "UnsubscribeURL")
	sns["MessageAttributes"] = map[string]any{}
	return mustJSON(map[string]any{"Records": []any{map[string]any{
		"EventSource": "aws:sns", "EventVersion": "1.0", "EventSubscriptionArn": genTopic + ":1b2c3d4e", "Sns": sns,
	}}})
}

// sqsEvent is the event Lambda receives from an SQS queue subscribed to SNS.
func sqsEvent(body string) []byte {
	return mustJSON(map[string]any{"Records": []any{map[string]any{
		"messageId": "059f36b4-87a3-44ab-83d2-661975830a7d", "receiptHandle": "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a",
		"body": body, "attributes": map[string]string{"ApproximateReceiveCount": "1", "SentTimestamp": "1795569938000"},
		"messageAttributes": map[string]any{}, "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
		"eventSource": "aws:sqs", "eventSourceARN": "arn:aws:sqs:eu-west-3:123456789012:alarms", "awsRegion": "eu-west-3",
	}}})
}

// lambdaSNSEvent is an SNS event of one record per message, each with its
// own MessageId.
func lambdaSNSEvent(messages ...string) []byte {
	recs := make([]any, len(messages))
	for i, m := range messages {
		var ev struct{ Records []map[string]any }
		if err := json.Unmarshal(lambdaSNS(m), &ev); err != nil {
			panic(err)
		}
		ev.Records[0]["Sns"].(map[string]any)["MessageId"] = fmt.Sprintf("sns-%04d", i)
		recs[i] = ev.Records[0]
	}
	return mustJSON(map[string]any{"Records": recs})
}

// sqsMessage is one message of an SQS batch: its messageId and body.
type sqsMessage struct{ id, body string }

// sqsBatch is the event Lambda receives from the queue queueARN.
func sqsBatch(queueARN string, msgs ...sqsMessage) []byte {
	recs := make([]any, len(msgs))
	for i, m := range msgs {
		recs[i] = map[string]any{
			"messageId": m.id, "receiptHandle": "rh-" + m.id, "body": m.body,
			"attributes":        map[string]string{"ApproximateReceiveCount": "1", "SentTimestamp": "1795569938000"},
			"messageAttributes": map[string]any{}, "md5OfBody": "e4e68fb7bd0e697a0ae8f1bb342846b3",
			"eventSource": "aws:sqs", "eventSourceARN": queueARN, "awsRegion": "eu-west-3",
		}
	}
	return mustJSON(map[string]any{"Records": recs})
}
