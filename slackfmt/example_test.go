package slackfmt_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/slack-go/slack"
)

func exampleAlarm() *alarm.Alarm {
	threshold, latest := 80.0, 93.61
	return &alarm.Alarm{
		Name:          "HighCPU",
		Description:   "Web tier CPU <!channel>",
		AccountID:     "123456789012",
		Region:        "eu-west-3",
		Kind:          alarm.KindMetric,
		State:         alarm.State{Value: alarm.StateAlarm, Timestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		PreviousState: alarm.State{Value: alarm.StateOK},
		Condition: &alarm.Condition{
			ComparisonOperator: alarm.GreaterThanOrEqualToThreshold,
			Threshold:          &threshold,
			EvaluationPeriods:  2,
			Period:             time.Minute,
		},
		Metrics:    []alarm.Metric{{Namespace: "AWS/EC2", MetricName: "CPUUtilization", Stat: "Average", Period: time.Minute, Unit: "Percent", ReturnData: true}},
		Datapoints: []alarm.Datapoint{{Value: &latest}},
		Tags:       map[string]string{"team": "web", "env": "prod"},
	}
}

// printText prints the text of every block: what a reader sees.
func printText(m *slackfmt.Message) {
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			fmt.Println(b.Text.Text)
		case *slack.SectionBlock:
			fmt.Println(b.Text.Text)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				fmt.Println(e.(*slack.TextBlockObject).Text)
			}
		}
	}
}

func ExampleBuild() {
	m := slackfmt.Build(exampleAlarm())
	fmt.Println(m.Text)
	printText(m)
	fmt.Println(slackfmt.Validate(m))
	// Output:
	// ALARM: HighCPU in eu-west-3: 93.61% ≥ 80% (was OK)
	// 🔴 ALARM: HighCPU
	// Web tier CPU <!channel>
	// *OK → ALARM* · <!date^1700000000^{date_short_pretty} at {time}|2023-11-14 22:13 UTC> · latest 93.61% ≥ 80%
	// *Condition:* CPUUtilization ≥ 80% for 2 of 2 datapoints of 1 min
	// *Metric:* AWS/EC2 CPUUtilization (Average, 1 min, Percent)
	// *Recent datapoints* (Average, 1 min, Percent) vs threshold 80% · *bold* = breaching
	// *93.61*
	// Account 123456789012 · eu-west-3
	// env=prod · team=web
	// <nil>
}

func ExampleWithMention() {
	here, err := slackfmt.ParseMention("<!here>")
	if err != nil {
		panic(err)
	}
	onAlarm := slackfmt.WithMention(alarm.StateAlarm, here)

	a := exampleAlarm()
	fmt.Println(slackfmt.Build(a, onAlarm).Text)
	a.State.Value, a.PreviousState.Value = alarm.StateOK, alarm.StateAlarm
	a.Datapoints[0].Value = new(42.0)
	fmt.Println(slackfmt.Build(a, onAlarm).Text)

	_, err = slackfmt.ParseMention("@channel")
	fmt.Println(err)
	// Output:
	// <!here> ALARM: HighCPU in eu-west-3: 93.61% ≥ 80% (was OK)
	// OK: HighCPU in eu-west-3: 42% &lt; 80% (was ALARM)
	// slackfmt: invalid mention "@channel": want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>
}

func ExampleValidate() {
	m := &slackfmt.Message{
		Text: "hello",
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			slack.NewHeaderBlock(slack.NewTextBlockObject(slack.MarkdownType, "*not plain*", false, false)),
		}},
	}
	fmt.Println(slackfmt.Validate(m))
	// Output:
	// slackfmt: invalid message: /blocks/0/text/type: must be plain_text
}

func ExampleMessage_PreviewURL() {
	m := slackfmt.Build(&alarm.Alarm{Name: "a b", State: alarm.State{Value: alarm.StateOK}})
	u, err := m.PreviewURL()
	if err != nil {
		panic(err)
	}
	fmt.Println(u)
	// Output:
	// https://app.slack.com/block-kit-builder/#%7B%22blocks%22:%5B%7B%22type%22:%22header%22%2C%22text%22:%7B%22type%22:%22plain_text%22%2C%22text%22:%22%E2%9C%85%20OK:%20a%20b%22%2C%22emoji%22:false%7D%2C%22block_id%22:%22cw-header%22%7D%2C%7B%22type%22:%22section%22%2C%22text%22:%7B%22type%22:%22mrkdwn%22%2C%22text%22:%22%2AOK%2A%22%2C%22verbatim%22:true%7D%2C%22block_id%22:%22cw-state%22%7D%5D%7D
}

