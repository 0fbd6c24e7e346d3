package main

import (
	"context"
	"flag"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// The -update flag rewrites golden files. This package has none, but
// accepts the flag so that "go test ./... -update" runs everywhere.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// eventBridgeEvent is a "CloudWatch Alarm State Change" event as an API
// destination receives it.
const eventBridgeEvent = `{"version":"0","id":"9a2b9c3e-0f4e-4d5b-a1c2-3d4e5f6a7b8c",` +
	`"detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"123456789012",` +
	`"time":"2026-11-25T10:00:00Z","region":"eu-west-1",` +
	`"resources":["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:orders-queue-depth"],` +
	`"detail":{"alarmName":"orders-queue-depth","state":{"value":"ALARM","reason":"Threshold Crossed: 1 datapoint [120.0 (25/11/26 09:59:00)] was greater than the threshold (100.0).",` +
	`"timestamp":"2026-11-25T10:00:00.000+0000"},"previousState":{"value":"OK","reason":"Threshold Crossed","timestamp":"2026-11-25T09:00:00.000+0000"},` +
	`"configuration":{"metrics":[{"id":"m1","metricStat":{"metric":{"namespace":"AWS/SQS",` +
	`"name":"ApproximateNumberOfMessagesVisible","dimensions":{"QueueName":"orders"}},"period":60,"stat":"Maximum"},"returnData":true}]}}}`

// TestServer runs the program as main does, configured from the
// environment, and stops it by cancelling its context.
func TestServer(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	env := map[string]string{
		"SLACK_WEBHOOK_URL": s.WebhookURL(), "SNS_TOPIC_ARNS": "arn:aws:sns:eu-west-1:123456789012:alarms",
		"EVENTBRIDGE_API_KEY": "k3y",
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", addr}, func(k string) string { return env[k] }, slog.New(slog.DiscardHandler))
	}()
	waitListening(t, addr)

	if code, body := request(t, http.MethodGet, "http://"+addr+"/healthz", "", ""); code != 200 || body != "ok" {
		t.Errorf("GET /healthz = %d %q, want 200 ok", code, body)
	}
	if code, _ := request(t, http.MethodPost, "http://"+addr+"/eventbridge", "k3y", eventBridgeEvent); code != 200 {
		t.Errorf("POST /eventbridge with the key = %d, want 200", code)
	}
	if code, _ := request(t, http.MethodPost, "http://"+addr+"/sns", "", "{}"); code != 400 {
		t.Errorf("POST /sns with an empty object = %d, want 400", code)
	}
	if n := len(s.Messages()); n != 1 {
		t.Errorf("Slack got %d messages, want 1", n)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("run after cancel = %v, want nil", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the server did not stop")
	}
}

func TestServerRefusesBadConfiguration(t *testing.T) {
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0"}, func(string) string { return "" }, slog.New(slog.DiscardHandler))
	if err == nil || !strings.Contains(err.Error(), "SLACK_WEBHOOK_URL") {
		t.Errorf("run without configuration = %v, want an error naming SLACK_WEBHOOK_URL", err)
	}
}

func request(t *testing.T, method, url, key, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if key != "" {
		req.Header.Set("X-API-Key", key)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func waitListening(t *testing.T, addr string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
	}
	t.Fatalf("nothing listens on %s", addr)
}
