package alarm

import (
	"errors"
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want time.Time // zero means an error is expected
	}{
		{"CloudWatch +0000 with millis", "2021-06-27T13:53:39.351+0000", time.Date(2021, 6, 27, 13, 53, 39, 351e6, time.UTC)},
		{"CloudWatch +0000 without fraction", "2021-06-27T13:53:39+0000", time.Date(2021, 6, 27, 13, 53, 39, 0, time.UTC)},
		{"CloudWatch non-zero offset", "2021-06-27T15:53:39.351+0200", time.Date(2021, 6, 27, 13, 53, 39, 351e6, time.UTC)},
		{"CloudWatch negative offset", "2021-06-27T08:53:39.351-0500", time.Date(2021, 6, 27, 13, 53, 39, 351e6, time.UTC)},
		{"SNS Z with millis", "2021-10-21T10:20:50.973Z", time.Date(2021, 10, 21, 10, 20, 50, 973e6, time.UTC)},
		{"EventBridge Z without fraction", "2019-10-02T17:04:40Z", time.Date(2019, 10, 2, 17, 4, 40, 0, time.UTC)},
		{"RFC 3339 +00:00", "2021-06-27T13:53:39.351+00:00", time.Date(2021, 6, 27, 13, 53, 39, 351e6, time.UTC)},
		{"RFC 3339 -07:00 without fraction", "2021-06-27T06:53:39-07:00", time.Date(2021, 6, 27, 13, 53, 39, 0, time.UTC)},
		{"nanoseconds", "2021-06-27T13:53:39.123456789Z", time.Date(2021, 6, 27, 13, 53, 39, 123456789, time.UTC)},
		{"AWS doc typo, spaces after colons", "2023-08-04T12: 36: 15.490+0000", time.Date(2023, 8, 4, 12, 36, 15, 490e6, time.UTC)},
		{"AWS doc typo, two spaces", "2023-08-04T12:  36:15.490+0000", time.Date(2023, 8, 4, 12, 36, 15, 490e6, time.UTC)},
		{"empty", "", time.Time{}},
		{"date only", "2021-06-27", time.Time{}},
		{"reason form", "27/06/21 13:53:39", time.Time{}},
		{"composite reason form", "Friday 04 August, 2023 12:54:46 UTC", time.Time{}},
		{"no zone", "2021-06-27T13:53:39.351", time.Time{}},
		{"space instead of T", "2021-06-27 13:53:39.351+0000", time.Time{}},
		{"bad month", "2021-13-27T13:53:39.351+0000", time.Time{}},
		{"bad day", "2021-02-30T13:53:39.351+0000", time.Time{}},
		{"trailing garbage", "2021-06-27T13:53:39.351+0000x", time.Time{}},
		{"lone colon offset", "2021-06-27T13:53:39+:0", time.Time{}},
		{"garbage", "not a time", time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseTime(tt.in)
			if tt.want.IsZero() {
				var perr *time.ParseError
				if err == nil || !errors.As(err, &perr) {
					t.Fatalf("parseTime(%q) = %v, %v; want a *time.ParseError", tt.in, got, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("parseTime(%q) error: %v", tt.in, err)
			}
			if !got.Equal(tt.want) || got.Location() != time.UTC {
				t.Errorf("parseTime(%q) = %v; want %v in UTC", tt.in, got, tt.want)
			}
		})
	}
}

// TestParseTimeError checks that the error is the *time.ParseError, which
// a *DecodeError then carries as its cause.
func TestParseTimeError(t *testing.T) {
	_, err := parseTime("yesterday")
	if _, ok := err.(*time.ParseError); !ok {
		t.Errorf("parseTime(%q) error = %#v; want a *time.ParseError", "yesterday", err)
	}
}

func BenchmarkParseTime(b *testing.B) {
	for _, in := range []string{
		"2021-06-27T13:53:39.351+0000",
		"2021-10-21T10:20:50.973Z",
		"2021-06-27T13:53:39.351+00:00",
		"2023-08-04T12: 36: 15.490+0000",
	} {
		b.Run(in, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := parseTime(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
