package alarm

import (
	"encoding/json"
	"strings"
)

// decodeHistoryItem decodes a DescribeAlarmHistory "Action" item as the
// API returns it, whose HistoryData is the JSON of the action (see
// decodeHistory) inside a string.
func decodeHistoryItem(data string, d *delivery) (*Alarm, error) {
	var s sniff
	if err := s.read([]byte(data), "HistoryData", true); err != nil {
		return nil, err
	}
	if s.shape() != shapeHistory {
		return nil, newError(ErrNotAlarm, FoundOtherJSON, "HistoryData of an alarm history item that is not an SNS action")
	}
	return decodeHistory(&s, d)
}

// decodeHistory decodes a DescribeAlarmHistory "Action" item (the decoded
// HistoryData of an SNS action), whose publishedMessage is the message SNS
// published: {"default": <alarm message>, "sms": …, "email": …}, or the
// alarm message itself when it was published without a per-protocol
// structure. s holds the item's sniffed keys.
func decodeHistory(s *sniff, d *delivery) (*Alarm, error) {
	if strings.Contains(s.NotificationRes, ":sns:") {
		d.topicARN = s.NotificationRes
	}
	msg := s.PublishedMessage
	var structured struct {
		Default looseString `json:"default"`
	}
	if json.Unmarshal([]byte(msg), &structured) == nil && structured.Default != "" {
		msg = string(structured.Default)
	}
	return decodeNested(msg, d, levelMessage, "publishedMessage")
}
