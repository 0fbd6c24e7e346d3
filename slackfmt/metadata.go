package slackfmt

import (
	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// MetadataEventType is the event_type of the message metadata that Build
// sets, for apps that read messages back (conversations.history with
// include_all_metadata) to find the message of an alarm.
const MetadataEventType = "cloudwatch_alarm"

// metadata returns the message metadata for a: its ARN, name, states,
// region and account, all as strings (Slack allows only strings, numbers,
// booleans and nesting of them), each cut to budgetMetadata characters.
func metadata(a *alarm.Alarm) *slack.SlackMetadata {
	return &slack.SlackMetadata{
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
}