func ExampleWithBlocks() {
	// Drop the datapoints and add a note of the team's own under the header.
	hook := slackfmt.WithBlocks(func(a *alarm.Alarm, blocks []slack.Block) []slack.Block {
		out := []slack.Block{blocks[0], slack.NewContextBlock("team-note",
			slack.NewTextBlockObject(slack.PlainTextType, "Owner: web team, see the #web-oncall runbook", false, false))}
		for _, b := range blocks[1:] {
			if !strings.HasPrefix(b.ID(), "cw-datapoints") {
				out = append(out, b)
			}
		}
		return out
	})
	m := slackfmt.Build(exampleAlarm(), hook)
	printText(m)
	fmt.Println(slackfmt.Validate(m))

	// Build sends what the hook returns as it is: check it before sending.
	tooLong := slackfmt.WithBlocks(func(a *alarm.Alarm, blocks []slack.Block) []slack.Block {
		return append(blocks, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, strings.Repeat("x", 151), false, false)))
	})
	fmt.Println(slackfmt.Validate(slackfmt.Build(exampleAlarm(), tooLong)))
	// Output:
	// 🔴 ALARM: HighCPU
	// Owner: web team, see the #web-oncall runbook
	// Web tier CPU <!channel>
	// *OK → ALARM* · <!date^1700000000^{date_short_pretty} at {time}|2023-11-14 22:13 UTC> · latest 93.61% ≥ 80%
	// *Condition:* CPUUtilization ≥ 80% for 2 of 2 datapoints of 1 min
	// *Metric:* AWS/EC2 CPUUtilization (Average, 1 min, Percent)
	// Account 123456789012 · eu-west-3
	// env=prod · team=web
	// <nil>
	// slackfmt: invalid message: /blocks/7/text/text: must be at most 150 characters (has 151)
}

func ExampleBuildResolved() {
	announced := exampleAlarm()
	ok := exampleAlarm()
	ok.State = alarm.State{Value: alarm.StateOK, Timestamp: announced.State.Timestamp.Add(65 * time.Minute)}
	ok.PreviousState = announced.State
	ok.Datapoints = []alarm.Datapoint{{Value: new(42.0)}}

	here := slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>"))
	m := slackfmt.BuildResolved(announced, ok, here) // no mention once resolved
	fmt.Println(m.Text)
	printText(m)
	fmt.Println(slackfmt.Validate(m))
	// Output:
	// Resolved: HighCPU in eu-west-3: 42% &lt; 80% (was ALARM for 1 h 5 min)
	// ✅ Resolved: HighCPU
	// Web tier CPU <!channel>
	// *ALARM → OK* after 1 h 5 min · <!date^1700003900^{date_short_pretty} at {time}|2023-11-14 23:18 UTC> · latest 42% &lt; 80%
	// *OK → ALARM* · <!date^1700000000^{date_short_pretty} at {time}|2023-11-14 22:13 UTC> · latest 93.61% ≥ 80%
	// *Condition:* CPUUtilization ≥ 80% for 2 of 2 datapoints of 1 min
	// *Metric:* AWS/EC2 CPUUtilization (Average, 1 min, Percent)
	// *Recent datapoints* (Average, 1 min, Percent) vs threshold 80% · *bold* = breaching
	// *93.61*
	// Account 123456789012 · eu-west-3
	// env=prod · team=web
	// <nil>
}

func ExamplePlainText() {
	m := slackfmt.Build(exampleAlarm(), slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>")))
	a := exampleAlarm()
	a.State.Value, a.PreviousState.Value, a.Datapoints[0].Value = alarm.StateOK, alarm.StateAlarm, new(42.0)
	fmt.Println(slackfmt.PlainText(m.Text))
	fmt.Println(slackfmt.PlainText(slackfmt.Build(a).Text))
	fmt.Println(slackfmt.PlainText("*OK → ALARM* · <!date^1700000000^{time}|2023-11-14 22:13 UTC> · <https://example.com/a?b=1&amp;c=2|Open in CloudWatch>"))
	// Output:
	// @here ALARM: HighCPU in eu-west-3: 93.61% ≥ 80% (was OK)
	// OK: HighCPU in eu-west-3: 42% < 80% (was ALARM)
	// *OK → ALARM* · 2023-11-14 22:13 UTC · Open in CloudWatch (https://example.com/a?b=1&c=2)
}
