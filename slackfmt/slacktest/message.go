package slacktest

import (
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/slackfmt"
)

// The methods that a Message records, besides the Web API's own method
// names ("chat.postMessage", "chat.update", "files.getUploadURLExternal",
// "files.completeUploadExternal").
const (
	// MethodWebhook is the method of a request to an incoming webhook.
	MethodWebhook = "webhook"
	// MethodUpload is the method of a file upload to the URL that
	// files.getUploadURLExternal returned.
	MethodUpload = "upload"
)

// Message is one request that the server received, decoded: for a
// webhook, chat.postMessage or chat.update, the message it carried; for
// the file methods, the channel, thread and comment it named.
type Message struct {
	// Method is MethodWebhook, MethodUpload or the Web API method, such as
	// "chat.postMessage".
	Method string
	// Webhook is the path of the webhook that received the request, such
	// as "/services/T0000/B0000/XXXX", for MethodWebhook.
	Webhook string
	// Channel is the ID of the channel the message went to: the one given,
	// or the ID the server gave a channel named by name. It is "" for a
	// webhook, which posts to the channel it was made for.
	Channel string
	// TS is the ts of the message: the one chat.postMessage gave it, or the
	// one chat.update named.
	TS string
	// ThreadTS is the thread_ts of a reply, or "".
	ThreadTS string
	// ReplyBroadcast is the reply_broadcast flag of a reply.
	ReplyBroadcast bool
	// Text is the top-level text (the initial comment of a file), as sent:
	// escaped, with its mentions and links in Slack's syntax.
	Text string
	// Blocks are the blocks, decoded by slack-go; nil when none were sent.
	Blocks []slack.Block
	// BlocksJSON is the blocks' JSON as sent: nil when the request had no
	// blocks, [] when it cleared them (chat.update).
	BlocksJSON json.RawMessage
	// Attachments are the legacy attachments, such as a coloured bar.
	Attachments []slack.Attachment
	// Metadata is the message metadata, or nil.
	Metadata *slack.SlackMetadata
	// UnfurlLinks and UnfurlMedia are the unfurl flags, nil when not sent.
	UnfurlLinks, UnfurlMedia *bool
	// Status is the HTTP status of the server's answer.
	Status int
	// Error is the Slack error code the server answered, such as
	// "invalid_blocks" or "ratelimited", or "" when it succeeded.
	Error string
}

// OK reports whether the server accepted the request.
func (m Message) OK() bool { return m.Error == "" }

// PlainText returns the message as a person reads it in Slack, one text
// per line: the top-level text, then the text of every text object of the
// blocks and of the attachments' blocks, in order. mrkdwn text goes
// through [slackfmt.PlainText], so entities are decoded and links and
// mentions read as words; plain_text is shown as it is.
func (m Message) PlainText() string {
	var lines []string
	if m.Text != "" {
		lines = append(lines, slackfmt.PlainText(m.Text))
	}
	for _, t := range m.textObjects() {
		if t.mrkdwn {
			lines = append(lines, slackfmt.PlainText(t.text))
		} else {
			lines = append(lines, t.text)
		}
	}
	return strings.Join(lines, "\n")
}

// Mentions returns the mentions that are live in the message, each once,
// in the order they first appear, written as Slack's syntax without a
// label: "<!here>", "<!channel>", "<!everyone>", "<@U…>", "<@W…>" or
// "<!subteam^S…>". Only the top-level text and mrkdwn text can carry a
// live mention; a mention written in plain_text, or escaped as
// &lt;!here&gt;, is only text.
func (m Message) Mentions() []string {
	var out []string
	add := func(s string) {
		for _, mention := range mentionsIn(s) {
			if !slices.Contains(out, mention) {
				out = append(out, mention)
			}
		}
	}
	add(m.Text)
	for _, t := range m.textObjects() {
		if t.mrkdwn {
			add(t.text)
		}
	}
	return out
}

// mentionsIn returns the mentions in Slack text s, in order.
func mentionsIn(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return out
		}
		s = s[i+1:]
		j := strings.IndexAny(s, "<>")
		if j < 0 {
			return out
		}
		if s[j] == '>' {
			body, _, _ := strings.Cut(s[:j], "|")
			if isMention(body) {
				out = append(out, "<"+body+">")
			}
		}
	}
}

// isMention reports whether body, the inside of a control sequence
// without its label, is a mention.
func isMention(body string) bool {
	switch {
	case body == "!here", body == "!channel", body == "!everyone":
		return true
	case strings.HasPrefix(body, "!subteam^"):
		return len(body) > len("!subteam^")
	case strings.HasPrefix(body, "@"):
		return len(body) > 1
	}
	return false
}

// textObject is a text object of a message's blocks.
type textObject struct {
	text   string
	mrkdwn bool
}

// textObjects returns the text objects of the blocks and the attachments'
// blocks, in document order.
func (m Message) textObjects() []textObject {
	var out []textObject
	walkJSON(m.BlocksJSON, &out)
	for _, a := range m.Attachments {
		if raw, err := json.Marshal(a.Blocks); err == nil {
			walkJSON(raw, &out)
		}
	}
	return out
}

func walkJSON(raw json.RawMessage, out *[]textObject) {
	if len(raw) == 0 {
		return
	}
	var v any
	if json.Unmarshal(raw, &v) == nil {
		walk(v, out)
	}
}

// walk collects the text objects in v. The keys of an object are taken in
// the order a reader sees them: text, fields, elements and accessory
// first, then the others sorted.
func walk(v any, out *[]textObject) {
	switch v := v.(type) {
	case map[string]any:
		typ, _ := v["type"].(string)
		if text, ok := v["text"].(string); ok && (typ == "mrkdwn" || typ == "plain_text") {
			*out = append(*out, textObject{text: text, mrkdwn: typ == "mrkdwn"})
			return
		}
		for _, k := range keysInReadingOrder(v) {
			walk(v[k], out)
		}
	case []any:
		for _, e := range v {
			walk(e, out)
		}
	}
}

// readingOrder lists the keys of a block that come first, in order.
var readingOrder = []string{"title", "text", "fields", "elements", "accessory"}

func keysInReadingOrder(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for _, k := range readingOrder {
		if _, ok := m[k]; ok {
			keys = append(keys, k)
		}
	}
	rest := make([]string, 0, len(m))
	for k := range m {
		if !slices.Contains(readingOrder, k) {
			rest = append(rest, k)
		}
	}
	sort.Strings(rest)
	return append(keys, rest...)
}
