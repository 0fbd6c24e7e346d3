package alarm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"unicode/utf8"
)

// Decoding is done in two phases. The first decodes a document into a
// discriminator, whose fields are the keys that tell the shapes apart, each
// kept as a json.RawMessage: a RawMessage takes a JSON value of any type,
// so this phase fails only on a syntax error or a document that is not an
// object, and a payload with odd types is still classified. The second
// phase decodes the document once more, into the wire struct of the shape
// that the first found.

// discriminator holds the keys that tell the payload shapes apart.
// encoding/json matches keys without regard to case, so no two shapes may
// rely on keys that differ only in case.
type discriminator struct {
	Records  valueType       `json:"Records"`  // Lambda SNS or SQS event
	Messages valueType       `json:"Messages"` // sqs receive-message output
	Type     json.RawMessage `json:"Type"`     // SNS notification or confirmation

	AlarmName     json.RawMessage `json:"AlarmName"`     // alarm message
	NewStateValue json.RawMessage `json:"NewStateValue"` // alarm message

	Source     json.RawMessage `json:"source"`      // EventBridge event, alarm action
	DetailType json.RawMessage `json:"detail-type"` // EventBridge event
	Detail     valueType       `json:"detail"`      // EventBridge event
	AlarmData  valueType       `json:"alarmData"`   // alarm action

	HistoryData      json.RawMessage `json:"HistoryData"`      // alarm history item
	PublishedMessage json.RawMessage `json:"publishedMessage"` // its decoded HistoryData
	Default          json.RawMessage `json:"default"`          // a message with one text per protocol
}

// valueType is the first byte of a JSON value, which says its type: '{'
// for an object, '[' for an array, '"' for a string… The discriminator
// keeps only the type of the values that carry a payload, rather than a
// copy of them.
type valueType byte

// UnmarshalJSON records the type of b.
func (t *valueType) UnmarshalJSON(b []byte) error {
	*t = valueType(b[0])
	return nil
}

// shape is a payload shape.
type shape int

const (
	shapeUnknown      shape = iota
	shapeRecords            // Lambda SNS or SQS event
	shapeReceive            // sqs receive-message output
	shapeSNS                // SNS notification or confirmation
	shapeStateChange        // EventBridge "CloudWatch Alarm State Change" event
	shapeConfigChange       // EventBridge "CloudWatch Alarm Configuration Change" event
	shapeOtherEvent         // any other EventBridge event
	shapeNoDetail           // EventBridge envelope without a detail object
	shapeAction             // direct Lambda alarm action
	shapeAlarm              // CloudWatch alarm message
	shapeHistoryItem        // DescribeAlarmHistory action item, HistoryData a string
	shapeHistory            // the HistoryData of such an item, decoded
	shapePerProtocol        // message with one text per protocol, "default" among them
)

// String names the shape in errors.
func (sh shape) String() string {
	switch sh {
	case shapeRecords:
		return "Lambda event"
	case shapeReceive:
		return "receive-message output"
	case shapeSNS:
		return "SNS notification"
	case shapeStateChange, shapeConfigChange, shapeOtherEvent, shapeNoDetail:
		return "EventBridge event"
	case shapeAction:
		return "alarm action"
	case shapeAlarm:
		return "alarm message"
	case shapeHistoryItem:
		return "alarm history item"
	case shapeHistory:
		return "alarm history data"
	case shapePerProtocol:
		return "per-protocol message"
	}
	return "JSON object of no known shape"
}

// shape says which shape the document has.
func (d *discriminator) shape() shape {
	switch {
	case d.Records == '[':
		return shapeRecords
	case d.Messages == '[':
		return shapeReceive
	case isSNSType(jsonString(d.Type)):
		return shapeSNS
	case jsonString(d.DetailType) != "":
		return eventShape(jsonString(d.Source), jsonString(d.DetailType), d.Detail == '{')
	case jsonString(d.Source) == sourceCloudWatch && d.AlarmData == '{':
		return shapeAction
	case isPresent(d.AlarmName) && isPresent(d.NewStateValue):
		return shapeAlarm
	case jsonString(d.PublishedMessage) != "":
		return shapeHistory
	case jsonString(d.HistoryData) != "":
		return shapeHistoryItem
	case jsonString(d.Default) != "":
		return shapePerProtocol
	}
	return shapeUnknown
}

// isSNSType reports whether t is the Type of an SNS message.
func isSNSType(t string) bool {
	return t == "Notification" || t == "SubscriptionConfirmation" || t == "UnsubscribeConfirmation"
}

// discriminate runs the first phase on data, a document at layer l, and
// returns its shape. A nested document (an SNS Message, an SQS body …)
// that is not a JSON object is some other message, not an unknown payload.
func discriminate(data []byte, l layer) (*discriminator, shape, *DecodeError) {
	t := bytes.TrimSpace(data)
	switch {
	case len(t) == 0 && l == layerInput:
		return nil, shapeUnknown, newError(ErrMalformed, "the input is empty")
	case l != layerInput && (len(t) == 0 || (t[0] != '{' && t[0] != '[')):
		return nil, shapeUnknown, notAlarm("plain text message: the " + l.String() + " is not JSON")
	case string(t) == "null":
		return nil, shapeUnknown, unknown("input is JSON null")
	}
	d := new(discriminator)
	if err := json.Unmarshal(data, d); err != nil {
		return nil, shapeUnknown, notAnObject(l, err)
	}
	sh := d.shape()
	switch {
	case l.allows(sh):
		return d, sh, nil
	case l == layerInput:
		return nil, shapeUnknown, unknown("input is a JSON object with no key that marks a known shape")
	}
	return nil, shapeUnknown, notAlarm("JSON message that is not a CloudWatch alarm")
}

// notAnObject returns the error for a document at layer l that the
// discriminator could not hold: one that is not a JSON object, or not JSON.
func notAnObject(l layer, err error) *DecodeError {
	typ, ok := err.(*json.UnmarshalTypeError)
	switch {
	case !ok:
		return malformed(l.String(), err)
	case l == layerInput:
		return unknown(fmt.Sprintf("input is a JSON %s, not an object", typ.Value))
	}
	return notAlarm(fmt.Sprintf("JSON message that is not a CloudWatch alarm: the %s is a JSON %s", l, typ.Value))
}

// jsonString returns the string that raw holds, or "" when raw is not a
// JSON string.
func jsonString(raw json.RawMessage) string {
	if len(raw) < 2 || raw[0] != '"' {
		return ""
	}
	if s := raw[1 : len(raw)-1]; bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
		return string(s) // no escapes to undo, no invalid UTF-8 to replace
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// isJSON reports whether raw is a JSON value that starts with c.
func isJSON(raw []byte, c byte) bool {
	return len(raw) > 0 && raw[0] == c
}

// isPresent reports whether raw holds a value other than null.
func isPresent(raw json.RawMessage) bool {
	return len(raw) > 0 && string(raw) != "null"
}
