package alarm

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusDir is the shared corpus of real payloads, next to the repository.
var corpusDir = filepath.Join("..", "..", "shared", "corpus")

// corpusRefusals lists the corpus files that hold no alarm and how Parse
// must refuse each: the sentinel, and what the message must say was found.
// Every other file must decode.
var corpusRefusals = map[string]struct {
	sentinel error
	found    string
}{
	"lambda_sns_record__awslambdago-generic-sns-event-message-attributes.json":           {ErrNotAlarm, "plain text message"},
	"lambda_sns_record__rustlambdaevents-real-signature-SigningCertURL-casing.json":      {ErrNotAlarm, "plain text message"},
	"lambda_sns_record__rustlambdaevents-real-signature-SigningCertUrl-casing.json":      {ErrNotAlarm, "plain text message"},
	"sns_http_notification__awsdocs-example-hello-world.json":                            {ErrNotAlarm, "plain text message"},
	"sns_http_notification__cloudforet-non-alarm-health-event-no-Subject-key.json":       {ErrNotAlarm, "EventBridge event that is not an alarm state change"},
	"sqs_record_with_sns_envelope__powertools-non-alarm.json":                            {ErrNotAlarm, "JSON message that is not a CloudWatch alarm"},
	"sns_http_subscription_confirmation__awsdocs-example.json":                           {ErrNotAlarm, "SNS subscription confirmation"},
	"sns_http_subscription_confirmation__cloudforet-ap-southeast-2.json":                 {ErrNotAlarm, "SNS subscription confirmation"},
	"sns_http_unsubscribe_confirmation__awsdocs-example.json":                            {ErrNotAlarm, "SNS unsubscribe confirmation"},
	"HYBRID__rustlambdaevents-eventbridge-envelope-with-alarmData-not-a-real-shape.json": {ErrUnknown, "EventBridge envelope without detail"},
	"eventbridge_config_change__awsdocs-composite-create.json":                           {ErrNotAlarm, "CloudWatch alarm configuration change event"},
	"eventbridge_config_change__awsdocs-composite-suppressor-create.json":                {ErrNotAlarm, "CloudWatch alarm configuration change event"},
	"eventbridge_config_change__awsdocs-composite-suppressor-delete.json":                {ErrNotAlarm, "CloudWatch alarm configuration change event"},
	"eventbridge_config_change__awsdocs-composite-suppressor-update.json":                {ErrNotAlarm, "CloudWatch alarm configuration change event"},
	"eventbridge_config_change__awsdocs-metric-math-delete.json":                         {ErrNotAlarm, "CloudWatch alarm configuration change event"},
	"eventbridge_config_change__awsdocs-metric-update.json":                              {ErrNotAlarm, "CloudWatch alarm configuration change event"},
}

// TestCorpusConformance decodes every payload of the shared corpus: alarms
// decode without error into alarms with a name, a valid state and a kind;
// the rest are refused with the listed sentinel and message.
func TestCorpusConformance(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no corpus at %s", corpusDir)
	}
	seen := 0
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			alarms, err := Parse(data)
			if want, ok := corpusRefusals[name]; ok {
				seen++
				checkRefusal(t, alarms, err, want.sentinel, want.found)
				return
			}
			if err != nil {
				t.Fatalf("Parse(%s) error: %v", name, err)
			}
			checkAlarms(t, alarms)
		})
	}
	if seen != len(corpusRefusals) {
		t.Errorf("found %d of the %d refused corpus files", seen, len(corpusRefusals))
	}
}

// checkRefusal checks that Parse refused the input as expected.
func checkRefusal(t *testing.T, alarms []*Alarm, err, sentinel error, found string) {
	t.Helper()
	var de *DecodeError
	switch {
	case alarms != nil:
		t.Errorf("got %d alarms, want none", len(alarms))
	case !errors.Is(err, sentinel):
		t.Errorf("error %v is not %v", err, sentinel)
	case !errors.As(err, &de) || !strings.Contains(err.Error(), found):
		t.Errorf("error %v: want a *DecodeError saying %q", err, found)
	}
}

// checkAlarms checks the fields every decoded alarm must have, and that
// each re-encodes to JSON.
func checkAlarms(t *testing.T, alarms []*Alarm) {
	t.Helper()
	if len(alarms) == 0 {
		t.Fatal("no alarms and no error")
	}
	for _, a := range alarms {
		if a.Name == "" || !a.State.Value.Valid() || a.Kind == "" || a.Source == "" || a.Envelope == "" {
			t.Errorf("alarm lacks a required field: %+v", a)
		}
		if a.State.Timestamp.IsZero() {
			t.Errorf("alarm %q has no state timestamp", a.Name)
		}
		if _, err := json.Marshal(a); err != nil {
			t.Errorf("alarm %q does not encode: %v", a.Name, err)
		}
	}
}
