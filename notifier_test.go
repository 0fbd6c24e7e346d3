package cwslack_test

import (
	"context"
	"errors"
	"flag"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// The -update flag rewrites golden files. This package has none, but
// accepts the flag so that "go test ./... -update" runs everywhere.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// parse decodes a generated payload that holds alarms.
func parse(t *testing.T, payload []byte) []*alarm.Alarm {
	t.Helper()
	alarms, err := alarm.Parse(payload)
	if err != nil {
		t.Fatalf("alarm.Parse: %v", err)
	}
	return alarms
}

// at is a state-change time for generated alarms.
func at(minute int) time.Time { return time.Date(2026, 11, 25, 1, minute, 0, 0, time.UTC) }

// webhookDest returns a destination posting to s's webhook, with no
// waiting between retries.
func webhookDest(t *testing.T, s *slacktest.Server, m slackfmt.Mention) cwslack.Destination {
	t.Helper()
	w, err := send.NewWebhook(s.WebhookURL(), send.WithBackoff(time.Millisecond, time.Millisecond), send.WithMaxAttempts(2), unpaced)
	if err != nil {
		t.Fatal(err)
	}
	return cwslack.Destination{Sender: w, Mention: m}
}

// unpaced lifts the senders' pacing, which keeps them to Slack's rate of
// about one message a second, for tests that post many messages to a
// local Slack with no rate limit.
var unpaced = send.WithPacing(1000, 1000)

// botDest returns a destination posting to channel through s's Web API.
func botDest(t *testing.T, s *slacktest.Server, channel string) cwslack.Destination {
	t.Helper()
	b, err := send.NewBot("xoxb-test", channel, send.WithAPIURL(s.APIURL()),
		send.WithBackoff(time.Millisecond, time.Millisecond), send.WithMaxAttempts(2), unpaced)
	if err != nil {
		t.Fatal(err)
	}
	return cwslack.Destination{Sender: b}
}

// posted returns the plain text of the messages s accepted, one string
// each: method, then the first line of the text.
func posted(s *slacktest.Server) []string {
	var out []string
	for _, m := range s.Messages() {
		if m.OK() {
			first, _, _ := strings.Cut(m.PlainText(), "\n")
			out = append(out, m.Method+" "+m.Channel+": "+first)
		}
	}
	return out
}

func TestNotifyPostsEachAlarm(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.MustParseMention("<!here>"))))
	alarms := parse(t, lambdaSNSEvent(
		gen{name: "orders-backlog", at: at(1)}.snsMessage(),
		gen{name: "billing-backlog", state: "OK", at: at(2)}.snsMessage()))
	if err := n.Notify(context.Background(), alarms...); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	want := []string{
		"webhook : @here ALARM: orders-backlog in eu-west-3: 412.5 ≥ 250 (was OK)",
		"webhook : OK: billing-backlog in eu-west-3: 412.5 ≥ 250 (was ALARM)",
	}
	if diff := cmp.Diff(want, posted(s)); diff != "" {
		t.Errorf("posted (-want +got):\n%s", diff)
	}
	msgs := s.Messages()
	if got := msgs[0].Mentions(); !cmp.Equal(got, []string{"<!here>"}) {
		t.Errorf("ALARM mentions = %q, want [<!here>]", got)
	}
	if got := msgs[1].Mentions(); len(got) != 0 {
		t.Errorf("OK mentions = %q, want none: mentions are for ALARM only", got)
	}
}

func TestNotifyDropsCopiesOfAStateChange(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})))
	g := gen{name: "orders-backlog", at: at(1)}
	ctx := context.Background()
	// The same state change from SNS, from EventBridge and from SNS again
	// (a retry): one message.
	for _, payload := range [][]byte{lambdaSNS(g.snsMessage()), mustJSON(g.eventBridge()), lambdaSNS(g.snsMessage())} {
		if err := n.Notify(ctx, parse(t, payload)...); err != nil {
			t.Fatalf("Notify: %v", err)
		}
	}
	if got := len(posted(s)); got != 1 {
		t.Errorf("posted %d messages for one state change, want 1: %q", got, posted(s))
	}
	// A later state change of the same alarm is another message.
	g.at = at(2)
	if err := n.Notify(ctx, parse(t, lambdaSNS(g.snsMessage()))...); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	if got := len(posted(s)); got != 2 {
		t.Errorf("posted %d messages for two state changes, want 2", got)
	}
}

