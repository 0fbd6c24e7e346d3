package slackfmt

import (
	"strconv"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// BuildResolved returns the message that replaces the one Build made for
// announced (usually an alarm in ALARM) once the alarm is OK again; ok is
// that OK state change, or nil when it is not known. A bot sends it with
// chat.update over the original message, so that the channel keeps what
// the alarm said, marked resolved.
//
// The layout is Build's for announced with the header "✅ Resolved:" and
// the alarm's name (and contributor, if any), the note of the mute rule
// or window that Build showed, and, under the description, a line that
// says when the
// alarm returned to OK (a Slack date token) after how long in its previous
// state, in the words Build uses ("*ALARM → OK* after 1 h 5 min · <date> ·
// latest 42% < 80%"); then the announced state change, its reason and all
// the details that Build showed (condition, queries, datapoints, rule,
// children, links, tags). The top-level text reads "Resolved: HighCPU in
// eu-west-3: 42% < 80% (was ALARM for 1 h 5 min)".
//
// The message carries no mention, whatever [WithMention] options say, and
// follows Build's safety rules and limits: it passes Validate unless a
// [WithBlocks] hook changed its blocks. The hook receives ok, or announced
// when ok is nil. The colour bar, when on, is green. The block IDs end in
// the Unix time of the OK state change (or "-resolved"), so they differ
// from the original's, as Slack asks of an updated message. The metadata
// is Build's for announced, with the states of the OK state change.
//
// A nil announced is replaced by ok; when both are nil, the message is
// about an unnamed alarm.
func BuildResolved(announced, ok *alarm.Alarm, opts ...Option) *Message {
	hookAlarm := ok
	if announced == nil {
		announced = ok
	}
	if announced == nil {
		announced = &alarm.Alarm{}
	}
	if ok == nil {
		ok = &alarm.Alarm{State: alarm.State{Value: alarm.StateOK}}
		hookAlarm = announced
	}
	o := newOptions(opts)
	o.mentions = nil
	s := newResolution(announced, ok, &o)
	blocks := s.layout()
	if o.hook != nil {
		blocks = o.hook(hookAlarm, blocks)
	}
	m := newMessage(s.summary(), s.metadata(), blocks, &o, alarm.StateOK)
	m.Alarms = []*alarm.Alarm{hookAlarm}
	return m
}

// resolution builds the message of an alarm that is resolved: the
// announced alarm's renderer, and ok's for the OK state change.
type resolution struct {
	*renderer
	ok *renderer
}

// newResolution returns the resolution of announced by ok, with options o.
func newResolution(announced, ok *alarm.Alarm, o *options) *resolution {
	s := &resolution{renderer: newRenderer(announced, o), ok: newRenderer(ok, o)}
	s.idSuffix = "-resolved"
	if t := ok.State.Timestamp; !t.IsZero() {
		s.idSuffix = "-" + strconv.FormatInt(t.Unix(), 10)
	}
	return s
}

// layout returns the blocks of the resolved message, or of its compact
// form.
func (s *resolution) layout() []slack.Block {
	bs := make([]slack.Block, 0, 13)
	bs = append(bs, s.header())
	if s.o.compact {
		return append(bs, s.compactLine())
	}
	bs = add(bs, s.muteNote())
	bs = add(bs, s.description())
	bs = add(bs, s.resolvedLine())
	bs = add(bs, s.stateChange())
	return s.details(bs)
}

// header returns the header block: "✅ Resolved: " and the alarm's name.
func (s *resolution) header() slack.Block {
	w := newWriter(maxHeaderText)
	w.text(stateEmoji(alarm.StateOK) + " Resolved: ")
	title(&w, s.a, modeLine)
	return slack.NewHeaderBlock(plain(w.String()), slack.HeaderBlockOptionBlockID(s.id("header")))
}

// resolvedLine returns the section that says when the alarm returned to
// OK.
func (s *resolution) resolvedLine() slack.Block {
	w := newWriter(budgetState)
	s.transition(&w)
	return section(s.id("resolved"), &w)
}

// compactLine returns the one section of the compact form: the return to
// OK, account, region and links.
func (s *resolution) compactLine() slack.Block {
	w := newWriter(budgetState + budgetFooter)
	s.transition(&w)
	s.where(&w)
	s.linkLine(&w)
	return section(s.id("compact"), &w)
}

// transition writes "*ALARM → OK* after 1 h 5 min · <date> · latest 42 <
// 80": the announced state, the state the alarm returned to, how long the
// announced state lasted, when it ended and the newest value of the OK
// state change against the threshold.
func (s *resolution) transition(w *writer) {
	w.text("*")
	if from := s.a.State.Value; from != "" {
		state(w, from, modeMrkdwn)
		w.text(" → ")
	}
	state(w, s.okState(), modeMrkdwn)
	w.text("*")
	if d, ok := s.lasted(); ok {
		w.text(" after " + duration(d))
	}
	if t := s.ok.a.State.Timestamp; !t.IsZero() {
		w.text(" · ")
		w.date(t)
	}
	s.ok.verdict(w, " · latest ", modeMrkdwn)
}

// okState returns the state the alarm returned to: ok's, or OK when ok
// does not say.
func (s *resolution) okState() alarm.StateValue {
	if v := s.ok.a.State.Value; v != "" {
		return v
	}
	return alarm.StateOK
}

// lasted returns how long the announced state lasted, when both ends are
// known: from the announced state change (or, when the announced alarm
// does not say when that was, from the start of ok's previous state) to
// the OK state change.
func (s *resolution) lasted() (time.Duration, bool) {
	start, end := s.a.State.Timestamp, s.ok.a.State.Timestamp
	if start.IsZero() {
		start = s.ok.a.PreviousState.Timestamp
	}
	if start.IsZero() || !end.After(start) {
		return 0, false
	}
	return end.Sub(start), true
}

// summary returns the top-level text: "Resolved: HighCPU in eu-west-3:
// 42% < 80% (was ALARM for 1 h 5 min)".
func (s *resolution) summary() string {
	w := newWriter(budgetSummary)
	w.text("Resolved: ")
	s.nameIn(&w)
	s.ok.verdict(&w, ": ", modeText)
	if from := s.a.State.Value; from != "" {
		w.text(" (was ")
		state(&w, from, modeText)
		if d, ok := s.lasted(); ok {
			w.text(" for " + duration(d))
		}
		w.text(")")
	}
	return w.String()
}

// metadata returns Build's metadata for the announced alarm with the
// states of the OK state change: the state it returned to, and the
// announced state as the previous one.
func (s *resolution) metadata() *slack.SlackMetadata {
	md := metadata(s.a)
	md.EventPayload["state"] = clip(string(s.okState()), budgetMetadata)
	md.EventPayload["previous_state"] = clip(string(s.a.State.Value), budgetMetadata)
	return md
}
