package alarm

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// TestParseErrors checks the Kind and the message of each kind of refusal.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name  string
		input string
		kind  error
		msg   string
	}{
		{"empty", "", ErrMalformed, "alarm: malformed JSON: the input is empty"},
		{"spaces", " \n\t", ErrMalformed, "alarm: malformed JSON: the input is empty"},
		{"null", "null", ErrUnknown, "alarm: unrecognised payload: input is JSON null"},
		{"array", "[]", ErrUnknown, "alarm: unrecognised payload: input is a JSON array, not an object"},
		{"string", `"x"`, ErrUnknown, "alarm: unrecognised payload: input is a JSON string, not an object"},
		{"number", "1e3", ErrUnknown, "alarm: unrecognised payload: input is a JSON number, not an object"},
		{"text", "ALARM", ErrMalformed, "alarm: malformed JSON: input at offset 1: invalid character 'A' looking for beginning of value"},
		{"truncated", `{"AlarmName":`, ErrMalformed, "alarm: malformed JSON: input at offset 13: unexpected end of JSON input"},
		{"unknown object", `{"a":1}`, ErrUnknown, "alarm: unrecognised payload: input is a JSON object with no key that marks a known shape"},
		{"default at the top", `{"default":"x"}`, ErrUnknown, "alarm: unrecognised payload: input is a JSON object with no key that marks a known shape"},
		{"no records", `{"Records":[]}`, ErrNotAlarm, "alarm: not an alarm notification: event with no records"},
		{"subscription", `{"Type":"SubscriptionConfirmation","TopicArn":"arn:aws:sns:us-east-1:1:t"}`, ErrNotAlarm,
			"alarm: not an alarm notification: SNS subscription confirmation: topic arn:aws:sns:us-east-1:1:t"},
		{"unsubscribe", `{"Type":"UnsubscribeConfirmation"}`, ErrNotAlarm, "alarm: not an alarm notification: SNS unsubscribe confirmation: topic "},
		{"text message", `{"Type":"Notification","Message":"hello"}`, ErrNotAlarm,
			"alarm: not an alarm notification: plain text message: the SNS Message is not JSON"},
		{"empty message", `{"Type":"Notification","Message":""}`, ErrNotAlarm,
			"alarm: not an alarm notification: plain text message: the SNS Message is not JSON"},
		{"broken message", `{"Type":"Notification","Message":"{\"a\":"}`, ErrMalformed,
			"alarm: malformed JSON: SNS Message at offset 5: unexpected end of JSON input"},
		{"array message", `{"Type":"Notification","Message":"[1,2]"}`, ErrNotAlarm,
			"alarm: not an alarm notification: JSON message that is not a CloudWatch alarm: the SNS Message is a JSON array"},
		{"other json message", `{"Type":"Notification","Message":"{\"a\":1}"}`, ErrNotAlarm,
			"alarm: not an alarm notification: JSON message that is not a CloudWatch alarm"},
		{"SNS in a Message", `{"Type":"Notification","Message":"{\"Type\":\"Notification\"}"}`, ErrNotAlarm,
			"alarm: not an alarm notification: JSON message that is not a CloudWatch alarm"},
		{"config change", `{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm Configuration Change","detail":{}}`, ErrNotAlarm,
			"alarm: not an alarm notification: CloudWatch alarm configuration change event"},
		{"other event", `{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{"state":"running"}}`, ErrNotAlarm,
			`alarm: not an alarm notification: EventBridge event that is not an alarm state change: source "aws.ec2", detail-type "EC2 Instance State-change Notification"`},
		{"no detail", `{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","alarmData":{}}`, ErrUnknown,
			"alarm: unrecognised payload: EventBridge envelope without detail: an event with a detail-type needs a detail object"},
		{"bad state", `{"AlarmName":"a","NewStateValue":"FIRING"}`, ErrInvalid,
			`alarm: invalid alarm: new state: value "FIRING" is not OK, ALARM or INSUFFICIENT_DATA`},
		{"empty name", `{"AlarmName":"","NewStateValue":"OK"}`, ErrInvalid, "alarm: invalid alarm: alarm message has an empty AlarmName"},
		{"bad time", `{"AlarmName":"a","NewStateValue":"OK","StateChangeTime":"soon"}`, ErrInvalid,
			`alarm: invalid alarm: new state: timestamp "soon" is not a time: parsing time "soon" as "2006-01-02T15:04:05.999999999Z0700": cannot parse "soon" as "2006"`},
		{"wrong type", `{"AlarmName":"a","NewStateValue":"OK","Trigger":{"Period":"60"}}`, ErrInvalid,
			"alarm: invalid alarm: alarm message: field Trigger.Period is a JSON string, not a number"},
		{"name not a string", `{"AlarmName":5,"NewStateValue":"OK"}`, ErrInvalid,
			"alarm: invalid alarm: alarm message: field AlarmName is a JSON number, not a string"},
		{"action without data", `{"source":"aws.cloudwatch","alarmArn":"arn:aws:cloudwatch:us-east-1:1:alarm:a","alarmData":null}`, ErrUnknown,
			"alarm: unrecognised payload: input is a JSON object with no key that marks a known shape"},
		{"bad record", `{"Records":[{"EventSource":"aws:s3"}]}`, ErrUnknown,
			"alarm: record 0: unrecognised payload: record is neither an SNS nor an SQS record"},
		{"record not object", `{"Records":[5]}`, ErrInvalid, "alarm: invalid alarm: Lambda event: field Records is a JSON number, not an object"},
		{"message not a string", `{"Type":"Notification","Message":{"AlarmName":"a"}}`, ErrInvalid,
			"alarm: invalid alarm: SNS notification: field Message is a JSON object, not a string"},
		{"receive without body", `{"Messages":[{"MessageId":"m-1"}]}`, ErrUnknown,
			"alarm: record 0 (m-1): unrecognised payload: SQS message without a body"},
		{"history data not an action", `{"HistoryData":"{\"a\":1}"}`, ErrNotAlarm,
			"alarm: not an alarm notification: JSON message that is not a CloudWatch alarm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			alarms, err := Parse([]byte(tt.input))
			if alarms != nil {
				t.Errorf("Parse(%q) alarms = %v, want nil", tt.input, alarms)
			}
			var de *DecodeError
			if !errors.Is(err, tt.kind) || !errors.As(err, &de) {
				t.Fatalf("Parse(%q) error = %#v, want a *DecodeError of kind %v", tt.input, err, tt.kind)
			}
			if err.Error() != tt.msg {
				t.Errorf("Parse(%q) error =\n%q, want\n%q", tt.input, err, tt.msg)
			}
		})
	}
}

