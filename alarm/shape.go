package alarm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Decoding is done in two phases. The first reads the members of a
// document's object into a discriminator without decoding them: the keys
// that tell the shapes apart, each value kept as a json.RawMessage whatever
// its type, so that a payload with odd types is still classified. The
// second phase is the one decode of the document by encoding/json, into
// the wire struct of the shape that the first found; it also checks that
// the document is valid JSON. A document refused without a second phase is
// checked with json.Valid first, so that malformed JSON is always reported
// as such.

// discriminator holds the keys that tell the payload shapes apart. read
// fills it as json.Unmarshal would, following its fields' tags: keys match
// without regard to case, so no two shapes may rely on keys that differ
// only in case, and the last of two equal keys wins.
type discriminator struct {
	Records  json.RawMessage `json:"Records"`  // Lambda SNS or SQS event
	Messages json.RawMessage `json:"Messages"` // sqs receive-message output
	Type     json.RawMessage `json:"Type"`     // SNS notification or confirmation

	AlarmName     json.RawMessage `json:"AlarmName"`     // alarm message
	NewStateValue json.RawMessage `json:"NewStateValue"` // alarm message

	Source     json.RawMessage `json:"source"`      // EventBridge event, alarm action
	DetailType json.RawMessage `json:"detail-type"` // EventBridge event
	Detail     json.RawMessage `json:"detail"`      // EventBridge event
	AlarmData  json.RawMessage `json:"alarmData"`   // alarm action

	HistoryData      json.RawMessage `json:"HistoryData"`      // alarm history item
	PublishedMessage json.RawMessage `json:"publishedMessage"` // its decoded HistoryData
	Default          json.RawMessage `json:"default"`          // a message with one text per protocol
}

// read fills d from the members of obj, a JSON object, and reports whether
// obj is one as far as its members go. The values are subslices of obj.
func (d *discriminator) read(obj []byte) bool {
	return eachMember(obj, func(key, value []byte) {
		name := key[1 : len(key)-1]
		if bytes.IndexByte(name, '\\') >= 0 || !utf8.Valid(name) {
			name = []byte(jsonString(key))
		}
		if f := d.field(string(name)); f != nil {
			*f = value
		}
	})
}

// field returns the field of d that holds the member called name, or nil.
func (d *discriminator) field(name string) *json.RawMessage {
	switch {
	case strings.EqualFold(name, "Records"):
		return &d.Records
	case strings.EqualFold(name, "Messages"):
		return &d.Messages
	case strings.EqualFold(name, "Type"):
		return &d.Type
	case strings.EqualFold(name, "AlarmName"):
		return &d.AlarmName
	case strings.EqualFold(name, "NewStateValue"):
		return &d.NewStateValue
	case strings.EqualFold(name, "source"):
		return &d.Source
	case strings.EqualFold(name, "detail-type"):
		return &d.DetailType
	case strings.EqualFold(name, "detail"):
		return &d.Detail
	case strings.EqualFold(name, "alarmData"):
		return &d.AlarmData
	case strings.EqualFold(name, "HistoryData"):
		return &d.HistoryData
	case strings.EqualFold(name, "publishedMessage"):
		return &d.PublishedMessage
	case strings.EqualFold(name, "default"):
		return &d.Default
	}
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

// decoded reports whether the second phase decodes a document of shape
// sh, rather than refusing it.
func (sh shape) decoded() bool {
	switch sh {
	case shapeUnknown, shapeConfigChange, shapeOtherEvent, shapeNoDetail:
		return false
	}
	return true
}

// shape says which shape the document has.
func (d *discriminator) shape() shape {
	switch {
	case isJSON(d.Records, '['):
		return shapeRecords
	case isJSON(d.Messages, '['):
		return shapeReceive
	case isSNSType(jsonString(d.Type)):
		return shapeSNS
	case jsonString(d.DetailType) != "":
		return eventShape(jsonString(d.Source), jsonString(d.DetailType), isJSON(d.Detail, '{'))
	case jsonString(d.Source) == sourceCloudWatch && isJSON(d.AlarmData, '{'):
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
	case t[0] != '{':
		return nil, shapeUnknown, notAnObject(data, l)
	}
	d, sh := new(discriminator), shapeUnknown
	if d.read(t) {
		sh = d.shape()
	}
	if !l.allows(sh) || !sh.decoded() {
		if err := checkJSON(data, l); err != nil {
			return nil, shapeUnknown, err
		}
	}
	switch {
	case l.allows(sh):
		return d, sh, nil
	case l == layerInput:
		return nil, shapeUnknown, unknown("input is a JSON object with no key that marks a known shape")
	}
	return nil, shapeUnknown, notAlarm("JSON message that is not a CloudWatch alarm")
}

// checkJSON returns nil when data, a document at layer l, is valid JSON,
// else the error that says where it is not.
func checkJSON(data []byte, l layer) *DecodeError {
	if json.Valid(data) {
		return nil
	}
	return malformed(l.String(), json.Unmarshal(data, new(struct{})))
}

// notAnObject returns the error for data, a document at layer l that does
// not start with an object: JSON of another type, or not JSON.
func notAnObject(data []byte, l layer) *DecodeError {
	if string(bytes.TrimSpace(data)) == "null" {
		return unknown("input is JSON null")
	}
	err := json.Unmarshal(data, new(struct{}))
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
