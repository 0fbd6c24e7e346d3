package slackfmt

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// packer fills sections with lines, and messages with sections, within
// the room that each has. A group of alarms starts with a heading, which
// always shares its section with the group's first line; a section that
// starts in the middle of a group starts with the group's heading marked
// as continued.
type packer struct {
	parts   []part
	cur     part
	lines   []string // of the section being filled
	chars   int      // characters of the section being filled
	text    int      // block text the current message may still take
	blocks  int      // blocks the current message may still take
	pending string   // the heading of the group whose first line is next
	resume  string   // the heading that continues the current group
}

// newPacker returns a packer whose first message may take text
// characters of block text in blocks blocks.
func newPacker(text, blocks int) *packer {
	return &packer{text: text, blocks: blocks}
}

// heading starts a group of alarms: its heading, and the one that
// continues it in a new section.
func (p *packer) heading(h, resume string) {
	p.pending, p.resume = h, resume
}

// line adds the line s of alarm a to the section being filled, or, when
// it does not fit, to a new section, in a new message when the current
// one is full.
func (p *packer) line(s string, a *alarm.Alarm) {
	head := p.pending
	p.pending = ""
	if len(p.lines) > 0 && !p.fits(p.chars+1+unitLen(head, s)) {
		p.closeSection()
	}
	if len(p.lines) == 0 {
		if head == "" {
			head = p.resume
		}
		if p.blocks == 0 || !p.fits(unitLen(head, s)) {
			p.closeMessage()
		}
	}
	if head != "" {
		p.push(head)
	}
	p.push(s)
	p.cur.alarms = append(p.cur.alarms, a)
}

// fits reports whether a section of n characters fits in a section and
// in the current message.
func (p *packer) fits(n int) bool { return n <= digestSectionText && n <= p.text }

// unitLen returns the characters of line s with its heading head, if
// any, on the line before.
func unitLen(head, s string) int {
	n := utf8.RuneCountInString(s)
	if head != "" {
		n += utf8.RuneCountInString(head) + 1
	}
	return n
}

// push appends s to the section being filled.
func (p *packer) push(s string) {
	if len(p.lines) > 0 {
		p.chars++ // the line break
	}
	p.lines = append(p.lines, s)
	p.chars += utf8.RuneCountInString(s)
}

// closeSection ends the section being filled.
func (p *packer) closeSection() {
	if len(p.lines) == 0 {
		return
	}
	id := "dg-list-" + strconv.Itoa(len(p.cur.sections))
	text := strings.Join(p.lines, "\n")
	p.cur.sections = append(p.cur.sections, slack.NewSectionBlock(mrkdwn(text), nil, nil, slack.SectionBlockOptionBlockID(id)))
	p.text -= p.chars
	p.blocks--
	p.lines, p.chars = nil, 0
}

// closeMessage ends the current message and starts the next, whose
// whole room (after its header) the list may take.
func (p *packer) closeMessage() {
	p.closeSection()
	if len(p.cur.sections) > 0 {
		p.parts = append(p.parts, p.cur)
	}
	p.cur = part{}
	p.text, p.blocks = digestMessageText-maxHeaderText, maxBlocks-1
}

// done ends the last section and message and returns the parts.
func (p *packer) done() []part {
	p.closeMessage()
	return p.parts
}

// blockTextLen returns the characters of text in a section or context
// block, as Validate counts them.
func blockTextLen(b slack.Block) int {
	n := 0
	switch b := b.(type) {
	case *slack.SectionBlock:
		if b.Text != nil {
			n += utf8.RuneCountInString(b.Text.Text)
		}
		for _, f := range b.Fields {
			n += utf8.RuneCountInString(f.Text)
		}
	case *slack.ContextBlock:
		for _, e := range b.ContextElements.Elements {
			if t, ok := e.(*slack.TextBlockObject); ok {
				n += utf8.RuneCountInString(t.Text)
			}
		}
	}
	return n
}
