package slackfmt

import (
	"math"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

// injection is text that would ping the channel, show a disguised link and
// format text if it reached mrkdwn as markup.
const injection = "<!channel> <!here|here> <@U024BE7LH> <!subteam^SAZ94GDB8> <#C024BE7LR> " +
	"<https://evil.example/login|AWS Console> &lt;!everyone&gt; *bold* _it_ ~strike~ `code` ```block``` " +
	"> quote\n> quote @channel https://evil.example #general :rotating_light:"

// planes holds a character of every Unicode plane, the bidi override, a
// joiner, a NUL byte and invalid UTF-8.
var planes = func() string {
	var b strings.Builder
	for p := rune(0); p <= 16; p++ {
		b.WriteRune(p<<16 | 0x4e2d)
		b.WriteRune(p<<16 | 0xfffd)
	}
	b.WriteString("\u202e\u200d\x00\xff\xfe\u2028e\u0301🏳️‍🌈")
	return b.String()
}()

// hostile returns alarms whose every field is hostile or enormous.
func hostile() map[string]*alarm.Alarm {
	long := strings.Repeat("&<>*_~`x", 1<<17) // 1 MB
	inj := metricAlarm()
	inj.Name, inj.Description, inj.State.Reason = injection, injection, injection
	inj.AccountID, inj.Region = "<!channel>", "<!here>"
	inj.State.Value, inj.PreviousState.Value = "<!channel>", "<!here>"
	inj.Metrics[0].Namespace, inj.Metrics[0].MetricName, inj.Metrics[0].Stat, inj.Metrics[0].Unit = injection, injection, injection, injection
	inj.Metrics[0].Dimensions = []alarm.Dimension{{Name: injection, Value: injection}}
	inj.Condition.ComparisonOperator = injection
	inj.Tags = map[string]string{"runbook": "javascript:alert(1)//https://x"}

	mm := mathAlarm()
	mm.Metrics[0].Expression, mm.Metrics[0].Label, mm.Metrics[0].ID = injection, injection, injection
	mm.Metrics[1].AccountID = injection
	mm.Condition.ThresholdMetricID = injection

	comp := compositeAlarm()
	comp.AlarmRule, comp.State.ActionsSuppressedBy, comp.State.ActionsSuppressedReason = injection, injection, injection
	comp.TriggeringChildren = []alarm.Child{{ARN: "arn:aws:cloudwatch:us-east-1:1:alarm:" + injection, State: injection}}
	comp.Suppressor.Alarm = injection
	comp.ConsoleURL = "https://evil.example/login|AWS Console> <!channel>"

	contrib := contributorAlarm()
	contrib.Name = injection
	contrib.Contributor = &alarm.Contributor{ID: injection, Attributes: dims(30, injection), ConsoleURL: "https://evil.example/login|AWS Console> <!channel>"}

	muted := mutedAlarm()
	muted.Name = injection
	muted.Mute.RuleARN = "arn:aws:cloudwatch:eu-west-3:1:alarm-mute-rule:" + injection
	mutedRaw := mutedAlarm()
	mutedRaw.Mute.RuleARN = injection + long[:5000]
	mutedRaw.Contributor = &alarm.Contributor{ID: long, Attributes: []alarm.Dimension{{Name: planes, Value: long}}}

	logs := logAlarm()
	logs.Contributor.Attributes = dims(3, ":rotating_light: "+injection)
	logs.LogQuery = &alarm.LogQuery{Query: injection + long, Aggregation: injection + " by " + injection, Schedule: injection,
		LogGroups: append(dims2(60, injection), long), StartOffset: -time.Hour, EndOffset: time.Duration(math.MaxInt64)}
	promql := promQLAlarm()
	promql.PromQL.Query = injection + long
	promql.Series = &alarm.SeriesCount{InAlarm: math.MaxInt, Total: -1}

	return map[string]*alarm.Alarm{
		"contributor":   contrib,
		"muted":         muted,
		"muted raw":     mutedRaw,
		"log":           logs,
		"promql":        promql,
		"injection":     inj,
		"math":          mm,
		"composite":     comp,
		"name 255":      withName(metricAlarm(), strings.Repeat("n", 255)),
		"name 255 wide": withName(metricAlarm(), strings.Repeat("🔥", 255)),
		"name 1 MB":     withName(metricAlarm(), long),
		"description 1 MB": func() *alarm.Alarm {
			a := metricAlarm()
			a.Description, a.State.Reason = long, long
			return a
		}(),
		"30 dimensions": func() *alarm.Alarm {
			a := mathAlarm()
			for i := range a.Metrics {
				a.Metrics[i].Dimensions = dims(30, injection)
			}
			return a
		}(),
		"50 queries":   queries(50),
		"1000 queries": queries(1000),
		"unicode planes": func() *alarm.Alarm {
			a := mathAlarm()
			a.Name, a.Description, a.State.Reason = planes, planes, planes
			a.Metrics[0].Label, a.Metrics[1].Dimensions = planes, dims(3, planes)
			return a
		}(),
		"unicode planes 1 MB": withName(compositeAlarm(), strings.Repeat(planes, 1<<15)),
		"odd numbers": func() *alarm.Alarm {
			a := anomalyAlarm()
			a.Datapoints = nil
			for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64, 5e-324, 0, math.Copysign(0, -1)} {
				a.Datapoints = append(a.Datapoints, alarm.Datapoint{Value: ptr(v), Lower: ptr(-math.MaxFloat64), Upper: ptr(math.NaN())})
			}
			for i := 0; i < 1000; i++ {
				a.Datapoints = append(a.Datapoints, alarm.Datapoint{Value: ptr(float64(i) * 1e300)})
			}
			a.Condition.Threshold = ptr(math.NaN())
			return a
		}(),
		"1000 children": func() *alarm.Alarm {
			a := compositeAlarm()
			for i := 0; i < 1000; i++ {
				a.TriggeringChildren = append(a.TriggeringChildren, alarm.Child{ARN: "arn:aws:cloudwatch:us-east-1:1:alarm:" + long[:1000], State: alarm.StateAlarm})
			}
			a.AlarmRule = long
			return a
		}(),
		"nil": nil,
	}
}

