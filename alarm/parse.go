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
// of an alarm's direct Lambda action, or a DescribeAlarmHistory "Action"
// item for an SNS action (as the API returns it, or its decoded
// HistoryData).
//
// Every error is a *DecodeError, or for events with several records the
// errors.Join of one *DecodeError per skipped record; each wraps exactly
// one of ErrNotAlarm, ErrMalformed, ErrInvalid and ErrUnknown. When some
// records decode and others do not, Parse returns the alarms it decoded
// together with the error; when nothing decodes the alarms are nil. Parse
// never panics, whatever data holds.
func Parse(data []byte) ([]*Alarm, error) {
	if a := quickAlarm(data, &delivery{}, levelTop); a != nil {
		return []*Alarm{a}, nil
	}
	var s sniff
	if err := s.read(data, "input", false); err != nil {
		return nil, err
	}
	switch s.shape() {
	case shapeRecords:
		return s.records()
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

// ParseSNSEntity decodes the alarm in one SNS notification that the caller
// has decoded already, for example an HTTP(S) delivery whose signature it
// has verified (see package [github.com/cwslack/cwslack/alarm/snsverify]).
// Only Type, MessageID, TopicArn and Message are read. The alarm's Envelope
// is [EnvelopeSNSHTTP]. Errors are as for [Parse]: a confirmation or a
// message that is not an alarm is a *DecodeError wrapping ErrNotAlarm.
func ParseSNSEntity(n events.SNSEntity) (*Alarm, error) {
	e := snsEntity{Type: n.Type, MessageID: n.MessageID, TopicARN: n.TopicArn, Message: n.Message}
	return decodeSNSNote(&e, &delivery{envelope: EnvelopeSNSHTTP})
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
	return decodeEvent(&e, nil, &delivery{envelope: EnvelopeEventBridge})
}

// ParseActionEvent decodes the payload of an alarm's direct Lambda action.
// aws-lambda-go has no type for it; see [ActionEvent].
func ParseActionEvent(ev ActionEvent) (*Alarm, error) {
	return decodeAction(&ev, nil)
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
	case shapeUnknown, shapeHybrid, shapeAction, shapeHistory, shapeHistoryItem:
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
		return decodeSNSNote(s.snsEntity(), d)
	case shapeEvent:
		return decodeEvent(s.event(), s.Detail, d)
	case shapeHybrid:
		return nil, errNoDetail()
	case shapeAction:
		return decodeAction(s.action(), s.AlarmData)
	case shapeAlarm:
		return decodeSNSAlarm(data, d)
	case shapeHistory:
		return decodeHistory(s, d)
	case shapeHistoryItem:
		return decodeHistoryItem(s.HistoryData, d)
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
	case shapeHistory, shapeHistoryItem:
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

// decodeRecords decodes the records of a Lambda event that sniffing could
// not decode whole, or the messages of sqs receive-message output when
// receive is set, one by one, so that a bad record fails alone.
func decodeRecords(raw json.RawMessage, receive bool) ([]*Alarm, error) {
	var recs []json.RawMessage
	if err := json.Unmarshal(raw, &recs); err != nil {
		return nil, malformedError("Records", err)
	}
	return collect(len(recs), func(i int) (*Alarm, string, error) {
		var r record
		if err := json.Unmarshal(recs[i], &r); err != nil {
			return nil, "", newError(ErrUnknown, FoundUnknown, "record is not an SNS or SQS record")
		}
		return decodeRecord(&r, receive)
	})
}

// decodeRecordList decodes records that sniffing decoded already.
func decodeRecordList(recs []record) ([]*Alarm, error) {
	return collect(len(recs), func(i int) (*Alarm, string, error) {
		return decodeRecord(&recs[i], false)
	})
}

// decodeRecord decodes one record and returns its alarm and ID.
func decodeRecord(r *record, receive bool) (*Alarm, string, error) {
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
	if a := quickAlarm(data, d, lv); a != nil {
		return a, nil
	}
	var s sniff
	if err := s.read(data, where, true); err != nil {
		return nil, err
	}
	return decodeSingle(data, &s, d, lv)
}

// quickAlarm decodes data as an alarm message when it holds the two keys
// that mark one, AlarmName and NewStateValue, saving the sniffing pass over
// the commonest payload. (The keys of an alarm message carried inside
// another document are escaped, \"AlarmName\", and do not match.) It
// returns nil when data turns out to be anything else, and the caller then
// sniffs it as usual.
func quickAlarm(data []byte, d *delivery, lv level) *Alarm {
	if !lv.allows(shapeAlarm) || !bytes.Contains(data, []byte(`"AlarmName"`)) ||
		!bytes.Contains(data, []byte(`"NewStateValue"`)) {
		return nil
	}
	var w snsAlarm
	if json.Unmarshal(data, &w) != nil || w.AlarmName == "" || w.NewStateValue == "" {
		return nil
	}
	d.setEnvelope(envelopeFor(shapeAlarm, lv))
	a, err := w.alarm(d)
	if err != nil {
		return nil
	}
	return a
}

// sniff holds the keys that tell the payload shapes apart, and the
// envelope fields of each shape, so that one pass over the input both
// detects the shape and decodes its envelope. encoding/json matches keys
// without regard to case, so EventSource-style markers are told apart by
// value, and keys that two shapes share (Region, region) are strings in
// both.
//
// The fields have the types real payloads use. A payload with other types
// fails this decode with a *json.UnmarshalTypeError, and is then sniffed
// again with [looseSniff], which accepts any type, so that odd input is
// classified rather than refused.
type sniff struct {
	Records  *[]record       `json:"Records"`
	Messages json.RawMessage `json:"Messages"`

	// The SNS envelope: an HTTP(S) body or an SQS body.
	Type      string `json:"Type"`
	MessageID string `json:"MessageId"`
	TopicARN  string `json:"TopicArn"`
	Message   string `json:"Message"`

	// The bare alarm message.
	AlarmName     json.RawMessage `json:"AlarmName"`
	NewStateValue json.RawMessage `json:"NewStateValue"`

	// The EventBridge event and the alarm action.
	Source     string    `json:"source"`
	DetailType string    `json:"detail-type"`
	Detail     *ebDetail `json:"detail"`
	ID         string    `json:"id"`
	Account    string    `json:"account"`
	Region     string    `json:"region"`
	Resources  []string  `json:"resources"`
	AlarmData  *ebDetail `json:"alarmData"`
	AlarmARN   string    `json:"alarmArn"`
	AccountID  string    `json:"accountId"`
	Time       string    `json:"time"`

	// The DescribeAlarmHistory action item, and its decoded HistoryData.
	HistoryData      string `json:"HistoryData"`
	PublishedMessage string `json:"publishedMessage"`
	NotificationRes  string `json:"notificationResource"`

	// rawRecords, rawDetail and rawAlarmData hold Records, detail and
	// alarmData when they could not be decoded whole.
	rawRecords, rawDetail, rawAlarmData json.RawMessage
}

// read fills s from data. nested says data was carried inside another
// document, where a JSON value that is not an object is some other JSON
// message rather than an unknown payload.
func (s *sniff) read(data []byte, where string, nested bool) error {
	t := bytes.TrimSpace(data)
	switch {
	case len(t) == 0:
		return newError(ErrMalformed, FoundEmpty, "the "+where+" is empty")
	case string(t) == "null":
		return newError(ErrUnknown, FoundUnknown, where+" is JSON null")
	}
	err := json.Unmarshal(data, s)
	var typ *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &typ) && typ.Field != "":
		return s.readLoose(data)
	case errors.As(err, &typ) && nested:
		return newError(ErrNotAlarm, FoundOtherJSON, fmt.Sprintf("%s is a JSON %s", where, typ.Value))
	case errors.As(err, &typ):
		return newError(ErrUnknown, FoundUnknown, fmt.Sprintf("%s is a JSON %s, not an object", where, typ.Value))
	}
	return malformedError(where, err)
}

// looseSniff is [sniff] with fields that accept any JSON value, keeping
// only values of the expected type.
type looseSniff struct {
	Records          json.RawMessage `json:"Records"`
	Messages         json.RawMessage `json:"Messages"`
	Type             looseString     `json:"Type"`
	MessageID        looseString     `json:"MessageId"`
	TopicARN         looseString     `json:"TopicArn"`
	Message          looseString     `json:"Message"`
	AlarmName        json.RawMessage `json:"AlarmName"`
	NewStateValue    json.RawMessage `json:"NewStateValue"`
	Source           looseString     `json:"source"`
	DetailType       looseString     `json:"detail-type"`
	Detail           json.RawMessage `json:"detail"`
	ID               looseString     `json:"id"`
	Account          looseString     `json:"account"`
	Region           looseString     `json:"region"`
	Resources        looseStrings    `json:"resources"`
	AlarmData        json.RawMessage `json:"alarmData"`
	AlarmARN         looseString     `json:"alarmArn"`
	AccountID        looseString     `json:"accountId"`
	Time             looseString     `json:"time"`
	HistoryData      looseString     `json:"HistoryData"`
	PublishedMessage looseString     `json:"publishedMessage"`
	NotificationRes  looseString     `json:"notificationResource"`
}

// readLoose fills s from data, an object whose fields have unexpected
// types; it cannot fail.
func (s *sniff) readLoose(data []byte) error {
	var l looseSniff
	if err := json.Unmarshal(data, &l); err != nil {
		return malformedError("input", err)
	}
	*s = sniff{
		Messages: l.Messages, Type: string(l.Type), MessageID: string(l.MessageID),
		TopicARN: string(l.TopicARN), Message: string(l.Message), AlarmName: l.AlarmName,
		NewStateValue: l.NewStateValue, Source: string(l.Source), DetailType: string(l.DetailType),
		rawDetail: l.Detail, ID: string(l.ID), Account: string(l.Account), Region: string(l.Region),
		Resources: l.Resources, rawAlarmData: l.AlarmData, AlarmARN: string(l.AlarmARN),
		AccountID: string(l.AccountID), Time: string(l.Time), HistoryData: string(l.HistoryData),
		PublishedMessage: string(l.PublishedMessage),
		NotificationRes:  string(l.NotificationRes), rawRecords: l.Records,
	}
	return nil
}

// shape is a payload shape that sniff recognises.
type shape int

const (
	shapeUnknown     shape = iota
	shapeRecords           // Lambda SNS or SQS event
	shapeReceive           // sqs receive-message output
	shapeSNS               // SNS HTTP(S) body, or the SNS envelope in an SQS body
	shapeEvent             // EventBridge event with a detail
	shapeHybrid            // EventBridge envelope without a detail
	shapeAction            // direct Lambda alarm action
	shapeAlarm             // bare CloudWatch alarm message
	shapeHistory           // HistoryData of a DescribeAlarmHistory action item
	shapeHistoryItem       // DescribeAlarmHistory action item, HistoryData a string
)

// shape says which shape the sniffed document has.
func (s *sniff) shape() shape {
	switch {
	case s.Records != nil || isJSON(s.rawRecords, '['):
		return shapeRecords
	case isJSON(s.Messages, '['):
		return shapeReceive
	case s.Type == "Notification" || s.Type == "SubscriptionConfirmation" || s.Type == "UnsubscribeConfirmation":
		return shapeSNS
	case s.DetailType != "" && (s.Detail != nil || isJSON(s.rawDetail, '{')):
		return shapeEvent
	case s.DetailType != "":
		return shapeHybrid
	case s.Source == "aws.cloudwatch" && (s.AlarmData != nil || isJSON(s.rawAlarmData, '{')):
		return shapeAction
	case isPresent(s.AlarmName) && isPresent(s.NewStateValue):
		return shapeAlarm
	case s.PublishedMessage != "":
		return shapeHistory
	case s.HistoryData != "":
		return shapeHistoryItem
	}
	return shapeUnknown
}

// records decodes the records of a Lambda event.
func (s *sniff) records() ([]*Alarm, error) {
	if s.Records != nil {
		return decodeRecordList(*s.Records)
	}
	return decodeRecords(s.rawRecords, false)
}

// snsEntity returns the sniffed SNS envelope.
func (s *sniff) snsEntity() *snsEntity {
	return &snsEntity{Type: s.Type, MessageID: s.MessageID, TopicARN: s.TopicARN, Message: s.Message}
}

// event returns the sniffed EventBridge event; its detail is s.Detail when
// sniffing decoded it, else the raw Detail.
func (s *sniff) event() *ebEvent {
	return &ebEvent{
		ID: s.ID, DetailType: s.DetailType, Source: s.Source, Account: s.Account,
		Region: s.Region, Resources: s.Resources, Detail: s.rawDetail,
	}
}

// action returns the sniffed alarm action payload; its alarm data is
// s.AlarmData when sniffing decoded it, else the raw AlarmData.
func (s *sniff) action() *ActionEvent {
	return &ActionEvent{
		Source: s.Source, AlarmARN: s.AlarmARN, AccountID: s.AccountID,
		Time: s.Time, Region: s.Region, AlarmData: s.rawAlarmData,
	}
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

// looseStrings is a list of strings that accepts any JSON value, keeping
// only the strings of a list.
type looseStrings []string

// UnmarshalJSON keeps the strings of b when it is a JSON array.
func (l *looseStrings) UnmarshalJSON(b []byte) error {
	var items []looseString
	if json.Unmarshal(b, &items) != nil {
		return nil
	}
	for _, it := range items {
		if it != "" {
			*l = append(*l, string(it))
		}
	}
	return nil
}
