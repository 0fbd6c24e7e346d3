package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// countingSender accepts every message, after checking that it encodes,
// and counts them.
type countingSender struct {
	t *testing.T
	n atomic.Int64
}

func (s *countingSender) Send(_ context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	if _, err := json.Marshal(m); err != nil {
		s.t.Errorf("message for %q does not encode: %v", a.Name, err)
	}
	s.n.Add(1)
	return nil
}

// FuzzHandle checks that no payload makes Invoke panic and that, when
// Slack accepts everything, no payload fails the invocation or reports an
// SQS message as failed. The one exception is an SQS-looking event that
// cannot be decoded at all, which must fail rather than drop the batch.
func FuzzHandle(f *testing.F) {
	for _, p := range []string{
		snsEvent(alarmMessage("a"), "text"),
		sqsEvent(testQueue, sqsMessage{"m-1", snsEnvelope("s", alarmMessage("a"))}, sqsMessage{"m-2", "{"}),
		eventBridgeEvent("a"), alarmAction("a"), configChangeEvent("a"),
		`{"Records":[{"eventSource":"aws:sqs","body":42}]}`, `{"Records":[{}]}`, `null`, ``,
	} {
		f.Add([]byte(p))
	}
	for _, path := range fixtures(f) {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, payload []byte) {
		h := NewHandler(&countingSender{t: t}, slog.New(slog.DiscardHandler))
		out, err := h.Invoke(context.Background(), payload)
		if err != nil {
			if !isSQSEvent(payload) {
				t.Fatalf("Invoke(%q) failed with Slack up: %v", payload, err)
			}
			return
		}
		var r events.SQSEventResponse
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("Invoke(%q) response %q is not JSON: %v", payload, out, err)
		}
		if len(r.BatchItemFailures) > 0 {
			t.Fatalf("Invoke(%q) reported failures with Slack up: %s", payload, out)
		}
	})
}

// fixtures returns the payload fixtures of the repository, under the
// top-level testdata/payloads.
func fixtures(tb testing.TB) []string {
	tb.Helper()
	var paths []string
	root := filepath.Join("..", "..", "testdata", "payloads")
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Ext(path) == ".json" {
			paths = append(paths, path)
		}
		return nil
	})
	return paths
}
