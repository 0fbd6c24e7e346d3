package alarm

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden is the content of a golden file: what Parse returned for one
// fixture.
type golden struct {
	Alarms []*Alarm `json:"alarms"`
	Error  string   `json:"error"`
}

// fixtures returns every payload fixture; a test over them fails when
// there are none, so that a moved directory cannot pass silently.
func fixtures(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "payloads", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in ../testdata/payloads (err %v)", err)
	}
	return files
}

// encodeGolden encodes g deterministically: indented, HTML left
// unescaped, trailing newline. Map keys (tags) are sorted by encoding/json.
func encodeGolden(t *testing.T, g golden) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatalf("encoding golden: %v", err)
	}
	return b.Bytes()
}

// TestParseGolden decodes every fixture in testdata/payloads and compares
// the result with testdata/alarm/<same name>. Run with -update to rewrite
// the goldens, then read the diff: the goldens are the spec.
func TestParseGolden(t *testing.T) {
	for _, file := range fixtures(t) {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			alarms, perr := Parse(data)
			g := golden{Alarms: alarms}
			if perr != nil {
				g.Error = perr.Error()
			}
			got := encodeGolden(t, g)
			path := filepath.Join("..", "testdata", "alarm", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("missing golden (run go test ./... -update): %v", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", name, diff)
			}
			checkRoundTrip(t, want, alarms)
		})
	}
}

// checkRoundTrip decodes the golden back into the model and compares it
// with what Parse returned, so that no field is lost by the JSON encoding.
func checkRoundTrip(t *testing.T, goldenJSON []byte, alarms []*Alarm) {
	t.Helper()
	var g golden
	if err := json.Unmarshal(goldenJSON, &g); err != nil {
		t.Fatalf("golden does not decode: %v", err)
	}
	if diff := cmp.Diff(alarms, g.Alarms); diff != "" {
		t.Errorf("JSON round trip mismatch (-parsed +decoded golden):\n%s", diff)
	}
}

// TestParseErrors checks that each kind of refusal wraps the right
// sentinel inside a *DecodeError with the right Found.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		name     string
		input    string
		sentinel error
		found    Found
	}{
		{"empty", "", ErrMalformed, FoundEmpty},
		{"spaces", " \n\t", ErrMalformed, FoundEmpty},
		{"null", "null", ErrUnknown, FoundUnknown},
		{"array", "[]", ErrUnknown, FoundUnknown},
		{"string", `"x"`, ErrUnknown, FoundUnknown},
		{"number", "1e3", ErrUnknown, FoundUnknown},
		{"text", "ALARM", ErrMalformed, FoundMalformedJSON},
		{"truncated", `{"AlarmName":`, ErrMalformed, FoundMalformedJSON},
		{"unknown object", `{"a":1}`, ErrUnknown, FoundUnknown},
		{"no records", `{"Records":[]}`, ErrNotAlarm, FoundNoRecords},
		{"subscription", `{"Type":"SubscriptionConfirmation","TopicArn":"arn:aws:sns:us-east-1:1:t"}`, ErrNotAlarm, FoundSubscriptionConfirmation},
		{"unsubscribe", `{"Type":"UnsubscribeConfirmation"}`, ErrNotAlarm, FoundUnsubscribeConfirmation},
		{"text message", `{"Type":"Notification","Message":"hello"}`, ErrNotAlarm, FoundText},
		{"empty message", `{"Type":"Notification","Message":""}`, ErrNotAlarm, FoundText},
		{"broken message", `{"Type":"Notification","Message":"{\"a\":"}`, ErrMalformed, FoundMalformedJSON},
		{"array message", `{"Type":"Notification","Message":"[1,2]"}`, ErrNotAlarm, FoundOtherJSON},
		{"other json message", `{"Type":"Notification","Message":"{\"a\":1}"}`, ErrNotAlarm, FoundOtherJSON},
		{"config change", `{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm Configuration Change","detail":{}}`, ErrNotAlarm, FoundConfigurationChange},
		{"other event", `{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{}}`, ErrNotAlarm, FoundOtherEvent},
		{"hybrid", `{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","alarmData":{}}`, ErrUnknown, FoundEventWithoutDetail},
		{"bad state", `{"AlarmName":"a","NewStateValue":"FIRING"}`, ErrInvalid, FoundInvalidAlarm},
		{"empty name", `{"AlarmName":"","NewStateValue":"OK"}`, ErrInvalid, FoundInvalidAlarm},
		{"bad time", `{"AlarmName":"a","NewStateValue":"OK","StateChangeTime":"soon"}`, ErrInvalid, FoundInvalidAlarm},
		{"wrong type", `{"AlarmName":"a","NewStateValue":"OK","Trigger":{"Period":"60"}}`, ErrInvalid, FoundInvalidAlarm},
		{"action without data", `{"source":"aws.cloudwatch","alarmArn":"arn:aws:cloudwatch:us-east-1:1:alarm:a","alarmData":null}`, ErrUnknown, FoundUnknown},
		{"bad record", `{"Records":[{"EventSource":"aws:s3"}]}`, ErrUnknown, FoundUnknown},
		{"record not object", `{"Records":[5]}`, ErrUnknown, FoundUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			alarms, err := Parse([]byte(tt.input))
			if alarms != nil {
				t.Errorf("Parse(%q) alarms = %v, want nil", tt.input, alarms)
			}
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("Parse(%q) error = %v, want one wrapping %v", tt.input, err, tt.sentinel)
			}
			var de *DecodeError
			if !errors.As(err, &de) || de.Found != tt.found {
				t.Fatalf("Parse(%q) error = %#v, want a *DecodeError with Found %q", tt.input, err, tt.found)
			}
			if !strings.HasPrefix(err.Error(), "alarm: ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("Parse(%q) error %q is not one line starting with \"alarm: \"", tt.input, err)
			}
		})
	}
}

