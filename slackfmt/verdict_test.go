package slackfmt

import (
	"math"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
)

func TestBuildVerdict(t *testing.T) {
	band := func(v, lo, hi float64) []alarm.Datapoint {
		return []alarm.Datapoint{{Value: ptr(v), Lower: ptr(lo), Upper: ptr(hi)}}
	}
	tests := []struct {
		name   string
		change func(a *alarm.Alarm)
		text   string // top-level text
		state  string // state line
	}{{
		name:   "breaching, with unit",
		change: func(a *alarm.Alarm) { a.Metrics[0].Unit = "Percent"; a.Datapoints = values(93.61) },
		text:   "ALARM: HighCPU in eu-west-3: 93.61% ≥ 80% (was OK)",
		state:  "*OK → ALARM* after 3 h 5 min · " + date0 + " · latest 93.61% ≥ 80%",
	}, {
		name: "back to OK: the comparison that holds",
		change: func(a *alarm.Alarm) {
			a.State.Value, a.PreviousState.Value = alarm.StateOK, alarm.StateAlarm
			a.Datapoints = values(42)
		},
		text:  "OK: HighCPU in eu-west-3: 42 &lt; 80 (was ALARM)",
		state: "*ALARM → OK* after 3 h 5 min · " + date0 + " · latest 42 &lt; 80",
	}, {
		name: "greater than, equal",
		change: func(a *alarm.Alarm) {
			a.Condition.ComparisonOperator = alarm.GreaterThanThreshold
			a.Datapoints = values(80)
		},
		text:  "ALARM: HighCPU in eu-west-3: 80 ≤ 80 (was OK)",
		state: "*OK → ALARM* after 3 h 5 min · " + date0 + " · latest 80 ≤ 80",
	}, {
		name: "reason data unit wins",
		change: func(a *alarm.Alarm) {
			a.Metrics[0].Unit = "Percent"
			a.State.ReasonData = &alarm.ReasonData{Unit: "Milliseconds"}
			a.Condition.ComparisonOperator = alarm.LessThanThreshold
		},
		text:  "ALARM: HighCPU in eu-west-3: 95.25 ms ≥ 80 ms (was OK)",
		state: "*OK → ALARM* after 3 h 5 min · " + date0 + " · latest 95.25 ms ≥ 80 ms",
	}, {
		name: "above the band",
		change: func(a *alarm.Alarm) {
			a.Condition = &alarm.Condition{ComparisonOperator: alarm.LessThanLowerOrGreaterThanUpperThreshold, ThresholdMetricID: "ad1"}
			a.Metrics[0].Unit = "Count/Second"
			a.Datapoints = band(239, 12.5, 225.7)
		},
		text:  "ALARM: HighCPU in eu-west-3: 239/s above 12.5–225.7/s (was OK)",
		state: "*OK → ALARM* after 3 h 5 min · " + date0 + " · latest 239/s above 12.5–225.7/s",
	}, {
		name: "within and below the band",
		change: func(a *alarm.Alarm) {
			a.Condition = &alarm.Condition{ComparisonOperator: alarm.GreaterThanUpperThreshold}
			a.Datapoints = append(band(1, 12.5, 225.7), band(20, 12.5, 225.7)...)
		},
		text:  "ALARM: HighCPU in eu-west-3: 20 within 12.5–225.7 (was OK)",
		state: "*OK → ALARM* after 3 h 5 min · " + date0 + " · latest 20 within 12.5–225.7",
	}, {
		name:   "newest datapoint missing",
		change: func(a *alarm.Alarm) { a.Datapoints = append(values(90), alarm.Datapoint{}) },
		text:   "ALARM: HighCPU in eu-west-3 (was OK)",
		state:  "*OK → ALARM* after 3 h 5 min · " + date0,
	}, {
		name:   "not a number",
		change: func(a *alarm.Alarm) { a.Datapoints = values(math.NaN()) },
		text:   "ALARM: HighCPU in eu-west-3 (was OK)",
		state:  "*OK → ALARM* after 3 h 5 min · " + date0,
	}, {
		name:   "no threshold",
		change: func(a *alarm.Alarm) { a.Condition.Threshold = nil },
		text:   "ALARM: HighCPU in eu-west-3 (was OK)",
		state:  "*OK → ALARM* after 3 h 5 min · " + date0,
	}, {
		name:   "no condition",
		change: func(a *alarm.Alarm) { a.Condition = nil },
		text:   "ALARM: HighCPU in eu-west-3 (was OK)",
		state:  "*OK → ALARM* after 3 h 5 min · " + date0,
	}, {
		name: "same state before, no previous time",
		change: func(a *alarm.Alarm) {
			a.PreviousState = alarm.State{Value: alarm.StateInsufficientData}
			a.Datapoints = nil
		},
		text:  "ALARM: HighCPU in eu-west-3 (was INSUFFICIENT_DATA)",
		state: "*INSUFFICIENT_DATA → ALARM* · " + date0,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := metricAlarm()
			tt.change(a)
			m := Build(a)
			got := [2]string{m.Text, stateLine(t, m)}
			if diff := cmp.Diff([2]string{tt.text, tt.state}, got); diff != "" {
				t.Errorf("text and state line mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// stateLine returns the text of the state change section of m.
func stateLine(t *testing.T, m *Message) string {
	t.Helper()
	return sectionText(t, m, "cw-state")
}