// dims2 returns n strings made of s.
func dims2(n int, s string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = strconv.Itoa(i) + s
	}
	return out
}

func withName(a *alarm.Alarm, name string) *alarm.Alarm {
	a.Name = name
	return a
}

func dims(n int, s string) []alarm.Dimension {
	ds := make([]alarm.Dimension, n)
	for i := range ds {
		ds[i] = alarm.Dimension{Name: "d" + strconv.Itoa(i) + s, Value: s}
	}
	return ds
}

func queries(n int) *alarm.Alarm {
	a := mathAlarm()
	for i := len(a.Metrics); i < n; i++ {
		a.Metrics = append(a.Metrics, alarm.Metric{ID: "m" + strconv.Itoa(i), Namespace: injection, MetricName: injection, Label: injection, Dimensions: dims(5, injection)})
	}
	return a
}

// optionSets are the option combinations every hostile alarm is built with.
var optionSets = map[string][]Option{
	"default": nil,
	"all": {
		WithMention(alarm.StateAlarm, MustParseMention("<!here>"), MustParseMention("<@U024BE7LH>")),
		WithMention("<!channel>", MustParseMention("<!channel>")),
		WithColorBar(true),
		WithLinkButtons(true),
		WithLink(injection, "https://wiki.example.com/a?b=1&c=<!channel>"),
		WithLink("bad", "javascript:alert(1)"),
		WithTagLink("runbook", injection),
		WithAccountAlias("<!channel>", injection),
		WithAccountAlias("123456789012", injection),
		WithAccountAlias("210987654321", strings.Repeat("x", 5000)),
	},
	"compact":        {WithCompact(true), WithMention(alarm.StateAlarm, MustParseMention("<!subteam^SAZ94GDB8>")), WithLink(strings.Repeat("x", 500), "https://a.example/"+strings.Repeat("y", 2900))},
	"too many links": manyLinks(30),
}

func manyLinks(n int) []Option {
	opts := []Option{WithLinkButtons(true)}
	for i := 0; i < n; i++ {
		opts = append(opts, WithLink(strings.Repeat("l", 100), "https://a.example/"+strconv.Itoa(i)))
	}
	return opts
}

// allowedURLs returns the URLs that a message built for a with opts may
// link to: the console URLs of the alarm and its children and the
// configured links, made safe.
func allowedURLs(a *alarm.Alarm, opts []Option) []string {
	if a == nil {
		a = &alarm.Alarm{}
	}
	o := newOptions(opts)
	r := newRenderer(a, &o)
	var urls []string
	for _, l := range r.links() {
		urls = append(urls, l.url)
	}
	for _, c := range a.TriggeringChildren {
		if u, ok := safeURL(c.ConsoleURL()); ok {
			urls = append(urls, u)
		}
	}
	return urls
}

