package slackfmt

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// DigestMetadataEventType is the event_type of the message metadata of
// the messages that BuildDigest returns.
const DigestMetadataEventType = "cloudwatch_alarm_digest"

// The room a digest takes. Each message stays below Slack's limits with a
// margin: 50 blocks, 3000 characters a section, and about 12,000
// characters of block text in all (msg_blocks_too_long).
const (
	digestMessageText = 11000 // block text of one message
	digestSectionText = 2900  // text of one section of the alarm list
	digestLineText    = 600   // one alarm's line
	digestNameText    = 80    // an alarm's name within its line
	digestTextNames   = 5     // alarms named in the top-level text
)

// BuildDigest returns one summary of alarms, for a storm of alarms that
// would flood a channel if each had a message of its own, in as many
// messages as Slack's limits need (about 40 alarms a message); the
// messages are meant to be posted in order. It returns nil when alarms
// holds no alarm (nil entries are skipped).
//
// The first message opens with a header that counts the alarms by state
// ("🔴 37 ALARM · ⚪ 13 INSUFFICIENT_DATA · ✅ 150 OK", and the part, such
// as "1/5", when there are several), the mentions, and an overview: how
// many alarms changed state and between which times, the state changes
// counted by previous and new state ("OK → ALARM 30 · ALARM → OK 150"),
// and the account and region, or how many. Then, in every message, the
// alarms, ALARM first, then INSUFFICIENT_DATA, then OK, each group in the
// order the alarms changed state: each on one line with its state emoji,
// its name linked to the console, its state, its newest value against its
// threshold in the words Build uses ("93.61% ≥ 80%"), its region and its
// account (with its alias, see [WithAccountAlias]). Each message has a
// top-level text for notifications that names its first alarms, and
// metadata of event type [DigestMetadataEventType] with the part and the
// number of alarms.
//
// Mentions: the mentions that [WithMention] gives for ALARM, once, in the
// first message only, and only when at least one of the alarms entered
// ALARM; mentions for other states are not used. [WithColorBar] colours
// the messages by the worst state among the alarms. [WithCompact],
// [WithLinkButtons], [WithLink], [WithTagLink] and [WithBlocks] do not
// apply to a digest.
//
// Every alarm's text is escaped as Build escapes it, so that no alarm can
// smuggle in a mention, a link or an emoji; every message passes
// Validate.
func BuildDigest(alarms []*alarm.Alarm, opts ...Option) []*Message {
	d := newDigest(alarms, opts)
	if len(d.alarms) == 0 {
		return nil
	}
	parts := d.pack()
	msgs := make([]*Message, len(parts))
	for i, p := range parts {
		msgs[i] = d.message(i, len(parts), p)
	}
	return msgs
}

// digest builds the messages of one digest.
type digest struct {
	alarms   []*alarm.Alarm // sorted, without nil
	o        *options
	counts   map[alarm.StateValue]int
	mentions slack.Block // the mention section of the first message, or nil
	overview slack.Block
}

// newDigest sorts the alarms and renders the parts of the first message
// that do not depend on how the alarms are split.
func newDigest(alarms []*alarm.Alarm, opts []Option) *digest {
	o := newOptions(opts)
	d := &digest{alarms: digestOrder(alarms), o: &o, counts: map[alarm.StateValue]int{}}
	for _, a := range d.alarms {
		d.counts[a.State.Value]++
	}
	if len(d.alarms) > 0 {
		d.mentions = d.mentionBlock()
		d.overview = d.overviewBlock()
	}
	return d
}

// digestOrder returns the alarms without nil entries, sorted: by state
// (ALARM, INSUFFICIENT_DATA, OK, anything else), then by the time of the
// state change (unknown times last), then by name.
func digestOrder(alarms []*alarm.Alarm) []*alarm.Alarm {
	out := make([]*alarm.Alarm, 0, len(alarms))
	for _, a := range alarms {
		if a != nil {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *alarm.Alarm) int {
		return cmp.Or(
			cmp.Compare(stateRank(a.State.Value), stateRank(b.State.Value)),
			compareTimes(a.State.Timestamp, b.State.Timestamp),
			cmp.Compare(a.Name, b.Name),
		)
	})
	return out
}

// stateRank orders the states of a digest: the one that needs action
// first.
func stateRank(v alarm.StateValue) int {
	switch v {
	case alarm.StateAlarm:
		return 0
	case alarm.StateInsufficientData:
		return 1
	case alarm.StateOK:
		return 2
	}
	return 3
}

// compareTimes orders times, the zero time last.
func compareTimes(a, b time.Time) int {
	switch az, bz := a.IsZero(), b.IsZero(); {
	case az && bz:
		return 0
	case az:
		return 1
	case bz:
		return -1
	}
	return a.Compare(b)
}

// part is the alarm list of one message: its sections, and the alarms it
// holds.
type part struct {
	sections []slack.Block
	alarms   []*alarm.Alarm
}

// pack splits the alarm list into sections and messages within the
// limits.
func (d *digest) pack() []part {
	p := newPacker(d.firstRoom())
	for i, a := range d.alarms {
		if v := a.State.Value; i == 0 || v != d.alarms[i-1].State.Value {
			p.heading(d.heading(v, false), d.heading(v, true))
		}
		p.line(d.line(a), a)
	}
	return p.done()
}

// firstRoom returns the block text and the blocks that the alarm list may
// take in the first message, after the header, mentions and overview.
func (d *digest) firstRoom() (int, int) {
	text, blocks := digestMessageText-maxHeaderText, maxBlocks-1
	for _, b := range []slack.Block{d.mentions, d.overview} {
		if b != nil {
			text -= blockTextLen(b)
			blocks--
		}
	}
	return text, blocks
}

// message returns the i-th of n messages, with the alarm list p.
func (d *digest) message(i, n int, p part) *Message {
	blocks := make([]slack.Block, 0, 3+len(p.sections))
	blocks = append(blocks, d.header(i, n))
	if i == 0 {
		blocks = add(blocks, d.mentions)
		blocks = add(blocks, d.overview)
	}
	blocks = append(blocks, p.sections...)
	m := newMessage(d.text(i, n, p.alarms), d.metadata(i, n, len(p.alarms)), blocks, d.o, d.worst())
	m.Alarms = p.alarms
	return m
}

// worst returns the state whose colour the messages take: ALARM if any
// alarm is in ALARM, else the state of the first alarm.
func (d *digest) worst() alarm.StateValue {
	return d.alarms[0].State.Value
}

// metadata returns the metadata of the i-th of n messages, which lists
// count alarms.
func (d *digest) metadata(i, n, count int) *slack.SlackMetadata {
	return &slack.SlackMetadata{
		EventType: DigestMetadataEventType,
		EventPayload: map[string]any{
			"part":   strconv.Itoa(i+1) + "/" + strconv.Itoa(n),
			"alarms": strconv.Itoa(count),
			"total":  strconv.Itoa(len(d.alarms)),
		},
	}
}
