package alarm

import (
	"encoding/json"
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
// A payload with records (a Lambda event, receive-message output) is
// decoded record by record: when some records yield no alarm, Parse
// returns the alarms of the others together with a [DecodeErrors] that
// holds one *DecodeError per failed record; when none yields an alarm, the
// alarms are nil. Any other failure is a single [*DecodeError]. Either way
// errors.Is tells ErrNotAlarm, ErrMalformed, ErrInvalid and ErrUnknown
// apart. Parse never panics, whatever data holds.
func Parse(data []byte) ([]*Alarm, error) {
	d, sh, err := discriminate(data, layerInput)
	if err != nil {
		return nil, err
	}
	switch sh {
	case shapeRecords:
		return decodeLambdaEvent(data)
	case shapeReceive:
		return decodeReceiveOutput(data)
	}
	a, err := decodeDocument(data, d, sh, layerInput, &origin{})
	if err != nil {
		return nil, err
	}
	return []*Alarm{a}, nil
}

// ParseSNSEvent decodes the alarms in a Lambda SNS event, one per record.
// Errors are as for [Parse]: records that carry no alarm are named in the
// returned DecodeErrors and do not hide the others.
func ParseSNSEvent(ev events.SNSEvent) ([]*Alarm, error) {
	return decodeRecords(len(ev.Records), func(i int) (*Alarm, string, *DecodeError) {
		r := &ev.Records[i]
		n := snsNotification{Type: r.SNS.Type, MessageID: r.SNS.MessageID, TopicARN: r.SNS.TopicArn, Message: r.SNS.Message}
		a, err := n.alarm(&origin{envelope: EnvelopeLambdaSNS, subARN: r.EventSubscriptionArn})
		return a, n.MessageID, err
	})
}

// ParseSNSEntity decodes the alarm in one SNS notification that the caller
// has decoded already, for example an HTTP(S) delivery whose signature it
// has verified (see package [github.com/cwslack/cwslack/alarm/snsverify]).
// Only Type, MessageID, TopicArn and Message are read. The alarm's Envelope
// is [EnvelopeSNSHTTP]. A confirmation, or a message that is not an alarm,
// is a *DecodeError whose Kind is ErrNotAlarm.
func ParseSNSEntity(n events.SNSEntity) (*Alarm, error) {
	e := snsNotification{Type: n.Type, MessageID: n.MessageID, TopicARN: n.TopicArn, Message: n.Message}
	return result(e.alarm(&origin{envelope: EnvelopeSNSHTTP}))
}

// ParseSQSEvent decodes the alarms in a Lambda SQS event. Each body may be
// an SNS notification, an alarm message (SNS raw message delivery) or an
// EventBridge event. Errors are as for [Parse].
func ParseSQSEvent(ev events.SQSEvent) ([]*Alarm, error) {
	return decodeRecords(len(ev.Records), func(i int) (*Alarm, string, *DecodeError) {
		m := &ev.Records[i]
		a, err := decodeSQSBody(m.Body, m.MessageId)
		return a, m.MessageId, err
	})
}

// ParseSQSMessage decodes the alarm in one SQS message, so that a Lambda
// handler can report a batch item failure for exactly the messages that
// failed. The error is a *DecodeError whose RecordID is the message's
// messageId and whose Record is -1.
func ParseSQSMessage(m events.SQSMessage) (*Alarm, error) {
	a, err := decodeSQSBody(m.Body, m.MessageId)
	if err != nil {
		return nil, inRecord(err, -1, m.MessageId)
	}
	return a, nil
}

// ParseEventBridgeEvent decodes an EventBridge "CloudWatch Alarm State
// Change" event. Other events, including "CloudWatch Alarm Configuration
// Change", fail with a *DecodeError whose Kind is ErrNotAlarm.
func ParseEventBridgeEvent(ev events.CloudWatchEvent) (*Alarm, error) {
	sh := eventShape(ev.Source, ev.DetailType, isJSON(ev.Detail, '{'))
	if err := refuseEvent(sh, ev.Source, ev.DetailType); err != nil {
		return nil, err
	}
	e := ebEvent{ID: ev.ID, Account: ev.AccountID, Region: ev.Region, Resources: ev.Resources}
	if err := json.Unmarshal(ev.Detail, &e.Detail); err != nil {
		return nil, decodeError(layerInput, "EventBridge event detail", err)
	}
	return result(e.alarm(&origin{envelope: EnvelopeEventBridge}))
}

// ParseActionEvent decodes the payload of an alarm's direct Lambda action.
// aws-lambda-go has no type for it; see [ActionEvent]. A payload whose
// Source is not "aws.cloudwatch" or that has no AlarmData object fails
// with a *DecodeError whose Kind is ErrUnknown.
func ParseActionEvent(ev ActionEvent) (*Alarm, error) {
	switch {
	case ev.Source != sourceCloudWatch:
		return nil, unknown(fmt.Sprintf("alarm action with source %q", ev.Source))
	case !isJSON(ev.AlarmData, '{'):
		return nil, unknown("alarm action without an alarmData object")
	}
	w := actionPayload{ActionEvent: ev}
	if err := json.Unmarshal(ev.AlarmData, &w.AlarmData); err != nil {
		return nil, decodeError(layerInput, "alarm action alarmData", err)
	}
	return result(w.alarm(&origin{envelope: EnvelopeLambdaAction}))
}

// result returns a and err with err as an error, nil when err is nil.
func result(a *Alarm, err *DecodeError) (*Alarm, error) {
	if err != nil {
		return nil, err
	}
	return a, nil
}

// wireDocument is the wire struct of a payload shape that holds one
// alarm: the second decoding phase fills it, and its alarm method converts
// it to the model, decoding any document nested in it, with o holding what
// the outer layers said.
type wireDocument interface {
	alarm(o *origin) (*Alarm, *DecodeError)
}

// decodeDocument runs the second decoding phase on data, a document of
// shape sh found at layer l: one decode into the shape's wire struct, then
// the conversion to the model. Events that carry no alarm are refused
// without it. d is the document's discriminator.
func decodeDocument(data []byte, d *discriminator, sh shape, l layer, o *origin) (*Alarm, *DecodeError) {
	if env := l.envelope(sh); env != "" {
		o.envelope = env
	}
	var w wireDocument
	switch sh {
	case shapeSNS:
		w = new(snsNotification)
	case shapeStateChange:
		w = new(ebEvent)
	case shapeAction:
		w = new(actionPayload)
	case shapeAlarm:
		w = new(alarmMessage)
	case shapeHistoryItem:
		w = new(historyItem)
	case shapeHistory:
		w = new(historyAction)
	case shapePerProtocol:
		w = new(perProtocolMessage)
	case shapeConfigChange, shapeOtherEvent, shapeNoDetail:
		return nil, refuseEvent(sh, jsonString(d.Source), jsonString(d.DetailType))
	default:
		return nil, unknown(fmt.Sprintf("the %s is a %s, which holds several alarms", l, sh))
	}
	if err := json.Unmarshal(data, w); err != nil {
		return nil, decodeError(l, sh.String(), err)
	}
	return w.alarm(o)
}

// decodeNested decodes the alarm in text, a JSON document carried as a
// string at layer l: an SNS Message, an SQS body, a HistoryData…
func decodeNested(text string, l layer, o *origin) (*Alarm, *DecodeError) {
	data := []byte(text)
	d, sh, err := discriminate(data, l)
	if err != nil {
		return nil, err
	}
	return decodeDocument(data, d, sh, l, o)
}
