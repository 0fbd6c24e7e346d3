package alarm

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
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
	// FoundSubscriptionConfirmation is an SNS SubscriptionConfirmation body.
	FoundSubscriptionConfirmation Found = "SNS subscription confirmation"
	// FoundUnsubscribeConfirmation is an SNS UnsubscribeConfirmation body.
	FoundUnsubscribeConfirmation Found = "SNS unsubscribe confirmation"
	// FoundConfigurationChange is a "CloudWatch Alarm Configuration Change"
	// event, sent when an alarm is created, updated or deleted.
	FoundConfigurationChange Found = "CloudWatch alarm configuration change event"
	// FoundOtherEvent is an EventBridge event of another source or type.
	FoundOtherEvent Found = "EventBridge event that is not an alarm state change"
	// FoundText is an SNS Message or SQS body that is not JSON.
	FoundText Found = "plain text message"
	// FoundOtherJSON is an SNS Message or SQS body that is JSON of another
	// publisher.
	FoundOtherJSON Found = "JSON message that is not a CloudWatch alarm"
	// FoundMalformedJSON is JSON that does not parse, at any level.
	FoundMalformedJSON Found = "malformed JSON"
	// FoundEmpty is empty input.
	FoundEmpty Found = "empty input"
	// FoundInvalidAlarm is an alarm with a field that cannot be decoded.
	FoundInvalidAlarm Found = "alarm with an invalid field"
	// FoundUnknown is input of no shape that Parse knows.
	FoundUnknown Found = "JSON of an unknown shape"
	// FoundNoRecords is a Lambda event with an empty Records list.
	FoundNoRecords Found = "event with no records"
	// FoundEventWithoutDetail is an EventBridge envelope without a detail
	// object, such as a fixture that put alarmData in its place.
	FoundEventWithoutDetail Found = "EventBridge envelope without detail"
)

// DecodeError reports why an input, or one record of it, yielded no alarm.
// Its Unwrap returns an error that wraps one of the sentinels ErrNotAlarm,
// ErrMalformed, ErrInvalid or ErrUnknown, and for malformed JSON also the
// *json.SyntaxError.
type DecodeError struct {
	// Record is the index of the record in a Lambda SNS or SQS event, or -1
	// when the input is not a list of records (or is a single SQS message,
	// see ParseSQSMessage).
	Record int
	// RecordID identifies that record: its SNS MessageId or SQS messageId;
	// empty when the record has none.
	RecordID string
	// Found says what was found instead of an alarm.
	Found Found
	// Offset is the byte offset of a JSON syntax error, in the document
	// where it was found (which may be nested in a string of the input).
	Offset int64
	// Err is the underlying error.
	Err error
}

// Error returns a one-line message that starts with "alarm: ", names the
// record when there is one, and says what was found.
func (e *DecodeError) Error() string {
	var b strings.Builder
	b.WriteString("alarm: ")
	switch {
	case e.Record >= 0 && e.RecordID != "":
		fmt.Fprintf(&b, "record %d (%s): ", e.Record, e.RecordID)
	case e.Record >= 0:
		fmt.Fprintf(&b, "record %d: ", e.Record)
	case e.RecordID != "":
		fmt.Fprintf(&b, "message %s: ", e.RecordID)
	}
	if e.Err == nil {
		b.WriteString(string(e.Found))
		return b.String()
	}
	b.WriteString(strings.TrimPrefix(e.Err.Error(), "alarm: "))
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// newError returns a *DecodeError for the whole input whose Err wraps
// sentinel and reads "<sentinel>: <found>[: <detail>]".
func newError(sentinel error, found Found, detail string) *DecodeError {
	err := fmt.Errorf("%w: %s", sentinel, found)
	if detail != "" {
		err = fmt.Errorf("%w: %s: %s", sentinel, found, detail)
	}
	return &DecodeError{Record: -1, Found: found, Err: err}
}

// malformedError reports JSON that does not parse, found in the document
// named by where ("input", "SNS Message", …). The *json.SyntaxError, when
// there is one, stays reachable through errors.As and gives the Offset.
func malformedError(where string, err error) *DecodeError {
	e := &DecodeError{Record: -1, Found: FoundMalformedJSON}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		e.Offset = syn.Offset
		e.Err = fmt.Errorf("%w: %s at offset %d: %w", ErrMalformed, where, syn.Offset, syn)
		return e
	}
	e.Err = fmt.Errorf("%w: %s: %w", ErrMalformed, where, err)
	return e
}

// invalidError reports an alarm whose field has a value that cannot be
// decoded.
func invalidError(format string, args ...any) *DecodeError {
	return newError(ErrInvalid, FoundInvalidAlarm, fmt.Sprintf(format, args...))
}

// typeError turns an error from decoding a document that was already
// recognised into a *DecodeError: a type mismatch makes the alarm invalid,
// anything else means the JSON is malformed.
func typeError(where string, err error) *DecodeError {
	var typ *json.UnmarshalTypeError
	if errors.As(err, &typ) {
		return invalidError("%s: field %s: cannot decode JSON %s as %s", where, typ.Field, typ.Value, typ.Type)
	}
	return malformedError(where, err)
}

// inRecord returns err with the record index and ID set when err is a
// *DecodeError, so that callers can tell which record of an event failed.
func inRecord(err error, index int, id string) error {
	var de *DecodeError
	if errors.As(err, &de) {
		de.Record, de.RecordID = index, id
	}
	return err
}

// joinErrors joins the errors of skipped records; a single error is
// returned as is.
func joinErrors(errs []error) error {
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}
