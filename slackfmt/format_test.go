package slackfmt

import (
	"math"
	"testing"
	"time"
)

func TestNum(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {80, "80"}, {81.25, "81.25"}, {0.0206, "0.0206"}, {0.0733, "0.0733"}, {0.00123456, "0.00123"}, {0.3007, "0.301"}, {93.61, "93.61"}, {-3.5, "-3.5"},
		{1.50785441792e10, "1.508e+10"}, {0.0004, "0.0004"}, {-0.0001, "-0.0001"}, {999999999, "999999999"},
		{math.NaN(), "NaN"}, {math.Inf(1), "+Inf"}, {math.Inf(-1), "-Inf"}, {math.MaxFloat64, "1.798e+308"},
		{5e-324, "4.941e-324"}, {-0.0004999, "-0.0004999"},
	}
	for _, tt := range tests {
		if got := num(tt.in); got != tt.want {
			t.Errorf("num(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPeriodAndDuration(t *testing.T) {
	periods := []struct {
		in   time.Duration
		want string
	}{{0, ""}, {-time.Minute, ""}, {10 * time.Second, "10 s"}, {time.Minute, "1 min"}, {90 * time.Second, "90 s"},
		{6 * time.Hour, "6 h"}, {24 * time.Hour, "1 day"}, {48 * time.Hour, "2 days"}}
	for _, tt := range periods {
		if got := period(tt.in); got != tt.want {
			t.Errorf("period(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	durations := []struct {
		in   time.Duration
		want string
	}{{-time.Second, "0 s"}, {59 * time.Second, "59 s"}, {12*time.Minute + 5*time.Second, "12 min"}, {3*time.Hour + 5*time.Minute, "3 h 5 min"},
		{3 * time.Hour, "3 h"}, {27 * time.Hour, "1 day 3 h"}, {50 * time.Hour, "2 days 2 h"}, {72 * time.Hour, "3 days"}}
	for _, tt := range durations {
		if got := duration(tt.in); got != tt.want {
			t.Errorf("duration(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDateToken(t *testing.T) {
	in := time.Date(2023, 11, 14, 23, 13, 20, 0, time.FixedZone("CET", 3600))
	want := "<!date^1700000000^{date_short_pretty} at {time}|2023-11-14 22:13 UTC>"
	if got := string(appendDate(nil, in)); got != want {
		t.Errorf("appendDate(%v) = %q, want %q", in, got, want)
	}
}

func TestUnitSymbol(t *testing.T) {
	tests := map[string]string{
		"": "", "Count": "", "Percent": "%", "Milliseconds": "ms", "Seconds": "s", "Microseconds": "µs",
		"Bytes": "B", "Kilobytes": "KB", "Megabytes": "MB", "Gigabytes": "GB", "Bytes/Second": "B/s",
		"Count/Second": "/s", "Kilobits/Second": "Kilobits/Second",
	}
	for in, want := range tests {
		if got := unitSymbol(in); got != want {
			t.Errorf("unitSymbol(%q) = %q, want %q", in, got, want)
		}
	}
}
