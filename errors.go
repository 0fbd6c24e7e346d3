package cwslack

import (
	"errors"
	"fmt"
	"strings"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Sentinel errors, for errors.Is.
var (
	// ErrConfig means that a configuration (the environment, a routing
	// document, a Router built in Go) is incomplete or invalid. It is
	// matched by every *ConfigError.
	ErrConfig = errors.New("cwslack: invalid configuration")
	// ErrNotDelivered means that an alarm did not reach a destination. It
	// is matched by every *DeliveryError.
	ErrNotDelivered = errors.New("cwslack: alarm not delivered")
)

// ConfigError is an invalid configuration. Where names the place, such as
// "SLACK_WEBHOOK_URL" or "routes[2].to[0]", and Problem says what is wrong
// with it. It never contains a secret.
type ConfigError struct {
	// Where names the setting.
	Where string
	// Problem says what is wrong, such as `unknown destination "paymnets"`.
	Problem string
	// Err is the cause, if any, such as a *json.SyntaxError.
	Err error
}

// Error returns "cwslack: WHERE: PROBLEM".
func (e *ConfigError) Error() string {
	return "cwslack: " + e.Where + ": " + e.Problem
}

// Is reports whether target is ErrConfig.
func (e *ConfigError) Is(target error) bool { return target == ErrConfig }

// Unwrap returns the cause.
func (e *ConfigError) Unwrap() error { return e.Err }

// configError returns a *ConfigError without a cause.
func configError(where, problem string) *ConfigError {
	return &ConfigError{Where: where, Problem: problem}
}

// Failure is an alarm that did not reach one destination.
type Failure struct {
	// Alarm is the alarm.
	Alarm *alarm.Alarm
	// Destination is the destination's name.
	Destination string
	// Err is why, usually a *send.Error.
	Err error
}

// DeliveryError reports the alarms that Notify could not deliver, after
// the senders' own retries. Every other alarm of the call was delivered
// (or was a copy of one delivered before), so a retry of the whole call
// posts only what is missing.
type DeliveryError struct {
	// Failures lists each alarm and destination that failed, in the order
	// of the alarms.
	Failures []Failure
}

// Error returns a one-line summary such as
// "cwslack: 1 delivery failed: HighCPU to ops: send: webhook: 500 (after 3 attempts)".
func (e *DeliveryError) Error() string {
	var b strings.Builder
	if len(e.Failures) == 1 {
		b.WriteString("cwslack: 1 delivery failed: ")
	} else {
		fmt.Fprintf(&b, "cwslack: %d deliveries failed: ", len(e.Failures))
	}
	for i, f := range e.Failures {
		if i == 3 {
			fmt.Fprintf(&b, "; and %d more", len(e.Failures)-i)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		fmt.Fprintf(&b, "%s to %s: %v", alarmName(f.Alarm), f.Destination, f.Err)
	}
	return b.String()
}

// Is reports whether target is ErrNotDelivered.
func (e *DeliveryError) Is(target error) bool { return target == ErrNotDelivered }

// Unwrap returns the error of each failure.
func (e *DeliveryError) Unwrap() []error {
	errs := make([]error, len(e.Failures))
	for i, f := range e.Failures {
		errs[i] = f.Err
	}
	return errs
}

// Permanent reports whether every failure is permanent: Slack refused the
// message for good (send.ErrPermanent), so that retrying the delivery
// cannot help.
func (e *DeliveryError) Permanent() bool {
	for _, f := range e.Failures {
		if !errors.Is(f.Err, send.ErrPermanent) {
			return false
		}
	}
	return len(e.Failures) > 0
}

// alarmName returns the alarm's name for messages, quoted.
func alarmName(a *alarm.Alarm) string {
	if a == nil || a.Name == "" {
		return "(unnamed alarm)"
	}
	return fmt.Sprintf("%q", a.Name)
}
