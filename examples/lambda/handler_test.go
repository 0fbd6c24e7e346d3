package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// newTestHandler returns a Handler configured, as in production, from the
// environment, with SLACK_WEBHOOK_URL pointing at slackURL, and the buffer
// its JSON log goes to.
func newTestHandler(t *testing.T, slackURL string) (*Handler, *syncBuffer) {
	t.Helper()
	env := map[string]string{"SLACK_WEBHOOK_URL": slackURL}
	logs := new(syncBuffer)
	h, err := newHandlerFromEnv(func(k string) string { return env[k] },
		slog.New(slog.NewJSONHandler(logs, nil)))
	if err != nil {
		t.Fatalf("newHandlerFromEnv: %v", err)
	}
	return h, logs
}

// syncBuffer is a bytes.Buffer that may be written from other goroutines:
// by a log handler, or by exec copying a process's output.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// records returns the log records, decoded.
func (b *syncBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(b.buf.String()), "\n") {
		if line == "" {
			continue
		}
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("log line is not JSON: %v: %s", err, line)
		}
		out = append(out, r)
	}
	return out
}

// skipped returns the "found" attribute of every skipped-input record.
func (b *syncBuffer) skipped(t *testing.T) []string {
	t.Helper()
	var out []string
	for _, r := range b.records(t) {
		if r["msg"] == "skipped input that holds no alarm" {
			found, _ := r["found"].(string)
			out = append(out, found)
		}
	}
	return out
}

// noFailures is the SQS response of a batch that was fully processed.
var noFailures = events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}

