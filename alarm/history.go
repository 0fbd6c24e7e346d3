package alarm

import "strings"

// DescribeAlarmHistory returns an alarm's SNS notifications as items of
// type "Action". Each item's HistoryData is a JSON document inside a
// string, whose publishedMessage is the message SNS published: either the
// alarm message itself, or one text per protocol, {"default": <alarm
// message>, "sms": …, "email": …}. Each of these layers is decoded like
// any other document.

// historyItem is a DescribeAlarmHistory item as the API returns it.
type historyItem struct {
	HistoryData string `json:"HistoryData"`
}

// alarm decodes the alarm in the item's HistoryData.
func (it *historyItem) alarm(o *origin) (*Alarm, *DecodeError) {
	return decodeNested(it.HistoryData, layerHistoryData, o)
}

// historyAction is the HistoryData of an item for an SNS action.
type historyAction struct {
	NotificationResource string `json:"notificationResource"` // the topic ARN
	PublishedMessage     string `json:"publishedMessage"`
}

// alarm decodes the alarm in the published message.
func (h *historyAction) alarm(o *origin) (*Alarm, *DecodeError) {
	if strings.Contains(h.NotificationResource, ":sns:") {
		o.topicARN = h.NotificationResource
	}
	return decodeNested(h.PublishedMessage, layerPublished, o)
}

// perProtocolMessage is a message published with one text per protocol;
// the default text goes to every protocol without a text of its own.
type perProtocolMessage struct {
	Default string `json:"default"`
}

// alarm decodes the alarm in the default text.
func (m *perProtocolMessage) alarm(o *origin) (*Alarm, *DecodeError) {
	return decodeNested(m.Default, layerDefault, o)
}
