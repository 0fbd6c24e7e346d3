package alarm_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/cwslack/cwslack/alarm"
)

// Parse detects the payload's shape by itself: here the body that SNS
// POSTs to an HTTPS subscriber, carrying a CloudWatch alarm message.
func ExampleParse() {
	body := []byte(`{"Type":"Notification","MessageId":"5b9c1f1e-0d1c-5f43-9d2a-2b8f3f0f6f10",
	"TopicArn":"arn:aws:sns:eu-west-1:111122223333:ops-alerts",
	"Message":"{\"AlarmName\":\"api 5xx\",\"AWSAccountId\":\"111122223333\",\"NewStateValue\":\"ALARM\",\"NewStateReason\":\"Threshold Crossed: 1 datapoint [12.0 (14/05/24 09:59:00)] was greater than the threshold (10.0).\",\"StateChangeTime\":\"2024-05-14T10:00:11.118+0000\",\"Region\":\"EU (Ireland)\",\"OldStateValue\":\"OK\",\"Trigger\":{\"MetricName\":\"HTTPCode_Target_5XX_Count\",\"Namespace\":\"AWS/ApplicationELB\",\"StatisticType\":\"Statistic\",\"Statistic\":\"SUM\",\"Unit\":null,\"Dimensions\":[],\"Period\":60,\"EvaluationPeriods\":1,\"ComparisonOperator\":\"GreaterThanThreshold\",\"Threshold\":10.0,\"TreatMissingData\":\"\"}}"}`)
	alarms, err := alarm.Parse(body)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := alarms[0]
	fmt.Println(a.Envelope, a.Name, a.PreviousState.Value, "->", a.State.Value)
	fmt.Println(a.Region, a.Kind, a.Metrics[0].Stat, a.Condition.ComparisonOperator.Symbol(), *a.Condition.Threshold)
	fmt.Println(a.State.Timestamp.Format("2006-01-02 15:04:05 MST"))
	fmt.Println(a.ConsoleURL)
	// Output:
	// sns-http api 5xx OK -> ALARM
	// eu-west-1 metric Sum > 10
	// 2024-05-14 10:00:11 UTC
	// https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/api%205xx
}

// Payloads that carry no alarm are refused with a *DecodeError: errors.Is
// tells the kinds of failure apart, and the message says what was found.
func ExampleParse_notAnAlarm() {
	_, err := alarm.Parse([]byte(`{"Type":"SubscriptionConfirmation","TopicArn":"arn:aws:sns:us-east-1:111122223333:t"}`))
	fmt.Println(errors.Is(err, alarm.ErrNotAlarm))
	fmt.Println(err)
	// Output:
	// true
	// alarm: not an alarm notification: SNS subscription confirmation: topic arn:aws:sns:us-east-1:111122223333:t
}

// A malformed payload keeps the *json.SyntaxError as its cause, with the
// offset of the error.
func ExampleDecodeError() {
	_, err := alarm.Parse([]byte(`{"AlarmName": "api 5xx", "NewStateValue": ALARM}`))
	var syn *json.SyntaxError
	if errors.Is(err, alarm.ErrMalformed) && errors.As(err, &syn) {
		fmt.Println("offset", syn.Offset)
	}
	fmt.Println(err)
	// Output:
	// offset 43
	// alarm: malformed JSON: input at offset 43: invalid character 'A' looking for beginning of value
}

// When some records of an event hold no alarm, Parse returns the alarms of
// the others and a DecodeErrors naming each failed record.
func ExampleDecodeErrors() {
	event := []byte(`{"Records":[
	{"EventSource":"aws:sns","Sns":{"Type":"Notification","MessageId":"m-1","Message":"hello"}},
	{"EventSource":"aws:sns","Sns":{"Type":"Notification","MessageId":"m-2","Message":"{\"AlarmName\":\"db\",\"NewStateValue\":\"ALARM\",\"StateChangeTime\":\"2024-05-14T10:00:11.118+0000\"}"}}]}`)
	alarms, err := alarm.Parse(event)
	for _, a := range alarms {
		fmt.Println("alarm", a.Name, a.State.Value)
	}
	var errs alarm.DecodeErrors
	if errors.As(err, &errs) {
		for _, e := range errs {
			fmt.Println("record", e.Record, e.RecordID, errors.Is(e, alarm.ErrNotAlarm))
		}
	}
	// Output:
	// alarm db ALARM
	// record 0 m-1 true
}