func TestHandleShapes(t *testing.T) {
	tests := []struct {
		name        string
		payload     string
		wantAlarms  []string // alarm names, one Slack message each, in order
		wantResp    any
		wantSkipped []string // alarm.Found of each input logged as skipped
	}{{
		name:       "SNS",
		payload:    snsEvent(alarmMessage("orders-backlog")),
		wantAlarms: []string{"orders-backlog"},
		wantResp:   Result{Delivered: 1},
	}, {
		name:       "SNS two records",
		payload:    snsEvent(alarmMessage("orders-backlog"), alarmMessage("billing-backlog")),
		wantAlarms: []string{"orders-backlog", "billing-backlog"},
		wantResp:   Result{Delivered: 2},
	}, {
		name: "SQS with SNS envelope",
		payload: sqsEvent(testQueue,
			sqsMessage{"m-1", snsEnvelope("sns-1", alarmMessage("orders-backlog"))},
			sqsMessage{"m-2", snsEnvelope("sns-2", alarmMessage("billing-backlog"))}),
		wantAlarms: []string{"orders-backlog", "billing-backlog"},
		wantResp:   noFailures,
	}, {
		name:       "SQS raw",
		payload:    sqsEvent(testQueue, sqsMessage{"m-1", alarmMessage("orders-backlog")}),
		wantAlarms: []string{"orders-backlog"},
		wantResp:   noFailures,
	}, {
		name:       "EventBridge",
		payload:    eventBridgeEvent("orders-backlog"),
		wantAlarms: []string{"orders-backlog"},
		wantResp:   Result{Delivered: 1},
	}, {
		name:       "alarm action",
		payload:    alarmAction("orders-backlog"),
		wantAlarms: []string{"orders-backlog"},
		wantResp:   Result{Delivered: 1},
	}, {
		name:       "bare alarm message",
		payload:    alarmMessage("orders-backlog"),
		wantAlarms: []string{"orders-backlog"},
		wantResp:   Result{Delivered: 1},
	}, {
		name:        "configuration change is not an alarm",
		payload:     configChangeEvent("orders-backlog"),
		wantResp:    Result{Skipped: 1},
		wantSkipped: []string{string(alarm.FoundConfigurationChange)},
	}, {
		name:        "SNS text message is not an alarm",
		payload:     snsEvent("Budget exceeded"),
		wantResp:    Result{Skipped: 1},
		wantSkipped: []string{string(alarm.FoundText)},
	}, {
		name:        "malformed JSON",
		payload:     `{"Records": [`,
		wantResp:    Result{Skipped: 1},
		wantSkipped: []string{string(alarm.FoundMalformedJSON)},
	}, {
		name:        "SNS partly decoded",
		payload:     snsEvent("Budget exceeded", alarmMessage("orders-backlog")),
		wantAlarms:  []string{"orders-backlog"},
		wantResp:    Result{Delivered: 1, Skipped: 1},
		wantSkipped: []string{string(alarm.FoundText)},
	}, {
		name: "SQS non-alarm message is processed, not failed",
		payload: sqsEvent(testQueue,
			sqsMessage{"m-1", snsEnvelope("sns-1", "Budget exceeded")},
			sqsMessage{"m-2", configChangeEvent("orders-backlog")},
			sqsMessage{"m-3", alarmMessage("billing-backlog")}),
		wantAlarms: []string{"billing-backlog"},
		wantResp:   noFailures,
		wantSkipped: []string{
			string(alarm.FoundText), string(alarm.FoundConfigurationChange),
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slack := newFakeSlack(t, alwaysOK)
			h, logs := newTestHandler(t, slack.URL)
			resp, err := h.Handle(context.Background(), json.RawMessage(tt.payload))
			if err != nil {
				t.Fatalf("Handle: %v", err)
			}
			if diff := cmp.Diff(tt.wantResp, resp); diff != "" {
				t.Errorf("Handle response mismatch (-want +got):\n%s", diff)
			}
			checkDelivered(t, slack, tt.wantAlarms)
			if diff := cmp.Diff(tt.wantSkipped, logs.skipped(t)); diff != "" {
				t.Errorf("skipped inputs logged mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// checkDelivered fails the test unless Slack received exactly one valid
// message per alarm in names, in order.
func checkDelivered(t *testing.T, slack *fakeSlack, names []string) {
	t.Helper()
	got := slack.delivered()
	if len(got) != len(names) {
		t.Fatalf("Slack received %d messages, want %d", len(got), len(names))
	}
	for i, body := range got {
		checkMessage(t, body)
		if !bytes.Contains(body, []byte(names[i])) {
			t.Errorf("message %d does not name alarm %q:\n%s", i, names[i], body)
		}
	}
}

func TestHandleRetriesAfterRateLimit(t *testing.T) {
	// Retry-After: 0 keeps the test fast; the real bootstrap test
	// (TestBootstrap) waits for a one-second Retry-After.
	slack := newFakeSlack(t, rateLimitedFirst("0"))
	h, _ := newTestHandler(t, slack.URL)
	resp, err := h.Handle(context.Background(), json.RawMessage(alarmAction("orders-backlog")))
	if err != nil {
		t.Fatalf("Handle: %v", err)
	}
	if diff := cmp.Diff(Result{Delivered: 1}, resp); diff != "" {
		t.Errorf("Handle response mismatch (-want +got):\n%s", diff)
	}
	if got := slack.attempts(); got != 2 {
		t.Errorf("Slack received %d requests, want 2 (429, then the retry)", got)
	}
	checkDelivered(t, slack, []string{"orders-backlog"})
}

func TestHandleFailsWhenSlackIsDown(t *testing.T) {
	slack := newFakeSlack(t, always(http.StatusInternalServerError, "internal_error"))
	h, logs := newTestHandler(t, slack.URL)
	// The deadline stands for the invocation's: the sender retries the 500
	// until it would overrun it, then gives up.
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	resp, err := h.Handle(ctx, json.RawMessage(snsEvent(alarmMessage("orders-backlog"))))
	if !errors.Is(err, ErrNotDelivered) {
		t.Fatalf("Handle error = %v, want one wrapping ErrNotDelivered", err)
	}
	var se *send.Error
	if !errors.As(err, &se) || se.Status != http.StatusInternalServerError || !se.Retryable {
		t.Errorf("Handle error = %v, want one wrapping a retryable *send.Error with status 500", err)
	}
	if resp != nil {
		t.Errorf("Handle response = %#v, want nil with an error", resp)
	}
	if slack.attempts() < 1 || len(slack.delivered()) != 0 {
		t.Errorf("Slack received %d requests, %d delivered; want at least 1, none delivered",
			slack.attempts(), len(slack.delivered()))
	}
	if !logged(t, logs, "alarm not delivered", "orders-backlog") {
		t.Errorf("no \"alarm not delivered\" log record for orders-backlog; logs:\n%v", logs.records(t))
	}
}

func TestHandleFailsOnPermanentRejection(t *testing.T) {
	slack := newFakeSlack(t, rejecting("fail-me"))
	h, _ := newTestHandler(t, slack.URL)
	payload := snsEvent(alarmMessage("fail-me"), alarmMessage("orders-backlog"))
	_, err := h.Handle(context.Background(), json.RawMessage(payload))
	if !errors.Is(err, ErrNotDelivered) || !errors.Is(err, send.ErrPermanent) {
		t.Fatalf("Handle error = %v, want ErrNotDelivered wrapping send.ErrPermanent", err)
	}
	// The other alarm of the event is still delivered, and the rejected
	// one is not retried within the invocation.
	checkDelivered(t, slack, []string{"orders-backlog"})
	if got := slack.attempts(); got != 2 {
		t.Errorf("Slack received %d requests, want 2", got)
	}
}

func TestHandleSQSPartialFailure(t *testing.T) {
	tests := []struct {
		name          string
		queue         string
		wantFailures  []string
		wantDelivered []string
		wantAttempts  int
	}{{
		name:          "standard queue",
		queue:         testQueue,
		wantFailures:  []string{"m-2"},
		wantDelivered: []string{"orders-backlog", "billing-backlog"},
		wantAttempts:  3,
	}, {
		name:          "FIFO queue stops at the first failure",
		queue:         testQueue + ".fifo",
		wantFailures:  []string{"m-2", "m-3", "m-4"},
		wantDelivered: []string{"orders-backlog"},
		wantAttempts:  2,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slack := newFakeSlack(t, rejecting("fail-me"))
			h, _ := newTestHandler(t, slack.URL)
			payload := sqsEvent(tt.queue,
				sqsMessage{"m-1", snsEnvelope("sns-1", alarmMessage("orders-backlog"))},
				sqsMessage{"m-2", snsEnvelope("sns-2", alarmMessage("fail-me"))},
				sqsMessage{"m-3", snsEnvelope("sns-3", "Budget exceeded")},
				sqsMessage{"m-4", alarmMessage("billing-backlog")})
			resp, err := h.Handle(context.Background(), json.RawMessage(payload))
			if err != nil {
				t.Fatalf("Handle: %v (an SQS batch reports failures per message)", err)
			}
			want := events.SQSEventResponse{}
			for _, id := range tt.wantFailures {
				want.BatchItemFailures = append(want.BatchItemFailures,
					events.SQSBatchItemFailure{ItemIdentifier: id})
			}
			if diff := cmp.Diff(want, resp); diff != "" {
				t.Errorf("Handle response mismatch (-want +got):\n%s", diff)
			}
			checkDelivered(t, slack, tt.wantDelivered)
			if got := slack.attempts(); got != tt.wantAttempts {
				t.Errorf("Slack received %d requests, want %d", got, tt.wantAttempts)
			}
		})
	}
}

func TestHandleSQSWhenSlackIsDown(t *testing.T) {
	slack := newFakeSlack(t, always(http.StatusServiceUnavailable, ""))
	h, _ := newTestHandler(t, slack.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	payload := sqsEvent(testQueue,
		sqsMessage{"m-1", alarmMessage("orders-backlog")},
		sqsMessage{"m-2", snsEnvelope("sns-2", "Budget exceeded")},
		sqsMessage{"m-3", alarmMessage("billing-backlog")})
	resp, err := h.Handle(ctx, json.RawMessage(payload))
	checkBatchFailures(t, resp, err, "m-1", "m-3")
}

// checkBatchFailures checks that Handle succeeded and listed exactly the
// SQS messages ids as batch item failures.
func checkBatchFailures(t *testing.T, resp any, err error, ids ...string) {
	t.Helper()
	if err != nil {
		t.Fatalf("Handle: %v", err)
	}
	want := events.SQSEventResponse{BatchItemFailures: []events.SQSBatchItemFailure{}}
	for _, id := range ids {
		want.BatchItemFailures = append(want.BatchItemFailures, events.SQSBatchItemFailure{ItemIdentifier: id})
	}
	if diff := cmp.Diff(want, resp); diff != "" {
		t.Errorf("Handle response mismatch (-want +got):\n%s", diff)
	}
}

// TestHandleAnswersBeforeTheDeadline checks that with a Slack that never
// answers, Handle returns before the invocation's deadline, so that Lambda
// gets the batch item failures rather than a timeout, and that the
// messages it had no time for are listed too.
func TestHandleAnswersBeforeTheDeadline(t *testing.T) {
	hang := make(chan struct{})
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-hang:
		}
	}))
	defer slack.Close()
	defer close(hang)
	h, _ := newTestHandler(t, slack.URL)
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	deadline, _ := ctx.Deadline()
	payload := sqsEvent(testQueue,
		sqsMessage{"m-1", alarmMessage("orders-backlog")},
		sqsMessage{"m-2", alarmMessage("billing-backlog")})
	resp, err := h.Handle(ctx, json.RawMessage(payload))
	if late := time.Since(deadline); late >= 0 {
		t.Errorf("Handle returned %v after the invocation's deadline", late)
	}
	checkBatchFailures(t, resp, err, "m-1", "m-2")
}

// TestHandleDeliversAStateChangeOnce checks that copies of one state
// change (an SNS retry, the same change by EventBridge and by the alarm's
// Lambda action) are posted once by a warm instance.
func TestHandleDeliversAStateChangeOnce(t *testing.T) {
	slack := newFakeSlack(t, alwaysOK)
	h, _ := newTestHandler(t, slack.URL)
	for _, payload := range []string{
		snsEvent(alarmMessage("orders-backlog")),
		snsEvent(alarmMessage("orders-backlog")),
		eventBridgeEvent("orders-backlog"),
		alarmAction("orders-backlog"),
		snsEvent(alarmMessage("billing-backlog")),
	} {
		if _, err := h.Handle(context.Background(), json.RawMessage(payload)); err != nil {
			t.Fatalf("Handle: %v", err)
		}
	}
	checkDelivered(t, slack, []string{"orders-backlog", "billing-backlog"})
}

func TestHandleUndecodableSQSEvent(t *testing.T) {
	// Lambda never sends this, but a direct invocation could: the batch
	// cannot be read, so nothing may be reported as processed.
	slack := newFakeSlack(t, alwaysOK)
	h, _ := newTestHandler(t, slack.URL)
	_, err := h.Handle(context.Background(),
		json.RawMessage(`{"Records":[{"eventSource":"aws:sqs","body":42}]}`))
	if err == nil || !strings.HasPrefix(err.Error(), "lambda: ") {
		t.Errorf("Handle error = %v, want a \"lambda: \" decoding error", err)
	}
	if got := slack.attempts(); got != 0 {
		t.Errorf("Slack received %d requests, want 0", got)
	}
}

// logged reports whether a log record has message msg and alarm name.
func logged(t *testing.T, logs *syncBuffer, msg, name string) bool {
	t.Helper()
	for _, r := range logs.records(t) {
		if r["msg"] == msg && r["alarm"] == name {
			return true
		}
	}
	return false
}

func TestIsSQSEvent(t *testing.T) {
	tests := []struct {
		payload string
		want    bool
	}{
		{sqsEvent(testQueue, sqsMessage{"m-1", "x"}), true},
		{snsEvent("x"), false},
		{`{"Records":[]}`, false},
		{`{"Records":{}}`, false},
		{`{"records":[{"EventSource":"aws:sqs"}]}`, true}, // encoding/json matches keys case-insensitively
		{`[]`, false},
		{`null`, false},
		{``, false},
	}
	for _, tt := range tests {
		if got := isSQSEvent([]byte(tt.payload)); got != tt.want {
			t.Errorf("isSQSEvent(%.60q) = %v, want %v", tt.payload, got, tt.want)
		}
	}
}

func TestInvoke(t *testing.T) {
	tests := []struct {
		name, payload, want string
	}{
		{"not JSON", "CPU is high", `{"delivered":0,"skipped":1}`},
		{"empty", "", `{"delivered":0,"skipped":1}`},
		{"alarm", alarmAction("orders-backlog"), `{"delivered":1,"skipped":0}`},
		{"SQS", sqsEvent(testQueue, sqsMessage{"m-1", "{"}), `{"batchItemFailures":[]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slack := newFakeSlack(t, alwaysOK)
			h, _ := newTestHandler(t, slack.URL)
			got, err := h.Invoke(context.Background(), []byte(tt.payload))
			if err != nil || string(got) != tt.want {
				t.Errorf("Invoke(%q) = %s, %v; want %s, nil", tt.payload, got, err, tt.want)
			}
		})
	}
}
