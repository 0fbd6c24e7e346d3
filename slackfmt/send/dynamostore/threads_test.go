package dynamostore

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
)

const threadKey = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU"

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// testAlarm returns an alarm in ALARM with a threshold and datapoints.
func testAlarm() *alarm.Alarm {
	v, th := 93.5, 80.0
	return &alarm.Alarm{
		Name: "HighCPU", ARN: threadKey, AccountID: "123456789012", Region: "eu-west-1", Partition: "aws",
		Kind:          alarm.KindMetric,
		State:         alarm.State{Value: alarm.StateAlarm, Reason: "Threshold Crossed", Timestamp: time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC)},
		PreviousState: alarm.State{Value: alarm.StateOK},
		Condition:     &alarm.Condition{ComparisonOperator: alarm.GreaterThanOrEqualToThreshold, Threshold: &th, EvaluationPeriods: 1},
		Datapoints:    []alarm.Datapoint{{Timestamp: time.Date(2026, 11, 25, 10, 1, 0, 0, time.UTC), Value: &v}},
		ConsoleURL:    "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/HighCPU",
	}
}

// testThread returns a thread announcing testAlarm.
func testThread() send.Thread {
	return send.Thread{Channel: "C0ALERTS", TS: "1700000000.000100", Posted: time.Date(2026, 11, 25, 10, 2, 31, 0, time.UTC), Alarm: testAlarm()}
}

// TestThreadLifecycle puts, gets and deletes a thread and checks what
// each step leaves, on a settable clock.
func TestThreadLifecycle(t *testing.T) {
	c := &clock{t: time.Now().Truncate(time.Second)}
	s, db := newStore(t, withClock(c), WithThreadTTL(14*24*time.Hour), WithResolvedGrace(30*time.Minute))
	ctx := context.Background()
	if _, ok, err := s.Get(ctx, threadKey); ok || err != nil {
		t.Fatalf("Get on an empty table = %v, %v; want false, nil", ok, err)
	}
	first := testThread()
	if err := s.Put(ctx, threadKey, first); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Get(ctx, threadKey)
	if !ok || err != nil {
		t.Fatalf("Get after Put = %v, %v", ok, err)
	}
	if diff := cmp.Diff(first, got); diff != "" {
		t.Errorf("thread mismatch (-put +got):\n%s", diff)
	}
	item := rawItem(t, db, s.Table(), threadPrefix+threadKey)
	if ttl, want := getN(item, attrTTL), c.t.Add(14*24*time.Hour).Unix(); ttl != want {
		t.Errorf("open thread ttl = %d, want %d (now + 14 days)", ttl, want)
	}

	second := first
	second.TS = "1700000000.000200"
	if err := s.Put(ctx, threadKey, second); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := s.Get(ctx, threadKey); got.TS != first.TS {
		t.Errorf("a second Put replaced the open thread: ts %s, want the first %s", got.TS, first.TS)
	}
	if err := s.Delete(ctx, threadKey, second); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.Get(ctx, threadKey); !ok {
		t.Errorf("Delete of another thread removed the open one")
	}

	c.t = c.t.Add(time.Hour)
	if err := s.Delete(ctx, threadKey, first); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := s.Get(ctx, threadKey); ok || err != nil {
		t.Errorf("Get after Delete = %v, %v; want false, nil", ok, err)
	}
	item = rawItem(t, db, s.Table(), threadPrefix+threadKey)
	if !getBool(item, attrResolved) || getN(item, attrTTL) != c.t.Add(30*time.Minute).Unix() {
		t.Errorf("resolved item: resolved %v ttl %d; want true, %d (now + grace)", getBool(item, attrResolved), getN(item, attrTTL), c.t.Add(30*time.Minute).Unix())
	}
	if err := s.Delete(ctx, threadKey, first); err != nil {
		t.Errorf("second Delete = %v, want nil", err)
	}
	if err := s.Put(ctx, threadKey, second); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.Get(ctx, threadKey); !ok || got.TS != second.TS {
		t.Errorf("Put after a resolved thread: Get = %s, %v; want the new thread %s", got.TS, ok, second.TS)
	}
}

// TestThreadExpiry checks that a thread past its TTL is not returned and
// may be replaced, though DynamoDB has not deleted it yet.
func TestThreadExpiry(t *testing.T) {
	c := &clock{t: time.Now().Truncate(time.Second)}
	s, _ := newStore(t, withClock(c), WithThreadTTL(time.Hour))
	ctx := context.Background()
	if err := s.Put(ctx, threadKey, testThread()); err != nil {
		t.Fatal(err)
	}
	c.t = c.t.Add(time.Hour + time.Second)
	if _, ok, err := s.Get(ctx, threadKey); ok || err != nil {
		t.Errorf("Get of an expired thread = %v, %v; want false, nil", ok, err)
	}
	newer := testThread()
	newer.TS = "1700000000.000900"
	if err := s.Put(ctx, threadKey, newer); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.Get(ctx, threadKey); !ok || got.TS != newer.TS {
		t.Errorf("Put over an expired thread: Get = %s, %v; want %s", got.TS, ok, newer.TS)
	}
}

