package send

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
)

func TestStateChangeKey(t *testing.T) {
	a := changeAt(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 2, 30, 123e6, time.UTC))
	want := "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU ALARM 2026-11-25T10:02:30.123Z"
	if got := StateChangeKey(a); got != want {
		t.Errorf("StateChangeKey = %q, want %q", got, want)
	}
	if got := StateChangeKey(changeAt(alarm.StateAlarm, time.Time{})); got != "" {
		t.Errorf("StateChangeKey without a time = %q, want \"\"", got)
	}
	if got := StateChangeKey(nil); got != "" {
		t.Errorf("StateChangeKey(nil) = %q, want \"\"", got)
	}
}

func TestKey(t *testing.T) {
	arn := "arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:a:b/c"
	tests := []struct {
		name string
		a    *alarm.Alarm
		want string
	}{
		{"arn", &alarm.Alarm{ARN: arn, Name: "ignored"}, arn},
		{"rebuilt", &alarm.Alarm{Partition: "aws-cn", Region: "cn-north-1", AccountID: "123456789012", Name: "a:b/c"}, arn},
		{"default partition", &alarm.Alarm{Region: "eu-west-1", AccountID: "123456789012", Name: "x"},
			"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x"},
		{"nil", nil, ""},
	}
	for _, tt := range tests {
		if got := Key(tt.a); got != tt.want {
			t.Errorf("%s: Key() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestThreadJSON checks that a Thread survives a JSON round trip, as a
// shared ThreadStore may store it, announced alarm included.
func TestThreadJSON(t *testing.T) {
	a := testAlarm(alarm.StateAlarm)
	a.State.Timestamp = time.Date(2026, 11, 25, 10, 2, 30, 123e6, time.UTC)
	a.State.Reason = "Threshold Crossed"
	want := Thread{Channel: "C0ALERTS", TS: "1732500000.000100", Posted: a.State.Timestamp.Add(time.Second), Alarm: a}
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	var got Thread
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("Unmarshal(%s): %v", b, err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("round trip mismatch (-want +got):\n%s", diff)
	}
}
