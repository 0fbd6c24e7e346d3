package alarm_test

import (
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

// Payloads that carry no alarm are refused with a *DecodeError that
// errors.Is and errors.As can tell apart.
func ExampleParse_notAnAlarm() {
	_, err := alarm.Parse([]byte(`{"Type":"SubscriptionConfirmation","TopicArn":"arn:aws:sns:us-east-1:111122223333:t"}`))
	var de *alarm.DecodeError
	if errors.Is(err, alarm.ErrNotAlarm) && errors.As(err, &de) {
		fmt.Println(de.Found)
	}
	// Output:
	// SNS subscription confirmation
}
