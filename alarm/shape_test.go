package alarm

import (
	"encoding/json"
	"testing"
)

// TestDiscriminatorShape checks the first decoding phase: it tells the
// shapes apart by their keys, and values of an unexpected type neither fail
// it nor count as the key they should have been.
func TestDiscriminatorShape(t *testing.T) {
	tests := []struct {
		input string
		want  shape
	}{
		{`{"Records":[]}`, shapeRecords},
		{`{"Messages":[{}]}`, shapeReceive},
		{`{"Type":"Notification"}`, shapeSNS},
		{`{"Type":"SubscriptionConfirmation"}`, shapeSNS},
		{`{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","detail":{}}`, shapeStateChange},
		{`{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm Configuration Change"}`, shapeConfigChange},
		{`{"source":"aws.ec2","detail-type":"CloudWatch Alarm State Change","detail":{}}`, shapeOtherEvent},
		{`{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","detail":"{}"}`, shapeNoDetail},
		{`{"source":"aws.cloudwatch","alarmData":{}}`, shapeAction},
		{`{"AlarmName":"a","NewStateValue":"OK"}`, shapeAlarm},
		{`{"HistoryData":"{}"}`, shapeHistoryItem},
		{`{"publishedMessage":"{}"}`, shapeHistory},
		{`{"default":"{}","sms":"x"}`, shapePerProtocol},
		// Odd types: the key is ignored and the others decide.
		{`{"Records":"x","AlarmName":"a","NewStateValue":"OK"}`, shapeAlarm},
		{`{"Messages":{},"Type":"Notification"}`, shapeSNS},
		{`{"Type":5,"AlarmName":"a","NewStateValue":"OK"}`, shapeAlarm},
		{`{"detail-type":5,"source":"aws.cloudwatch","alarmData":{}}`, shapeAction},
		{`{"source":["aws.cloudwatch"],"alarmData":{}}`, shapeUnknown},
		{`{"AlarmName":null,"NewStateValue":"OK"}`, shapeUnknown},
		{`{"HistoryData":{"publishedMessage":"x"}}`, shapeUnknown},
		{`{"default":1}`, shapeUnknown},
		{`{}`, shapeUnknown},
	}
	for _, tt := range tests {
		var d discriminator
		if err := json.Unmarshal([]byte(tt.input), &d); err != nil {
			t.Errorf("decoding %s into the discriminator: %v", tt.input, err)
			continue
		}
		if got := d.shape(); got != tt.want {
			t.Errorf("shape of %s = %v, want %v", tt.input, got, tt.want)
		}
	}
}

// TestJSONString checks that jsonString reads strings, escaped or not, and
// nothing else.
func TestJSONString(t *testing.T) {
	tests := []struct{ raw, want string }{
		{`"Notification"`, "Notification"},
		{`"Notif\u0069cation"`, "Notification"},
		{`"a\"b"`, `a"b`},
		{"\"a\xffb\"", "a\uFFFDb"},
		{`""`, ""},
		{`5`, ""},
		{`null`, ""},
		{`{"a":"b"}`, ""},
		{``, ""},
		{`"`, ""},
	}
	for _, tt := range tests {
		if got := jsonString(json.RawMessage(tt.raw)); got != tt.want {
			t.Errorf("jsonString(%s) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}
