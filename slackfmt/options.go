package slackfmt

import (
	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Option changes how Build lays out a message. The zero configuration (no
// options) is the recommended one: plain blocks, no mentions, the console
// link as a mrkdwn link.
type Option func(*options)

type options struct {
	mentions map[alarm.StateValue][]Mention
	colorBar bool
	compact  bool
	buttons  bool
	links    []link
	tagLinks []tagLink
	aliases  map[string]string
	hook     func(a *alarm.Alarm, blocks []slack.Block) []slack.Block
}

// link is an extra link given to WithLink.
type link struct{ text, url string }

// tagLink is an extra link taken from an alarm tag, given to WithTagLink.
type tagLink struct{ tag, text string }

func newOptions(opts []Option) options {
	var o options
	for _, opt := range opts {
		if opt != nil {
			opt(&o)
		}
	}
	return o
}

// WithMention makes messages about alarms that entered state carry the
// mentions ms, for example <!here> on ALARM only:
//
//	slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>"))
//
// The mentions go at the start of the top-level text (for notifications)
// and in a section under the header. Repeated options for the same state
// add up. A state other than the three alarm states is ignored, so that an
// alarm with a state that is not one cannot pick up mentions.
func WithMention(state alarm.StateValue, ms ...Mention) Option {
	return func(o *options) {
		if !state.Valid() {
			return
		}
		if o.mentions == nil {
			o.mentions = make(map[alarm.StateValue][]Mention)
		}
		for _, m := range ms {
			if m.s != "" {
				o.mentions[state] = append(o.mentions[state], m)
			}
		}
	}
}

// WithColorBar puts the blocks inside one legacy attachment coloured by
// state (red, green, grey) when on is true. It is off by default: Slack
// calls attachments legacy and may change them, desktop notifications and
// screen readers read top-level blocks, and the state emoji in the header
// already says the state at a glance.
func WithColorBar(on bool) Option {
	return func(o *options) { o.colorBar = on }
}

// WithCompact reduces the message to the header and one line (state
// change, time, account, region, links) when on is true.
func WithCompact(on bool) Option {
	return func(o *options) { o.compact = on }
}

// WithLinkButtons shows the console link and the extra links as URL
// buttons instead of mrkdwn links when on is true. It is off by default:
// Slack sends an interaction payload for every button click, and an app
// with no interactivity request URL (the usual case for webhook-only
// apps) then shows a warning to the user who clicked.
func WithLinkButtons(on bool) Option {
	return func(o *options) { o.buttons = on }
}

// WithLink adds a link labelled text to url after the console link. Links
// whose url is not an absolute http or https URL of at most 3000
// characters are left out.
func WithLink(text, url string) Option {
	return func(o *options) { o.links = append(o.links, link{text: text, url: url}) }
}

// WithTagLink adds a link labelled text whose URL is the value of the
// alarm's tag named tag, such as a "runbook" tag. It is left out when the
// alarm has no such tag or its value is not an absolute http or https
// URL. Tags reach notifications only from alarms that propagate them.
func WithTagLink(tag, text string) Option {
	return func(o *options) { o.tagLinks = append(o.tagLinks, tagLink{tag: tag, text: text}) }
}

// WithAccountAlias shows alias next to the account ID accountID wherever
// the message names that account.
func WithAccountAlias(accountID, alias string) Option {
	return func(o *options) {
		if o.aliases == nil {
			o.aliases = make(map[string]string)
		}
		o.aliases[accountID] = alias
	}
}

// WithBlocks lets hook add, remove or replace blocks: it receives the alarm
// and the blocks of the default layout (which it may modify) and returns
// the blocks to send. Build sends them exactly as the hook returns them:
// it does not check them, so a hook that adds blocks can break one of
// Slack's limits (50 blocks, 150 characters of header, a block_id used
// twice …), and Slack then refuses the whole message. Check the result
// with [Validate] when the hook adds or changes blocks. Text that the hook
// takes from the alarm is the hook's to escape. A hook that returns no
// blocks leaves the message with its text only.
func WithBlocks(hook func(a *alarm.Alarm, blocks []slack.Block) []slack.Block) Option {
	return func(o *options) { o.hook = hook }
}
