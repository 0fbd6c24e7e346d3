package alarm

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"
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
		if !d.read([]byte(tt.input)) {
			t.Errorf("reading %s into the discriminator failed", tt.input)
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

// FuzzDiscriminatorRead checks that the first phase reads any valid JSON
// object exactly as encoding/json would decode it into the discriminator,
// and that it never panics on anything else.
func FuzzDiscriminatorRead(f *testing.F) {
	for _, file := range fixtures(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`{"type":"a","TYPE":"b","\u0054ype":"c","ſource":1,"Records" : [ {"x":"]"} ] }`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var got discriminator
		ok := got.read(data)
		var want discriminator
		if !isJSON(bytes.TrimSpace(data), '{') || json.Unmarshal(data, &want) != nil {
			return
		}
		if !ok {
			t.Fatalf("read(%q) failed on a valid JSON object", data)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("read(%q) mismatch (-json.Unmarshal +read):\n%s", data, diff)
		}
	})
}
