package slackfmt

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cwslack/cwslack/alarm"
)

func TestPlainText(t *testing.T) {
	const j = zwj
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "ALARM: HighCPU", "ALARM: HighCPU"},
		{"entities", "a &amp; b &lt;!channel&gt; 42 &lt; 80", "a & b <!channel> 42 < 80"},
		{"entity decoded once", "&amp;lt;", "&lt;"},
		{"other entities kept", "&quot; &nbsp; &amp", "&quot; &nbsp; &amp"},
		{"here", "<!here> ALARM", "@here ALARM"},
		{"channel with label", "<!channel|channel>", "@channel"},
		{"everyone", "<!everyone>", "@everyone"},
		{"user", "<@U024BE7LH>", "@U024BE7LH"},
		{"user with label", "<@U024BE7LH|bob>", "@bob"},
		{"user group", "<!subteam^SAZ94GDB8>", "@SAZ94GDB8"},
		{"user group with handle", "<!subteam^SAZ94GDB8|@oncall>", "@oncall"},
		{"channel link", "<#C024BE7LR|general>", "#general"},
		{"channel link without label", "<#C024BE7LR>", "#C024BE7LR"},
		{"date token", "at " + date0, "at 2023-11-14 22:13 UTC"},
		{"date token without fallback", "<!date^1700000000^{time}>", "2023-11-14 22:13 UTC"},
		{"broken date token", "<!date^soon^{time}>", "!date^soon^{time}"},
		{"other special", "<!foo|bar> <!foo>", "bar foo"},
		{"link", "<https://e.example/a?b=1&amp;c=2|Open in CloudWatch>", "Open in CloudWatch (https://e.example/a?b=1&c=2)"},
		{"link without label", "<https://e.example>", "https://e.example"},
		{"link labelled with its URL", "<https://e.example|https://e.example>", "https://e.example"},
		{"link label escaped", "<https://e.example|a &amp; b ¦ c>", "a & b ¦ c (https://e.example)"},
		{"neutralisers", j + "*b" + j + "* " + j + "_i" + j + "_ ~" + j + "~ :" + j + "smile: " + j + "`c" + j + "`", "*b* _i_ ~~ :smile: `c`"},
		{"run of joiners", "::" + j + j + "x: a" + j + j + "*", "::x: a*"},
		{"emoji sequences kept", "🏳️" + j + "🌈 👨" + j + "💻", "🏳️" + j + "🌈 👨" + j + "💻"},
		{"unclosed", "a <b", "a <b"},
		{"empty brackets", "<> x", "<> x"},
		{"nested", "<<!here>", "<@here"},
		{"summary", "<!here> ALARM: :" + j + "large_green_circle: OK: db in eu-west-3: 42 &lt; 80 (was OK)", "@here ALARM: :large_green_circle: OK: db in eu-west-3: 42 < 80 (was OK)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := PlainText(tt.in); got != tt.want {
				t.Errorf("PlainText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestPlainTextReadsBuild checks that every text of a built message reads
// without entities, joiners before formatting characters or control
// sequences.
func TestPlainTextReadsBuild(t *testing.T) {
	a := metricAlarm()
	a.Name, a.Description = ":fire: <db> & *prod*", "<!channel> `x`"
	m := Build(a, WithMention(alarm.StateAlarm, MustParseMention("<!here>")))
	texts := []string{m.Text}
	for _, o := range textObjects(t, m) {
		if o.typ == "mrkdwn" {
			texts = append(texts, o.text)
		}
	}
	for _, s := range texts {
		got := PlainText(s)
		for _, bad := range []string{"&lt;", "&gt;", "&amp;", zwj, "<!", "<http"} {
			if strings.Contains(got, bad) {
				t.Errorf("PlainText(%q) = %q, holds %q", s, got, bad)
			}
		}
	}
	if got, want := PlainText(m.Text), "@here ALARM: :fire: <db> & *prod* in eu-west-3: 95.25 ≥ 80 (was OK)"; got != want {
		t.Errorf("PlainText(Text) = %q, want %q", got, want)
	}
}

// FuzzPlainText checks that PlainText never panics, keeps valid UTF-8
// valid, is idempotent on what has no "<" or "&" left, and reads alarm
// data escaped for mrkdwn or the top-level text as the data itself (on one
// line).
func FuzzPlainText(f *testing.F) {
	for _, s := range []string{"", injection, planes, date0, "<https://e.example/?a=1&amp;b|x &lt; y>", "a:b:c", ":" + zwj + "x:", "<<>>", "<!date^9999999999999999999^x>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := PlainText(s)
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("PlainText(%q) = %q, not valid UTF-8", s, got)
		}
		if !strings.ContainsAny(got, "<&") {
			if again := PlainText(got); again != got {
				t.Errorf("PlainText(%q) = %q, but PlainText of that = %q", s, got, again)
			}
		}
		if strings.Contains(s, zwj) {
			return
		}
		want := escaped(s, modeLine)
		for _, m := range []mode{modeMrkdwn, modeText} {
			if got := PlainText(escaped(s, m)); got != want {
				t.Errorf("PlainText(data(%q) in mode %d) = %q, want %q", s, m, got, want)
			}
		}
	})
}

// escaped returns s as a writer with room for all of it (an "&" takes five
// characters as "&amp;") writes it in mode m.
func escaped(s string, m mode) string {
	w := newWriter(5*len(s) + markerReserve + 1)
	w.data(s, m)
	return w.String()
}
