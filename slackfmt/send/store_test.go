package send

import (
	"context"
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
	c := changeAt(alarm.StateAlarm, time.Date(2026, 11, 25, 10, 2, 30, 123e6, time.UTC))
	c.Contributor = &alarm.Contributor{ID: "9f2c4e6a8b0d1f35"}
	want = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU\tcontributor 9f2c4e6a8b0d1f35 ALARM 2026-11-25T10:02:30.123Z"
	if got := StateChangeKey(c); got != want {
		t.Errorf("StateChangeKey(contributor) = %q, want %q", got, want)
	}
}

// TestKeyContributorsApart checks that the keys of an alarm and of its
// contributors all differ, including from an alarm whose name spells out
// what the separator of a contributor's key would otherwise be.
func TestKeyContributorsApart(t *testing.T) {
	const arn = "arn:aws:cloudwatch:us-west-2:000000000000:alarm:sd-mi"
	alarms := []*alarm.Alarm{
		{ARN: arn},
		{ARN: arn, Contributor: &alarm.Contributor{ID: "a29eb44b20c4362e"}},
		{ARN: arn, Contributor: &alarm.Contributor{ID: "2868f7dcc58a8caf"}},
		{ARN: arn + " contributor a29eb44b20c4362e"},
		{ARN: arn + "-2", Contributor: &alarm.Contributor{ID: "a29eb44b20c4362e"}},
	}
	seen := map[string]int{}
	for i, a := range alarms {
		k := Key(a)
		if j, ok := seen[k]; ok {
			t.Errorf("alarms %d and %d share the key %q", j, i, k)
		}
		seen[k] = i
	}
}

// TestKeyContributorThreads checks what the keys are for: in a
// ThreadStore, each contributor of an alarm, and the alarm as a whole,
// has a thread of its own, and resolving one contributor leaves the
// others' threads alone.
func TestKeyContributorThreads(t *testing.T) {
	ctx := context.Background()
	store := NewMemoryStore(10)
	parent := testAlarm(alarm.StateAlarm)
	a, b := testAlarm(alarm.StateAlarm), testAlarm(alarm.StateAlarm)
	a.Contributor = &alarm.Contributor{ID: "a29eb44b20c4362e"}
	b.Contributor = &alarm.Contributor{ID: "2868f7dcc58a8caf"}
	threads := map[*alarm.Alarm]Thread{
		parent: {Channel: "C0ALERTS", TS: "1.000100"},
		a:      {Channel: "C0ALERTS", TS: "2.000100"},
		b:      {Channel: "C0ALERTS", TS: "3.000100"},
	}
	for al, th := range threads {
		if err := store.Put(ctx, Key(al), th); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.Delete(ctx, Key(a), threads[a]); err != nil {
		t.Fatal(err)
	}
	for al, th := range threads {
		got, ok, err := store.Get(ctx, Key(al))
		switch {
		case err != nil:
			t.Fatal(err)
		case al == a && ok:
			t.Errorf("contributor a's thread survived its deletion: %+v", got)
		case al != a && (!ok || got != th):
			t.Errorf("thread of %q = %+v, %v; want %+v", Key(al), got, ok, th)
		}
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
		{"contributor", &alarm.Alarm{ARN: arn, Contributor: &alarm.Contributor{ID: "a29eb44b20c4362e", Attributes: []alarm.Dimension{{Name: "Team", Value: "a"}}}},
			arn + "\tcontributor a29eb44b20c4362e"},
		{"contributor, rebuilt ARN", &alarm.Alarm{Partition: "aws-cn", Region: "cn-north-1", AccountID: "123456789012", Name: "a:b/c", Contributor: &alarm.Contributor{ID: "2868f7dcc58a8caf"}},
			arn + "\tcontributor 2868f7dcc58a8caf"},
		{"contributor without ID", &alarm.Alarm{ARN: arn, Contributor: &alarm.Contributor{Attributes: []alarm.Dimension{{Name: "AZ", Value: "a"}, {Name: "Team", Value: "b"}}}},
			arn + "\tcontributor attributes\tAZ=a\tTeam=b"},
		{"contributor without ID or attributes", &alarm.Alarm{ARN: arn, Contributor: &alarm.Contributor{}}, arn + "\tcontributor attributes"},
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
