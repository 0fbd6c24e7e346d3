package slackfmt

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

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

func TestBuildUnits(t *testing.T) {
	tests := []struct {
		unit, condition, datapoints string
	}{{
		unit:       "Percent",
		condition:  "*Condition:* CPUUtilization ≥ 80% for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Percent) vs threshold 80%",
	}, {
		unit:       "Milliseconds",
		condition:  "*Condition:* CPUUtilization ≥ 80 ms for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Milliseconds) vs threshold 80 ms",
	}, {
		unit:       "Count",
		condition:  "*Condition:* CPUUtilization ≥ 80 for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Count) vs threshold 80",
	}, {
		unit:       "Things<!here>",
		condition:  "*Condition:* CPUUtilization ≥ 80 Things&lt;!here&gt; for 2 of 2 datapoints of 1 min\nMissing data counts as breaching.",
		datapoints: "*Recent datapoints* (Average, 1 min, Things&lt;!here&gt;) vs threshold 80 Things&lt;!here&gt;",
	}}
	for _, tt := range tests {
		t.Run(tt.unit, func(t *testing.T) {
			a := metricAlarm()
			a.Metrics[0].Unit = tt.unit
			a.Datapoints = values(10)
			m := Build(a)
			got := [2]string{sectionText(t, m, "cw-condition"), firstLine(sectionText(t, m, "cw-datapoints"))}
			if diff := cmp.Diff([2]string{tt.condition, tt.datapoints}, got); diff != "" {
				t.Errorf("condition and datapoints mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func firstLine(s string) string {
	for i := range s {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

func TestBuildMissingData(t *testing.T) {
	missing := append(values(90), alarm.Datapoint{})
	tests := []struct {
		name  string
		treat alarm.TreatMissingData
		data  []alarm.Datapoint
		want  string // the condition's second line, "" for none
	}{
		{"default, none missing", alarm.TreatMissing, values(90), ""},
		{"unknown, none missing", "", values(90), ""},
		{"default, some missing", alarm.TreatMissing, missing, "Missing datapoints (–) are left out of the evaluation."},
		{"breaching", alarm.TreatBreaching, values(90), "Missing data counts as breaching."},
		{"not breaching", alarm.TreatNotBreaching, values(90), "Missing data counts as not breaching."},
		{"ignore", alarm.TreatIgnore, values(90), "Missing data is ignored: the alarm keeps its state."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := metricAlarm()
			a.Condition.TreatMissingData, a.Datapoints = tt.treat, tt.data
			text := sectionText(t, Build(a), "cw-condition")
			got := ""
			if first := firstLine(text); first != text {
				got = text[len(first)+1:]
			}
			if got != tt.want {
				t.Errorf("condition %q: second line %q, want %q", text, got, tt.want)
			}
		})
	}
}

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