// TestThreadAlarmCap checks that a huge announced alarm is stored
// shortened, within the cap, and a thread without an alarm as it is.
func TestThreadAlarmCap(t *testing.T) {
	s, db := newStore(t)
	ctx := context.Background()
	huge := testAlarm()
	huge.Description = strings.Repeat("é", 300_000)
	huge.State.Reason = strings.Repeat("r", 100_000)
	v := 1.0
	for i := range 20_000 {
		huge.Datapoints = append(huge.Datapoints, alarm.Datapoint{Timestamp: time.Unix(int64(i)*60, 0).UTC(), Value: &v})
	}
	th := testThread()
	th.Alarm = huge
	if err := s.Put(ctx, threadKey, th); err != nil {
		t.Fatalf("Put of a thread with a huge alarm: %v", err)
	}
	item := rawItem(t, db, s.Table(), threadPrefix+threadKey)
	if n := len(getS(item, attrAlarm)); n == 0 || n > DefaultMaxAlarmBytes {
		t.Errorf("stored alarm JSON is %d bytes, want 1 to %d", n, DefaultMaxAlarmBytes)
	}
	got, ok, err := s.Get(ctx, threadKey)
	if !ok || err != nil || got.Alarm == nil {
		t.Fatalf("Get = %v, %v, alarm %v", ok, err, got.Alarm)
	}
	a := got.Alarm
	if len(a.Datapoints) != keptDatapoints || !a.Datapoints[len(a.Datapoints)-1].Timestamp.Equal(huge.Datapoints[len(huge.Datapoints)-1].Timestamp) {
		t.Errorf("kept %d datapoints ending %v; want the newest %d", len(a.Datapoints), a.Datapoints[len(a.Datapoints)-1].Timestamp, keptDatapoints)
	}
	if want := strings.Repeat("é", keptChars) + "…"; a.Description != want {
		t.Errorf("description cut to %d characters, want %d and …", len([]rune(a.Description)), keptChars)
	}
	if a.Name != huge.Name || a.State.Value != huge.State.Value || *a.Condition.Threshold != *huge.Condition.Threshold {
		t.Errorf("the shortened alarm lost its name, state or threshold: %+v", a)
	}
	if len(huge.Datapoints) != 20_001 || len([]rune(huge.Description)) != 300_000 {
		t.Errorf("Put changed the caller's alarm")
	}

	noAlarm := testThread()
	noAlarm.Alarm = nil
	if err := s.Delete(ctx, threadKey, th); err != nil {
		t.Fatal(err)
	}
	if err := s.Put(ctx, threadKey, noAlarm); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.Get(ctx, threadKey); !ok || got.Alarm != nil {
		t.Errorf("thread without an alarm: Get = %+v, %v", got, ok)
	}
}

// TestCapAlarm checks the cap without a table: what fits is kept whole,
// what does not even shortened is dropped.
func TestCapAlarm(t *testing.T) {
	a := testAlarm()
	full := capAlarm(a, DefaultMaxAlarmBytes)
	if full == nil || strings.Contains(string(full), "…") {
		t.Errorf("a small alarm was shortened: %s", full)
	}
	if capAlarm(nil, DefaultMaxAlarmBytes) != nil {
		t.Errorf("capAlarm(nil) is not nil")
	}
	wide := testAlarm()
	wide.Tags = map[string]string{}
	for i := range 5000 {
		wide.Tags[strings.Repeat("k", 10)+string(rune('a'+i%26))+strings.Repeat("x", i%50)] = strings.Repeat("v", 200)
	}
	if js := capAlarm(wide, 2<<10); js != nil {
		t.Errorf("an alarm whose tags alone are over the cap was kept: %d bytes", len(js))
	}
}

// TestPutRace has 16 goroutines on each of two clients announce the same
// alarm at once, each with a message of its own, and read the thread
// back right after: they all read one and the same thread, one of
// theirs. (Were Put an overwrite, those that read early would see their
// own thread, later replaced.)
func TestPutRace(t *testing.T) {
	s1, _ := newStore(t)
	s2, err := New(newClient(endpoint(t)), s1.Table())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	start := make(chan struct{})
	put, seen := map[string]bool{}, map[string]bool{}
	for i := range 32 {
		th := testThread()
		th.TS = fmt.Sprintf("1700000000.%06d", i)
		put[th.TS] = true
		s := []*Store{s1, s2}[i%2]
		wg.Go(func() {
			<-start
			if err := s.Put(context.Background(), threadKey, th); err != nil {
				t.Errorf("Put: %v", err)
			}
			got, ok, err := s.Get(context.Background(), threadKey)
			if !ok || err != nil {
				t.Errorf("Get = %v, %v", ok, err)
			}
			mu.Lock()
			seen[got.TS] = true
			mu.Unlock()
		})
	}
	close(start)
	wg.Wait()
	for ts := range seen {
		if !put[ts] {
			t.Errorf("Get returned ts %s, which no one put", ts)
		}
	}
	if len(seen) != 1 {
		t.Errorf("the instances read %d different threads, want one", len(seen))
	}
}
