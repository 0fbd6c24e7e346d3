package slackfmt

import (
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

func TestBuildTags(t *testing.T) {
	many := map[string]string{}
	for i := range 9 {
		many["k"+strconv.Itoa(i)] = "v"
	}
	tests := []struct {
		name string
		tags map[string]string
		opts []Option
		want []string // footer elements
	}{{
		name: "sorted and escaped",
		tags: map[string]string{"team": "payments", "env": "prod", "owner": "<!channel> *x*", "flag": ""},
		want: []string{"Account 123456789012 · eu-west-3", "env=prod · flag · owner=&lt;!channel&gt; \u200d*x\u200d* · team=payments"},
	}, {
		name: "at most six",
		tags: many,
		want: []string{"Account 123456789012 · eu-west-3", "k0=v · k1=v · k2=v · k3=v · k4=v · k5=v +3 more"},
	}, {
		name: "tag shown as a link is left out",
		tags: map[string]string{"runbook": "https://wiki.example.com/r", "env": "prod"},
		opts: []Option{WithTagLink("runbook", "Runbook")},
		want: []string{"Account 123456789012 · eu-west-3 · <https://wiki.example.com/r|Runbook>", "env=prod"},
	}, {
		name: "long key and value",
		tags: map[string]string{"k" + strings.Repeat("a", 100): strings.Repeat("b", 100)},
		want: []string{"Account 123456789012 · eu-west-3", "k" + strings.Repeat("a", 58) + "…=" + strings.Repeat("b", 59) + "…"},
	}, {
		name: "none",
		want: []string{"Account 123456789012 · eu-west-3"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := metricAlarm()
			a.ConsoleURL, a.Tags = "", tt.tags
			m := Build(a, tt.opts...)
			if err := Validate(m); err != nil {
				t.Errorf("Validate = %v", err)
			}
			if diff := cmp.Diff(tt.want, footerElements(m)); diff != "" {
				t.Errorf("footer mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// footerElements returns the texts of the footer's elements.
func footerElements(m *Message) []string {
	var out []string
	for _, b := range m.Blocks.BlockSet {
		c, ok := b.(*slack.ContextBlock)
		if !ok || !strings.HasPrefix(c.BlockID, "cw-footer") {
			continue
		}
		for _, e := range c.ContextElements.Elements {
			out = append(out, e.(*slack.TextBlockObject).Text)
		}
	}
	return out
}

func TestSafeURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2", true},
		{"HTTP://example.com", "HTTP://example.com", true},
		{"https://evil.example/x|AWS Console> <!channel>", "https://evil.example/x%7CAWS%20Console%3E%20%3C!channel%3E", true},
		{"https://例え.jp/パス", "https://%E4%BE%8B%E3%81%88.jp/%E3%83%91%E3%82%B9", true},
		{"javascript:alert(1)", "", false},
		{"//example.com", "", false},
		{"https://", "", false},
		{"https:///path", "", false},
		{"ftp://example.com", "", false},
		{"", "", false},
		{"https://x/" + strings.Repeat("a", 2991), "", false},
	}
	for _, tt := range tests {
		got, ok := safeURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("safeURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
