package slackfmt

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Bounds of the overview of a digest.
const (
	digestOverviewText = 1500 // the overview section
	digestTransitions  = 12   // state changes counted one by one; the rest as "+N more"
	digestPlaceText    = 40   // a region or an account within a line
)

// digestStates are the states a digest counts one by one, in its order.
var digestStates = []alarm.StateValue{alarm.StateAlarm, alarm.StateInsufficientData, alarm.StateOK}

// header returns the header of the i-th of n messages: "Alarm digest ·
// 🔴 37 ALARM · ⚪ 13 INSUFFICIENT_DATA · ✅ 150 OK · 1/5".
func (d *digest) header(i, n int) slack.Block {
	w := newWriter(maxHeaderText)
	w.text("Alarm digest · ")
	d.stateCounts(&w)
	if n > 1 {
		w.text(" · " + strconv.Itoa(i+1) + "/" + strconv.Itoa(n))
	}
	return slack.NewHeaderBlock(plain(w.String()), slack.HeaderBlockOptionBlockID("dg-header"))
}

// stateCounts writes the number of alarms in each state, with the state
// emoji: "🔴 37 ALARM · ✅ 150 OK", and "❔ 2 other" for the alarms in
// no known state.
func (d *digest) stateCounts(w *writer) {
	var parts []string
	known := 0
	for _, v := range digestStates {
		if n := d.counts[v]; n > 0 {
			parts = append(parts, stateEmoji(v)+" "+strconv.Itoa(n)+" "+string(v))
			known += n
		}
	}
	if other := len(d.alarms) - known; other > 0 {
		parts = append(parts, stateEmoji("")+" "+strconv.Itoa(other)+" other")
	}
	w.text(strings.Join(parts, " · "))
}

// alarmMentions returns the mentions of a digest: those configured for
// ALARM, when an alarm that is not muted entered ALARM.
func (d *digest) alarmMentions() []Mention {
	for _, a := range d.alarms {
		if a.State.Value == alarm.StateAlarm && a.Mute == nil {
			return d.o.mentions[alarm.StateAlarm]
		}
	}
	return nil
}

// writeMentions writes the digest's mentions, separated by spaces, and
// then tail if there were any.
func (d *digest) writeMentions(w *writer, tail string) {
	ms := d.alarmMentions()
	for i, m := range ms {
		if i > 0 {
			w.text(" ")
		}
		w.text(m.s)
	}
	if len(ms) > 0 {
		w.text(tail)
	}
}

// mentionBlock returns the section with the mentions, or nil.
func (d *digest) mentionBlock() slack.Block {
	w := newWriter(budgetMentions)
	d.writeMentions(&w, "")
	return section("dg-mentions", &w)
}

// overviewBlock returns the overview section: how many alarms changed
// state and when, the state changes counted, and where.
func (d *digest) overviewBlock() slack.Block {
	w := newWriter(digestOverviewText)
	d.when(&w)
	w.text("\n")
	d.transitions(&w)
	d.places(&w)
	return section("dg-overview", &w)
}

