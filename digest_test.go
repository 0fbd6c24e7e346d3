package cwslack_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// storm returns n alarms of distinct names, every third one an OK.
func storm(t *testing.T, n int) []*alarm.Alarm {
	t.Helper()
	msgs := make([]string, n)
	for i := range msgs {
		g := gen{name: fmt.Sprintf("storm-%03d", i), at: at(1).Add(time.Duration(i) * time.Second)}
		if i%3 == 2 {
			g.state = "OK"
		}
		msgs[i] = g.snsMessage()
	}
	return parse(t, lambdaSNSEvent(msgs...))
}

func TestNotifyDigestsAStorm(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	s.SetRateLimit(1, 3) // Slack's documented limit: about one a second, short bursts
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.MustParseMention("<!here>"))))
	alarms := storm(t, 120)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := n.Notify(ctx, alarms...); err != nil {
		t.Fatalf("Notify: %v", err)
	}
	var text strings.Builder
	mentions := 0
	for _, m := range s.Messages() {
		if !m.OK() {
			t.Errorf("Slack refused a digest message: %d %s", m.Status, m.Error)
		}
		text.WriteString(m.PlainText())
		mentions += len(m.Mentions())
	}
	if got := len(s.Messages()); got > 4 {
		t.Errorf("a 120-alarm storm took %d messages, want at most 4", got)
	}
	if mentions != 1 {
		t.Errorf("the digest carries %d mentions, want 1", mentions)
	}
	for _, a := range alarms {
		if !strings.Contains(text.String(), a.Name) {
			t.Errorf("the digest does not name %s", a.Name)
		}
	}
	// The same storm again (an SQS redelivery): nothing new to post.
	if err := n.Notify(ctx, alarms...); err != nil || len(s.Messages()) > 4 {
		t.Errorf("redelivered storm: %v, %d messages in all", err, len(s.Messages()))
	}
}

func TestNotifyDigestOnlyAboveThreshold(t *testing.T) {
	tests := []struct {
		alarms, threshold, want int
	}{
		{5, cwslack.DefaultDigestThreshold, 5}, // at the threshold: one message each
		{6, cwslack.DefaultDigestThreshold, 1}, // above: one digest
		{6, 0, 6},                              // digests off
		{30, 40, 30},
	}
	for _, tt := range tests {
		s := slacktest.NewServer()
		n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})), cwslack.WithDigestThreshold(tt.threshold))
		if err := n.Notify(context.Background(), storm(t, tt.alarms)...); err != nil {
			t.Fatal(err)
		}
		if got := len(posted(s)); got != tt.want {
			t.Errorf("%d alarms, threshold %d: %d messages, want %d", tt.alarms, tt.threshold, got, tt.want)
		}
		s.Close()
	}
}

func TestNotifyDigestCountsOnlyNewStateChanges(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})))
	alarms := storm(t, 8)
	if err := n.Notify(context.Background(), alarms[:6]...); err != nil { // a digest
		t.Fatal(err)
	}
	// 8 arrive, 6 of them copies: the 2 new ones are posted on their own.
	if err := n.Notify(context.Background(), alarms...); err != nil {
		t.Fatal(err)
	}
	got := posted(s)
	if len(got) != 3 || !strings.Contains(got[1], "storm-006") || !strings.Contains(got[2], "storm-007") {
		t.Errorf("posted %q, want the digest, then storm-006 and storm-007 on their own", got)
	}
}

func TestNotifyDigestPartFails(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})))
	alarms := storm(t, 100)
	s.Fail(slacktest.Failure{})                                                       // the first part goes through
	s.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 500, Times: 2}) // the second does not
	err := n.Notify(context.Background(), alarms...)
	var de *cwslack.DeliveryError
	if !errors.As(err, &de) {
		t.Fatalf("Notify = %v, want a *DeliveryError", err)
	}
	msgs := s.Messages()
	first := msgs[0]
	if !first.OK() {
		t.Fatalf("the first part was refused: %d", first.Status)
	}
	for _, f := range de.Failures {
		if listed(first, f.Alarm) {
			t.Errorf("%s is in the posted first part but reported as failed", f.Alarm.Name)
		}
	}
	failedBefore := len(de.Failures)
	// The retry posts only the alarms of the parts that failed.
	if err := n.Notify(context.Background(), alarms...); err != nil {
		t.Fatalf("retry: %v", err)
	}
	retried := s.Messages()[len(msgs):]
	count := 0
	for _, m := range retried {
		for _, a := range alarms {
			if listed(m, a) {
				count++
			}
		}
	}
	if failedBefore == 0 || count != failedBefore {
		t.Errorf("%d alarms failed, the retry listed %d", failedBefore, count)
	}
}

func TestNotifyDropMuted(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	muted := &alarm.Alarm{Name: "muted", State: alarm.State{Value: alarm.StateAlarm, Timestamp: at(1)},
		Mute: &alarm.Mute{RuleARN: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm-mute-rule:deploys"}}
	loud := &alarm.Alarm{Name: "loud", State: alarm.State{Value: alarm.StateAlarm, Timestamp: at(1)}}
	for _, drop := range []bool{false, true} {
		opts := []cwslack.Option{cwslack.WithDedupeStore(nil)}
		if drop {
			opts = append(opts, cwslack.WithDropMuted())
		}
		before := len(s.Messages())
		n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.MustParseMention("<!here>"))), opts...)
		if err := n.Notify(context.Background(), muted, loud); err != nil {
			t.Fatal(err)
		}
		msgs := s.Messages()[before:]
		want := 2
		if drop {
			want = 1
		}
		if len(msgs) != want {
			t.Errorf("drop=%v: %d messages, want %d", drop, len(msgs), want)
		}
		for _, m := range msgs {
			if strings.Contains(m.PlainText(), "muted") && len(m.Mentions()) > 0 {
				t.Errorf("drop=%v: the muted alarm's message mentions %v", drop, m.Mentions())
			}
		}
	}
}

// listed reports whether digest message m lists alarm a: its name, linked
// to its console page, which reads "name (https://…)".
func listed(m slacktest.Message, a *alarm.Alarm) bool {
	return strings.Contains(m.PlainText(), a.Name+" (https://")
}
