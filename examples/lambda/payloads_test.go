package main

import (
	"encoding/json"
	"fmt"
)

// The payloads below are built by hand for these tests, one builder per
// shape, so that each test states exactly which alarms it sends. The
// globbed fixtures under the top-level testdata/ are exercised by
// TestHandleFixtures.

const (
	testAccount = "111122223333"
	testRegion  = "eu-west-3"
	testTopic   = "arn:aws:sns:eu-west-3:111122223333:cwslack-alarms"
	testQueue   = "arn:aws:sqs:eu-west-3:111122223333:cwslack-alarms"
)

// mustJSON encodes v, which the tests build from literals and which
// therefore always encodes.
func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func alarmARN(name string) string {
	return fmt.Sprintf("arn:aws:cloudwatch:%s:%s:alarm:%s", testRegion, testAccount, name)
}

// alarmMessage is the CloudWatch alarm message that SNS carries, for a
// single-metric alarm that went from OK to ALARM.
func alarmMessage(name string) string {
	return mustJSON(map[string]any{
		"AlarmName":        name,
		"AlarmDescription": "Queue " + name + " is backing up.",
		"AWSAccountId":     testAccount,
		"NewStateValue":    "ALARM",
		"NewStateReason":   "Threshold Crossed: 1 out of the last 1 datapoints [42.0 (03/11/25 09:14:00)] was greater than the threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).",
		"StateChangeTime":  "2025-11-03T09:15:02.318+0000",
		"Region":           "EU (Paris)",
		"AlarmArn":         alarmARN(name),
		"OldStateValue":    "OK",
		"Trigger": map[string]any{
			"MetricName":         "ApproximateNumberOfMessagesVisible",
			"Namespace":          "AWS/SQS",
			"StatisticType":      "Statistic",
			"Statistic":          "MAXIMUM",
			"Unit":               nil,
			"Dimensions":         []any{map[string]any{"value": name, "name": "QueueName"}},
			"Period":             60,
			"EvaluationPeriods":  1,
			"ComparisonOperator": "GreaterThanThreshold",
			"Threshold":          10.0,
			"TreatMissingData":   "missing",
		},
	})
}

// snsRecord is one record of a Lambda SNS event carrying message.
func snsRecord(id, message string) map[string]any {
	return map[string]any{
		"EventSource":          "aws:sns",
		"EventVersion":         "1.0",
		"EventSubscriptionArn": testTopic + ":5d3c1a52-7a0b-4d8e-9a51-0c3f1b2e4d61",
		"Sns": map[string]any{
			"Type":              "Notification",
			"MessageId":         id,
			"TopicArn":          testTopic,
			"Subject":           nil,
			"Message":           message,
			"Timestamp":         "2025-11-03T09:15:02.401Z",
			"SignatureVersion":  "1",
			"Signature":         "c2lnbmF0dXJl",
			"SigningCertUrl":    "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService-0000.pem",
			"UnsubscribeUrl":    "https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe",
			"MessageAttributes": map[string]any{},
		},
	}
}

// snsEvent is a Lambda SNS event with one record per message.
func snsEvent(messages ...string) string {
	var recs []any
	for i, m := range messages {
		recs = append(recs, snsRecord(fmt.Sprintf("sns-%d", i+1), m))
	}
	return mustJSON(map[string]any{"Records": recs})
}

// snsEnvelope is the SNS notification that an SQS queue receives without
// raw message delivery.
func snsEnvelope(id, message string) string {
	return mustJSON(map[string]any{
		"Type":             "Notification",
		"MessageId":        id,
		"TopicArn":         testTopic,
		"Message":          message,
		"Timestamp":        "2025-11-03T09:15:02.401Z",
		"SignatureVersion": "1",
		"Signature":        "c2lnbmF0dXJl",
		"SigningCertURL":   "https://sns.eu-west-3.amazonaws.com/SimpleNotificationService-0000.pem",
		"UnsubscribeURL":   "https://sns.eu-west-3.amazonaws.com/?Action=Unsubscribe",
	})
}

// sqsMessage is one SQS message of a batch.
type sqsMessage struct {
	id, body string
}

