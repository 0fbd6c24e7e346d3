package slackfmt

import (
	"errors"
	"strconv"
	"strings"
)

// The kinds of error that this package reports, for errors.Is.
var (
	// ErrInvalidMessage is the kind of the errors of Validate and
	// ValidateJSON: the message breaks a Block Kit rule or cannot be
	// encoded.
	ErrInvalidMessage = errors.New("slackfmt: invalid message")
	// ErrInvalidMention is the kind of the errors of ParseMention: the text
	// is not one Slack mention.
	ErrInvalidMention = errors.New("slackfmt: invalid mention")
)

// Violation is one broken Block Kit rule.
type Violation struct {
	// Path is the JSON pointer of the offending value in the webhook body,
	// such as "/blocks/3/text/text" or "/attachments/0/blocks/1/fields/2/text";
	// it has the form of the json-pointer in Slack's own invalid_blocks
	// errors. It is "" for the message as a whole.
	Path string
	// Problem says what is wrong, such as "must be at most 150 characters
	// (has 151)".
	Problem string
}

// Error is the error type of this package. errors.Is(err, ErrInvalidMessage)
// or errors.Is(err, ErrInvalidMention) tells its kind, and errors.As reaches
// its cause, if it has one.
type Error struct {
	// Kind is ErrInvalidMessage or ErrInvalidMention.
	Kind error
	// Mention is the text that ParseMention refused, cut to 80 characters.
	Mention string
	// Violations lists every rule that the message breaks, in document
	// order, for ErrInvalidMessage.
	Violations []Violation
	// Err is the cause: the encoding error of a message that cannot be
	// encoded, or the decoding error of a body that is not a JSON object.
	Err error
}

// Error returns the kind, the first violations and the cause on one line.
func (e *Error) Error() string {
	if e.Kind == ErrInvalidMention {
		return "slackfmt: invalid mention " + strconv.Quote(e.Mention) +
			": want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>"
	}
	var b strings.Builder
	b.WriteString("slackfmt: invalid message")
	for i, v := range e.Violations {
		if i == 3 {
			b.WriteString("; and " + strconv.Itoa(len(e.Violations)-i) + " more")
			break
		}
		b.WriteString(": ")
		if v.Path != "" {
			b.WriteString(v.Path + ": ")
		}
		b.WriteString(v.Problem)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Is reports whether target is the error's kind.
func (e *Error) Is(target error) bool { return target == e.Kind }

// Unwrap returns the cause, or nil.
func (e *Error) Unwrap() error { return e.Err }

// invalid returns an ErrInvalidMessage error with one violation of the
// message as a whole, and its cause.
func invalid(problem string, cause error) *Error {
	return &Error{Kind: ErrInvalidMessage, Violations: []Violation{{Problem: problem}}, Err: cause}
}