// A multi-time-series alarm (a Metrics Insights query with GROUP BY)
// notifies each contributor's state changes on its own: the alarm is the
// alarm, and Contributor says which time series changed. The payload
// carries no previous state.
func ExampleParse_contributor() {
	event := []byte(`{"version":"0","id":"a77bc7b6-c1cf-acde-2acd-25f75f40f41a","detail-type":"CloudWatch Alarm Contributor State Change",
	"source":"aws.cloudwatch","account":"111122223333","time":"2026-09-23T19:54:49Z","region":"us-west-2",
	"resources":["arn:aws:cloudwatch:us-west-2:111122223333:alarm:cpu-by-instance"],
	"detail":{"alarmName":"cpu-by-instance","alarmContributor":{"id":"a29eb44b20c4362e","attributes":{"InstanceId":"i-0abc"}},
	"state":{"value":"ALARM","reason":"Threshold Crossed: 1 out of the last 1 datapoints was greater than the threshold (80.0). The most recent datapoint which crossed the threshold: [97.5 (23/09/26 19:53:00)] (minimum 1 datapoint for OK -> ALARM transition).","timestamp":"2026-09-23T19:54:49.530+0000"},
	"configuration":{"metrics":[{"id":"q","expression":"SELECT MAX(CPUUtilization) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId","returnData":true,"period":60}]}}}`)
	alarms, err := alarm.Parse(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := alarms[0]
	fmt.Println(a.Name, a.Contributor.ID, a.Contributor.Attributes, a.PreviousState.Value == "", "->", a.State.Value)
	fmt.Println(*a.Datapoints[0].Value, a.Condition.ComparisonOperator.Symbol(), *a.Condition.Threshold)
	// Output:
	// cpu-by-instance a29eb44b20c4362e [{InstanceId i-0abc}] true -> ALARM
	// 97.5 > 80
}

// The message about the alarm as a whole counts its time series in ALARM;
// an EventBridge event says when a mute rule muted the alarm.
func ExampleAlarm_series() {
	event := []byte(`{"version":"0","id":"8f65652b-9a9a-75b8-893d-48f23395b3ad","detail-type":"CloudWatch Alarm State Change",
	"source":"aws.cloudwatch","account":"111122223333","time":"2026-09-23T19:54:49Z","region":"us-west-2",
	"resources":["arn:aws:cloudwatch:us-west-2:111122223333:alarm:cpu-by-instance"],
	"detail":{"alarmName":"cpu-by-instance","state":{"value":"ALARM","reason":"1 out of 2 time series evaluated to ALARM","timestamp":"2026-09-23T19:54:49.530+0000"},
	"previousState":{"value":"OK","reason":"2 time series evaluated to OK","timestamp":"2026-09-23T19:50:49.530+0000"},
	"muteDetail":{"mutedByArn":"arn:aws:cloudwatch:us-west-2:111122223333:alarm-mute-rule:deploys","muteWindowStart":"2026-09-23T19:00:00.000+0000","muteWindowEnd":"2026-09-23T21:00:00.000+0000"}}}`)
	alarms, err := alarm.Parse(event)
	if err != nil {
		fmt.Println(err)
		return
	}
	a := alarms[0]
	fmt.Printf("%d of %d in ALARM\n", a.Series.InAlarm, a.Series.Total)
	fmt.Println("muted by", a.Mute.RuleName(), "until", a.Mute.End.Format("15:04 MST"))
	// Output:
	// 1 of 2 in ALARM
	// muted by deploys until 21:00 UTC
}
