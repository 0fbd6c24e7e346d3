package slacktest

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/slackfmt"
)

// refusal is Slack's refusal of a message: its error code and, for
// invalid_blocks, the details Slack gives, such as "must be at most 150
// characters (has 151) [json-pointer:/blocks/0/text/text]".
type refusal struct {
	code    string
	details []string
}

// decodeMessage fills m with the message fields of p (text, blocks,
// attachments, metadata, thread and unfurl flags) and returns Slack's
// refusal of them, if any.
func decodeMessage(p params, m *Message) *refusal {
	m.Text = p.str("text")
	m.ThreadTS = p.str("thread_ts")
	if b := p.flag("reply_broadcast"); b != nil {
		m.ReplyBroadcast = *b
	}
	m.UnfurlLinks, m.UnfurlMedia = p.flag("unfurl_links"), p.flag("unfurl_media")
	if r := decodeBlocks(p.raw("blocks"), m); r != nil {
		return r
	}
	if raw := p.raw("attachments"); raw != nil {
		if json.Unmarshal(raw, &m.Attachments) != nil {
			return &refusal{code: "invalid_attachments"}
		}
	}
	if raw := p.raw("metadata"); raw != nil {
		m.Metadata = new(slack.SlackMetadata)
		if json.Unmarshal(raw, m.Metadata) != nil {
			return &refusal{code: "invalid_metadata_format"}
		}
	}
	return checkLimits(m.Text, m.BlocksJSON, p.raw("attachments"))
}

// decodeBlocks sets the blocks of m from raw, the blocks argument.
func decodeBlocks(raw json.RawMessage, m *Message) *refusal {
	if raw == nil {
		return nil
	}
	m.BlocksJSON = raw
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		return &refusal{code: "invalid_blocks_format"}
	}
	var bs slack.Blocks
	if json.Unmarshal(raw, &bs) != nil {
		return &refusal{code: "invalid_blocks"}
	}
	m.Blocks = bs.BlockSet
	return nil
}

// isEmpty reports whether m has nothing to show: no text, no blocks and no
// attachments, which Slack refuses with no_text.
func isEmpty(m *Message) bool {
	return strings.TrimSpace(m.Text) == "" && len(m.Blocks) == 0 && len(m.Attachments) == 0
}

// checkLimits returns Slack's refusal of blocks and attachments that break
// a Block Kit limit, as slackfmt.ValidateJSON checks them: invalid_blocks
// for a block or the block count, msg_blocks_too_long for too much text in
// all, too_many_attachments. Slack does not require the top-level text
// next to blocks, so that rule is left out.
func checkLimits(text string, blocks, attachments json.RawMessage) *refusal {
	body, err := json.Marshal(struct {
		Text        string          `json:"text"`
		Blocks      json.RawMessage `json:"blocks,omitempty"`
		Attachments json.RawMessage `json:"attachments,omitempty"`
	}{text, blocks, attachments})
	if err != nil {
		return &refusal{code: "invalid_blocks"}
	}
	var e *slackfmt.Error
	if !errors.As(slackfmt.ValidateJSON(body), &e) {
		return nil
	}
	var r refusal
	for _, v := range e.Violations {
		code := violationCode(v)
		if code == "" {
			continue
		}
		if r.code == "" || code == "invalid_blocks" {
			r.code = code
		}
		r.details = append(r.details, v.Problem+" [json-pointer:"+v.Path+"]")
	}
	if r.code == "" {
		return nil
	}
	return &r
}

// violationCode returns the error code with which Slack refuses a message
// with violation v, or "" for a rule that Slack does not enforce.
func violationCode(v slackfmt.Violation) string {
	switch {
	case v.Path == "/text":
		return ""
	case v.Path == "/attachments":
		return "too_many_attachments"
	case v.Path == "" && strings.Contains(v.Problem, "msg_blocks_too_long"):
		return "msg_blocks_too_long"
	}
	return "invalid_blocks"
}