func TestBuildHostile(t *testing.T) {
	mentions := []string{"<!here>", "<@U024BE7LH>", "<!subteam^SAZ94GDB8>"}
	for name, a := range hostile() {
		for optName, opts := range optionSets {
			t.Run(name+"/"+optName, func(t *testing.T) {
				m := Build(a, opts...)
				if err := Validate(m); err != nil {
					t.Fatalf("Validate(Build(…)) = %v", err)
				}
				checkSafe(t, m, allowedMentions(a, mentions), allowedURLs(a, opts))
				checkNoLiveEmoji(t, m)
				checkHeader(t, a, m)
			})
		}
	}
}

// allowedMentions returns the mentions a message about a may carry: none
// when a is muted, else mentions.
func allowedMentions(a *alarm.Alarm, mentions []string) []string {
	if a != nil && a.Mute != nil {
		return nil
	}
	return mentions
}

// checkHeader fails t unless the first block of m is a header that shows
// the alarm's state and the start of its name.
func checkHeader(t *testing.T, a *alarm.Alarm, m *Message) {
	t.Helper()
	blocks := m.Blocks.BlockSet
	if len(m.Attachments) > 0 {
		blocks = m.Attachments[0].Blocks.BlockSet
	}
	if len(blocks) == 0 {
		t.Fatal("message has no blocks")
	}
	h, ok := blocks[0].(*slack.HeaderBlock)
	if !ok {
		t.Fatalf("first block is %T, want *slack.HeaderBlock", blocks[0])
	}
	if a == nil {
		a = &alarm.Alarm{}
	}
	text := h.Text.Text
	want := stateEmoji(a.State.Value) + " "
	if a.Mute != nil {
		want = mutedEmoji + " "
	}
	if !strings.HasPrefix(text, want) {
		t.Errorf("header %q does not start with %q", text, want)
	}
	if v := a.State.Value; v.Valid() && !strings.Contains(text, string(v)) {
		t.Errorf("header %q does not show state %q", text, v)
	}
	name := []rune(a.Name)
	prefix := string(name[:min(len(name), 5)])
	if a.Name == "" {
		prefix = "(unnamed alarm)"
	}
	if printable(prefix) && !strings.Contains(text, prefix) {
		t.Errorf("header %q does not show the name's start %q", text, prefix)
	}
}

// printable reports whether s has only characters that a header shows
// unchanged.
func printable(s string) bool {
	for _, r := range s {
		if !unicode.IsPrint(r) || replacement(r, modeLine) != "" {
			return false
		}
	}
	return true
}

// plainEmojiFlags returns, for every plain_text object of m's blocks, its
// text and emoji flag.
func plainEmojiFlags(m *Message) map[string]bool {
	out := map[string]bool{}
	add := func(t *slack.TextBlockObject) {
		if t != nil && t.Type == slack.PlainTextType && t.Emoji != nil {
			out[t.Text] = *t.Emoji
		}
	}
	for _, b := range m.Blocks.BlockSet {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			add(b.Text)
		case *slack.SectionBlock:
			add(b.Text)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if t, ok := e.(*slack.TextBlockObject); ok {
					add(t)
				}
			}
		case *slack.ActionBlock:
			for _, e := range b.Elements.ElementSet {
				add(e.(*slack.ButtonBlockElement).Text)
			}
		}
	}
	return out
}

func TestBuildEmojiSpoof(t *testing.T) {
	a := metricAlarm()
	a.Name = ":large_green_circle: OK: db"
	a.Description = ":white_check_mark: all good"
	a.State.Reason = ":ok:"
	a.Metrics[0].Dimensions = []alarm.Dimension{{Name: "Service", Value: ":green_heart:"}}
	m := Build(a, WithLinkButtons(true), WithLink(":book: Runbook", "https://wiki.example.com/r"))
	want := map[string]bool{
		"🔴 ALARM: :large_green_circle: OK: db": false,
		":white_check_mark: all good":          false,
		":ok:":                                 false,
		"Open in CloudWatch":                   true, // configured labels may use emoji
		":book: Runbook":                       true,
	}
	if diff := cmp.Diff(want, plainEmojiFlags(m)); diff != "" {
		t.Errorf("plain_text emoji flags mismatch (-want +got):\n%s", diff)
	}
	if wantText := "ALARM: :\u200dlarge_green_circle: OK: db in eu-west-3: 95.25 ≥ 80 (was OK)"; m.Text != wantText {
		t.Errorf("Text = %q, want %q", m.Text, wantText)
	}
}
