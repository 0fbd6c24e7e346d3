package main

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// The -update flag rewrites golden files. This package has none, but
// accepts the flag so that "go test ./... -update" runs everywhere.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// alarmFixture is a bare alarm message (ALARM, 2024-05-14T10:02:11.118Z).
const alarmFixture = "alarm-message__metric-alarm-datapointstoalarm-notbreaching.json"

// TestBootstrap runs the example, built as Lambda runs it, inside the
// Runtime Interface Emulator, against a local Slack.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the bootstrap and runs it in the emulator")
	}
	bin := buildBootstrap(t, ".")

	t.Run("every fixture", func(t *testing.T) {
		s := slacktest.NewServer()
		defer s.Close()
		fn := startRIE(t, bin, 30*time.Second, "SLACK_WEBHOOK_URL="+s.WebhookURL())
		want, seen := 0, map[string]bool{}
		for _, path := range fixtures(t) {
			payload := readFile(t, path)
			want += stateChanges(t, payload, seen)
			if out, fnErr := fn.invoke(t, payload); fnErr || strings.Contains(out, "itemIdentifier") {
				t.Errorf("%s: the function answered %s", filepath.Base(path), out)
			}
		}
		got := 0
		for _, m := range s.Messages() {
			if !m.OK() {
				t.Errorf("Slack refused a message: %s", m.Error)
			}
			got++
		}
		if got != want {
			t.Errorf("Slack received %d messages, want %d (one per state change)", got, want)
		}
	})

	t.Run("Slack down", func(t *testing.T) {
		s := slacktest.NewServer()
		defer s.Close()
		s.Fail(slacktest.Failure{Status: 503, Times: 1000})
		fn := startRIE(t, bin, 3*time.Second, "SLACK_WEBHOOK_URL="+s.WebhookURL())
		payload := readFile(t, filepath.Join(fixtureDir, alarmFixture))
		if out, fnErr := fn.invoke(t, payload); !fnErr || !strings.Contains(out, "not delivered") && !strings.Contains(out, "delivery failed") {
			t.Errorf("with Slack down the function answered %s, want an error", out)
		}
		// In an SQS batch the failure is reported per message instead.
		batch := sqsBatch(string(payload))
		if out, fnErr := fn.invoke(t, batch); fnErr || out != `{"batchItemFailures":[{"itemIdentifier":"m-1"}]}` {
			t.Errorf("SQS batch with Slack down: the function answered %s, want m-1 listed", out)
		}
	})

	t.Run("rate limited", func(t *testing.T) {
		s := slacktest.NewServer()
		defer s.Close()
		s.Fail(slacktest.Failure{RetryAfter: time.Second})
		fn := startRIE(t, bin, 30*time.Second, "SLACK_WEBHOOK_URL="+s.WebhookURL())
		if out, fnErr := fn.invoke(t, readFile(t, filepath.Join(fixtureDir, alarmFixture))); fnErr {
			t.Fatalf("the function answered %s", out)
		}
		msgs := s.Messages()
		if len(msgs) != 2 || msgs[0].Status != 429 || !msgs[1].OK() {
			t.Fatalf("Slack got %d requests, want a 429 and then the message", len(msgs))
		}
	})

	t.Run("bot threads the OK under its ALARM", func(t *testing.T) {
		s := slacktest.NewServer()
		defer s.Close()
		fn := startRIE(t, bin, 30*time.Second,
			"SLACK_BOT_TOKEN=xoxb-test", "SLACK_CHANNEL=C0ALERTS", "SLACK_API_URL="+s.APIURL())
		alarmMsg := readFile(t, filepath.Join(fixtureDir, alarmFixture))
		okMsg := withFields(t, alarmMsg, map[string]any{
			"NewStateValue": "OK", "OldStateValue": "ALARM", "StateChangeTime": "2024-05-14T11:07:11.118+0000"})
		for _, p := range [][]byte{alarmMsg, okMsg} {
			if out, fnErr := fn.invoke(t, p); fnErr {
				t.Fatalf("the function answered %s", out)
			}
		}
		msgs := s.Messages()
		if len(msgs) != 3 || msgs[1].ThreadTS != msgs[0].TS || msgs[2].Method != "chat.update" || msgs[2].TS != msgs[0].TS {
			var got []string
			for _, m := range msgs {
				got = append(got, m.Method+" ts="+m.TS+" thread="+m.ThreadTS)
			}
			t.Fatalf("Slack got %q, want the ALARM, the OK in its thread, and the ALARM updated", got)
		}
		if orig, _ := s.Posted(msgs[0].Channel, msgs[0].TS); !strings.HasPrefix(orig.PlainText(), "Resolved: ") {
			t.Errorf("the original now reads %q, want it resolved", orig.PlainText())
		}
	})
}

// fixtureDir holds the repository's payload fixtures.
var fixtureDir = filepath.Join("..", "..", "testdata", "payloads")

// fixtures returns the paths of every payload fixture.
func fixtures(t testing.TB) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(fixtureDir, "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures in %s: %v", fixtureDir, err)
	}
	return paths
}

func readFile(t testing.TB, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sqsBatch is an SQS event of one message, m-1, with body.
func sqsBatch(body string) []byte {
	b, _ := json.Marshal(events.SQSEvent{Records: []events.SQSMessage{{
		MessageId: "m-1", Body: body, EventSource: "aws:sqs",
		EventSourceARN: "arn:aws:sqs:eu-west-3:123456789012:alarms", AWSRegion: "eu-west-3",
	}}})
	return b
}

// stateChanges counts the state changes in payload that seen has not
// counted yet, and adds them: the function posts one message for each.
func stateChanges(t testing.TB, payload []byte, seen map[string]bool) int {
	t.Helper()
	var alarms []*alarm.Alarm
	var ev events.SQSEvent
	if json.Unmarshal(payload, &ev) == nil && len(ev.Records) > 0 && ev.Records[0].EventSource == "aws:sqs" {
		for _, m := range ev.Records {
			if a, err := alarm.ParseSQSMessage(m); err == nil {
				alarms = append(alarms, a)
			}
		}
	} else {
		alarms, _ = alarm.Parse(payload)
	}
	n := 0
	for _, a := range alarms {
		key := send.StateChangeKey(a)
		if key == "" || !seen[key] {
			seen[key] = key != ""
			n++
		}
	}
	return n
}

// withFields returns the JSON object msg with the given fields replaced.
func withFields(t testing.TB, msg []byte, fields map[string]any) []byte {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(msg, &m); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		m[k] = v
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
