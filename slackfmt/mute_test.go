package slackfmt

import (
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
)

// Date tokens of the mute window of mutedAlarm.
const (
	dateMuteStart = "<!date^1699996400^{date_short_pretty} at {time}|2023-11-14 21:13 UTC>"
	dateMuteEnd   = "<!date^1700003600^{date_short_pretty} at {time}|2023-11-14 23:13 UTC>"
	mutedLine     = "section: 🔕 *Muted* by alarm mute rule `nightly-deploy` from " + dateMuteStart + " until " + dateMuteEnd +
		"\nCloudWatch runs none of this alarm's actions during the window, and runs them when it ends if the alarm is still in this state."
)

func TestBuildMuted(t *testing.T) {
	everyone := []Option{
		WithMention(alarm.StateAlarm, MustParseMention("<!here>"), MustParseMention("<@U024BE7LH>")),
		WithMention(alarm.StateOK, MustParseMention("<!channel>")),
	}
	tests := []struct {
		name  string
		alarm func() *alarm.Alarm
		opts  []Option
		text  string
		want  []string
	}{{
		name:  "muted, no mention whatever the options",
		alarm: mutedAlarm,
		opts:  everyone,
		text:  "ALARM (muted): HighCPU in eu-west-3: 95.25 ≥ 80 (was OK)",
		want:  append([]string{"header: 🔕 ALARM (muted): HighCPU", mutedLine}, append(metricLayout()[1:], footer)...),
	}, {
		name: "muted, rule and window unknown",
		alarm: func() *alarm.Alarm {
			a := metricAlarm()
			a.Mute = &alarm.Mute{}
			return a
		},
		opts: everyone,
		text: "ALARM (muted): HighCPU in eu-west-3: 95.25 ≥ 80 (was OK)",
		want: append([]string{"header: 🔕 ALARM (muted): HighCPU",
			"section: 🔕 *Muted* by an alarm mute rule until its window ends\nCloudWatch runs none of this alarm's actions during the window, and runs them when it ends if the alarm is still in this state."},
			append(metricLayout()[1:], footer)...),
	}, {
		name: "muted by a rule whose ARN has no name",
		alarm: func() *alarm.Alarm {
			a := mutedAlarm()
			a.Mute.RuleARN, a.Mute.Start = "nightly`<!here>", time.Time{}
			return a
		},
		want: append([]string{"header: 🔕 ALARM (muted): HighCPU",
			"section: 🔕 *Muted* by alarm mute rule `nightly\u200d`&lt;!here&gt;` until " + dateMuteEnd +
				"\nCloudWatch runs none of this alarm's actions during the window, and runs them when it ends if the alarm is still in this state."},
			append(metricLayout()[1:], footer)...),
	}, {
		name:  "muted, compact",
		alarm: mutedAlarm,
		opts:  append([]Option{WithCompact(true)}, everyone...),
		text:  "ALARM (muted): HighCPU in eu-west-3: 95.25 ≥ 80 (was OK)",
		want: []string{"header: 🔕 ALARM (muted): HighCPU",
			"section: *OK → ALARM* after 3 h 5 min · " + date0 + " · latest 95.25 ≥ 80 · 🔕 muted until " + dateMuteEnd + " · Account 123456789012 · eu-west-3 · <" + console + "|Open in CloudWatch>"},
	}, {
		name: "after a mute window, mentions kept",
		alarm: func() *alarm.Alarm {
			a := metricAlarm()
			a.ActionAfterMuteWindow = true
			return a
		},
		opts: everyone,
		text: "<!here> <@U024BE7LH> ALARM (after mute window): HighCPU in eu-west-3: 95.25 ≥ 80 (was OK)",
		want: append([]string{"header: 🔴 ALARM (after mute window): HighCPU",
			"section: <!here> <@U024BE7LH>",
			"section: 🔔 *Sent after a mute window:* CloudWatch held this notification back while the alarm was muted. The alarm has been in ALARM since " + date0 + "."},
			append(metricLayout()[1:], footer)...),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(tt.alarm(), tt.opts...)
			if tt.text != "" && m.Text != tt.text {
				t.Errorf("Text = %q, want %q", m.Text, tt.text)
			}
			if diff := cmp.Diff(tt.want, blockTexts(t, m)); diff != "" {
				t.Errorf("blocks mismatch (-want +got):\n%s", diff)
			}
			if err := Validate(m); err != nil {
				t.Errorf("Validate = %v", err)
			}
		})
	}
}

// TestBuildMutedNoMention checks every option set on a muted alarm of
// every kind: no mention anywhere, and "muted" in the header, the
// top-level text and the note.
func TestBuildMutedNoMention(t *testing.T) {
	for _, k := range kinds {
		for optName, opts := range optionSets {
			t.Run(k.name+"/"+optName, func(t *testing.T) {
				a := k.alarm()
				a.Mute = &alarm.Mute{RuleARN: "arn:aws:cloudwatch:us-east-1:1:alarm-mute-rule:m", End: t0}
				m := Build(a, append(opts, WithMention(a.State.Value, MustParseMention("<!channel>")))...)
				checkSafe(t, m, nil, allowedURLs(a, opts))
				header := blockTexts(t, m)[0]
				if !strings.HasPrefix(header, "header: 🔕 ") || !strings.Contains(header, "(muted)") {
					t.Errorf("header %q does not say muted", header)
				}
				if !strings.Contains(m.Text, "(muted)") {
					t.Errorf("Text %q does not say muted", m.Text)
				}
				if read := PlainText(strings.Join(blockTexts(t, m), "\n")); !strings.Contains(read, "until 2023-11-14 22:13 UTC") {
					t.Errorf("blocks do not say until when: %q", read)
				}
			})
		}
	}
}
