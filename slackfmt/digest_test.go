package slackfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
)

// digestFixtures returns every alarm that the fixture payloads
// (testdata/payloads) hold, in file order.
func digestFixtures(t testing.TB) []*alarm.Alarm {
	t.Helper()
	files, err := filepath.Glob("../testdata/payloads/*.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixture payloads: %v", err)
	}
	var out []*alarm.Alarm
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		as, _ := alarm.Parse(b) // payloads that hold no alarm are part of the fixtures too
		out = append(out, as...)
	}
	if len(out) < 20 {
		t.Fatalf("the fixtures hold %d alarms, want at least 20 of mixed kinds", len(out))
	}
	return out
}

// digestStorm returns n alarms of mixed kinds and states made from the
// fixtures: copies, each with a name and a state-change time of its own.
func digestStorm(t testing.TB, n int) []*alarm.Alarm {
	t.Helper()
	base := digestFixtures(t)
	out := make([]*alarm.Alarm, n)
	for i := range n {
		c := *base[(i*3)%len(base)] // 3 and the number of fixtures share no factor: every fixture is used
		c.Name = fmt.Sprintf("%s-%03d", c.Name, i)
		c.State.Timestamp = time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC).Add(time.Duration(i*37%n) * time.Second)
		out[i] = &c
	}
	return out
}

// digestOptions are the options of the golden digests.
func digestOptions() []Option {
	return []Option{
		WithMention(alarm.StateAlarm, MustParseMention("<!here>")),
		WithMention(alarm.StateOK, MustParseMention("<@U024BE7LH>")),
		WithAccountAlias("111122223333", "prod"),
	}
}

// digestJSON returns the webhook bodies of msgs as one indented JSON
// array, with < > & readable, for golden files.
func digestJSON(t testing.TB, msgs []*Message) []byte {
	t.Helper()
	var bodies []json.RawMessage
	for _, m := range msgs {
		b, err := m.MarshalJSON()
		if err != nil {
			t.Fatalf("MarshalJSON: %v", err)
		}
		bodies = append(bodies, b)
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(bodies); err != nil {
		t.Fatal(err)
	}
	b := out.Bytes()
	for esc, c := range map[string]string{`\u003c`: "<", `\u003e`: ">", `\u0026`: "&"} {
		b = bytes.ReplaceAll(b, []byte(esc), []byte(c))
	}
	return b
}

func TestDigestGolden(t *testing.T) {
	for _, n := range []int{1, 6, 100, 200} {
		t.Run(strconv.Itoa(n), func(t *testing.T) {
			msgs := BuildDigest(digestStorm(t, n), digestOptions()...)
			checkDigest(t, msgs, n)
			path := filepath.Join("..", "testdata", "digest", strconv.Itoa(n)+".golden")
			got := digestJSON(t, msgs)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./slackfmt -run TestDigestGolden -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
			}
		})
	}
}

// checkDigest checks what every digest must be: valid messages, each
// alarm listed once, in the order of states and times, and at most one
// message with mentions, the first.
func checkDigest(t *testing.T, msgs []*Message, n int) {
	t.Helper()
	if len(msgs) == 0 {
		t.Fatalf("BuildDigest of %d alarms returned no message", n)
	}
	listed := 0
	for i, m := range msgs {
		if err := Validate(m); err != nil {
			t.Errorf("message %d of %d: %v", i+1, len(msgs), err)
		}
		blocks := digestBlocks(m)
		if len(blocks) > maxBlocks {
			t.Errorf("message %d has %d blocks", i+1, len(blocks))
		}
		lines := digestLines(t, m)
		listed += len(lines)
		if got, _ := strconv.Atoi(m.Metadata.EventPayload["alarms"].(string)); got != len(lines) {
			t.Errorf("message %d metadata says %d alarms, it lists %d", i+1, got, len(lines))
		}
		if i > 0 && len(digestMentions(t, m)) > 0 {
			t.Errorf("message %d of %d has mentions %v: only the first may", i+1, len(msgs), digestMentions(t, m))
		}
	}
	if listed != n {
		t.Errorf("the digest lists %d alarms, want %d", listed, n)
	}
}

// digestBlocks returns the blocks of m, wherever they are.
func digestBlocks(m *Message) []any {
	var out []any
	for _, b := range m.Blocks.BlockSet {
		out = append(out, b)
	}
	for _, a := range m.Attachments {
		for _, b := range a.Blocks.BlockSet {
			out = append(out, b)
		}
	}
	return out
}

