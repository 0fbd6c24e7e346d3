package alarm

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRecentPointsTimestamps(t *testing.T) {
	start := time.Date(2024, 3, 5, 14, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		rd     ReasonData
		wantTS []time.Time
	}{
		{"start and period", ReasonData{StartDate: start, Period: 5 * time.Minute, RecentDatapoints: []float64{1, 2, 3}},
			[]time.Time{start, start.Add(5 * time.Minute), start.Add(10 * time.Minute)}},
		{"no period: no timestamps rather than equal ones", ReasonData{StartDate: start, RecentDatapoints: []float64{1, 2, 3}},
			[]time.Time{{}, {}, {}}},
		{"one datapoint needs no period", ReasonData{StartDate: start, RecentDatapoints: []float64{1}},
			[]time.Time{start}},
		{"no start", ReasonData{Period: time.Minute, RecentDatapoints: []float64{1, 2}},
			[]time.Time{{}, {}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []time.Time
			for _, p := range recentPoints(&tt.rd) {
				got = append(got, p.Timestamp)
			}
			if diff := cmp.Diff(tt.wantTS, got); diff != "" {
				t.Errorf("timestamps mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
