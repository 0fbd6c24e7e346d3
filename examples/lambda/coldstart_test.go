package main

import (
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// BenchmarkColdStart measures what issue 5 calls the init time: from
// starting the bootstrap process to its first request for an event
// (GET /runtime/invocation/next), which is when Lambda considers the
// function initialised. It runs the real executable against a local
// Runtime API that answers nothing, so no event is handled:
//
//	go test -run '^$' -bench ColdStart -benchtime 50x ./examples/lambda
//
// The figure includes the operating system's exec, the Go runtime's start,
// reading the configuration from the environment and aws-lambda-go's
// set-up; the library does no other work at init (no network, no
// certificate fetch, no template parsing).
func BenchmarkColdStart(b *testing.B) {
	bin := buildBootstrap(b, ".")
	ready := make(chan struct{}, 1)
	rt := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/invocation/next") {
			select {
			case ready <- struct{}{}:
			default:
			}
		}
		<-r.Context().Done() // hold the request, as Lambda does between events
	}))
	defer rt.Close()
	env := []string{
		"AWS_LAMBDA_RUNTIME_API=" + strings.TrimPrefix(rt.URL, "http://"),
		"AWS_LAMBDA_FUNCTION_NAME=cwslack", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
		"AWS_REGION=eu-west-3", "_HANDLER=bootstrap",
		"SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T0/B0/cold-start-benchmark",
		"SLACK_MENTION=<!here>", "SLACK_ACCOUNT_ALIASES=123456789012=prod",
	}
	var total time.Duration
	for b.Loop() {
		cmd := exec.Command(bin)
		cmd.Env = env
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		select {
		case <-ready:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			cmd.Wait()
			b.Fatal("the bootstrap never asked for an event")
		}
		total += time.Since(start)
		cmd.Process.Kill()
		cmd.Wait()
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs-to-ready")
}
