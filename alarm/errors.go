package alarm

import (
	"errors"
	"fmt"
)

// Sentinel errors, for errors.Is. Every error that Parse and its siblings
// return wraps one of them inside a *DecodeError.
var (
	// ErrNotAlarm means the input is a well-formed notification that
	// carries no alarm state change: an SNS subscription confirmation, a
	// configuration-change event, a text message, another service's event.
	ErrNotAlarm = errors.New("alarm: not an alarm notification")
	// ErrMalformed means the input, or a JSON document nested in it, is not
	// valid JSON. The *DecodeError's Offset says where.
	ErrMalformed = errors.New("alarm: malformed JSON")
	// ErrInvalid means the input looks like an alarm but a field has a value
	// that cannot be decoded, such as an unknown state or a bad timestamp.
	ErrInvalid = errors.New("alarm: invalid alarm")
	// ErrUnknown means the input is JSON of no shape that Parse knows.
	ErrUnknown = errors.New("alarm: unrecognised payload")
)

// Found names what Parse found instead of an alarm.
type Found string

// What Parse can find instead of an alarm.
const (
	FoundSubscriptionConfirmation Found = "SNS subscription confirmation"
	FoundUnsubscribeConfirmation  Found = "SNS unsubscribe confirmation"
	FoundConfigurationChange      Found = "CloudWatch alarm configuration change event"
	FoundOtherEvent               Found = "EventBridge event that is not an alarm state change"
	FoundText                     Found = "SNS message that is plain text"
	FoundOtherJSON                Found = "JSON message that is not a CloudWatch alarm"
	FoundMalformedJSON            Found = "malformed JSON"
	FoundEmpty                    Found = "empty input"
	FoundInvalidAlarm             Found = "alarm with an invalid field"
	FoundUnknown                  Found = "JSON of an unknown shape"
	FoundNoRecords                Found = "event with no records"
)

// DecodeError reports why an input, or one record of it, yielded no alarm.
// Its Unwrap returns an error that wraps one of the sentinels ErrNotAlarm,
// ErrMalformed, ErrInvalid or ErrUnknown, and for malformed JSON also the
// *json.SyntaxError.
type DecodeError struct {
	// Record is the index of the record in a Lambda SNS or SQS event, or -1
	// when the input is not a list of records.
	Record int
	// RecordID identifies that record: its SNS MessageId or SQS messageId.
	RecordID string
	// Found says what was found instead of an alarm.
	Found Found
	// Offset is the byte offset of a JSON syntax error, in the document
	// where it was found (which may be nested in a string of the input).
	Offset int64
	// Err is the underlying error.
	Err error
}

// Error returns a one-line message naming the record and what was found.
func (e *DecodeError) Error() string {
	where := ""
	if e.Record >= 0 {
		where = fmt.Sprintf("record %d", e.Record)
		if e.RecordID != "" {
			where += fmt.Sprintf(" (%s)", e.RecordID)
		}
		where += ": "
	}
	msg := fmt.Sprintf("%s%s", where, e.Found)
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }
