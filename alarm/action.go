package alarm

import "encoding/json"

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

// actionPayload is the wire struct of an alarm action: an ActionEvent
// whose alarmData is decoded (the outer AlarmData field hides the
// embedded one).
type actionPayload struct {
	ActionEvent
	AlarmData ebDetail `json:"alarmData"`
}

// alarm converts the payload to the model.
func (w *actionPayload) alarm(o *origin) (*Alarm, *DecodeError) {
	o.alarmARN, o.account, o.region = w.AlarmARN, w.AccountID, w.Region
	return w.AlarmData.alarm(SourceLambdaAction, o)
}
