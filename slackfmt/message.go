package slackfmt

import (
	"github.com/slack-go/slack"
)

// Message is a Slack message built from an alarm. json.Marshal of a
// *Message gives the exact body to POST to an incoming webhook.
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
}
