package send

import (
	"errors"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

func TestBuildOptions(t *testing.T) {
	c := Config{WebhookURL: envHook, Mention: "<!here>", AccountAliases: map[string]string{"123456789012": "prod-account"}}
	opts, err := c.BuildOptions()
	if err != nil {
		t.Fatalf("BuildOptions() error = %v", err)
	}
	for _, tt := range []struct {
		state       alarm.StateValue
		wantMention bool
	}{{alarm.StateAlarm, true}, {alarm.StateOK, false}} {
		a := testAlarm(tt.state)
		m := slackfmt.Build(a, opts...)
		if got := strings.Contains(m.Text, "<!here>"); got != tt.wantMention {
			t.Errorf("%s: text %q mentions <!here> = %v, want %v", tt.state, m.Text, got, tt.wantMention)
		}
		body, err := m.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(body), "prod-account") {
			t.Errorf("%s: message does not show the account alias: %s", tt.state, body)
		}
	}
}

func TestBuildOptionsBadMention(t *testing.T) {
	for _, mention := range []string{"@here", "<https://evil.example|x>", "<!here> <!channel>"} {
		_, err := Config{WebhookURL: envHook, Mention: mention}.BuildOptions()
		if !errors.Is(err, ErrConfig) || !errors.Is(err, slackfmt.ErrInvalidMention) {
			t.Errorf("BuildOptions() with mention %q: error = %v, want ErrConfig and ErrInvalidMention", mention, err)
		}
	}
}