// digestLines returns the alarm lines of m: the lines of its list
// sections that start with a state emoji.
func digestLines(t testing.TB, m *Message) []string {
	t.Helper()
	var out []string
	for _, obj := range textObjects(t, m) {
		if !strings.Contains(obj.path, "/blocks/") || obj.typ != "mrkdwn" {
			continue
		}
		for _, line := range strings.Split(obj.text, "\n") {
			for _, e := range []string{"🔴 ", "✅ ", "⚪ ", "❔ "} {
				if strings.HasPrefix(line, e) {
					out = append(out, line)
				}
			}
		}
	}
	return out
}

// controlToken finds Slack's control sequences in text.
var controlToken = regexp.MustCompile(`<[^<>]*>`)

// digestMentions returns the mentions in the top-level text and the
// mrkdwn of m.
func digestMentions(t testing.TB, m *Message) []string {
	t.Helper()
	var out []string
	texts := []string{m.Text}
	for _, obj := range textObjects(t, m) {
		if obj.typ == "mrkdwn" {
			texts = append(texts, obj.text)
		}
	}
	for _, s := range texts {
		for _, tok := range controlToken.FindAllString(s, -1) {
			if strings.HasPrefix(tok, "<!") && !strings.HasPrefix(tok, "<!date^") || strings.HasPrefix(tok, "<@") {
				out = append(out, tok)
			}
		}
	}
	return out
}

