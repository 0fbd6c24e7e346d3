package alarm

import (
	"encoding/json"
	"fmt"
)

// ActionEvent is the payload that CloudWatch sends when an alarm's action
// invokes a Lambda function directly. aws-lambda-go has no type for it,
// and its events.CloudWatchEvent cannot hold it: Time uses the "+0000"
// offset form, which time.Time's JSON decoding rejects, so Time is kept as
// a string here. A Lambda handler can take an ActionEvent as its input and
// pass it to [ParseActionEvent].
//
// The payload is documented at
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-actions-Lambda.html.
type ActionEvent struct {
	// Source is "aws.cloudwatch".
	Source string `json:"source"`
	// AlarmARN is the alarm's ARN.
	AlarmARN string `json:"alarmArn"`
	// AccountID is the account that owns the alarm.
	AccountID string `json:"accountId"`
	// Time is when the action ran, such as "2024-07-25T07:22:32.389+0000".
	Time string `json:"time"`
	// Region is the alarm's region code, such as "us-east-1".
	Region string `json:"region"`
	// AlarmData is the alarm: alarmName, state, previousState and
	// configuration, as in the detail of an EventBridge alarm event.
	AlarmData json.RawMessage `json:"alarmData"`
}

// decodeAction converts an alarm action payload to the model. w is its
// alarm data when the caller has decoded it already; when w is nil,
// decodeAction decodes ev.AlarmData.
func decodeAction(ev *ActionEvent, w *ebDetail) (*Alarm, error) {
	if ev.Source != "aws.cloudwatch" {
		return nil, newError(ErrUnknown, FoundUnknown, fmt.Sprintf("alarm action with source %q", ev.Source))
	}
	if w == nil && !isJSON(ev.AlarmData, '{') {
		return nil, newError(ErrUnknown, FoundUnknown, "alarm action without an alarmData object")
	}
	if w == nil {
		w = new(ebDetail)
		if err := json.Unmarshal(ev.AlarmData, w); err != nil {
			return nil, typeError("alarmData", err)
		}
	}
	m := meta{source: SourceLambdaAction, arn: ev.AlarmARN, account: ev.AccountID, region: ev.Region}
	return w.alarm(&m, &delivery{envelope: EnvelopeLambdaAction})
}
