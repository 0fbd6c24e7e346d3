package alarm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/aws/aws-lambda-go/events"
)

// Parse decodes every CloudWatch alarm notification in data. It detects the
// payload's shape from its content alone: a Lambda SNS event, the body SNS
// POSTs to an HTTP(S) subscriber, a Lambda SQS event (or the output of
// sqs receive-message), the bare alarm message, an EventBridge "CloudWatch
// Alarm State Change" event (bare, or carried by SNS or SQS), the payload
// of an alarm's direct Lambda action, or a DescribeAlarmHistory action
// item.
//
// Every error is a *DecodeError, or for events with several records the
// errors.Join of one *DecodeError per skipped record; each wraps exactly
// one of ErrNotAlarm, ErrMalformed, ErrInvalid and ErrUnknown. When some
// records decode and others do not, Parse returns the alarms it decoded
// together with the error; when nothing decodes the alarms are nil. Parse
// never panics, whatever data holds.
func Parse(data []byte) ([]*Alarm, error) {
	var s sniff
	if err := s.read(data, "input", false); err != nil {
		return nil, err
	}
	switch s.shape() {
	case shapeRecords:
		return decodeRecords(s.Records, false)
	case shapeReceive:
		return decodeRecords(s.Messages, true)
	}
	a, err := decodeSingle(data, &s, &delivery{}, levelTop)
	if err != nil {
		return nil, err
	}
	return []*Alarm{a}, nil
}

// ParseSNSEvent decodes the alarms in a Lambda SNS event, one per record
// whose message is an alarm. Errors are as for [Parse]: records that carry
// no alarm are named in the returned error and do not hide the others.
func ParseSNSEvent(ev events.SNSEvent) ([]*Alarm, error) {
	return collect(len(ev.Records), func(i int) (*Alarm, string, error) {
		r := &ev.Records[i]
		n := snsEntity{Type: r.SNS.Type, MessageID: r.SNS.MessageID, TopicARN: r.SNS.TopicArn, Message: r.SNS.Message}
		a, err := decodeSNSNote(&n, &delivery{envelope: EnvelopeLambdaSNS, subARN: r.EventSubscriptionArn})
		return a, n.MessageID, err
	})
}

// ParseSQSEvent decodes the alarms in a Lambda SQS event. Each body may be
// an SNS envelope, a raw alarm message (SNS raw message delivery) or an
// EventBridge event. Errors are as for [Parse].
func ParseSQSEvent(ev events.SQSEvent) ([]*Alarm, error) {
	return collect(len(ev.Records), func(i int) (*Alarm, string, error) {
		m := &ev.Records[i]
		a, err := decodeSQSBody(m.Body, m.MessageId)
		return a, m.MessageId, err
	})
}

// ParseSQSMessage decodes the alarm in one SQS message, so that a Lambda
// handler can report a batch item failure for exactly the messages that
// failed. On success the slice holds one alarm. On failure the error is a
// *DecodeError whose RecordID is the message's messageId and whose Record
// is -1.
func ParseSQSMessage(m events.SQSMessage) ([]*Alarm, error) {
	a, err := decodeSQSBody(m.Body, m.MessageId)
	if err != nil {
		return nil, inRecord(err, -1, m.MessageId)
	}
	return []*Alarm{a}, nil
}

// ParseEventBridgeEvent decodes an EventBridge "CloudWatch Alarm State
// Change" event. Other events, including "CloudWatch Alarm Configuration
// Change", fail with a *DecodeError wrapping ErrNotAlarm.
func ParseEventBridgeEvent(ev events.CloudWatchEvent) (*Alarm, error) {
	e := ebEvent{
		ID: ev.ID, DetailType: ev.DetailType, Source: ev.Source, Account: ev.AccountID,
		Region: ev.Region, Resources: ev.Resources, Detail: ev.Detail,
	}
	return decodeEvent(&e, &delivery{envelope: EnvelopeEventBridge})
}

// ParseActionEvent decodes the payload of an alarm's direct Lambda action.
// aws-lambda-go has no type for it; see [ActionEvent].
func ParseActionEvent(ev ActionEvent) (*Alarm, error) {
	return decodeAction(&ev)
}

// delivery is what the envelopes around an alarm say about its delivery.
type delivery struct {
	envelope Envelope
	snsID    string // SNS MessageId
	sqsID    string // SQS messageId
	topicARN string // SNS TopicArn
	subARN   string // Lambda EventSubscriptionArn
}

// messageID returns the SNS MessageId, else the EventBridge id, else the
// SQS messageId.
func (d *delivery) messageID(eventID string) string {
	switch {
	case d.snsID != "":
		return d.snsID
	case eventID != "":
		return eventID
	}
	return d.sqsID
}

