package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
)

// TestHandleFixtures runs every payload fixture of the repository through
// the handler, with Slack up: each alarm that the decoder finds must
// become exactly one valid Slack message, and no fixture, alarm or not,
// may fail the invocation or an SQS message.
func TestHandleFixtures(t *testing.T) {
	paths := fixtures(t)
	if len(paths) == 0 {
		t.Fatal("no fixtures under testdata/payloads")
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".json"), func(t *testing.T) {
			payload, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			slack := newFakeSlack(t, alwaysOK)
			h, _ := newTestHandler(t, slack.URL)
			resp, err := h.Handle(context.Background(), payload)
			if err != nil {
				t.Fatalf("Handle: %v", err)
			}
			if r, ok := resp.(events.SQSEventResponse); ok && len(r.BatchItemFailures) > 0 {
				t.Errorf("Handle reported failures: %v", r.BatchItemFailures)
			}
			got := slack.delivered()
			if want := countAlarms(t, payload); len(got) != want {
				t.Errorf("Slack received %d messages, want %d", len(got), want)
			}
			for _, body := range got {
				checkMessage(t, body)
			}
		})
	}
}

// countAlarms returns the number of alarms that the decoder finds in
// payload, read the way Handle reads it.
func countAlarms(t *testing.T, payload []byte) int {
	t.Helper()
	if !isSQSEvent(payload) {
		alarms, _ := alarm.Parse(payload)
		return len(alarms)
	}
	var ev events.SQSEvent
	if err := json.Unmarshal(payload, &ev); err != nil {
		t.Fatalf("decoding SQS fixture: %v", err)
	}
	n := 0
	for _, m := range ev.Records {
		alarms, _ := alarm.ParseSQSMessage(m)
		n += len(alarms)
	}
	return n
}
