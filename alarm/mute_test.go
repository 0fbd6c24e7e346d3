package alarm

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestMuteRuleName(t *testing.T) {
	tests := []struct{ arn, want string }{
		{"arn:aws:cloudwatch:us-east-1:1234567890:alarm-mute-rule:testMute", "testMute"},
		{"arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm-mute-rule:weekly: db", "weekly: db"},
		{"arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCPU", ""},
		{"testMute", ""},
		{"", ""},
	}
	for _, tt := range tests {
		m := Mute{RuleARN: tt.arn}
		if got := m.RuleName(); got != tt.want {
			t.Errorf("Mute{RuleARN: %q}.RuleName() = %q, want %q", tt.arn, got, tt.want)
		}
	}
}

func TestWireMute(t *testing.T) {
	start, end := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC), time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	const arn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm-mute-rule:m"
	tests := []struct {
		name, in string
		want     *Mute
	}{
		{"+0000 form (AWS docs)", `{"mutedByArn":"` + arn + `","muteWindowStart":"2026-01-01T10:00:00.000+0000","muteWindowEnd":"2026-01-01T12:00:00.000+0000"}`, &Mute{arn, start, end}},
		{"Z form", `{"mutedByArn":"` + arn + `","muteWindowStart":"2026-01-01T10:00:00.000Z","muteWindowEnd":"2026-01-01T12:00:00Z"}`, &Mute{arn, start, end}},
		{"unreadable times", `{"mutedByArn":"` + arn + `","muteWindowStart":"soon","muteWindowEnd":""}`, &Mute{RuleARN: arn}},
		{"empty object is still a mute", `{}`, &Mute{}},
		{"null", `null`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var w *wireMute
			if err := json.Unmarshal([]byte(tt.in), &w); err != nil {
				t.Fatalf("Unmarshal(%s): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, w.model()); diff != "" {
				t.Errorf("model mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
