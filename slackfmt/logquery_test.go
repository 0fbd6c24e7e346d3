package slackfmt

import (
	"strconv"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
)

func TestBuildLogAndPromQL(t *testing.T) {
	tests := []struct {
		name  string
		alarm func() *alarm.Alarm
		text  string
		want  []string
	}{{
		name:  "log alarm contributor",
		alarm: logAlarm,
		text:  "ALARM: errors-by-host — host=api-a in eu-west-3: 3 &gt; 0 (was OK)",
		want: []string{
			"header: 🔴 ALARM: errors-by-host — host=api-a",
			"section: CPU of the web tier is high",
			change0 + " · latest 3 &gt; 0",
			"section: *Contributor:* host=api-a · ID `5c0e3f7a9b1d2e48`",
			"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
			"section: *Condition:* the aggregated query result &gt; 0 for 1 of 1 query result, run every 1 min",
			"section: *Logs Insights query* · schedule `rate(1 minute)` · over the 5 min before each run\n```filter level = 'ERROR'```\n" +
				"*Log groups:* `/orders/api`, `/orders/worker`\n*Aggregation:* `count(*) by host` · one contributor per `host`",
			"section: *Recent datapoints* vs threshold 0 · *bold* = breaching\n*3*",
			"context: Account 123456789012 · eu-west-3 · <" + console + "|Open in CloudWatch>",
		},
	}, {
		name: "log alarm, offsets ending before the run, many log groups",
		alarm: func() *alarm.Alarm {
			a := logAlarm()
			a.Contributor, a.Description, a.State.Reason, a.Datapoints = nil, "", "", nil
			a.LogQuery.EndOffset, a.LogQuery.Schedule, a.LogQuery.Aggregation = time.Minute, "", "count(*)"
			a.LogQuery.LogGroups = nil
			for i := range 7 {
				a.LogQuery.LogGroups = append(a.LogQuery.LogGroups, "/g/"+strconv.Itoa(i))
			}
			return a
		},
		text: "ALARM: errors-by-host in eu-west-3 (was OK)",
		want: []string{
			"header: 🔴 ALARM: errors-by-host",
			change0,
			"section: *Condition:* the aggregated query result &gt; 0 for 1 of 1 query result, run every 1 min",
			"section: *Logs Insights query* · over 4 min ending 1 min before each run\n```filter level = 'ERROR'```\n" +
				"*Log groups:* `/g/0`, `/g/1`, `/g/2`, `/g/3`, `/g/4` +2 more\n*Aggregation:* `count(*)`",
			"context: Account 123456789012 · eu-west-3 · <" + console + "|Open in CloudWatch>",
		},
	}, {
		name:  "PromQL alarm",
		alarm: promQLAlarm,
		text:  "ALARM: http-5xx in eu-west-3: 100+ time series in ALARM (was OK)",
		want: []string{
			"header: 🔴 ALARM: http-5xx",
			"section: CPU of the web tier is high",
			change0 + " · 100+ time series in ALARM",
			"context: Threshold Crossed: 2 out of the last 2 datapoints were greater than or equal to the threshold (80.0).",
			"section: *PromQL query* · evaluated every 1 min\n```sum by (service) (rate(errors[5m])) &gt; 1```\n" +
				"Each series the query returns is a contributor · ALARM after 5 min breaching · OK after 10 min recovered",
			"context: Account 123456789012 · eu-west-3 · <" + console + "|Open in CloudWatch>",
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(tt.alarm())
			if m.Text != tt.text {
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