func TestNotifyConcurrentCopiesPostOnce(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})))
	payload := lambdaSNS(gen{name: "orders-backlog", at: at(1)}.snsMessage())
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() {
			alarms, err := alarm.Parse(payload)
			if err != nil {
				t.Error(err)
				return
			}
			if err := n.Notify(context.Background(), alarms...); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := len(posted(s)); got != 1 {
		t.Errorf("20 concurrent copies posted %d messages, want 1", got)
	}
}

func TestNotifyRetryPostsOnlyWhatFailed(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	r, err := cwslack.NewRouter(map[string]cwslack.Destination{
		"hook": webhookDest(t, s, slackfmt.Mention{}),
		"bot":  botDest(t, s, "C0OPS"),
	}, nil, []string{"hook", "bot"})
	if err != nil {
		t.Fatal(err)
	}
	n := cwslack.New(r)
	alarms := parse(t, lambdaSNS(gen{name: "orders-backlog", at: at(1)}.snsMessage()))
	s.Fail(slacktest.Failure{Method: "chat.postMessage", Status: 500, Times: 2})

	err = n.Notify(context.Background(), alarms...)
	var de *cwslack.DeliveryError
	if !errors.As(err, &de) || !errors.Is(err, cwslack.ErrNotDelivered) {
		t.Fatalf("Notify with the bot's Slack down = %v, want a *DeliveryError", err)
	}
	if len(de.Failures) != 1 || de.Failures[0].Destination != "bot" || de.Failures[0].Alarm != alarms[0] {
		t.Fatalf("Failures = %+v, want the alarm to bot only", de.Failures)
	}
	if de.Permanent() {
		t.Errorf("a 500 is reported as permanent")
	}
	// The caller retries the whole delivery: only the bot posts.
	if err := n.Notify(context.Background(), alarms...); err != nil {
		t.Fatalf("retried Notify: %v", err)
	}
	want := []string{
		"webhook : ALARM: orders-backlog in eu-west-3: 412.5 ≥ 250 (was OK)",
		"chat.postMessage C0OPS: ALARM: orders-backlog in eu-west-3: 412.5 ≥ 250 (was OK)",
	}
	if diff := cmp.Diff(want, posted(s)); diff != "" {
		t.Errorf("posted (-want +got):\n%s", diff)
	}
}

func TestNotifyDroppedByRoute(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	r, err := cwslack.NewRouter(map[string]cwslack.Destination{"hook": webhookDest(t, s, slackfmt.Mention{})},
		[]cwslack.Route{{Match: cwslack.Match{Name: "noisy-*"}, Drop: true}}, []string{"hook"})
	if err != nil {
		t.Fatal(err)
	}
	alarms := parse(t, lambdaSNSEvent(gen{name: "noisy-disk", at: at(1)}.snsMessage(), gen{name: "orders", at: at(1)}.snsMessage()))
	if err := cwslack.New(r).Notify(context.Background(), alarms...); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	if got := posted(s); len(got) != 1 || !strings.Contains(got[0], "orders") {
		t.Errorf("posted %q, want the orders alarm only", got)
	}
}

func TestNotifyPermanentFailure(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})))
	s.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 410, Error: "channel_is_archived"})
	err := n.Notify(context.Background(), parse(t, lambdaSNS(gen{at: at(1)}.snsMessage()))...)
	var de *cwslack.DeliveryError
	if !errors.As(err, &de) || !de.Permanent() || !errors.Is(err, send.ErrPermanent) {
		t.Fatalf("Notify to an archived channel = %v, want a permanent *DeliveryError", err)
	}
	if got := len(s.Messages()); got != 1 {
		t.Errorf("Slack got %d requests for a permanent failure, want 1 (no retries)", got)
	}
	if want := `cwslack: 1 delivery failed: "bench-api-latency" to default: send: webhook: 410 channel_is_archived`; err.Error() != want {
		t.Errorf("error = %q, want %q", err, want)
	}
}