// when writes "*200 alarms changed state* between <date> and <date>".
func (d *digest) when(w *writer) {
	w.text("*" + plural(int64(len(d.alarms)), "alarm", "alarms") + " changed state*")
	var first, last time.Time
	for _, a := range d.alarms {
		t := a.State.Timestamp
		if t.IsZero() {
			continue
		}
		if first.IsZero() || t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	switch {
	case first.IsZero():
	case first.Equal(last):
		w.text(" at ")
		w.date(first)
	default:
		w.text(" between ")
		w.date(first)
		w.text(" and ")
		w.date(last)
	}
}

// transition is a state change counted in the overview.
type transition struct {
	from, to alarm.StateValue
	n        int
}

// transitions writes the state changes counted by previous and new state,
// the most urgent first: "OK → ALARM 30 · ALARM → OK 150".
func (d *digest) transitions(w *writer) {
	counts := map[[2]alarm.StateValue]int{}
	for _, a := range d.alarms {
		counts[[2]alarm.StateValue{a.PreviousState.Value, a.State.Value}]++
	}
	ts := make([]transition, 0, len(counts))
	for k, n := range counts {
		ts = append(ts, transition{from: k[0], to: k[1], n: n})
	}
	slices.SortFunc(ts, func(a, b transition) int {
		return cmp.Or(cmp.Compare(stateRank(a.to), stateRank(b.to)), cmp.Compare(b.n, a.n),
			cmp.Compare(a.to, b.to), cmp.Compare(a.from, b.from))
	})
	for i, t := range ts[:min(len(ts), digestTransitions)] {
		if i > 0 {
			w.text(" · ")
		}
		if t.from != "" {
			state(w, t.from, modeMrkdwn)
			w.text(" → ")
		}
		state(w, t.to, modeMrkdwn)
		w.text(" " + strconv.Itoa(t.n))
	}
	if more := len(ts) - digestTransitions; more > 0 {
		w.text(" · +" + strconv.Itoa(more) + " more")
	}
}

// places writes, on a line of its own, the account and region of the
// alarms when they share one, or how many there are: "Account
// 123456789012 (prod) · eu-west-1", "3 accounts · 2 regions".
func (d *digest) places(w *writer) {
	accounts, regions := map[string]bool{}, map[string]bool{}
	for _, a := range d.alarms {
		if a.AccountID != "" {
			accounts[a.AccountID] = true
		}
		if a.Region != "" {
			regions[a.Region] = true
		}
	}
	if len(accounts)+len(regions) == 0 {
		return
	}
	w.text("\n")
	r := newRenderer(d.alarms[0], d.o)
	switch len(accounts) {
	case 0:
	case 1:
		w.text("Account ")
		r.account(w, d.alarms[0].AccountID)
	default:
		w.text(strconv.Itoa(len(accounts)) + " accounts")
	}
	switch len(regions) {
	case 0:
	case 1:
		w.sep()
		w.span("", "", d.alarms[0].Region, modeMrkdwn, digestPlaceText)
	default:
		w.sep()
		w.text(strconv.Itoa(len(regions)) + " regions")
	}
}

// heading returns the heading of the group of alarms in state v: "*🔴
// ALARM* (37)", or "(37, continued)" at the start of a section in the
// middle of the group.
func (d *digest) heading(v alarm.StateValue, continued bool) string {
	w := newWriter(digestLineText)
	w.text("*" + stateEmoji(v) + " ")
	state(&w, v, modeMrkdwn)
	w.text("* (" + strconv.Itoa(d.counts[v]))
	if continued {
		w.text(", continued")
	}
	w.text(")")
	return w.String()
}

// line returns the line of alarm a: "🔴 *<console|HighCPU>* · ALARM ·
// 93.61% ≥ 80% · eu-west-1 · 123456789012 (prod)".
func (d *digest) line(a *alarm.Alarm) string {
	r := newRenderer(a, d.o)
	w := newWriter(digestLineText)
	w.text(stateEmoji(a.State.Value) + " ")
	label := a.Name
	if label == "" {
		label = "(unnamed alarm)"
	}
	if u, ok := safeURL(a.ConsoleURL); ok {
		w.text("*")
		w.link(u, label, digestNameText)
		w.text("*")
	} else {
		w.span("*", "*", label, modeMrkdwn, digestNameText)
	}
	w.text(" · ")
	state(&w, a.State.Value, modeMrkdwn)
	if a.Mute != nil {
		w.text(" (muted)")
	}
	r.verdict(&w, " · ", modeMrkdwn)
	if a.Region != "" {
		w.text(" · ")
		w.span("", "", a.Region, modeMrkdwn, digestPlaceText)
	}
	if a.AccountID != "" {
		w.text(" · ")
		r.account(&w, a.AccountID)
	}
	return w.String()
}

// text returns the top-level text of the i-th of n messages, which lists
// alarms: "<!here> Alarm digest (1/5): 🔴 37 ALARM · ✅ 150 OK: HighCPU,
// DiskFull, … +35 more", with the mentions in the first message only.
func (d *digest) text(i, n int, alarms []*alarm.Alarm) string {
	w := newWriter(budgetSummary + budgetMentions)
	if i == 0 {
		d.writeMentions(&w, " ")
	}
	w.text("Alarm digest")
	if n > 1 {
		w.text(" (" + strconv.Itoa(i+1) + "/" + strconv.Itoa(n) + ")")
	}
	w.text(": ")
	if i == 0 {
		d.stateCounts(&w)
		w.text(": ")
	}
	for j, a := range alarms[:min(len(alarms), digestTextNames)] {
		if j > 0 {
			w.text(", ")
		}
		w.data(clip(a.Name, digestNameText), modeText)
	}
	if more := len(alarms) - digestTextNames; more > 0 {
		w.text(" +" + strconv.Itoa(more) + " more")
	}
	return w.String()
}
