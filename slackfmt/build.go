package slackfmt

import (
	"strconv"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Build returns the Slack message for a. It never fails and never panics:
// whatever a holds (a nil alarm, missing fields, hostile or enormous text),
// the message shows the alarm's name and state, carries no mention or link
// that the alarm's own text could have smuggled in, and passes Validate
// unless a [WithBlocks] hook changed its blocks.
//
// An alarm that a mute rule muted (Mute set) carries no mention, whatever
// [WithMention] says: its header, top-level text and a line under the
// header say that it is muted, by which rule and until when. A
// notification that CloudWatch sent when a mute window ended says so too,
// and keeps its mentions. A contributor of a multi-time-series alarm is
// named in the header and the top-level text, after the alarm's name
// ("cpu-by-instance — InstanceId=i-0abc…"), and its attributes and ID are
// listed; the message about the alarm as a whole says how many of its
// time series are in ALARM.
//
// The default layout, top to bottom: a header with the state emoji, state
// and name; the mentions configured for the state; the description; the
// state change, when it happened and the newest value against the
// threshold; CloudWatch's reason; then for metric alarms the condition,
// the metric queries with their dimensions and the recent datapoints, or
// for composite alarms the rule, the triggering children and the
// suppression; and last the account, region, console link and tags.
// Options change the layout; see [Option].
func Build(a *alarm.Alarm, opts ...Option) *Message {
	if a == nil {
		a = &alarm.Alarm{}
	}
	o := newOptions(opts)
	if a.Mute != nil {
		o.mentions = nil // nobody is paged for an alarm its owners muted
	}
	r := newRenderer(a, &o)
	blocks := r.layout()
	if o.hook != nil {
		blocks = o.hook(a, blocks)
	}
	m := newMessage(r.summary(), metadata(a), blocks, &o, a.State.Value)
	m.Alarms = []*alarm.Alarm{a}
	return m
}

// newMessage returns the message with the top-level text, metadata md and
// blocks: in one attachment coloured for state v when o asks for the
// colour bar, else as they are.
func newMessage(text string, md *slack.SlackMetadata, blocks []slack.Block, o *options, v alarm.StateValue) *Message {
	m := &Message{Text: text, Metadata: md}
	switch {
	case len(blocks) == 0:
	case o.colorBar:
		m.Attachments = []slack.Attachment{{
			Color:    stateColor(v),
			Fallback: m.Text,
			Blocks:   slack.Blocks{BlockSet: blocks},
		}}
	default:
		m.Blocks = slack.Blocks{BlockSet: blocks}
	}
	return m
}

// renderer builds the blocks of one message.
type renderer struct {
	a *alarm.Alarm
	o *options
	// idSuffix ends every block_id: "-" and the Unix time of the state
	// change, or nothing when the alarm does not say when it changed.
	idSuffix string
}

// newRenderer returns the renderer of a message about a with options o.
func newRenderer(a *alarm.Alarm, o *options) *renderer {
	r := &renderer{a: a, o: o}
	if t := a.State.Timestamp; !t.IsZero() {
		r.idSuffix = "-" + strconv.FormatInt(t.Unix(), 10)
	}
	return r
}

// layout returns the blocks of the default layout, or of the compact one.
func (r *renderer) layout() []slack.Block {
	bs := make([]slack.Block, 0, 12)
	bs = append(bs, r.header())
	if r.o.compact {
		return append(bs, r.compactLine())
	}
	bs = add(bs, r.mentionBlock())
	bs = add(bs, r.muteNote())
	bs = add(bs, r.description())
	bs = add(bs, r.stateChange())
	return r.details(bs)
}

// details appends to bs the blocks that follow the state change: the
// contributor, CloudWatch's reason, then for metric alarms the condition,
// the queries (metric, Logs Insights or PromQL) and the datapoints, or for
// composite alarms the rule, the children and the suppression, and last
// the footer and the link buttons.
func (r *renderer) details(bs []slack.Block) []slack.Block {
	bs = add(bs, r.contributor())
	bs = add(bs, r.reason())
	if r.isComposite() {
		bs = add(bs, r.rule())
		bs = add(bs, r.children())
		bs = add(bs, r.suppression())
	} else {
		bs = add(bs, r.condition())
		bs = add(bs, r.queries())
		bs = add(bs, r.logQuery())
		bs = add(bs, r.promQL())
		bs = add(bs, r.datapoints())
	}
	bs = add(bs, r.footer())
	return add(bs, r.buttons())
}

// compactLine returns the one section of the compact layout: mentions,
// state change, time, account, region and links.
func (r *renderer) compactLine() slack.Block {
	w := newWriter(budgetMentions + budgetState + budgetFooter)
	r.mentions(&w, " ")
	r.transition(&w)
	if mu := r.a.Mute; mu != nil && !mu.End.IsZero() {
		w.text(" · " + mutedEmoji + " muted until ")
		w.date(mu.End)
	}
	r.where(&w)
	r.linkLine(&w)
	return section(r.id("compact"), &w)
}

// add appends b to bs unless b is nil.
func add(bs []slack.Block, b slack.Block) []slack.Block {
	if b == nil {
		return bs
	}
	return append(bs, b)
}

// isComposite reports whether to show the composite layout.
func (r *renderer) isComposite() bool {
	return r.a.Kind == alarm.KindComposite || (r.a.AlarmRule != "" && len(r.a.Metrics) == 0)
}

// id returns the block_id for the block called name: "cw-", the name and
// the renderer's suffix, so that a message updated for a later state
// change gets new block IDs, as Slack asks.
func (r *renderer) id(name string) string { return "cw-" + name + r.idSuffix }

// section returns a section block with the mrkdwn text s, or nil when w
// wrote nothing.
func section(id string, w *writer) slack.Block {
	if w.empty() {
		return nil
	}
	return slack.NewSectionBlock(mrkdwn(w.String()), nil, nil, slack.SectionBlockOptionBlockID(id))
}