// TestDecodeErrorCause checks that each cause is reachable with errors.As
// and that the sentinel is reachable with errors.Is.
func TestDecodeErrorCause(t *testing.T) {
	tests := []struct {
		name  string
		input string
		kind  error
		cause func(error) bool
	}{
		{"syntax error in a nested document", `{"Type":"Notification","Message":"{\"AlarmName\":x}"}`, ErrMalformed,
			func(err error) bool { var c *json.SyntaxError; return errors.As(err, &c) && c.Offset == 14 }},
		{"bad state timestamp", `{"AlarmName":"x","NewStateValue":"ALARM","StateChangeTime":"yesterday"}`, ErrInvalid,
			func(err error) bool { var c *time.ParseError; return errors.As(err, &c) && c.Value == "yesterday" }},
		{"wrong JSON type", `{"AlarmName":"a","NewStateValue":"OK","Trigger":{"Period":"60"}}`, ErrInvalid,
			func(err error) bool {
				var c *json.UnmarshalTypeError
				return errors.As(err, &c) && c.Field == "Trigger.Period"
			}},
		{"no cause", `{"Type":"SubscriptionConfirmation"}`, ErrNotAlarm,
			func(err error) bool { return errors.Unwrap(err) == nil }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.input))
			if !errors.Is(err, tt.kind) || !tt.cause(err) {
				t.Errorf("Parse(%q) error = %#v; want kind %v and the cause", tt.input, err, tt.kind)
			}
		})
	}
}

// TestDecodeErrorIs checks that a *DecodeError is its Kind and no other
// sentinel.
func TestDecodeErrorIs(t *testing.T) {
	sentinels := []error{ErrNotAlarm, ErrMalformed, ErrInvalid, ErrUnknown}
	for _, kind := range sentinels {
		err := error(&DecodeError{Record: -1, Kind: kind})
		for _, s := range sentinels {
			if got := errors.Is(err, s); got != (s == kind) {
				t.Errorf("errors.Is(DecodeError{Kind: %v}, %v) = %v", kind, s, got)
			}
		}
	}
	if errors.Is(&DecodeError{}, ErrNotAlarm) {
		t.Error("a DecodeError without a Kind is ErrNotAlarm")
	}
}

// TestDecodeErrors checks the message and the unwrapping of several errors.
func TestDecodeErrors(t *testing.T) {
	errs := DecodeErrors{
		{Record: 0, RecordID: "a", Kind: ErrNotAlarm, msg: "plain text message"},
		{Record: 2, Kind: ErrMalformed, msg: "SQS body at offset 3: x", Err: &json.SyntaxError{Offset: 3}},
	}
	const want = "alarm: record 0 (a): not an alarm notification: plain text message\n" +
		"alarm: record 2: malformed JSON: SQS body at offset 3: x"
	if errs.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", errs.Error(), want)
	}
	var syn *json.SyntaxError
	if !errors.Is(errs, ErrNotAlarm) || !errors.Is(errs, ErrMalformed) || errors.Is(errs, ErrInvalid) || !errors.As(errs, &syn) {
		t.Errorf("DecodeErrors does not unwrap to its errors and their causes")
	}
}
