package slackfmt

import (
	"errors"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

const (
	date0   = "<!date^1700000000^{date_short_pretty} at {time}|2023-11-14 22:13 UTC>"
	console = "https://eu-west-3.console.aws.amazon.com/cloudwatch/home?region=eu-west-3#alarmsV2:alarm/HighCPU"
	footer  = "context: Account 123456789012 · eu-west-3 · <" + console + "|Open in CloudWatch> | runbook=https://wiki.example.com/runbooks/high-cpu"
	// change0 is the state change of the test alarms, up to its time.
	change0 = "section: *OK → ALARM* after 3 h 5 min · " + date0
)

// metricLayout is the default layout of metricAlarm, footer excluded.
func metricLayout() []string {
	return []string{
		"header: 🔴 ALARM: HighCPU",
		"section: CPU of the web tier is high",
		change0 + " · latest 95.25 ≥ 80",
		"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
		"section: *Condition:* CPUUtilization ≥ 80 for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		"section: *Metric:* AWS/EC2 CPUUtilization (Average, 1 min)\nAutoScalingGroupName=web",
		"section: *Recent datapoints* (Average, 1 min) vs threshold 80 · oldest → newest · *bold* = breaching\n`▁▃▆█`  40 · 55 · *81.5* · *95.25*",
	}
}

func TestBuildLayout(t *testing.T) {
	tests := []struct {
		name  string
		alarm *alarm.Alarm
		opts  []Option
		text  string
		want  []string
	}{{
		name:  "metric",
		alarm: metricAlarm(),
		text:  "ALARM: HighCPU in eu-west-3: 95.25 ≥ 80 (was OK)",
		want: append(metricLayout(),
			footer,
		),
	}, {
		name:  "metric math",
		alarm: mathAlarm(),
		opts:  []Option{WithAccountAlias("210987654321", "shared_metrics")},
		text:  "ALARM: ECSCpu in eu-west-3: 95.25 ≥ 80 (was OK)",
		want: []string{
			"header: 🔴 ALARM: ECSCpu",
			"section: CPU of the web tier is high",
			change0 + " · latest 95.25 ≥ 80",
			"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
			"section: *Condition:* CPU Usage (e1) ≥ 80 for 2 of 2 datapoints of 1 min",
			"section: *Queries:*\n`e1` = `100*m1/m2` “CPU Usage” ← returned\n" +
				"`m1` = ECS/ContainerInsights CpuUtilized (Average, 1 min) ClusterName=prod\n" +
				"`m2` = ECS/ContainerInsights CpuReserved (Average, 1 min) ClusterName=prod · account 210987654321 (shared_metrics)",
			"section: *Recent datapoints* vs threshold 80 · oldest → newest · *bold* = breaching\n`▁▃▆█`  40 · 55 · *81.5* · *95.25*",
			footer,
		},
	}, {
		name:  "anomaly detection",
		alarm: anomalyAlarm(),
		text:  "ALARM: LatencyAnomaly in eu-west-3: 0.9 above 0.1–0.35 (was OK)",
		want: []string{
			"header: 🔴 ALARM: LatencyAnomaly",
			"section: CPU of the web tier is high",
			change0 + " · latest 0.9 above 0.1–0.35",
			"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
			"section: *Condition:* TargetResponseTime (m1) outside the band `ANOMALY_DETECTION_BAND(m1, 2)` for 2 of 3 datapoints of 5 min\nMissing datapoints (–) are left out of the evaluation.",
			"section: *Queries:*\n`m1` = AWS/ApplicationELB TargetResponseTime (p90, 5 min) ← returned\n" +
				"`ad1` = `ANOMALY_DETECTION_BAND(m1, 2)` “TargetResponseTime (expected)” ← band",
			"section: *Recent datapoints* (p90, 5 min) vs band 0.1–0.35 (latest) · oldest → newest · *bold* = breaching\n`▁ █`  0.2 · – · *0.9*",
			footer,
		},
	}, {
		name:  "metrics insights",
		alarm: insightsAlarm(),
		text:  "ALARM: TopTalkers in eu-west-3: 95.25 &gt; 0 (was OK)",
		want: []string{
			"header: 🔴 ALARM: TopTalkers",
			"section: CPU of the web tier is high",
			change0 + " · latest 95.25 &gt; 0",
			"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
			"section: *Condition:* bytes &gt; 0 for 1 of 3 datapoints of 1 min\nEvaluated on partial data: the query returned more than Metrics Insights can evaluate.",
			"section: *Queries:*\n`q1` = Metrics Insights query “bytes” ← returned\n" +
				"```SELECT SUM(BytesOut) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId ORDER BY SUM() DESC LIMIT 10```",
			"section: *Recent datapoints* vs threshold 0 · oldest → newest · *bold* = breaching\n`▁▃▆█`  *40* · *55* · *81.5* · *95.25*",
			footer,
		},
	}, {
		name:  "composite",
		alarm: compositeAlarm(),
		opts:  []Option{WithMention(alarm.StateAlarm, MustParseMention("<!here>"), MustParseMention("<@U024BE7LH>"))},
		text:  "<!here> <@U024BE7LH> ALARM: ServiceAggregated in us-east-1 (was OK)",
		want: []string{
			"header: 🔴 ALARM: ServiceAggregated",
			"section: <!here> <@U024BE7LH>",
			"section: *OK → ALARM* · " + date0,
			"section: *Rule:* `ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)`",
			"section: *Triggered by:*\n🔴 <https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh|ServerCpuTooHigh> ALARM · " + date0,
			"section: *Actions suppressed* (WaitPeriod): Actions suppressed by WaitPeriod\n*Suppressor:* `Maintenance` · wait 2 min · extension 3 min",
			"context: Account 123456789012 · us-east-1 · <https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServiceAggregated|Open in CloudWatch>",
		},
	}, {
		name:  "empty",
		alarm: &alarm.Alarm{},
		text:  "UNKNOWN: (unnamed alarm)",
		want:  []string{"header: ❔ UNKNOWN: (unnamed alarm)", "section: *UNKNOWN*"},
	}, {
		name: "nil",
		text: "UNKNOWN: (unnamed alarm)",
		want: []string{"header: ❔ UNKNOWN: (unnamed alarm)", "section: *UNKNOWN*"},
	}, {
		name:  "compact with links and mention",
		alarm: metricAlarm(),
		opts: []Option{WithCompact(true), WithMention(alarm.StateAlarm, MustParseMention("<!channel>")),
			WithAccountAlias("123456789012", "prod"), WithTagLink("runbook", "Runbook"), WithTagLink("missing", "Nothing")},
		text: "<!channel> ALARM: HighCPU in eu-west-3: 95.25 ≥ 80 (was OK)",
		want: []string{
			"header: 🔴 ALARM: HighCPU",
			"section: <!channel> *OK → ALARM* after 3 h 5 min · " + date0 + " · latest 95.25 ≥ 80 · Account 123456789012 (prod) · eu-west-3 · <" + console + "|Open in CloudWatch> · <https://wiki.example.com/runbooks/high-cpu|Runbook>",
		},
	}, {
		name:  "mention for another state",
		alarm: compositeAlarm(),
		opts:  []Option{WithCompact(true), WithMention(alarm.StateOK, MustParseMention("<!here>"))},
		text:  "ALARM: ServiceAggregated in us-east-1 (was OK)",
		want: []string{
			"header: 🔴 ALARM: ServiceAggregated",
			"section: *OK → ALARM* · " + date0 + " · Account 123456789012 · us-east-1 · <https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServiceAggregated|Open in CloudWatch>",
		},
	}, {
		name:  "link buttons",
		alarm: metricAlarm(),
		opts:  []Option{WithCompact(false), WithLinkButtons(true), WithLink("Dashboard", "https://grafana.example.com/d/x?a=1&b=2"), WithLink("", "ftp://no")},
		want: append(metricLayout(),
			"context: Account 123456789012 · eu-west-3 | runbook=https://wiki.example.com/runbooks/high-cpu",
			"actions: Open in CloudWatch → "+console+" | Dashboard → https://grafana.example.com/d/x?a=1&b=2",
		),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(tt.alarm, tt.opts...)
			if tt.text != "" && m.Text != tt.text {
				t.Errorf("Text = %q, want %q", m.Text, tt.text)
			}
			if diff := cmp.Diff(tt.want, blockTexts(t, m)); diff != "" {
				t.Errorf("blocks mismatch (-want +got):\n%s", diff)
			}
			if err := Validate(m); err != nil {
				t.Errorf("Validate = %v", err)
			}
		})
	}
}

