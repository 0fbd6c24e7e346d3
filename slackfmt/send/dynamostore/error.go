package dynamostore

import (
	"errors"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/smithy-go"
)

// Sentinel errors, for errors.Is.
var (
	// ErrTableNotFound means that the table does not exist, or not in the
	// client's region and account.
	ErrTableNotFound = errors.New("dynamostore: table not found")
	// ErrThrottled means that DynamoDB throttled the request
	// (ProvisionedThroughputExceeded, RequestLimitExceeded, Throttling),
	// and the SDK's retries ran out.
	ErrThrottled = errors.New("dynamostore: throttled")
)

// Error is the error type of the package: every error of a Store is an
// *Error. errors.Is matches its Kind, and errors.As reaches the SDK's
// error through Unwrap.
type Error struct {
	// Op is the Store method that failed, such as "Claim" or "Put".
	Op string
	// Table is the table's name.
	Table string
	// Key is the key the method was called with.
	Key string
	// Kind is ErrTableNotFound, ErrThrottled, or nil for other failures.
	Kind error
	// Reason says what went wrong when it is not the SDK's error, such as
	// "stored thread is not readable".
	Reason string
	// Err is the cause: the SDK's error (a *types.ResourceNotFoundException
	// inside a *smithy.OperationError …), or a decoding error.
	Err error
}

// Error returns a one-line message such as
// `dynamostore: Put "arn:…:alarm:HighCPU" in table "alarms": table not found: operation error DynamoDB: PutItem, …`.
func (e *Error) Error() string {
	s := "dynamostore: " + e.Op
	if e.Key != "" {
		s += " " + strconv.Quote(e.Key)
	}
	s += " in table " + strconv.Quote(e.Table)
	switch {
	case e.Kind == ErrTableNotFound:
		s += ": table not found (or not in this region)"
	case e.Kind == ErrThrottled:
		s += ": throttled"
	}
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Is reports whether target is the error's Kind.
func (e *Error) Is(target error) bool { return e.Kind != nil && target == e.Kind }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// throttlingCodes are the error codes with which DynamoDB throttles.
var throttlingCodes = map[string]bool{
	"ProvisionedThroughputExceededException": true,
	"RequestLimitExceeded":                   true,
	"ThrottlingException":                    true,
}

// fail returns the *Error of op on key that failed with err.
func (s *Store) fail(op, key string, err error) *Error {
	e := &Error{Op: op, Table: s.table, Key: key, Err: err}
	var notFound *types.ResourceNotFoundException
	var api smithy.APIError
	switch {
	case errors.As(err, &notFound):
		e.Kind = ErrTableNotFound
	case errors.As(err, &api) && throttlingCodes[api.ErrorCode()]:
		e.Kind = ErrThrottled
	}
	return e
}

// conditionFailed reports whether err says that a write's condition did
// not hold.
func conditionFailed(err error) bool {
	var cf *types.ConditionalCheckFailedException
	return errors.As(err, &cf)
}
