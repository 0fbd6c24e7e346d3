package alarm

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"
)

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
				t.Parallel()
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

// TestParseMixedRecords checks that one bad record does not hide the
// others: the alarms come back with a DecodeErrors naming each skipped
// record.
func TestParseMixedRecords(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "testdata", "payloads", "lambda-sns__mixed-records-one-text-one-confirmation.json"))
	if err != nil {
		t.Fatal(err)
	}
	alarms, err := Parse(data)
	if len(alarms) != 2 {
		t.Fatalf("Parse = %d alarms, want 2", len(alarms))
	}
	var errs DecodeErrors
	if !errors.As(err, &errs) {
		t.Fatalf("Parse error = %#v, want a DecodeErrors", err)
	}
	var records []int
	for _, e := range errs {
		records = append(records, e.Record)
	}
	if diff := cmp.Diff([]int{1, 3}, records); diff != "" {
		t.Errorf("skipped records mismatch (-want +got):\n%s", diff)
	}
	if !errors.Is(err, ErrNotAlarm) || !errors.Is(err, ErrMalformed) || errors.Is(err, ErrInvalid) {
		t.Errorf("error %v should be ErrNotAlarm and ErrMalformed, not ErrInvalid", err)
	}
}

// TestParseRecordsAllFail checks that an event whose every record fails
// returns no alarms, and a DecodeErrors even for a single record.
func TestParseRecordsAllFail(t *testing.T) {
	ev := events.SQSEvent{Records: []events.SQSMessage{{MessageId: "m-1", Body: "hello"}}}
	alarms, err := ParseSQSEvent(ev)
	var errs DecodeErrors
	if alarms != nil || !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("ParseSQSEvent = %v, %#v; want no alarms and a DecodeErrors of one", alarms, err)
	}
	if want := "alarm: record 0 (m-1): not an alarm notification: plain text message: the SQS body is not JSON"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}

// TestParseSQSMessage checks that a failing message names its messageId.
func TestParseSQSMessage(t *testing.T) {
	a, err := ParseSQSMessage(events.SQSMessage{MessageId: "m-1", Body: "hello"})
	var de *DecodeError
	if a != nil || !errors.As(err, &de) || de.RecordID != "m-1" || de.Record != -1 || !errors.Is(err, ErrNotAlarm) {
		t.Fatalf("ParseSQSMessage = %v, %#v; want a *DecodeError for message m-1 that is ErrNotAlarm", a, err)
	}
	if want := "alarm: message m-1: not an alarm notification: plain text message: the SQS body is not JSON"; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
	body := `{"AlarmName":"db","NewStateValue":"OK","StateChangeTime":"2024-05-14T10:00:11.118+0000"}`
	a, err = ParseSQSMessage(events.SQSMessage{MessageId: "m-2", Body: body})
	if err != nil || a.Name != "db" || a.Envelope != EnvelopeSQSRaw || a.MessageID != "m-2" {
		t.Errorf("ParseSQSMessage = %+v, %v; want alarm db in envelope sqs-raw with message ID m-2", a, err)
	}
}
