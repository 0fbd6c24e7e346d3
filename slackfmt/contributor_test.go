package slackfmt

import (
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
)

const (
	insightsConsole = "https://eu-west-3.console.aws.amazon.com/cloudwatch/home?region=eu-west-3#alarmsV2:alarm/HighCPU"
	insightsSQL     = "```SELECT SUM(BytesOut) FROM SCHEMA(\"AWS/EC2\", InstanceId) GROUP BY InstanceId ORDER BY SUM() DESC LIMIT 10```"
)

func TestBuildContributor(t *testing.T) {
	contributorURL := contributorAlarm().Contributor.ConsoleURL
	tests := []struct {
		name  string
		alarm func() *alarm.Alarm
		opts  []Option
		text  string
		want  []string
	}{{
		name:  "contributor without previous state",
		alarm: contributorAlarm,
		text:  "ALARM: cpu-by-instance — AutoScalingGroupName=web, InstanceId=i-0abc in eu-west-3: 95.25 &gt; 0",
		want: []string{
			"header: 🔴 ALARM: cpu-by-instance — AutoScalingGroupName=web, InstanceId=i-0abc",
			"section: *ALARM* (previous state unknown) · " + date0 + " · latest 95.25 &gt; 0",
			"section: *Contributor:* AutoScalingGroupName=web, InstanceId=i-0abc · ID `9f2c4e6a8b0d1f35`",
			"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
			"section: *Condition:* bytes &gt; 0 for 1 of 3 datapoints of 1 min",
			"section: *Queries:*\n`q1` = Metrics Insights query “bytes” ← returned\n" + insightsSQL,
			"section: *Recent datapoints* vs threshold 0 · oldest → newest · *bold* = breaching\n`▁▃▆█`  *40* · *55* · *81.5* · *95.25*",
			"context: Account 123456789012 · eu-west-3 · <" + contributorURL + "|Open in CloudWatch> | runbook=https://wiki.example.com/runbooks/high-cpu",
		},
	}, {
		name: "many attributes, no ID, long name",
		alarm: func() *alarm.Alarm {
			a := contributorAlarm()
			a.Name = strings.Repeat("n", 200)
			a.PreviousState.Value = alarm.StateOK
			a.Contributor = &alarm.Contributor{Attributes: []alarm.Dimension{{Name: "a", Value: "1"}, {Name: "b", Value: "2"}, {Name: "c", Value: "3"}, {Name: "d", Value: "4"}}}
			return a
		},
		opts: []Option{WithCompact(true)},
		text: "ALARM: " + strings.Repeat("n", 79) + "… — a=1, b=2, c=3 +1 more in eu-west-3: 95.25 &gt; 0 (was OK)",
		want: []string{
			"header: 🔴 ALARM: " + strings.Repeat("n", 79) + "… — a=1, b=2, c=3 +1 more",
			"section: *OK → ALARM* · " + date0 + " · latest 95.25 &gt; 0 · Account 123456789012 · eu-west-3 · <" + insightsConsole + "|Open in CloudWatch>",
		},
	}, {
		name: "no attributes",
		alarm: func() *alarm.Alarm {
			a := contributorAlarm()
			a.Contributor.Attributes = nil
			return a
		},
		opts: []Option{WithCompact(true)},
		text: "ALARM: cpu-by-instance — contributor 9f2c4e6a8b0d1f35 in eu-west-3: 95.25 &gt; 0",
		want: []string{
			"header: 🔴 ALARM: cpu-by-instance — contributor 9f2c4e6a8b0d1f35",
			"section: *ALARM* (previous state unknown) · " + date0 + " · latest 95.25 &gt; 0 · Account 123456789012 · eu-west-3 · <" + contributorURL + "|Open in CloudWatch>",
		},
	}, {
		name:  "the alarm as a whole",
		alarm: seriesAlarm,
		text:  "ALARM: TopTalkers in eu-west-3: 2 of 6 time series in ALARM (was OK)",
		want: []string{
			"header: 🔴 ALARM: TopTalkers",
			"section: CPU of the web tier is high",
			change0 + " · 2 of 6 time series in ALARM",
			"context: 2 out of 6 time series evaluated to ALARM",
			"section: *Queries:*\n`q1` = Metrics Insights query “bytes” ← returned\n" + insightsSQL,
			footer,
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(tt.alarm(), tt.opts...)
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

func TestSeriesWords(t *testing.T) {
	tests := []struct {
		s    alarm.SeriesCount
		want string
	}{
		{alarm.SeriesCount{InAlarm: 1, Total: 2}, "1 of 2 time series in ALARM"},
		{alarm.SeriesCount{InAlarm: 0, Total: 2}, "0 of 2 time series in ALARM"},
		{alarm.SeriesCount{InAlarm: 100, AtLeast: true}, "100+ time series in ALARM"},
		{alarm.SeriesCount{InAlarm: 95}, "95 time series in ALARM"},
		{alarm.SeriesCount{}, "no time series returned by the query"},
	}
	for _, tt := range tests {
		r := newRenderer(&alarm.Alarm{Series: &tt.s}, &options{})
		w := newWriter(100)
		r.series(&w, "")
		if got := w.String(); got != tt.want {
			t.Errorf("series(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestResolvedContributor(t *testing.T) {
	announced := contributorAlarm()
	ok := contributorAlarm()
	ok.State = alarm.State{Value: alarm.StateOK, Timestamp: t0.Add(65 * 60e9)}
	ok.Datapoints = values(0)
	m := BuildResolved(announced, ok)
	if want := "Resolved: cpu-by-instance — AutoScalingGroupName=web, InstanceId=i-0abc in eu-west-3: 0 ≤ 0 (was ALARM for 1 h 5 min)"; m.Text != want {
		t.Errorf("Text = %q, want %q", m.Text, want)
	}
	if got := blockTexts(t, m)[0]; got != "header: ✅ Resolved: cpu-by-instance — AutoScalingGroupName=web, InstanceId=i-0abc" {
		t.Errorf("header = %q", got)
	}
}

func TestMetadataContributor(t *testing.T) {
	md := Build(contributorAlarm()).Metadata.EventPayload
	if got := md["contributor_id"]; got != "9f2c4e6a8b0d1f35" {
		t.Errorf("contributor_id = %v, want 9f2c4e6a8b0d1f35", got)
	}
	if _, ok := Build(metricAlarm()).Metadata.EventPayload["contributor_id"]; ok {
		t.Error("an alarm without contributor has a contributor_id")
	}
}