// sqsEvent is a Lambda SQS event from queue with the given messages.
func sqsEvent(queue string, msgs ...sqsMessage) string {
	var recs []any
	for _, m := range msgs {
		recs = append(recs, map[string]any{
			"messageId":         m.id,
			"receiptHandle":     "AQEB" + m.id,
			"body":              m.body,
			"attributes":        map[string]string{"ApproximateReceiveCount": "1"},
			"messageAttributes": map[string]any{},
			"md5OfBody":         "00000000000000000000000000000000",
			"eventSource":       "aws:sqs",
			"eventSourceARN":    queue,
			"awsRegion":         testRegion,
		})
	}
	return mustJSON(map[string]any{"Records": recs})
}

// reasonData is the machine-readable reason of the EventBridge event and
// the alarm action.
const reasonData = `{"version":"1.0","queryDate":"2025-11-03T09:15:02.310+0000","startDate":"2025-11-03T09:14:00.000+0000","statistic":"Maximum","period":60,"recentDatapoints":[42.0],"threshold":10.0,"evaluatedDatapoints":[{"timestamp":"2025-11-03T09:14:00.000+0000","sampleCount":1.0,"value":42.0}]}`

// alarmData is the alarm description shared by the EventBridge event's
// detail and the alarm action's alarmData.
func alarmData(name string) map[string]any {
	return map[string]any{
		"alarmName": name,
		"state": map[string]any{
			"value":      "ALARM",
			"reason":     "Threshold Crossed: 1 out of the last 1 datapoints [42.0 (03/11/25 09:14:00)] was greater than the threshold (10.0) (minimum 1 datapoint for OK -> ALARM transition).",
			"reasonData": reasonData,
			"timestamp":  "2025-11-03T09:15:02.318+0000",
		},
		"previousState": map[string]any{
			"value":     "OK",
			"reason":    "Threshold Crossed: 1 out of the last 1 datapoints [3.0 (03/11/25 09:04:00)] was not greater than the threshold (10.0) (minimum 1 datapoint for ALARM -> OK transition).",
			"timestamp": "2025-11-03T09:05:02.117+0000",
		},
		"configuration": map[string]any{
			"description": "Queue " + name + " is backing up.",
			"metrics": []any{map[string]any{
				"id": "m1",
				"metricStat": map[string]any{
					"metric": map[string]any{
						"namespace":  "AWS/SQS",
						"name":       "ApproximateNumberOfMessagesVisible",
						"dimensions": map[string]string{"QueueName": name},
					},
					"period": 60,
					"stat":   "Maximum",
				},
				"returnData": true,
			}},
		},
	}
}

// eventBridgeEvent is a "CloudWatch Alarm State Change" event.
func eventBridgeEvent(name string) string {
	return mustJSON(map[string]any{
		"version":     "0",
		"id":          "7f1c3e0a-2b4d-4c6e-8f10-1a2b3c4d5e6f",
		"detail-type": "CloudWatch Alarm State Change",
		"source":      "aws.cloudwatch",
		"account":     testAccount,
		"time":        "2025-11-03T09:15:02Z",
		"region":      testRegion,
		"resources":   []string{alarmARN(name)},
		"detail":      alarmData(name),
	})
}

// configChangeEvent is a "CloudWatch Alarm Configuration Change" event,
// which holds no alarm state change.
func configChangeEvent(name string) string {
	return mustJSON(map[string]any{
		"version":     "0",
		"id":          "0e9d8c7b-6a59-4837-a261-5f4e3d2c1b0a",
		"detail-type": "CloudWatch Alarm Configuration Change",
		"source":      "aws.cloudwatch",
		"account":     testAccount,
		"time":        "2025-11-03T09:00:00Z",
		"region":      testRegion,
		"resources":   []string{alarmARN(name)},
		"detail": map[string]any{
			"alarmName": name,
			"operation": "create",
			"state":     map[string]any{"value": "INSUFFICIENT_DATA", "timestamp": "2025-11-03T09:00:00.000+0000"},
			"configuration": map[string]any{
				"alarmName":          name,
				"evaluationPeriods":  1,
				"threshold":          10,
				"comparisonOperator": "GreaterThanThreshold",
			},
		},
	})
}

// alarmAction is the payload of an alarm whose action invokes the
// function directly.
func alarmAction(name string) string {
	return mustJSON(map[string]any{
		"source":    "aws.cloudwatch",
		"alarmArn":  alarmARN(name),
		"accountId": testAccount,
		"time":      "2025-11-03T09:15:02.318+0000",
		"region":    testRegion,
		"alarmData": alarmData(name),
	})
}