// setEnvelope records env unless an outer envelope was already recorded.
func (d *delivery) setEnvelope(env Envelope) {
	if d.envelope == "" {
		d.envelope = env
	}
}

// collect runs decode for each of n records and gathers the alarms and one
// error per failed record.
func collect(n int, decode func(i int) (*Alarm, string, error)) ([]*Alarm, error) {
	if n == 0 {
		return nil, newError(ErrNotAlarm, FoundNoRecords, "")
	}
	alarms := make([]*Alarm, 0, n)
	var errs []error
	for i := range n {
		a, id, err := decode(i)
		if err != nil {
			errs = append(errs, inRecord(err, i, id))
			continue
		}
		alarms = append(alarms, a)
	}
	if len(errs) == 0 {
		return alarms, nil
	}
	if len(alarms) == 0 {
		alarms = nil
	}
	return alarms, joinErrors(errs)
}

// level is how deep in the envelopes a document sits; it limits which
// shapes the document may have.
type level int

const (
	levelTop     level = iota // the input itself
	levelMessage              // an SNS Message or alarm-history default
	levelBody                 // an SQS body
)

// allows reports whether a document of shape sh may appear at level lv.
func (lv level) allows(sh shape) bool {
	switch sh {
	case shapeEvent, shapeAlarm:
		return true
	case shapeSNS:
		return lv != levelMessage
	case shapeUnknown, shapeHybrid, shapeAction, shapeHistory:
		return lv == levelTop
	}
	return false
}

// decodeSingle decodes a document that holds one alarm, whose shape s has
// sniffed.
func decodeSingle(data []byte, s *sniff, d *delivery, lv level) (*Alarm, error) {
	sh := s.shape()
	if !lv.allows(sh) {
		return nil, newError(ErrNotAlarm, FoundOtherJSON, "")
	}
	d.setEnvelope(envelopeFor(sh, lv))
	switch sh {
	case shapeSNS:
		return decodeSNSBody(data, d)
	case shapeEvent:
		return decodeEventJSON(data, d)
	case shapeHybrid:
		return nil, errNoDetail()
	case shapeAction:
		return decodeActionJSON(data)
	case shapeAlarm:
		return decodeSNSAlarm(data, d)
	case shapeHistory:
		return decodeHistory(s, d)
	}
	return nil, newError(ErrUnknown, FoundUnknown, "")
}

// errNoDetail reports an EventBridge envelope without a detail object, such
// as a fixture that renamed detail to the alarm action's alarmData.
func errNoDetail() error {
	return newError(ErrUnknown, FoundEventWithoutDetail, "an event with a detail-type needs a detail object")
}

// envelopeFor names the envelope of a document of shape sh found at level
// lv, for when no outer envelope has named it already.
func envelopeFor(sh shape, lv level) Envelope {
	if lv == levelBody {
		if sh == shapeSNS {
			return EnvelopeSQS
		}
		return EnvelopeSQSRaw
	}
	switch sh {
	case shapeSNS:
		return EnvelopeSNSHTTP
	case shapeEvent:
		return EnvelopeEventBridge
	case shapeAction:
		return EnvelopeLambdaAction
	case shapeHistory:
		return EnvelopeAlarmHistory
	}
	return EnvelopeAlarmMessage
}

// record is one record of a Lambda SNS or SQS event, or one message of the
// output of sqs receive-message. The keys of the two kinds do not clash,
// except EventSource and eventSource, which differ by value.
type record struct {
	EventSource          string     `json:"EventSource"`
	EventSubscriptionARN string     `json:"EventSubscriptionArn"`
	SNS                  *snsEntity `json:"Sns"`
	MessageID            string     `json:"messageId"`
	Body                 *string    `json:"body"`
}

// decodeRecords decodes the records of a Lambda event, or the messages of
// sqs receive-message output when receive is set.
func decodeRecords(raw json.RawMessage, receive bool) ([]*Alarm, error) {
	var recs []json.RawMessage
	if err := json.Unmarshal(raw, &recs); err != nil {
		return nil, malformedError("Records", err)
	}
	return collect(len(recs), func(i int) (*Alarm, string, error) {
		return decodeRecord(recs[i], receive)
	})
}

// decodeRecord decodes one record and returns its alarm and ID.
func decodeRecord(raw json.RawMessage, receive bool) (*Alarm, string, error) {
	var r record
	if err := json.Unmarshal(raw, &r); err != nil {
		return nil, "", newError(ErrUnknown, FoundUnknown, "record is not an SNS or SQS record")
	}
	switch {
	case r.SNS != nil && !receive && (r.EventSource == "aws:sns" || r.EventSource == ""):
		a, err := decodeSNSNote(r.SNS, &delivery{envelope: EnvelopeLambdaSNS, subARN: r.EventSubscriptionARN})
		return a, r.SNS.MessageID, err
	case r.Body != nil && (receive || r.EventSource == "aws:sqs"):
		a, err := decodeSQSBody(*r.Body, r.MessageID)
		return a, r.MessageID, err
	}
	return nil, r.MessageID, newError(ErrUnknown, FoundUnknown, "record is neither an SNS nor an SQS record")
}