func TestDigestMentions(t *testing.T) {
	here := MustParseMention("<!here>")
	firing, resolved := digestAlarm("db", alarm.StateAlarm), digestAlarm("db", alarm.StateOK)
	tests := []struct {
		name   string
		alarms []*alarm.Alarm
		opts   []Option
		want   []string // mentions of the first message
	}{
		{"ALARM mention, an alarm entered ALARM", []*alarm.Alarm{resolved, firing}, []Option{WithMention(alarm.StateAlarm, here)}, []string{"<!here>", "<!here>"}},
		{"ALARM mention, no alarm in ALARM", []*alarm.Alarm{resolved, resolved}, []Option{WithMention(alarm.StateAlarm, here)}, nil},
		{"OK mention only", []*alarm.Alarm{resolved, firing}, []Option{WithMention(alarm.StateOK, here)}, nil},
		{"no mention configured", []*alarm.Alarm{firing}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msgs := BuildDigest(tt.alarms, tt.opts...)
			// The mention shows twice in the first message: in its text, for
			// notifications, and in its mention section. Slack notifies once.
			if diff := cmp.Diff(tt.want, digestMentions(t, msgs[0])); diff != "" {
				t.Errorf("mentions mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDigestOneMentionInAStorm checks that a storm of 300 alarms in
// ALARM, split over several messages, mentions once.
func TestDigestOneMentionInAStorm(t *testing.T) {
	var alarms []*alarm.Alarm
	for i := range 300 {
		alarms = append(alarms, digestAlarm("api-"+strconv.Itoa(i), alarm.StateAlarm))
	}
	msgs := BuildDigest(alarms, WithMention(alarm.StateAlarm, MustParseMention("<!channel>")))
	if len(msgs) < 3 {
		t.Fatalf("300 alarms fit in %d messages; the test wants several", len(msgs))
	}
	checkDigest(t, msgs, 300)
	if got := digestMentions(t, msgs[0]); len(got) != 2 || got[0] != "<!channel>" {
		t.Errorf("first message mentions %v, want <!channel> in its text and its mention section", got)
	}
}

// digestAlarm returns a small metric alarm named name in state v.
func digestAlarm(name string, v alarm.StateValue) *alarm.Alarm {
	val, th := 93.61, 80.0
	prev := alarm.StateOK
	if v == alarm.StateOK {
		prev = alarm.StateAlarm
	}
	return &alarm.Alarm{
		Name: name, AccountID: "123456789012", Region: "eu-west-1", Kind: alarm.KindMetric,
		State:         alarm.State{Value: v, Timestamp: time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC)},
		PreviousState: alarm.State{Value: prev},
		Condition:     &alarm.Condition{ComparisonOperator: alarm.GreaterThanOrEqualToThreshold, Threshold: &th},
		Metrics:       []alarm.Metric{{Namespace: "AWS/EC2", MetricName: "CPUUtilization", Stat: "Average", Unit: "Percent", ReturnData: true}},
		Datapoints:    []alarm.Datapoint{{Timestamp: time.Date(2026, 11, 25, 10, 1, 0, 0, time.UTC), Value: &val}},
		ConsoleURL:    "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/" + name,
	}
}

// TestDigestOrder checks that ALARM comes first, then INSUFFICIENT_DATA,
// then OK, each by the time of the state change, unknown times last.
func TestDigestOrder(t *testing.T) {
	at := func(name string, v alarm.StateValue, min int) *alarm.Alarm {
		a := digestAlarm(name, v)
		a.State.Timestamp = time.Time{}
		if min >= 0 {
			a.State.Timestamp = time.Date(2026, 11, 25, 10, min, 0, 0, time.UTC)
		}
		return a
	}
	alarms := []*alarm.Alarm{
		at("ok-early", alarm.StateOK, 1), nil, at("alarm-late", alarm.StateAlarm, 9), at("insufficient", alarm.StateInsufficientData, 5),
		at("alarm-untimed", alarm.StateAlarm, -1), at("alarm-early", alarm.StateAlarm, 2), at("ok-late", alarm.StateOK, 8),
	}
	var got []string
	for _, a := range digestOrder(alarms) {
		got = append(got, a.Name)
	}
	want := []string{"alarm-early", "alarm-late", "alarm-untimed", "insufficient", "ok-early", "ok-late"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("order mismatch (-want +got):\n%s", diff)
	}
	if BuildDigest(nil) != nil || BuildDigest([]*alarm.Alarm{nil}) != nil {
		t.Errorf("BuildDigest of no alarm is not nil")
	}
}

// hostileNames are alarm names that try to smuggle markup into a message.
var hostileNames = []string{
	"<!channel> disk full",
	"<!here|here>",
	"<@U024BE7LH> look",
	"<!subteam^S0123ABC>",
	"<https://evil.example/login|AWS Console>",
	":large_green_circle: OK: db",
	"*bold* _italic_ ~strike~ `code`",
	"a|b>c&d",
	"line one\nline two\n> quote",
	"\u202Egnp.exe",
	strings.Repeat("<!channel>", 500),
	strings.Repeat("é", 5000),
	"",
}

// TestDigestHostile builds digests of alarms with hostile names, regions
// and accounts, and checks that no mention, link or emoji code gets
// through but the configured ones, and that every message stays valid.
func TestDigestHostile(t *testing.T) {
	var alarms []*alarm.Alarm
	for i, name := range hostileNames {
		a := digestAlarm(name, []alarm.StateValue{alarm.StateAlarm, alarm.StateOK, "<!channel>"}[i%3])
		a.Region = hostileNames[(i+1)%len(hostileNames)]
		a.AccountID = hostileNames[(i+2)%len(hostileNames)]
		a.PreviousState.Value = alarm.StateValue(hostileNames[(i+3)%len(hostileNames)])
		a.ConsoleURL = []string{"https://evil.example/<!channel>", "javascript:alert(1)", a.ConsoleURL}[i%3]
		alarms = append(alarms, a)
	}
	mention := MustParseMention("<!here>")
	msgs := BuildDigest(alarms, WithMention(alarm.StateAlarm, mention), WithAccountAlias(hostileNames[3], hostileNames[0]))
	checkDigest(t, msgs, len(alarms))
	for i, m := range msgs {
		checkDigestTokens(t, i, m, []string{mention.String()})
	}
}

// checkDigestTokens checks that the control sequences in the text and
// the mrkdwn of message i are only date tokens, the allowed mentions and
// links to safe http(s) URLs, and that no emoji code is left whole.
func checkDigestTokens(t *testing.T, i int, m *Message, mentions []string) {
	t.Helper()
	texts := []string{m.Text}
	for _, obj := range textObjects(t, m) {
		if obj.typ == "mrkdwn" {
			texts = append(texts, obj.text)
		}
	}
	for _, s := range texts {
		if strings.Count(s, "<") != len(controlToken.FindAllString(s, -1)) {
			t.Errorf("message %d: an unbalanced < in %.200q", i, s)
		}
		for _, tok := range controlToken.FindAllString(s, -1) {
			url, _, isLink := strings.Cut(tok[1:len(tok)-1], "|")
			switch {
			case strings.HasPrefix(tok, "<!date^"), slices.Contains(mentions, tok):
			case isLink && strings.HasPrefix(url, "https://") && !strings.ContainsAny(url, "<>| "):
			default:
				t.Errorf("message %d: control sequence %q smuggled in", i, tok)
			}
		}
		// A link's URL is not rendered, so an emoji code in it is harmless.
		shown := controlToken.ReplaceAllStringFunc(s, func(tok string) string {
			_, label, _ := strings.Cut(tok, "|")
			return label
		})
		if j := strings.Index(shown, ":large_green_circle:"); j >= 0 {
			t.Errorf("message %d: emoji code left whole in …%q…", i, shown[max(j-40, 0):min(j+60, len(shown))])
		}
	}
	for _, obj := range textObjects(t, m) {
		if obj.typ == "plain_text" && obj.emoji {
			t.Errorf("message %d: plain_text %q has emoji on", i, obj.text)
		}
	}
}

// TestDigestLimits builds digests of many alarms whose every field is as
// long as can be, and checks that they stay within Slack's limits.
func TestDigestLimits(t *testing.T) {
	long := strings.Repeat("x", 3000)
	var alarms []*alarm.Alarm
	for i := range 1000 {
		a := digestAlarm(long+strconv.Itoa(i), alarm.StateAlarm)
		a.Region, a.AccountID = long, long
		a.ConsoleURL = "https://example.com/" + strings.Repeat("a", 2900)
		alarms = append(alarms, a)
	}
	msgs := BuildDigest(alarms, WithAccountAlias(long, long))
	checkDigest(t, msgs, len(alarms))
	for i, m := range msgs {
		for _, obj := range textObjects(t, m) {
			if n := utf8.RuneCountInString(obj.text); obj.typ == "mrkdwn" && n > digestSectionText {
				t.Errorf("message %d: section of %d characters", i, n)
			}
		}
	}
	t.Logf("1000 alarms with 3000-character fields: %d messages", len(msgs))
}

// TestDigestColorBar checks that the colour bar takes the worst state.
func TestDigestColorBar(t *testing.T) {
	msgs := BuildDigest([]*alarm.Alarm{digestAlarm("a", alarm.StateOK), digestAlarm("b", alarm.StateAlarm)}, WithColorBar(true))
	if len(msgs) != 1 || len(msgs[0].Attachments) != 1 || msgs[0].Attachments[0].Color != stateColor(alarm.StateAlarm) {
		t.Fatalf("colour bar: %+v", msgs)
	}
	checkDigest(t, msgs, 2)
}

// FuzzBuildDigest builds digests of n alarms with the given name, region,
// account and state, and checks that every message is valid, lists every
// alarm and lets no markup through.
func FuzzBuildDigest(f *testing.F) {
	for i, name := range hostileNames {
		f.Add(name, "eu-west-1", "123456789012", "ALARM", uint8(i*17))
	}
	f.Add("HighCPU", "<!here>", "<@U024BE7LH>", "<!channel>", uint8(200))
	f.Fuzz(func(t *testing.T, name, region, account, state string, n uint8) {
		alarms := make([]*alarm.Alarm, int(n%64)+1) // up to 64: two messages, at a cost a fuzzer can afford
		for i := range alarms {
			a := digestAlarm(name+strconv.Itoa(i%3), []alarm.StateValue{alarm.StateAlarm, alarm.StateOK, alarm.StateValue(state)}[i%3])
			a.Region, a.AccountID = region, account
			alarms[i] = a
		}
		mention := MustParseMention("<!here>")
		msgs := BuildDigest(alarms, WithMention(alarm.StateAlarm, mention))
		checkDigest(t, msgs, len(alarms))
		for i, m := range msgs {
			checkDigestTokens(t, i, m, []string{mention.String()})
		}
	})
}

// BenchmarkBuildDigest200 measures a digest of a 200-alarm storm of mixed
// kinds.
func BenchmarkBuildDigest200(b *testing.B) {
	alarms := digestStorm(b, 200)
	opts := digestOptions()
	b.ReportAllocs()
	for b.Loop() {
		if len(BuildDigest(alarms, opts...)) == 0 {
			b.Fatal("no message")
		}
	}
}
