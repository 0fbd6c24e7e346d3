package graph

import (
	"errors"
	"strings"
)

// Sentinel errors, for errors.Is. Every error of this package is an *Error
// whose Kind is one of them.
var (
	// ErrNotDrawable means that the alarm has no graph that
	// GetMetricWidgetImage can draw: a composite alarm (draw its children
	// instead, see Client.Children), an alarm without metric queries or
	// with more than the API allows, or an alarm in a partition where the
	// API is not offered (AWS GovCloud (US), the ISO partitions) or that
	// is unknown. Asking again gives the same answer.
	ErrNotDrawable = errors.New("graph: alarm cannot be drawn")
	// ErrCloudWatch means that a CloudWatch call failed: the error
	// wraps the AWS SDK's error, which errors.As turns into a
	// smithy.APIError (such as a throttling or an access-denied error)
	// or a transport error, or CloudWatch answered with something that
	// is not a PNG image.
	ErrCloudWatch = errors.New("graph: CloudWatch request failed")
)

// Error is the one error type of the package. Its Is matches Kind, and its
// Unwrap returns the cause, Err, so that errors.As reaches the AWS SDK's
// error (a *smithy.OperationError wrapping a smithy.APIError, say) and
// errors.Is reaches context.DeadlineExceeded.
type Error struct {
	// Op is what failed: "Widget", "GetMetricWidgetImage" or
	// "DescribeAlarms".
	Op string
	// Alarm is the name of the alarm concerned.
	Alarm string
	// Kind is ErrNotDrawable or ErrCloudWatch.
	Kind error
	// Reason says why the alarm cannot be drawn, or what was wrong with
	// CloudWatch's answer, such as "composite alarm" or "response is not
	// a PNG image"; it is empty when Err says it all.
	Reason string
	// Err is the cause, if any: the AWS SDK's error or a context error.
	Err error
}

// Error returns a one-line message such as
// "graph: Widget checkout-degraded: alarm cannot be drawn: composite alarm"
// or "graph: GetMetricWidgetImage web-cpu-high: operation error …".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("graph: " + e.Op)
	if e.Alarm != "" {
		b.WriteString(" " + e.Alarm)
	}
	if e.Kind == ErrNotDrawable {
		b.WriteString(": alarm cannot be drawn")
	}
	if e.Reason != "" {
		b.WriteString(": " + e.Reason)
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	return b.String()
}

// Is reports whether target is e's Kind.
func (e *Error) Is(target error) bool { return target != nil && target == e.Kind }

// Unwrap returns the cause, Err.
func (e *Error) Unwrap() error { return e.Err }

// notDrawable returns an *Error of kind ErrNotDrawable.
func notDrawable(op, name, reason string) *Error {
	return &Error{Op: op, Alarm: name, Kind: ErrNotDrawable, Reason: reason}
}

// Operation names used in errors.
const (
	opWidget   = "Widget"
	opImage    = "GetMetricWidgetImage"
	opDescribe = "DescribeAlarms"
)