func TestBuildColorBar(t *testing.T) {
	for _, tt := range []struct {
		state alarm.StateValue
		color string
	}{{alarm.StateAlarm, "#D13212"}, {alarm.StateOK, "#1D8102"}, {alarm.StateInsufficientData, "#8D99A8"}, {"", "#8D99A8"}} {
		t.Run(string(tt.state), func(t *testing.T) {
			a := metricAlarm()
			a.State.Value = tt.state
			plainMsg, barMsg := Build(a), Build(a, WithColorBar(true))
			if len(barMsg.Blocks.BlockSet) != 0 || len(barMsg.Attachments) != 1 {
				t.Fatalf("with the colour bar: %d blocks and %d attachments, want 0 and 1", len(barMsg.Blocks.BlockSet), len(barMsg.Attachments))
			}
			att := barMsg.Attachments[0]
			if att.Color != tt.color || att.Fallback != barMsg.Text {
				t.Errorf("attachment colour %q fallback %q, want %q and %q", att.Color, att.Fallback, tt.color, barMsg.Text)
			}
			if diff := cmp.Diff(blockTexts(t, plainMsg), blockTexts(t, barMsg)); diff != "" {
				t.Errorf("blocks differ with the colour bar (-without +with):\n%s", diff)
			}
		})
	}
}

