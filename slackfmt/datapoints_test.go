package slackfmt

import (
	"math"
	"testing"

	"github.com/cwslack/cwslack/alarm"
)

func TestBuildDatapointsLegend(t *testing.T) {
	tests := []struct {
		name string
		data []alarm.Datapoint
		want string
	}{
		{"one below", values(10), "*Recent datapoints* (Average, 1 min) vs threshold 80\n10"},
		{"one breaching", values(93.61), "*Recent datapoints* (Average, 1 min) vs threshold 80 · *bold* = breaching\n*93.61*"},
		{"several, none breaching", values(10, 0.0733), "*Recent datapoints* (Average, 1 min) vs threshold 80 · oldest → newest\n`█▁`  10 · 0.0733"},
		{"several breaching", values(10, 93.61), "*Recent datapoints* (Average, 1 min) vs threshold 80 · oldest → newest · *bold* = breaching\n`▁█`  10 · *93.61*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := metricAlarm()
			a.Datapoints = tt.data
			if got := sectionText(t, Build(a), "cw-datapoints"); got != tt.want {
				t.Errorf("datapoints = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSparkline(t *testing.T) {
	tests := []struct {
		in   []float64
		want string
	}{
		{[]float64{1, 2, 3, 4, 5, 6, 7, 8}, "▁▂▃▄▅▆▇█"},
		{[]float64{5, 5, 5}, "▅▅▅"},
		{[]float64{-math.MaxFloat64, math.MaxFloat64, 0}, "▁█▅"},
		{[]float64{1, math.NaN(), math.Inf(1), 2}, "▁  █"},
	}
	for _, tt := range tests {
		if got := string(appendSparkline(nil, values(tt.in...))); got != tt.want {
			t.Errorf("appendSparkline(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
