package send

import (
	"net/http"
	"testing"
	"time"
)

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		in     string
		want   time.Duration
		wantOK bool
	}{
		{"empty", "", 0, false},
		{"seconds", "30", 30 * time.Second, true},
		{"zero", "0", 0, true},
		{"spaces", " 2 ", 2 * time.Second, true},
		{"negative", "-1", 0, false},
		{"huge", "99999999999999999", 24 * time.Hour, true},
		{"beyond int64", "99999999999999999999", 24 * time.Hour, true},
		{"below int64", "-99999999999999999999", 0, false},
		{"fraction", "1.5", 0, false},
		{"http date", now.Add(90 * time.Second).Format(http.TimeFormat), 90 * time.Second, true},
		{"http date past", now.Add(-time.Hour).Format(http.TimeFormat), 0, true},
		{"rfc 850 date", "Wednesday, 25-Nov-26 10:00:05 GMT", 5 * time.Second, true},
		{"garbage", "soon", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseRetryAfter(tt.in, now)
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func FuzzParseRetryAfter(f *testing.F) {
	for _, s := range []string{"", "1", "120", "-5", "Wed, 25 Nov 2026 10:00:00 GMT", "1e9", "9223372036854775807"} {
		f.Add(s)
	}
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseRetryAfter(s, now)
		if d < 0 {
			t.Fatalf("parseRetryAfter(%q) = %v, %v", s, d, ok)
		}
		if !ok && d != 0 {
			t.Fatalf("parseRetryAfter(%q) = %v, false; want 0 when not ok", s, d)
		}
	})
}
