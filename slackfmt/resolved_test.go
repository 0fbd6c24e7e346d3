package slackfmt

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

// okOf returns metricAlarm back to OK d after it entered ALARM, with the
// newest value v.
func okOf(d time.Duration, v float64) *alarm.Alarm {
	ok := metricAlarm()
	ok.PreviousState = ok.State
	ok.State = alarm.State{Value: alarm.StateOK, Timestamp: t0.Add(d), Reason: "Threshold Crossed: back below"}
	ok.Datapoints = values(v)
	return ok
}

const (
	// date1 is the date token of t0 + 1 h 5 min.
	date1 = "<!date^1700003900^{date_short_pretty} at {time}|2023-11-14 23:18 UTC>"
	// alarmChange is the state section of metricAlarm.
	alarmChange = change0 + " · latest 95.25 ≥ 80"
)

// metricDetails is what follows the state change in metricAlarm's message.
func metricDetails() []string {
	return append(metricLayout()[3:], footer)
}

func TestBuildResolved(t *testing.T) {
	here := WithMention(alarm.StateAlarm, MustParseMention("<!here>"))
	tests := []struct {
		name          string
		announced, ok *alarm.Alarm
		opts          []Option
		text          string
		want          []string
	}{{
		name:      "back to OK",
		announced: metricAlarm(),
		ok:        okOf(65*time.Minute, 42),
		opts:      []Option{here},
		text:      "Resolved: HighCPU in eu-west-3: 42 &lt; 80 (was ALARM for 1 h 5 min)",
		want: append([]string{
			"header: ✅ Resolved: HighCPU",
			"section: CPU of the web tier is high",
			"section: *ALARM → OK* after 1 h 5 min · " + date1 + " · latest 42 &lt; 80",
			alarmChange,
		}, metricDetails()...),
	}, {
		name:      "OK not known",
		announced: metricAlarm(),
		text:      "Resolved: HighCPU in eu-west-3 (was ALARM)",
		want: append([]string{
			"header: ✅ Resolved: HighCPU",
			"section: CPU of the web tier is high",
			"section: *ALARM → OK*",
			alarmChange,
		}, metricDetails()...),
	}, {
		name:      "announced without a time: the OK's previous state says",
		announced: func() *alarm.Alarm { a := metricAlarm(); a.State.Timestamp = time.Time{}; return a }(),
		ok:        okOf(2*24*time.Hour+3*time.Hour, 10),
		text:      "Resolved: HighCPU in eu-west-3: 10 &lt; 80 (was ALARM for 2 days 3 h)",
		want: append([]string{
			"header: ✅ Resolved: HighCPU",
			"section: CPU of the web tier is high",
			"section: *ALARM → OK* after 2 days 3 h · <!date^1700183600^{date_short_pretty} at {time}|2023-11-17 01:13 UTC> · latest 10 &lt; 80",
			"section: *OK → ALARM* · latest 95.25 ≥ 80",
		}, metricDetails()...),
	}, {
		name:      "compact",
		announced: metricAlarm(),
		ok:        okOf(40*time.Second, 42),
		opts:      []Option{WithCompact(true), here},
		text:      "Resolved: HighCPU in eu-west-3: 42 &lt; 80 (was ALARM for 40 s)",
		want: []string{
			"header: ✅ Resolved: HighCPU",
			"section: *ALARM → OK* after 40 s · <!date^1700000040^{date_short_pretty} at {time}|2023-11-14 22:14 UTC> · latest 42 &lt; 80 · " +
				"Account 123456789012 · eu-west-3 · <" + console + "|Open in CloudWatch>",
		},
	}, {
		name:      "composite",
		announced: compositeAlarm(),
		ok: func() *alarm.Alarm {
			a := compositeAlarm()
			a.State = alarm.State{Value: alarm.StateOK, Timestamp: t0.Add(12 * time.Minute)}
			return a
		}(),
		text: "Resolved: ServiceAggregated in us-east-1 (was ALARM for 12 min)",
		want: []string{
			"header: ✅ Resolved: ServiceAggregated",
			"section: *ALARM → OK* after 12 min · <!date^1700000720^{date_short_pretty} at {time}|2023-11-14 22:25 UTC>",
			"section: *OK → ALARM* · " + date0,
			"section: *Rule:* `ALARM(ServerCpuTooHigh) OR ALARM(TotalNetworkTrafficTooHigh)`",
			"section: *Triggered by:*\n🔴 <https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServerCpuTooHigh|ServerCpuTooHigh> ALARM · " + date0,
			"section: *Actions suppressed* (WaitPeriod): Actions suppressed by WaitPeriod\n*Suppressor:* `Maintenance` · wait 2 min · extension 3 min",
			"context: Account 123456789012 · us-east-1 · <https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/ServiceAggregated|Open in CloudWatch>",
		},
	}, {
		name: "nothing known",
		text: "Resolved: (unnamed alarm)",
		want: []string{"header: ✅ Resolved: (unnamed alarm)", "section: *OK*", "section: *UNKNOWN*"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := BuildResolved(tt.announced, tt.ok, tt.opts...)
			if err := Validate(m); err != nil {
				t.Errorf("Validate = %v", err)
			}
			if m.Text != tt.text {
				t.Errorf("Text = %q, want %q", m.Text, tt.text)
			}
			if diff := cmp.Diff(tt.want, blockTexts(t, m)); diff != "" {
				t.Errorf("blocks mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestBuildResolvedNilAnnounced(t *testing.T) {
	ok := okOf(time.Hour, 42)
	got, want := BuildResolved(nil, ok), BuildResolved(ok, ok)
	if diff := cmp.Diff(blockTexts(t, want), blockTexts(t, got)); diff != "" {
		t.Errorf("BuildResolved(nil, ok) differs from BuildResolved(ok, ok) (-want +got):\n%s", diff)
	}
}

func TestBuildResolvedIDsAndMetadata(t *testing.T) {
	announced := metricAlarm()
	original := Build(announced)
	for _, tt := range []struct {
		name   string
		ok     *alarm.Alarm
		suffix string
	}{
		{"OK with a time", okOf(65*time.Minute, 42), "-1700003900"},
		{"OK not known", nil, "-resolved"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := BuildResolved(announced, tt.ok)
			taken := map[string]bool{}
			for _, b := range original.Blocks.BlockSet {
				taken[b.ID()] = true
			}
			for _, b := range m.Blocks.BlockSet {
				if taken[b.ID()] || !strings.HasSuffix(b.ID(), tt.suffix) {
					t.Errorf("block_id %q: want a new one ending in %q", b.ID(), tt.suffix)
				}
			}
			p := m.Metadata.EventPayload
			if p["state"] != "OK" || p["previous_state"] != "ALARM" || p["alarm_arn"] != announced.ARN {
				t.Errorf("metadata payload %v, want state OK, previous_state ALARM and the alarm's ARN", p)
			}
		})
	}
}

func TestBuildResolvedOptions(t *testing.T) {
	ok := okOf(time.Hour, 42)
	m := BuildResolved(metricAlarm(), ok, WithColorBar(true))
	if len(m.Attachments) != 1 || m.Attachments[0].Color != stateColor(alarm.StateOK) {
		t.Errorf("attachments %+v, want one in the OK colour", m.Attachments)
	}
	var hooked *alarm.Alarm
	hook := WithBlocks(func(a *alarm.Alarm, bs []slack.Block) []slack.Block {
		hooked = a
		return bs[:1]
	})
	if m := BuildResolved(metricAlarm(), ok, hook); hooked != ok || len(m.Blocks.BlockSet) != 1 {
		t.Errorf("hook got %p and left %d blocks, want the OK alarm %p and 1 block", hooked, len(m.Blocks.BlockSet), ok)
	}
	announced := metricAlarm()
	if BuildResolved(announced, nil, hook); hooked != announced {
		t.Errorf("hook got %p, want the announced alarm %p when ok is nil", hooked, announced)
	}
}

// TestBuildResolvedHostile builds the resolved message of every hostile
// alarm, with every option set (mentions included), and checks that no
// mention, link or emoji code that the alarm could have smuggled in is
// live anywhere, and that no configured mention is either.
func TestBuildResolvedHostile(t *testing.T) {
	spoof := metricAlarm()
	spoof.Name = ":large_green_circle: OK: db <!channel> <https://evil.example|AWS Console> *bold*"
	alarms := hostile()
	alarms["spoofing name"] = spoof
	for name, a := range alarms {
		for optName, opts := range optionSets {
			t.Run(name+"/"+optName, func(t *testing.T) {
				for _, ok := range []*alarm.Alarm{nil, a, spoof} {
					m := BuildResolved(a, ok, opts...)
					if err := Validate(m); err != nil {
						t.Fatalf("Validate(BuildResolved(…)) = %v", err)
					}
					shown := a
					if shown == nil {
						shown = ok
					}
					checkSafe(t, m, nil, allowedURLs(shown, opts))
					checkNoLiveEmoji(t, m)
				}
			})
		}
	}
}

func TestBuildResolvedSpoofingName(t *testing.T) {
	a := metricAlarm()
	a.Name = ":large_green_circle: OK: db"
	m := BuildResolved(a, okOf(time.Hour, 42))
	flags := plainEmojiFlags(m)
	if on, ok := flags["✅ Resolved: :large_green_circle: OK: db"]; !ok || on {
		t.Errorf("plain_text emoji flags %v, want the header with emoji off", flags)
	}
	if want := "Resolved: :\u200dlarge_green_circle: OK: db in eu-west-3: 42 &lt; 80 (was ALARM for 1 h)"; m.Text != want {
		t.Errorf("Text = %q, want %q", m.Text, want)
	}
}

// emojiCode matches an emoji code, such as :large_green_circle:, that
// Slack would render as an emoji.
var emojiCode = regexp.MustCompile(`:[\p{L}\p{N}_+'-]+:`)

// codeSpan matches a code span or block, inside which Slack renders no
// emoji.
var codeSpan = regexp.MustCompile("(?s)```.*?```|`[^`]*`")

// checkNoLiveEmoji fails t if an emoji code would render as an emoji
// anywhere in m but a button label, which the caller configures: in the
// top-level text, in mrkdwn outside code, or in a plain_text object with
// emoji on.
func checkNoLiveEmoji(t *testing.T, m *Message) {
	t.Helper()
	if code := emojiCode.FindString(m.Text); code != "" {
		t.Errorf("top-level text %q has the live emoji code %q", m.Text, code)
	}
	for _, o := range textObjects(t, m) {
		switch {
		case o.typ == "mrkdwn":
			if code := emojiCode.FindString(codeSpan.ReplaceAllString(o.text, "")); code != "" {
				t.Errorf("%s: %q has the live emoji code %q", o.path, o.text, code)
			}
		case o.emoji && !isButtonText(o.path):
			t.Errorf("%s: plain_text %q has emoji on", o.path, o.text)
		}
	}
}

// buttonText matches the path of a button's text in an actions block.
var buttonText = regexp.MustCompile(`/elements/\d+/text$`)

func isButtonText(path string) bool { return buttonText.MatchString(path) }
