package slackfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Message is a Slack message built from an alarm. Its MarshalJSON method
// returns the exact body to POST to an incoming webhook.
type Message struct {
	// Text is the plain summary that notifications and screen readers
	// use, such as "ALARM: HighCPU in eu-west-3". It is never empty.
	Text string `json:"text"`
	// Blocks is the Block Kit layout. It is empty when the blocks sit inside
	// the coloured attachment instead.
	Blocks slack.Blocks `json:"blocks,omitzero"`
	// Attachments holds one attachment with the state colour and the blocks,
	// when the colour bar is on.
	Attachments []slack.Attachment `json:"attachments,omitempty"`
	// Metadata is Slack message metadata describing the alarm (event type
	// and alarm ARN). Incoming webhooks ignore it; chat.postMessage stores it.
	Metadata *slack.SlackMetadata `json:"metadata,omitempty"`
	// Alarms are the alarms the message is about: the one given to Build or
	// BuildResolved, or those of one message of a digest. They are not sent;
	// a caller that delivers the messages of a digest one by one learns
	// from them which alarms each delivery settles.
	Alarms []*alarm.Alarm `json:"-"`
}

// MarshalJSON encodes m as an incoming-webhook body: the fields of
// Message, and "unfurl_links" and "unfurl_media" set to false so that
// Slack does not add a preview of the console's sign-in page under the
// alarm.
//
// The body is not HTML, so < > & are not escaped as \u003c and so on,
// except inside the parts that slack-go encodes itself (context elements,
// attachments' blocks); Slack reads both forms the same.
//
// Senders call m.MarshalJSON() directly: json.Marshal(m) returns the same
// JSON, but only after checking, compacting and copying (and HTML-escaping)
// it once more.
func (m Message) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	err := enc.Encode(webhookBody{Text: m.Text, Blocks: m.Blocks.BlockSet, Attachments: m.Attachments, Metadata: m.Metadata})
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), err
}

// webhookBody is the JSON of an incoming-webhook POST. Its blocks are a
// plain slice rather than a slack.Blocks, whose MarshalJSON would make
// encoding/json copy and re-validate the blocks' JSON once more.
type webhookBody struct {
	Text        string               `json:"text"`
	Blocks      []slack.Block        `json:"blocks,omitempty"`
	Attachments []slack.Attachment   `json:"attachments,omitempty"`
	Metadata    *slack.SlackMetadata `json:"metadata,omitempty"`
	UnfurlLinks bool                 `json:"unfurl_links"`
	UnfurlMedia bool                 `json:"unfurl_media"`
}

// PostMessageOptions returns the chat.postMessage (or chat.update) options
// that send m with a bot token: its text as it is (already escaped, so
// never escaped again), its blocks or attachments, its metadata, and link
// and media unfurling turned off. It never sets parse=full or link_names,
// which would turn plain words such as @channel into mentions.
func (m *Message) PostMessageOptions() []slack.MsgOption {
	opts := make([]slack.MsgOption, 0, 6)
	opts = append(opts,
		slack.MsgOptionText(m.Text, false),
		slack.MsgOptionDisableLinkUnfurl(),
		slack.MsgOptionDisableMediaUnfurl(),
	)
	if len(m.Blocks.BlockSet) > 0 {
		opts = append(opts, slack.MsgOptionBlocks(m.Blocks.BlockSet...))
	}
	if len(m.Attachments) > 0 {
		opts = append(opts, slack.MsgOptionAttachments(m.Attachments...))
	}
	if m.Metadata != nil {
		opts = append(opts, slack.MsgOptionMetadata(*m.Metadata))
	}
	return opts
}

// builderURL is where Block Kit Builder takes a surface after "#".
const builderURL = "https://app.slack.com/block-kit-builder/#"

// PreviewURL returns a link that opens m in Slack's Block Kit Builder:
// the builder's address followed by the path-escaped JSON of the blocks
// and attachments (spaces must be %20 there, not +). It returns an error
// only if the blocks cannot be encoded, which happens only for blocks that
// a WithBlocks hook made.
func (m *Message) PreviewURL() (string, error) {
	blocks := m.Blocks.BlockSet
	if blocks == nil {
		blocks = []slack.Block{}
	}
	body, err := json.Marshal(struct {
		Blocks      []slack.Block      `json:"blocks"`
		Attachments []slack.Attachment `json:"attachments,omitempty"`
	}{blocks, m.Attachments})
	if err != nil {
		return "", fmt.Errorf("slackfmt: encoding preview: %w", err)
	}
	return builderURL + url.PathEscape(string(body)), nil
}

// MetadataEventType is the event_type of the message metadata that Build
// sets, for apps that read messages back (conversations.history with
// include_all_metadata) to find the message of an alarm.
const MetadataEventType = "cloudwatch_alarm"

// metadata returns the message metadata for a: its ARN, name, states,
// region and account, and the contributor's ID when there is one, all as
// strings (Slack allows only strings, numbers, booleans and nesting of
// them), each cut to budgetMetadata characters.
func metadata(a *alarm.Alarm) *slack.SlackMetadata {
	md := &slack.SlackMetadata{
		EventType: MetadataEventType,
		EventPayload: map[string]any{
			"alarm_arn":      clip(a.ARN, budgetMetadata),
			"alarm_name":     clip(a.Name, budgetMetadata),
			"state":          clip(string(a.State.Value), budgetMetadata),
			"previous_state": clip(string(a.PreviousState.Value), budgetMetadata),
			"region":         clip(a.Region, budgetMetadata),
			"account_id":     clip(a.AccountID, budgetMetadata),
		},
	}
	if c := a.Contributor; c != nil {
		md.EventPayload["contributor_id"] = clip(c.ID, budgetMetadata)
	}
	return md
}
