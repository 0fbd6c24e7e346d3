package alarm

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestLogQueryGroupBy(t *testing.T) {
	tests := []struct {
		agg  string
		want []string
	}{
		{"count(*)", nil},
		{"avg(latency) by endpoint", []string{"endpoint"}},
		{"count(*) as errors by host | sort errors desc", []string{"host"}},
		{"count(*) BY svc, region", []string{"svc", "region"}},
		{"count(*) by", nil},
		{"count(bytes)", nil},
		{"stats count(*) by bin(5m)", []string{"bin(5m)"}},
		{"", nil},
	}
	for _, tt := range tests {
		q := LogQuery{Aggregation: tt.agg}
		if diff := cmp.Diff(tt.want, q.GroupBy()); diff != "" {
			t.Errorf("GroupBy(%q) mismatch (-want +got):\n%s", tt.agg, diff)
		}
	}
}

func TestScheduleRate(t *testing.T) {
	tests := []struct {
		expr string
		want time.Duration
	}{
		{"rate(1 minute)", time.Minute},
		{"rate(5 minutes)", 5 * time.Minute},
		{"rate(2 hours)", 2 * time.Hour},
		{"rate(1 day)", 24 * time.Hour},
		{" rate(10 Minutes) ", 10 * time.Minute},
		{"rate(0 minutes)", 0},
		{"rate(5 weeks)", 0},
		{"rate(5minutes)", 0},
		{"rate(5 minutes", 0},
		{"cron(0 2 * * *)", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := scheduleRate(tt.expr); got != tt.want {
			t.Errorf("scheduleRate(%q) = %v, want %v", tt.expr, got, tt.want)
		}
	}
}
