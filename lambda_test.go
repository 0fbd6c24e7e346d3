package cwslack_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambdacontext"
	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

const (
	testQueue = "arn:aws:sqs:eu-west-3:123456789012:alarms"
	fifoQueue = "arn:aws:sqs:eu-west-3:123456789012:alarms.fifo"
)

// lambdaTest is a handler delivering to a local Slack, and its log.
type lambdaTest struct {
	slack *slacktest.Server
	h     *cwslack.LambdaHandler
	logs  *syncBuffer
}

func newLambdaTest(t *testing.T) *lambdaTest {
	t.Helper()
	s := slacktest.NewServer()
	t.Cleanup(s.Close)
	logs := new(syncBuffer)
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})),
		cwslack.WithLogger(slog.New(slog.NewJSONHandler(logs, nil))))
	return &lambdaTest{slack: s, h: cwslack.NewLambdaHandler(n), logs: logs}
}

// invoke calls the handler as the Lambda runtime does, with a deadline.
func (lt *lambdaTest) invoke(t *testing.T, payload []byte) (string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ctx = lambdacontext.NewContext(ctx, &lambdacontext.LambdaContext{AwsRequestID: "req-1"})
	out, err := lt.h.Invoke(ctx, payload)
	return string(out), err
}

func TestLambdaEveryShape(t *testing.T) {
	g := gen{name: "orders-backlog", at: at(1)}
	msg := g.snsMessage()
	tests := []struct {
		name    string
		payload []byte
		want    string // the response
		posts   int
	}{
		{"SNS", lambdaSNS(msg), `{"alarms":1,"skipped":0}`, 1},
		{"SNS two records", lambdaSNSEvent(msg, gen{name: "billing", at: at(1)}.snsMessage()), `{"alarms":2,"skipped":0}`, 2},
		{"SQS with SNS envelope", sqsBatch(testQueue, sqsMessage{"m-1", string(snsHTTP(msg))}), `{"batchItemFailures":[]}`, 1},
		{"SQS raw delivery", sqsBatch(testQueue, sqsMessage{"m-1", msg}), `{"batchItemFailures":[]}`, 1},
		{"SQS EventBridge", sqsBatch(testQueue, sqsMessage{"m-1", string(mustJSON(g.eventBridge()))}), `{"batchItemFailures":[]}`, 1},
		{"EventBridge", mustJSON(g.eventBridge()), `{"alarms":1,"skipped":0}`, 1},
		{"alarm action", mustJSON(g.action()), `{"alarms":1,"skipped":0}`, 1},
		{"bare alarm message", []byte(msg), `{"alarms":1,"skipped":0}`, 1},
		{"not an alarm", []byte(`{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{}}`), `{"alarms":0,"skipped":1}`, 0},
		{"not JSON", []byte(`hello`), `{"alarms":0,"skipped":1}`, 0},
		{"SQS message that holds no alarm", sqsBatch(testQueue, sqsMessage{"m-1", "hello"}), `{"batchItemFailures":[]}`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lt := newLambdaTest(t)
			out, err := lt.invoke(t, tt.payload)
			if err != nil {
				t.Fatalf("Invoke: %v", err)
			}
			if out != tt.want {
				t.Errorf("Invoke = %s, want %s", out, tt.want)
			}
			if got := len(posted(lt.slack)); got != tt.posts {
				t.Errorf("posted %d messages, want %d", got, tt.posts)
			}
		})
	}
}

// TestLambdaFixtures runs every payload fixture of the repository through
// the handler: each state change the decoder finds becomes exactly one
// message that Slack accepts, and no fixture fails the invocation.
func TestLambdaFixtures(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "payloads", "*.json"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures under testdata/payloads: %v", err)
	}
	for _, path := range paths {
		t.Run(strings.TrimSuffix(filepath.Base(path), ".json"), func(t *testing.T) {
			payload, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			lt := newLambdaTest(t)
			out, err := lt.invoke(t, payload)
			if err != nil {
				t.Fatalf("Invoke: %v", err)
			}
			if strings.Contains(out, "itemIdentifier") {
				t.Errorf("Invoke reported failures: %s", out)
			}
			if got, want := len(posted(lt.slack)), stateChanges(t, payload); got != want {
				t.Errorf("posted %d messages, want %d", got, want)
			}
			for _, m := range lt.slack.Messages() {
				if !m.OK() {
					t.Errorf("Slack refused a message: %s", m.Error)
				}
			}
		})
	}
}

