package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
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
			if want := stateChanges(t, payload, map[string]bool{}); len(got) != want {
				t.Errorf("Slack received %d messages, want %d", len(got), want)
			}
			for _, body := range got {
				checkMessage(t, body)
			}
		})
	}
}

// stateChanges returns the state changes that the decoder finds in
// payload, as the Handler delivers them: one per alarm, copies of one state
// change counting once (the Handler's sender drops them, see
// send.Deduplicate). It adds them to seen and returns how many were new.
func stateChanges(t *testing.T, payload []byte, seen map[string]bool) int {
	t.Helper()
	var alarms []*alarm.Alarm
	if !isSQSEvent(payload) {
		alarms, _ = alarm.Parse(payload)
	} else {
		var ev events.SQSEvent
		if err := json.Unmarshal(payload, &ev); err != nil {
			t.Fatalf("decoding SQS fixture: %v", err)
		}
		for _, m := range ev.Records {
			as, _ := alarm.ParseSQSMessage(m)
			alarms = append(alarms, as...)
		}
	}
	n := 0
	for _, a := range alarms {
		key := send.StateChangeKey(a)
		if key == "" {
			key = fmt.Sprintf("no time %d", len(seen)) // never deduplicated
		}
		if !seen[key] {
			seen[key] = true
			n++
		}
	}
	return n
}
