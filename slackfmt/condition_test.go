package slackfmt

import (
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
)

func TestBuildUnits(t *testing.T) {
	tests := []struct {
		unit, condition, datapoints string
	}{{
		unit:       "Percent",
		condition:  "*Condition:* CPUUtilization ≥ 80% for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Percent) vs threshold 80%",
	}, {
		unit:       "Milliseconds",
		condition:  "*Condition:* CPUUtilization ≥ 80 ms for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Milliseconds) vs threshold 80 ms",
	}, {
		unit:       "Count",
		condition:  "*Condition:* CPUUtilization ≥ 80 for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Count) vs threshold 80",
	}, {
		unit:       "Things<!here>",
		condition:  "*Condition:* CPUUtilization ≥ 80 Things&lt;!here&gt; for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Things&lt;!here&gt;) vs threshold 80 Things&lt;!here&gt;",
	}}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			a := metricAlarm()
			a.Metrics[0].Unit = tt.unit
			a.Datapoints = values(10)
			m := Build(a)
			got := [2]string{sectionText(t, m, "cw-condition"), firstLine(sectionText(t, m, "cw-datapoints"))}
			if diff := cmp.Diff([2]string{tt.condition, tt.datapoints}, got); diff != "" {
				t.Errorf("condition and datapoints mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildMissingData(t *testing.T) {
	missing := append(values(90), alarm.Datapoint{})
	tests := []struct {
		name  string
		treat alarm.TreatMissingData
		data  []alarm.Datapoint
		want  string // the condition's second line, "" for none
	}{
		{"default, none missing", alarm.TreatMissing, values(90), ""},
		{"unknown, none missing", "", values(90), ""},
		{"default, some missing", alarm.TreatMissing, missing, "Missing datapoints (–) are left out of the evaluation."},
		{"breaching", alarm.TreatBreaching, values(90), "Missing data counts as breaching."},
		{"not breaching", alarm.TreatNotBreaching, values(90), "Missing data counts as not breaching."},
		{"ignore", alarm.TreatIgnore, values(90), "Missing data is ignored: the alarm keeps its state."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := metricAlarm()
			a.Condition.TreatMissingData, a.Datapoints = tt.treat, tt.data
			text := sectionText(t, Build(a), "cw-condition")
			got := ""
			if first := firstLine(text); first != text {
				got = text[len(first)+1:]
			}
			if got != tt.want {
				t.Errorf("condition %q: second line %q, want %q", text, got, tt.want)
			}
		})
	}
}