// TestBuildHook checks that Build sends the blocks a WithBlocks hook
// returns as they are, and that Validate reports what they break.
func TestBuildHook(t *testing.T) {
	const header = "cw-header-1700000000"
	ctx := func(id, text string) slack.Block { return slack.NewContextBlock(id, plain(text)) }
	tests := []struct {
		name string
		hook func(a *alarm.Alarm, bs []slack.Block) []slack.Block
		ids  []string
		want []Violation // from Validate
	}{{
		name: "blocks added",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], ctx("mine", "a"), ctx("", "b"))
		},
		ids: []string{header, "mine", ""},
	}, {
		name: "copy of the header's ID",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], ctx(header, "spoof"))
		},
		ids:  []string{header, header},
		want: []Violation{{"/blocks/1/block_id", "must be unique: /blocks/0 has the same one"}},
	}, {
		name: "limits broken",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], slack.NewHeaderBlock(plain(strings.Repeat("h", 151))), nil)
		},
		ids: []string{header, "", ""},
		want: []Violation{
			{"/blocks/1/text/text", "must be at most 150 characters (has 151)"},
			{"/blocks/2", "must be a block object"},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []slack.Block
			m := Build(metricAlarm(), WithBlocks(func(a *alarm.Alarm, bs []slack.Block) []slack.Block {
				got = tt.hook(a, bs)
				return got
			}))
			if len(m.Blocks.BlockSet) != len(got) {
				t.Fatalf("Build sent %d blocks, the hook returned %d", len(m.Blocks.BlockSet), len(got))
			}
			var ids []string
			for i, b := range m.Blocks.BlockSet {
				if b != got[i] {
					t.Errorf("block %d is %v, the hook returned %v", i, b, got[i])
				}
				if b != nil {
					ids = append(ids, b.ID())
				} else {
					ids = append(ids, "")
				}
			}
			if diff := cmp.Diff(tt.ids, ids); diff != "" {
				t.Errorf("block IDs mismatch (-want +got):\n%s", diff)
			}
			var vs []Violation
			var ve *Error
			if err := Validate(m); errors.As(err, &ve) {
				vs = ve.Violations
			} else if err != nil {
				t.Fatalf("Validate = %v", err)
			}
			if diff := cmp.Diff(tt.want, vs); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildHookEmpty(t *testing.T) {
	m := Build(metricAlarm(), WithColorBar(true), WithBlocks(func(*alarm.Alarm, []slack.Block) []slack.Block { return nil }))
	if m.Blocks.BlockSet != nil || m.Attachments != nil {
		t.Errorf("Build with a hook that returns no blocks = %+v, want text only", m)
	}
	if err := Validate(m); err != nil {
		t.Errorf("Validate = %v", err)
	}
	var ve *Error
	if err := Validate(&Message{}); !errors.As(err, &ve) || !errors.Is(err, ErrInvalidMessage) {
		t.Errorf("Validate(empty message) = %v, want a *Error", err)
	}
}
