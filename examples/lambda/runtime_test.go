package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBootstrap is the end-to-end test of the deployed artefact: it builds
// the example as the "bootstrap" executable, exactly as for Lambda but for
// the host platform, and runs it against a fake Lambda Runtime API and a
// fake Slack. Everything between the two (aws-lambda-go's runtime loop,
// the configuration from the environment, decoding, rendering, sending
// and retrying) is the real code.
func TestBootstrap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the bootstrap executable")
	}
	bin := buildBootstrap(t)

	t.Run("every shape", func(t *testing.T) {
		slack := newFakeSlack(t, alwaysOK)
		rt := startBootstrap(t, bin, slack.URL)
		tests := []struct {
			name, payload, wantResponse string
		}{
			{"SNS", snsEvent(alarmMessage("sns-alarm")), `{"delivered":1,"skipped":0}`},
			{"SQS with SNS envelope", sqsEvent(testQueue,
				sqsMessage{"m-1", snsEnvelope("sns-1", alarmMessage("sqs-alarm-1"))},
				sqsMessage{"m-2", snsEnvelope("sns-2", alarmMessage("sqs-alarm-2"))}),
				`{"batchItemFailures":[]}`},
			{"SQS raw", sqsEvent(testQueue, sqsMessage{"m-3", alarmMessage("sqs-raw-alarm")}),
				`{"batchItemFailures":[]}`},
			{"EventBridge", eventBridgeEvent("eventbridge-alarm"), `{"delivered":1,"skipped":0}`},
			{"alarm action", alarmAction("action-alarm"), `{"delivered":1,"skipped":0}`},
			{"not an alarm", configChangeEvent("config-alarm"), `{"delivered":0,"skipped":1}`},
		}
		for _, tt := range tests {
			got := rt.invoke(t, tt.payload, 10*time.Second)
			if got.kind != "response" || string(got.body) != tt.wantResponse {
				t.Errorf("%s: runtime got %s %s, want response %s", tt.name, got.kind, got.body, tt.wantResponse)
			}
		}
		checkDelivered(t, slack, []string{
			"sns-alarm", "sqs-alarm-1", "sqs-alarm-2", "sqs-raw-alarm", "eventbridge-alarm", "action-alarm",
		})
	})

	t.Run("every fixture", func(t *testing.T) {
		slack := newFakeSlack(t, alwaysOK)
		rt := startBootstrap(t, bin, slack.URL)
		want, seen := 0, map[string]bool{}
		for _, path := range fixtures(t) {
			payload, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			want += stateChanges(t, payload, seen)
			if got := rt.invoke(t, string(payload), 10*time.Second); got.kind != "response" ||
				strings.Contains(string(got.body), "itemIdentifier") {
				t.Errorf("%s: runtime got %s %s, want a response without failures",
					filepath.Base(path), got.kind, got.body)
			}
		}
		got := slack.delivered()
		if len(got) != want {
			t.Errorf("Slack received %d messages, want %d", len(got), want)
		}
		for _, body := range got {
			checkMessage(t, body)
		}
	})

	t.Run("Slack down", func(t *testing.T) {
		slack := newFakeSlack(t, always(http.StatusInternalServerError, ""))
		rt := startBootstrap(t, bin, slack.URL)
		got := rt.invoke(t, eventBridgeEvent("eventbridge-alarm"), time.Second)
		var e struct{ ErrorMessage, ErrorType string }
		if got.kind != "error" || json.Unmarshal(got.body, &e) != nil ||
			!strings.Contains(e.ErrorMessage, ErrNotDelivered.Error()) {
			t.Errorf("runtime got %s %s, want an error %q", got.kind, got.body, ErrNotDelivered)
		}
		// The process survives a failed invocation, and in an SQS batch
		// the failures are reported per message instead.
		got = rt.invoke(t, sqsEvent(testQueue, sqsMessage{"m-1", alarmMessage("sqs-alarm")}), time.Second)
		if want := `{"batchItemFailures":[{"itemIdentifier":"m-1"}]}`; got.kind != "response" || string(got.body) != want {
			t.Errorf("runtime got %s %s, want response %s", got.kind, got.body, want)
		}
		if n := len(slack.delivered()); n != 0 {
			t.Errorf("Slack delivered %d messages, want 0", n)
		}
	})

	t.Run("rate limited", func(t *testing.T) {
		slack := newFakeSlack(t, rateLimitedFirst("1"))
		rt := startBootstrap(t, bin, slack.URL)
		got := rt.invoke(t, alarmAction("action-alarm"), 10*time.Second)
		if want := `{"delivered":1,"skipped":0}`; got.kind != "response" || string(got.body) != want {
			t.Errorf("runtime got %s %s, want response %s", got.kind, got.body, want)
		}
		checkDelivered(t, slack, []string{"action-alarm"})
		at := slack.arrivals()
		if len(at) != 2 {
			t.Fatalf("Slack received %d requests, want 2 (429, then the retry)", len(at))
		}
		// A lower bound, which cannot flake: the sender must not retry
		// before the Retry-After that Slack asked for.
		if gap := at[1].Sub(at[0]); gap < time.Second {
			t.Errorf("retry came %v after the 429, want at least Retry-After: 1s", gap)
		}
	})
}