// decodeNested decodes a document carried as a string inside another: an
// SNS Message or an SQS body. where names it in errors.
func decodeNested(msg string, d *delivery, lv level, where string) (*Alarm, error) {
	data := []byte(msg)
	t := bytes.TrimLeft(data, " \t\r\n")
	if len(t) == 0 || (t[0] != '{' && t[0] != '[') {
		return nil, newError(ErrNotAlarm, FoundText, "the "+where+" is not JSON")
	}
	var s sniff
	if err := s.read(data, where, true); err != nil {
		return nil, err
	}
	return decodeSingle(data, &s, d, lv)
}

// sniff holds the keys that tell the payload shapes apart. Every field
// accepts any JSON value, so reading a sniff fails only on malformed JSON
// or a document that is not an object. encoding/json matches keys without
// regard to case, so EventSource-style markers are told apart by value.
type sniff struct {
	Records          json.RawMessage `json:"Records"`
	Messages         json.RawMessage `json:"Messages"`
	Type             looseString     `json:"Type"`
	AlarmName        json.RawMessage `json:"AlarmName"`
	NewStateValue    json.RawMessage `json:"NewStateValue"`
	Source           looseString     `json:"source"`
	DetailType       looseString     `json:"detail-type"`
	Detail           json.RawMessage `json:"detail"`
	AlarmData        json.RawMessage `json:"alarmData"`
	PublishedMessage looseString     `json:"publishedMessage"`
	NotificationRes  looseString     `json:"notificationResource"`
	Default          looseString     `json:"default"`
}

// read fills s from data. nested says data was carried inside another
// document, where a JSON value that is not an object is some other JSON
// message rather than an unknown payload.
func (s *sniff) read(data []byte, where string, nested bool) error {
	t := bytes.TrimSpace(data)
	switch {
	case len(t) == 0:
		return newError(ErrMalformed, FoundEmpty, where)
	case string(t) == "null":
		return newError(ErrUnknown, FoundUnknown, where+" is JSON null")
	}
	err := json.Unmarshal(data, s)
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typ) && nested:
		return newError(ErrNotAlarm, FoundOtherJSON, fmt.Sprintf("%s is a JSON %s", where, typ.Value))
	case errors.As(err, &typ):
		return newError(ErrUnknown, FoundUnknown, fmt.Sprintf("%s is a JSON %s, not an object", where, typ.Value))
	}
	return malformedError(where, err)
}

// shape is a payload shape that sniff recognises.
type shape int

const (
	shapeUnknown shape = iota
	shapeRecords       // Lambda SNS or SQS event
	shapeReceive       // sqs receive-message output
	shapeSNS           // SNS HTTP(S) body, or the SNS envelope in an SQS body
	shapeEvent         // EventBridge event with a detail
	shapeHybrid        // EventBridge envelope without a detail
	shapeAction        // direct Lambda alarm action
	shapeAlarm         // bare CloudWatch alarm message
	shapeHistory       // DescribeAlarmHistory action item
)

// shape says which shape the sniffed document has.
func (s *sniff) shape() shape {
	switch {
	case isJSON(s.Records, '['):
		return shapeRecords
	case isJSON(s.Messages, '['):
		return shapeReceive
	case s.Type == "Notification" || s.Type == "SubscriptionConfirmation" || s.Type == "UnsubscribeConfirmation":
		return shapeSNS
	case s.DetailType != "" && isJSON(s.Detail, '{'):
		return shapeEvent
	case s.DetailType != "":
		return shapeHybrid
	case s.Source == "aws.cloudwatch" && isJSON(s.AlarmData, '{'):
		return shapeAction
	case isPresent(s.AlarmName) && isPresent(s.NewStateValue):
		return shapeAlarm
	case s.PublishedMessage != "":
		return shapeHistory
	}
	return shapeUnknown
}

// isJSON reports whether raw is a JSON value that starts with c.
func isJSON(raw json.RawMessage, c byte) bool {
	return len(raw) > 0 && raw[0] == c
}

// isPresent reports whether raw holds a value other than null.
func isPresent(raw json.RawMessage) bool {
	return len(raw) > 0 && string(raw) != "null"
}

// looseString is a string that accepts any JSON value, keeping only
// strings, so that sniffing never fails on an unexpected type.
type looseString string

// UnmarshalJSON keeps b when it is a JSON string and ignores anything else.
func (l *looseString) UnmarshalJSON(b []byte) error {
	if len(b) == 0 || b[0] != '"' {
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil {
		*l = looseString(s)
	}
	return nil
}
