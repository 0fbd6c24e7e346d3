package slackfmt_test

import (
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// ExampleBuildDigest summarises three alarms in one message, mentioning
// <!here> once because one of them entered ALARM.
func ExampleBuildDigest() {
	at := time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC)
	threshold, cpu, disk := 80.0, 93.61, 42.0
	alarms := []*alarm.Alarm{
		{Name: "disk-free", Region: "eu-west-1", AccountID: "123456789012",
			State:         alarm.State{Value: alarm.StateOK, Timestamp: at},
			PreviousState: alarm.State{Value: alarm.StateAlarm},
			Condition:     &alarm.Condition{ComparisonOperator: alarm.GreaterThanThreshold, Threshold: &threshold},
			Datapoints:    []alarm.Datapoint{{Timestamp: at, Value: &disk}}},
		{Name: "HighCPU", Region: "eu-west-1", AccountID: "123456789012",
			State:         alarm.State{Value: alarm.StateAlarm, Timestamp: at.Add(time.Second)},
			PreviousState: alarm.State{Value: alarm.StateOK},
			Condition:     &alarm.Condition{ComparisonOperator: alarm.GreaterThanOrEqualToThreshold, Threshold: &threshold},
			Datapoints:    []alarm.Datapoint{{Timestamp: at, Value: &cpu}},
			ConsoleURL:    "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/HighCPU"},
		{Name: "<!channel> queue", Region: "eu-west-1", AccountID: "123456789012",
			State:         alarm.State{Value: alarm.StateInsufficientData, Timestamp: at},
			PreviousState: alarm.State{Value: alarm.StateOK}},
	}
	msgs := slackfmt.BuildDigest(alarms,
		slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>")),
		slackfmt.WithAccountAlias("123456789012", "prod"))
	for _, m := range msgs {
		fmt.Println(slackfmt.PlainText(m.Text))
		for _, b := range m.Blocks.BlockSet {
			fmt.Println("--")
			fmt.Println(slackfmt.PlainText(digestBlockText(b)))
		}
	}
	// Output:
	// @here Alarm digest: 🔴 1 ALARM · ⚪ 1 INSUFFICIENT_DATA · ✅ 1 OK: HighCPU, <!channel> queue, disk-free
	// --
	// Alarm digest · 🔴 1 ALARM · ⚪ 1 INSUFFICIENT_DATA · ✅ 1 OK
	// --
	// @here
	// --
	// *3 alarms changed state* between 2026-11-25 10:02 UTC and 2026-11-25 10:02 UTC
	// OK → ALARM 1 · OK → INSUFFICIENT_DATA 1 · ALARM → OK 1
	// Account 123456789012 (prod) · eu-west-1
	// --
	// *🔴 ALARM* (1)
	// 🔴 *HighCPU (https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/HighCPU)* · ALARM · 93.61 ≥ 80 · eu-west-1 · 123456789012 (prod)
	// *⚪ INSUFFICIENT_DATA* (1)
	// ⚪ *<!channel> queue* · INSUFFICIENT_DATA · eu-west-1 · 123456789012 (prod)
	// *✅ OK* (1)
	// ✅ *disk-free* · OK · 42 ≤ 80 · eu-west-1 · 123456789012 (prod)
}

// digestBlockText returns the text of a header or section block.
func digestBlockText(b slack.Block) string {
	switch b := b.(type) {
	case *slack.HeaderBlock:
		return b.Text.Text
	case *slack.SectionBlock:
		return b.Text.Text
	}
	return ""
}