// TestParseSyntaxErrorOffset checks that the *json.SyntaxError of a
// malformed nested document stays reachable and sets Offset.
func TestParseSyntaxErrorOffset(t *testing.T) {
	_, err := Parse([]byte(`{"Type":"Notification","Message":"{\"AlarmName\":x}"}`))
	var syn *json.SyntaxError
	if !errors.As(err, &syn) {
		t.Fatalf("error %v does not wrap a *json.SyntaxError", err)
	}
	var de *DecodeError
	if !errors.As(err, &de) || de.Offset != 14 || syn.Offset != 14 {
		t.Errorf("Offset = %d (syntax error %d), want 14", de.Offset, syn.Offset)
	}
}

// TestParseMixedRecords checks that one bad record does not hide the
// others: the alarms come back with an error per skipped record.
func TestParseMixedRecords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "payloads", "lambda-sns__mixed-records-one-text-one-confirmation.json"))
	if err != nil {
		t.Fatal(err)
	}
	alarms, err := Parse(data)
	if len(alarms) != 2 {
		t.Fatalf("got %d alarms, want 2", len(alarms))
	}
	var records []int
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var de *DecodeError
		if !errors.As(e, &de) {
			t.Fatalf("joined error %v is not a *DecodeError", e)
		}
		records = append(records, de.Record)
	}
	if diff := cmp.Diff([]int{1, 3}, records); diff != "" {
		t.Errorf("skipped records mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(err, ErrNotAlarm) || !errors.Is(err, ErrMalformed) {
		t.Errorf("error %v should wrap both ErrNotAlarm and ErrMalformed", err)
	}
}

// TestTypedEntryPoints checks that each typed entry point agrees with Parse
// on every fixture of its shape: the same alarms and the same error.
func TestTypedEntryPoints(t *testing.T) {
	tests := []struct {
		prefix string
		parse  func(data []byte) ([]*Alarm, error)
	}{
		{"lambda-sns__", typed(ParseSNSEvent)},
		{"sns-http__", typed(one(ParseSNSEntity))},
		{"sqs__", typed(ParseSQSEvent)},
		{"sqs-raw__mixed", typed(ParseSQSEvent)},
		{"eventbridge__", typed(one(ParseEventBridgeEvent))},
		{"lambda-action__", typed(one(ParseActionEvent))},
	}
	n := 0
	for _, tt := range tests {
		files, _ := filepath.Glob(filepath.Join("..", "testdata", "payloads", tt.prefix+"*.json"))
		for _, file := range files {
			n++
			t.Run(filepath.Base(file), func(t *testing.T) {
				data, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				wantAlarms, wantErr := Parse(data)
				gotAlarms, gotErr := tt.parse(data)
				if diff := cmp.Diff(wantAlarms, gotAlarms); diff != "" {
					t.Errorf("alarms mismatch (-Parse +typed):\n%s", diff)
				}
				if fmt.Sprint(wantErr) != fmt.Sprint(gotErr) {
					t.Errorf("error = %v, want %v", gotErr, wantErr)
				}
			})
		}
	}
	if n < 20 {
		t.Errorf("only %d fixtures matched the typed entry points", n)
	}
}

// typed adapts a typed entry point to raw JSON input by decoding into its
// aws-lambda-go (or ActionEvent) input type first.
func typed[E any](parse func(E) ([]*Alarm, error)) func([]byte) ([]*Alarm, error) {
	return func(data []byte) ([]*Alarm, error) {
		var ev E
		if err := json.Unmarshal(data, &ev); err != nil {
			return nil, err
		}
		return parse(ev)
	}
}

// one adapts an entry point that returns one alarm.
func one[E any](parse func(E) (*Alarm, error)) func(E) ([]*Alarm, error) {
	return func(ev E) ([]*Alarm, error) {
		a, err := parse(ev)
		if err != nil {
			return nil, err
		}
		return []*Alarm{a}, nil
	}
}

// TestParseSQSMessage checks that a failing message names its messageId.
func TestParseSQSMessage(t *testing.T) {
	_, err := ParseSQSMessage(events.SQSMessage{MessageId: "m-1", Body: "hello"})
	var de *DecodeError
	if !errors.As(err, &de) || de.RecordID != "m-1" || de.Record != -1 || !errors.Is(err, ErrNotAlarm) {
		t.Fatalf("ParseSQSMessage error = %#v, want a *DecodeError for message m-1 wrapping ErrNotAlarm", err)
	}
	if want := "alarm: message m-1: not an alarm notification: plain text message: the SQS body is not JSON"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// TestParseTimestampErrorCause checks that a bad state timestamp keeps the
// *time.ParseError reachable.
func TestParseTimestampErrorCause(t *testing.T) {
	_, err := Parse([]byte(`{"AlarmName":"x","NewStateValue":"ALARM","StateChangeTime":"yesterday"}`))
	var pe *time.ParseError
	if !errors.Is(err, ErrInvalid) || !errors.As(err, &pe) {
		t.Errorf("Parse = %v; want an error wrapping ErrInvalid and a *time.ParseError", err)
	}
}
