package alarm

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// The sentinel errors, for errors.Is. Every error that Parse and its
// siblings return is a *DecodeError (or a DecodeErrors of them) whose Kind
// is one of these.
var (
	// ErrNotAlarm means the input is a well-formed notification that
	// carries no alarm state change: an SNS subscription confirmation, a
	// configuration-change event, a text message, another service's event.
	ErrNotAlarm = errors.New("alarm: not an alarm notification")
	// ErrMalformed means the input, or a JSON document nested in it, is not
	// valid JSON. The *json.SyntaxError, when there is one, is the
	// *DecodeError's cause and holds the offset.
	ErrMalformed = errors.New("alarm: malformed JSON")
	// ErrInvalid means the input has a known shape but a field has a value
	// that cannot be decoded: a JSON value of the wrong type, an unknown
	// state, a bad timestamp, an empty alarm name.
	ErrInvalid = errors.New("alarm: invalid alarm")
	// ErrUnknown means the input is JSON of no shape that Parse knows.
	ErrUnknown = errors.New("alarm: unrecognised payload")
)

// DecodeError reports why an input, or one record of it, yielded no alarm.
// errors.Is(err, Kind) is true of it, and errors.As finds its cause.
type DecodeError struct {
	// Record is the index of the record in a Lambda SNS or SQS event or in
	// sqs receive-message output, or -1 when the error concerns the whole
	// input (or the single SQS message given to ParseSQSMessage).
	Record int
	// RecordID identifies the record or message: its SNS MessageId or SQS
	// messageId; empty when it has none.
	RecordID string
	// Kind is the sentinel that classifies the failure: ErrNotAlarm,
	// ErrMalformed, ErrInvalid or ErrUnknown.
	Kind error
	// Err is the cause, when there is one: a *json.SyntaxError, a
	// *json.UnmarshalTypeError or a *time.ParseError. It is nil when the
	// input itself is the whole story, as for a subscription confirmation.
	Err error

	// msg says what was found instead of an alarm, or which field is wrong.
	msg string
}

// Error returns the message: "alarm: ", the record when there is one,
// the Kind's text, and what was found, such as
// "alarm: not an alarm notification: SNS subscription confirmation: topic
// arn:aws:sns:us-east-1:111122223333:ops".
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
	kind := "decoding failed"
	if e.Kind != nil {
		kind = strings.TrimPrefix(e.Kind.Error(), "alarm: ")
	}
	b.WriteString(kind)
	if e.msg != "" {
		b.WriteString(": ")
		b.WriteString(e.msg)
	}
	return b.String()
}

// Is reports whether target is e's Kind.
func (e *DecodeError) Is(target error) bool { return target != nil && target == e.Kind }

// Unwrap returns the cause, or nil.
func (e *DecodeError) Unwrap() error { return e.Err }

// DecodeErrors is the error of a Lambda SNS or SQS event, or of sqs
// receive-message output, whose records did not all yield an alarm: one
// *DecodeError per such record, in record order. Parse and its siblings
// return it together with the alarms of the other records.
type DecodeErrors []*DecodeError

// Error returns the messages of the errors, one per line.
func (es DecodeErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Unwrap returns the errors, so that errors.Is and errors.As see each of
// them.
func (es DecodeErrors) Unwrap() []error {
	errs := make([]error, len(es))
	for i, e := range es {
		errs[i] = e
	}
	return errs
}

// newError returns a *DecodeError about the whole input.
func newError(kind error, msg string) *DecodeError {
	return &DecodeError{Record: -1, Kind: kind, msg: msg}
}

// notAlarm reports a well-formed notification without an alarm; msg says
// what it is.
func notAlarm(msg string) *DecodeError { return newError(ErrNotAlarm, msg) }

// unknown reports JSON of no known shape; msg says what it is.
func unknown(msg string) *DecodeError { return newError(ErrUnknown, msg) }

// invalid reports a field whose value cannot be decoded.
func invalid(format string, args ...any) *DecodeError {
	return newError(ErrInvalid, fmt.Sprintf(format, args...))
}

// malformed reports JSON that does not parse, found in the document named
// by where ("input", "SNS Message", …). The *json.SyntaxError, when there is
// one, becomes the cause, and the message gives its offset.
func malformed(where string, err error) *DecodeError {
	e := &DecodeError{Record: -1, Kind: ErrMalformed, Err: err}
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		e.Err = syn
		e.msg = fmt.Sprintf("%s at offset %d: %v", where, syn.Offset, syn)
		return e
	}
	e.msg = fmt.Sprintf("%s: %v", where, err)
	return e
}

// badTimestamp reports a state timestamp that does not parse; err, a
// *time.ParseError, becomes the cause.
func badTimestamp(field, timestamp string, err error) *DecodeError {
	e := invalid("%s: timestamp %q is not a time: %v", field, timestamp, err)
	e.Err = err
	return e
}

// decodeError turns an error from the second decoding phase, the decode of
// a document at layer l into its wire struct, into a *DecodeError: a JSON
// value of the wrong type makes the document invalid, and what names the
// value decoded; anything else means that the document is not valid JSON.
func decodeError(l layer, what string, err error) *DecodeError {
	var typ *json.UnmarshalTypeError
	if !errors.As(err, &typ) {
		return malformed(l.String(), err)
	}
	e := invalid("%s: %s is a JSON %s, not %s", what, fieldName(typ.Field), typ.Value, jsonKind(typ.Type))
	e.Err = typ
	return e
}

// fieldName names a field by its JSON path, or "the document" when the
// document itself has the wrong type.
func fieldName(path string) string {
	if path == "" {
		return "the document"
	}
	return "field " + path
}

// jsonKind names the JSON value that a Go type decodes from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Pointer:
		return jsonKind(t.Elem())
	}
	return "a number"
}

// inRecord sets the record index and ID of err, a *DecodeError, and returns
// it, so that callers can tell which record of an event failed.
func inRecord(err *DecodeError, index int, id string) *DecodeError {
	err.Record, err.RecordID = index, id
	return err
}