// buildBootstrap builds the example, as the README says but for the host
// platform, into a temporary directory and returns the executable's path.
func buildBootstrap(t testing.TB) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skipf("no go command to build the bootstrap: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "bootstrap")
	cmd := exec.Command(goTool, "build", "-tags", "lambda.norpc", "-trimpath", "-o", bin, ".")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// fakeRuntime is a local Lambda Runtime API: it hands out one queued
// invocation per GET .../invocation/next and records what the function
// posts back.
type fakeRuntime struct {
	*httptest.Server
	queue    chan invocation
	outcomes chan outcome
	done     chan struct{}
	exited   chan struct{}
	n        int
}

// invocation is one event for the function.
type invocation struct {
	id       string
	payload  string
	deadline time.Time
}

// outcome is what the function reported for an invocation: kind is
// "response", "error" or "init-error".
type outcome struct {
	id, kind string
	body     []byte
}

const runtimePrefix = "/2018-06-01/runtime/"

func newFakeRuntime(t *testing.T) *fakeRuntime {
	t.Helper()
	rt := &fakeRuntime{
		queue:    make(chan invocation, 1),
		outcomes: make(chan outcome, 1),
		done:     make(chan struct{}),
		exited:   make(chan struct{}),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET "+runtimePrefix+"invocation/next", rt.next)
	mux.HandleFunc("POST "+runtimePrefix+"invocation/{id}/response", rt.record("response"))
	mux.HandleFunc("POST "+runtimePrefix+"invocation/{id}/error", rt.record("error"))
	mux.HandleFunc("POST "+runtimePrefix+"init/error", rt.record("init-error"))
	rt.Server = httptest.NewServer(mux)
	t.Cleanup(rt.Close)
	t.Cleanup(func() { close(rt.done) }) // runs first: unblocks "next"
	return rt
}

// next hands out the next invocation, waiting for one as Lambda does.
func (rt *fakeRuntime) next(w http.ResponseWriter, r *http.Request) {
	select {
	case inv := <-rt.queue:
		h := w.Header()
		h.Set("Lambda-Runtime-Aws-Request-Id", inv.id)
		h.Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(inv.deadline.UnixMilli(), 10))
		h.Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:eu-west-3:111122223333:function:cwslack")
		h.Set("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0")
		io.WriteString(w, inv.payload)
	case <-r.Context().Done():
	case <-rt.done:
	}
}

// record returns the handler that records an outcome of the given kind.
func (rt *fakeRuntime) record(kind string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusAccepted)
		select {
		case rt.outcomes <- outcome{id: r.PathValue("id"), kind: kind, body: body}:
		case <-rt.done:
		}
	}
}

// invoke queues payload with the given time to its deadline and returns
// the function's outcome. The generous wait is a guard against a hung
// process, not a measurement.
func (rt *fakeRuntime) invoke(t *testing.T, payload string, timeout time.Duration) outcome {
	t.Helper()
	rt.n++
	id := fmt.Sprintf("req-%d", rt.n)
	rt.queue <- invocation{id: id, payload: payload, deadline: time.Now().Add(timeout)}
	select {
	case o := <-rt.outcomes:
		if o.id != id && o.kind != "init-error" {
			t.Fatalf("outcome for %q, want %q", o.id, id)
		}
		return o
	case <-rt.exited:
		t.Fatalf("bootstrap exited before answering %s", id)
	case <-time.After(timeout + 30*time.Second):
		t.Fatalf("no outcome for %s", id)
	}
	return outcome{}
}

// startBootstrap runs bin against a new fake runtime, with the Slack
// webhook at slackURL, and stops it when the test ends. The process's
// output is logged if the test fails.
func startBootstrap(t *testing.T, bin, slackURL string) *fakeRuntime {
	t.Helper()
	rt := newFakeRuntime(t)
	cmd := exec.Command(bin)
	cmd.Env = []string{
		"AWS_LAMBDA_RUNTIME_API=" + strings.TrimPrefix(rt.URL, "http://"),
		"AWS_LAMBDA_FUNCTION_NAME=cwslack",
		"AWS_LAMBDA_FUNCTION_VERSION=$LATEST",
		"AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
		"AWS_REGION=eu-west-3",
		"_HANDLER=bootstrap",
		"TZ=UTC",
		"SLACK_WEBHOOK_URL=" + slackURL,
	}
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting bootstrap: %v", err)
	}
	go func() { cmd.Wait(); close(rt.exited) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-rt.exited
		if t.Failed() {
			t.Logf("bootstrap output:\n%s", out.String())
		}
	})
	return rt
}
