package send

import (
	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// metadataEventType is the event type of the metadata that a Bot attaches
// when the message carries none.
const metadataEventType = "cloudwatch_alarm"

// messageOptions turns m into chat.postMessage / chat.update arguments:
// those of [slackfmt.Message.PostMessageOptions] (which never set parse
// or link_names), plus metadata naming the alarm when m has none.
func messageOptions(a *alarm.Alarm, m *slackfmt.Message) []slack.MsgOption {
	opts := m.PostMessageOptions()
	if m.Metadata == nil {
		opts = append(opts, slack.MsgOptionMetadata(defaultMetadata(a)))
	}
	return opts
}

// defaultMetadata is a minimal metadata naming the alarm, so that the
// message can be found again from conversations.history.
func defaultMetadata(a *alarm.Alarm) slack.SlackMetadata {
	return slack.SlackMetadata{
		EventType: metadataEventType,
		EventPayload: map[string]any{
			"alarm_arn":  Key(a),
			"alarm_name": a.Name,
			"state":      string(a.State.Value),
		},
	}
}