// stateChanges counts the distinct state changes the decoder finds in
// payload: the messages the handler posts.
func stateChanges(t *testing.T, payload []byte) int {
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
	seen := map[string]bool{}
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

func TestLambdaFailsWhenSlackIsDown(t *testing.T) {
	lt := newLambdaTest(t)
	lt.slack.Fail(slacktest.Failure{Status: 503, Times: 2})
	payload := lambdaSNS(gen{at: at(1)}.snsMessage())
	_, err := lt.invoke(t, payload)
	if !errors.Is(err, cwslack.ErrNotDelivered) {
		t.Fatalf("Invoke with Slack down = %v, want an error wrapping ErrNotDelivered", err)
	}
	// Lambda retries the invocation, and Slack is back: the alarm is posted.
	if _, err := lt.invoke(t, payload); err != nil {
		t.Fatalf("retried Invoke: %v", err)
	}
	if got := len(posted(lt.slack)); got != 1 {
		t.Errorf("posted %d messages, want 1", got)
	}
}

func TestLambdaSQSPartialFailure(t *testing.T) {
	lt := newLambdaTest(t)
	// The first alarm is refused (both attempts); the others go through.
	payload := sqsBatch(testQueue,
		sqsMessage{"m-1", gen{name: "a", at: at(1)}.snsMessage()},
		sqsMessage{"m-2", "not an alarm"},
		sqsMessage{"m-3", gen{name: "c", at: at(1)}.snsMessage()})
	lt.slack.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 500, Times: 2})
	out, err := lt.invoke(t, payload)
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	var resp events.SQSEventResponse
	if err := json.Unmarshal([]byte(out), &resp); err != nil {
		t.Fatal(err)
	}
	want := []events.SQSBatchItemFailure{{ItemIdentifier: "m-1"}}
	if diff := cmp.Diff(want, resp.BatchItemFailures); diff != "" {
		t.Errorf("batchItemFailures (-want +got):\n%s", diff)
	}
	// The retried batch (only m-1 came back) posts a once; c is not posted twice.
	out, err = lt.invoke(t, sqsBatch(testQueue, sqsMessage{"m-1", gen{name: "a", at: at(1)}.snsMessage()}))
	if err != nil || out != `{"batchItemFailures":[]}` {
		t.Fatalf("retried batch: %s, %v", out, err)
	}
	if got := len(posted(lt.slack)); got != 2 {
		t.Errorf("posted %d messages in all, want 2", got)
	}
}

func TestLambdaFIFOStopsAtFirstFailure(t *testing.T) {
	lt := newLambdaTest(t)
	lt.slack.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 500, Times: 2})
	payload := sqsBatch(fifoQueue,
		sqsMessage{"m-1", gen{name: "a", at: at(1)}.snsMessage()},
		sqsMessage{"m-2", gen{name: "b", at: at(1)}.snsMessage()},
		sqsMessage{"m-3", gen{name: "c", at: at(1)}.snsMessage()})
	out, err := lt.invoke(t, payload)
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	want := `{"batchItemFailures":[{"itemIdentifier":"m-1"},{"itemIdentifier":"m-2"},{"itemIdentifier":"m-3"}]}`
	if out != want {
		t.Errorf("Invoke = %s, want %s", out, want)
	}
	if got := len(posted(lt.slack)); got != 0 {
		t.Errorf("posted %d messages after the first failed, want 0", got)
	}
}

func TestLambdaAnswersBeforeTheDeadline(t *testing.T) {
	lt := newLambdaTest(t)
	lt.slack.Fail(slacktest.Failure{Delay: time.Minute, Times: 10})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	out, err := lt.h.Invoke(ctx, sqsBatch(testQueue, sqsMessage{"m-1", gen{at: at(1)}.snsMessage()}))
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	deadline, _ := ctx.Deadline()
	if end := time.Now(); end.After(deadline) {
		t.Errorf("answered %v after the deadline", end.Sub(deadline))
	}
	if !strings.Contains(string(out), `"m-1"`) {
		t.Errorf("Invoke = %s, want m-1 listed as failed", out)
	}
	t.Logf("answered after %v of a 2s budget", time.Since(start).Round(time.Millisecond))
}

func TestLambdaLogsSkippedInput(t *testing.T) {
	lt := newLambdaTest(t)
	if _, err := lt.invoke(t, []byte(`{"Type":"SubscriptionConfirmation","TopicArn":"arn:aws:sns:eu-west-3:123456789012:t","Message":"x","MessageId":"m"}`)); err != nil {
		t.Fatal(err)
	}
	recs := lt.logs.records(t)
	if len(recs) != 1 || recs[0]["level"] != "INFO" || recs[0]["requestId"] != "req-1" ||
		!strings.Contains(recs[0]["error"].(string), "subscription confirmation") {
		t.Errorf("log = %v, want one INFO record naming the subscription confirmation", recs)
	}
}

// syncBuffer is a bytes.Buffer that a log handler may write to from any
// goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// records returns the JSON log records, decoded.
func (b *syncBuffer) records(t *testing.T) []map[string]any {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(b.buf.String()), "\n") {
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

// FuzzLambdaInvoke checks that no payload makes the handler panic, and
// that with a Slack that accepts everything no payload fails the
// invocation or an SQS message.
func FuzzLambdaInvoke(f *testing.F) {
	g := gen{at: at(1)}
	for _, p := range [][]byte{
		lambdaSNSEvent(g.snsMessage(), "text"), mustJSON(g.eventBridge()), mustJSON(g.action()),
		sqsBatch(testQueue, sqsMessage{"m-1", string(snsHTTP(g.snsMessage()))}, sqsMessage{"m-2", "{"}),
		[]byte(`{"Records":[{"eventSource":"aws:sqs","body":42}]}`), []byte(`{"Records":[{}]}`), []byte(`null`), nil,
	} {
		f.Add(p)
	}
	paths, _ := filepath.Glob(filepath.Join("testdata", "payloads", "*.json"))
	for _, path := range paths {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	ok := send.SenderFunc(func(_ context.Context, _ *alarm.Alarm, m *slackfmt.Message) (send.Receipt, error) {
		_, err := m.MarshalJSON()
		return send.Receipt{}, err
	})
	h := cwslack.NewLambdaHandler(cwslack.New(cwslack.To(cwslack.Destination{Sender: ok}), cwslack.WithDedupeStore(nil)))
	f.Fuzz(func(t *testing.T, payload []byte) {
		out, err := h.Invoke(context.Background(), payload)
		if err != nil {
			t.Fatalf("Invoke(%q) failed with Slack up: %v", payload, err)
		}
		if strings.Contains(string(out), "itemIdentifier") {
			t.Fatalf("Invoke(%q) reported failures with Slack up: %s", payload, out)
		}
	})
}
