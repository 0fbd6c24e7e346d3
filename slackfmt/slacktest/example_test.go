package slacktest_test

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net/http"
	"slices"
	"time"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// The -update flag rewrites golden files. This package has none, but
// accepts the flag so that "go test ./... -update" runs everywhere.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// notify is the code under test: it posts the message of an alarm to a
// Slack incoming webhook, with @here on ALARM, and tries once more when
// Slack answers with a server error.
func notify(webhookURL string, a *alarm.Alarm) error {
	m := slackfmt.Build(a, slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>")))
	body, err := m.MarshalJSON()
	if err != nil {
		return err
	}
	for attempt := 1; ; attempt++ {
		resp, err := http.Post(webhookURL, "application/json", bytes.NewReader(body))
		if err != nil {
			return err
		}
		answer, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		switch {
		case resp.StatusCode == http.StatusOK:
			return nil
		case resp.StatusCode < 500 || attempt == 2:
			return fmt.Errorf("slack: %d %s", resp.StatusCode, answer)
		}
	}
}

// fakeT stands in for the *testing.T of a test, so that the example shows
// a test: it prints what a test would report.
type fakeT struct{}

func (fakeT) Errorf(format string, args ...any) { fmt.Printf(format+"\n", args...) }

func cpuAlarm() *alarm.Alarm {
	threshold, latest := 80.0, 93.5
	return &alarm.Alarm{
		Name:          "HighCPU",
		Description:   "Web tier CPU <!channel>",
		Region:        "eu-west-3",
		State:         alarm.State{Value: alarm.StateAlarm, Timestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		PreviousState: alarm.State{Value: alarm.StateOK},
		Condition:     &alarm.Condition{ComparisonOperator: alarm.GreaterThanThreshold, Threshold: &threshold, EvaluationPeriods: 1, Period: time.Minute},
		Metrics:       []alarm.Metric{{Namespace: "AWS/EC2", MetricName: "CPUUtilization", Stat: "Average", Period: time.Minute, Unit: "Percent", ReturnData: true}},
		Datapoints:    []alarm.Datapoint{{Value: &latest}},
		ConsoleURL:    "https://eu-west-3.console.aws.amazon.com/cloudwatch/home?region=eu-west-3#alarmsV2:alarm/HighCPU",
	}
}

// This is a test of notify: Slack fails once with a 500, notify tries
// again, and the message that reaches the channel pings @here and nobody
// else (the <!channel> in the description stays text).
func Example() {
	var t fakeT
	s := slacktest.NewServer()
	defer s.Close()
	s.Fail(slacktest.Failure{Status: http.StatusInternalServerError})

	if err := notify(s.WebhookURL(), cpuAlarm()); err != nil {
		t.Errorf("notify = %v", err)
	}

	ms := s.Messages()
	if len(ms) != 2 || ms[0].OK() || !ms[1].OK() {
		t.Errorf("Slack got %d requests, want a failed one and a posted one", len(ms))
	}
	posted := ms[len(ms)-1]
	if got := posted.Mentions(); !slices.Equal(got, []string{"<!here>"}) {
		t.Errorf("mentions = %q, want only <!here>", got)
	}
	fmt.Println(posted.PlainText())
	// Output:
	// @here ALARM: HighCPU in eu-west-3: 93.5% > 80% (was OK)
	// 🔴 ALARM: HighCPU
	// @here
	// Web tier CPU <!channel>
	// *OK → ALARM* · 2023-11-14 22:13 UTC · latest 93.5% > 80%
	// *Condition:* CPUUtilization > 80% for 1 of 1 datapoint of 1 min
	// *Metric:* AWS/EC2 CPUUtilization (Average, 1 min, Percent)
	// *Recent datapoints* (Average, 1 min, Percent) vs threshold 80% · *bold* = breaching
	// *93.5*
	// eu-west-3 · Open in CloudWatch (https://eu-west-3.console.aws.amazon.com/cloudwatch/home?region=eu-west-3#alarmsV2:alarm/HighCPU)
}

// A bot posts the alarm with chat.postMessage, then replaces it with the
// resolved message once the alarm is OK.
func ExampleServer_APIURL() {
	s := slacktest.NewServer()
	defer s.Close()
	api := slack.New("xoxb-test", slack.OptionAPIURL(s.APIURL()))

	announced := cpuAlarm()
	ch, ts, err := api.PostMessage("#alerts", slackfmt.Build(announced).PostMessageOptions()...)
	fmt.Println(ch, ts, err)

	ok := cpuAlarm()
	ok.State = alarm.State{Value: alarm.StateOK, Timestamp: announced.State.Timestamp.Add(20 * time.Minute)}
	ok.Datapoints = []alarm.Datapoint{{Value: new(12.0)}}
	resolved := slackfmt.BuildResolved(announced, ok)
	_, _, _, err = api.UpdateMessage(ch, ts, resolved.PostMessageOptions()...)
	fmt.Println(err)

	m, _ := s.Posted(ch, ts)
	fmt.Println(m.PlainText())
	// Output:
	// C00000001 1700000000.000100 <nil>
	// <nil>
	// Resolved: HighCPU in eu-west-3: 12% ≤ 80% (was ALARM for 20 min)
	// ✅ Resolved: HighCPU
	// Web tier CPU <!channel>
	// *ALARM → OK* after 20 min · 2023-11-14 22:33 UTC · latest 12% ≤ 80%
	// *OK → ALARM* · 2023-11-14 22:13 UTC · latest 93.5% > 80%
	// *Condition:* CPUUtilization > 80% for 1 of 1 datapoint of 1 min
	// *Metric:* AWS/EC2 CPUUtilization (Average, 1 min, Percent)
	// *Recent datapoints* (Average, 1 min, Percent) vs threshold 80% · *bold* = breaching
	// *93.5*
	// eu-west-3 · Open in CloudWatch (https://eu-west-3.console.aws.amazon.com/cloudwatch/home?region=eu-west-3#alarmsV2:alarm/HighCPU)
}

// Slack allows about one message a second per channel: a burst of three
// messages gets through at most two here, and the third is answered 429
// with the seconds to wait.
func ExampleServer_SetRateLimit() {
	s := slacktest.NewServer()
	defer s.Close()
	s.SetRateLimit(1, 2)
	api := slack.New("xoxb-test", slack.OptionAPIURL(s.APIURL()))

	for range 3 {
		_, _, err := api.PostMessage("C0ALERTS", slack.MsgOptionText("ALARM: HighCPU", false))
		fmt.Println(err)
	}
	// Output:
	// <nil>
	// <nil>
	// slack rate limit exceeded, retry after 1s
}
