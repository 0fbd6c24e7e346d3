package cwslack_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/slackfmt/send/dynamostore"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// dynamoEndpoint returns the DynamoDB-compatible server that .ci/run
// starts (dynalite), skipping the test without one, or failing it in CI.
func dynamoEndpoint(t *testing.T) string {
	t.Helper()
	ep := os.Getenv("CWSLACK_DYNAMODB_ENDPOINT")
	switch {
	case ep != "":
		return ep
	case os.Getenv("CWSLACK_CI") == "1":
		t.Fatal("CWSLACK_DYNAMODB_ENDPOINT is not set, and CWSLACK_CI=1: .ci/run must start dynalite")
	}
	t.Skip("CWSLACK_DYNAMODB_ENDPOINT is not set: run dynalite and set it, or run .ci/run")
	return ""
}

// stateTable creates a table of its own on the server at ep.
func stateTable(t *testing.T, ep string) string {
	t.Helper()
	db := dynamodb.New(dynamodb.Options{
		Region: "eu-west-3", BaseEndpoint: aws.String(ep),
		Credentials: credentials.NewStaticCredentialsProvider("AKIDTEST", "SECRETTEST", ""),
		HTTPClient:  &http.Client{Timeout: 10 * time.Second},
	})
	name := fmt.Sprintf("cwslack-root-%08x", rand.Uint32())
	if err := dynamostore.CreateTable(context.Background(), db, name); err != nil {
		t.Fatalf("CreateTable: %v", err)
	}
	t.Cleanup(func() { db.DeleteTable(context.Background(), &dynamodb.DeleteTableInput{TableName: aws.String(name)}) })
	return name
}

// instance is a Notifier configured from the environment as a Lambda
// function's is, with the state table of SLACK_STATE_TABLE: one of
// several instances of one function.
func instance(t *testing.T, s *slacktest.Server, ep, table string) *cwslack.Notifier {
	t.Helper()
	env := map[string]string{
		"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_CHANNEL": "C0OPS", "SLACK_API_URL": s.APIURL(),
		"SLACK_STATE_TABLE": table, "SLACK_GRAPHS": "false",
		"AWS_REGION": "eu-west-3", "AWS_ACCESS_KEY_ID": "AKIDTEST", "AWS_SECRET_ACCESS_KEY": "SECRETTEST",
		"AWS_ENDPOINT_URL_DYNAMODB": ep,
	}
	cfg, err := cwslack.ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	n, err := cfg.Notifier()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSharedStateAcrossInstances(t *testing.T) {
	ep := dynamoEndpoint(t)
	s := slacktest.NewServer()
	defer s.Close()
	table := stateTable(t, ep)
	a, b := instance(t, s, ep, table), instance(t, s, ep, table)
	ctx := context.Background()

	// The same state change reaches both instances at once (SNS and
	// EventBridge both wired, say): one message.
	alarmAt := gen{name: "orders-latency", at: at(1)}
	var wg sync.WaitGroup
	for _, n := range []*cwslack.Notifier{a, b, a, b} {
		wg.Go(func() {
			if err := n.Notify(ctx, parse(t, lambdaSNS(alarmAt.snsMessage()))...); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := len(posted(s)); got != 1 {
		t.Fatalf("one state change on two instances: %d messages, want 1", got)
	}
	// Its OK reaches the other instance: a reply in the thread, and the
	// original marked resolved.
	if err := b.Notify(ctx, parse(t, lambdaSNS(gen{name: "orders-latency", state: "OK", at: at(20)}.snsMessage()))...); err != nil {
		t.Fatal(err)
	}
	msgs := s.Messages()
	if len(msgs) != 3 || msgs[1].ThreadTS != msgs[0].TS || msgs[2].Method != "chat.update" {
		t.Fatalf("after the OK on the other instance Slack has %d requests, want the ALARM, the OK in its thread, the update", len(msgs))
	}
	if orig, _ := s.Posted(msgs[0].Channel, msgs[0].TS); !strings.HasPrefix(orig.PlainText(), "Resolved: ") {
		t.Errorf("the ALARM now reads %q, want it resolved", orig.PlainText())
	}
}

func TestMissingStateTableStillPosts(t *testing.T) {
	ep := dynamoEndpoint(t)
	s := slacktest.NewServer()
	defer s.Close()
	n := instance(t, s, ep, "cwslack-no-such-table")
	for _, g := range []gen{{name: "orders", at: at(1)}, {name: "orders", state: "OK", at: at(9)}} {
		if err := n.Notify(context.Background(), parse(t, lambdaSNS(g.snsMessage()))...); err != nil {
			t.Fatalf("Notify without its table = %v, want the alarm posted anyway", err)
		}
	}
	if got := len(posted(s)); got != 2 {
		t.Errorf("posted %d messages, want the ALARM and the OK, unthreaded", got)
	}
}
