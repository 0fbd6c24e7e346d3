package cwslack

import (
	"context"
	"errors"

	"github.com/aws/smithy-go"
)

// ErrSecret means that a secret reference could not be read: the
// parameter or secret does not exist, the function may not read it, AWS
// did not answer, or the value is not usable. It is matched by every
// *SecretError. Such an error is not permanent: the delivery that needed
// the secret fails and is retried later, by when the configuration may
// be fixed.
var ErrSecret = errors.New("cwslack: secret not available")

// SecretError is a secret reference that could not be read. It never
// contains the secret's value.
type SecretError struct {
	// Ref is the reference, such as "ssm:/cwslack/webhook".
	Ref string
	// Err is the cause: an AWS SDK error (errors.As finds its
	// smithy.APIError, such as *types.ParameterNotFound), a context error,
	// or an error about the value itself.
	Err error
}

// Error returns "cwslack: secret REF: PROBLEM", such as
// "cwslack: secret ssm:/cwslack/webhook: no such parameter (ParameterNotFound)".
func (e *SecretError) Error() string {
	return "cwslack: secret " + e.Ref + ": " + secretProblem(e.Err)
}

// Is reports whether target is ErrSecret.
func (e *SecretError) Is(target error) bool { return target == ErrSecret }

// Unwrap returns the cause.
func (e *SecretError) Unwrap() error { return e.Err }

// plainError is a problem described in words that are safe to show: a
// value that is empty, binary or a JSON object without the expected key,
// or an environment that names no region or credentials. Its text never
// shows a value.
type plainError string

func (e plainError) Error() string { return string(e) }

// secretProblem describes err in words that never include the secret: AWS
// answers do not contain the value, but a response body that could not be
// decoded might, so it is not shown.
func secretProblem(err error) string {
	var api smithy.APIError
	var des *smithy.DeserializationError
	var plain plainError
	switch {
	case err == nil:
		return "unknown error"
	case errors.As(err, &plain):
		return string(plain)
	case errors.As(err, &des):
		return "AWS answered with something that is not a parameter or secret"
	case errors.As(err, &api):
		return apiProblem(api)
	case errors.Is(err, context.DeadlineExceeded):
		return "no answer from AWS in time: " + err.Error()
	}
	return err.Error()
}

// apiProblem describes an error answer of SSM or Secrets Manager.
func apiProblem(api smithy.APIError) string {
	code := api.ErrorCode()
	switch code {
	case "ParameterNotFound", "ParameterVersionNotFound":
		return "no such parameter (" + code + ")"
	case "ResourceNotFoundException":
		return "no such secret (" + code + ")"
	}
	if msg := api.ErrorMessage(); msg != "" {
		return code + ": " + msg
	}
	return code
}
