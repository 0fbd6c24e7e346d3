package send

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors, for errors.Is. A *Error matches ErrPermanent when Slack
// rejected the message for good and ErrRateLimited when Slack answered
// "slow down"; it may match both or neither.
var (
	// ErrPermanent means that sending the same message again will fail the
	// same way: Slack rejected it (invalid_blocks, channel_not_found, a
	// revoked webhook …) or the request could not be built. A caller that
	// retries deliveries, such as an SQS consumer, should drop or
	// dead-letter the message rather than retry it.
	ErrPermanent = errors.New("send: permanent failure")
	// ErrRateLimited means Slack answered HTTP 429 or the Web API error
	// "ratelimited". The *Error's RetryAfter says how long Slack asked to
	// wait, when it said.
	ErrRateLimited = errors.New("send: rate limited")
	// ErrConfig means a Config, or the environment it was read from, is
	// incomplete or invalid.
	ErrConfig = errors.New("send: invalid configuration")
)

// Error is a failed delivery to Slack. Every error that a Sender in this
// package returns from Send is a *Error, possibly wrapped. It describes the
// last attempt; Attempts says how many were made.
//
// Error never contains the webhook URL or the bot token.
type Error struct {
	// Op is what failed: "webhook", "chat.postMessage" or "chat.update".
	Op string
	// Status is the HTTP status of Slack's answer, or 0 when no answer
	// arrived (connection refused, timeout). The Web API reports most
	// errors with status 200 and ok:false.
	Status int
	// Reason is Slack's error code, such as "invalid_blocks",
	// "channel_not_found" or "action_prohibited", taken from the webhook's
	// plain-text body or the Web API's "error" field. It is empty when
	// Slack gave none.
	Reason string
	// Details are Slack's explanations, when the Web API gave some: the
	// entries of "errors" (for invalid_blocks they carry json-pointers to
	// the offending block) and of "response_metadata.messages".
	Details []string
	// Retryable reports whether a later attempt may succeed: true for
	// rate limits, server errors and connection errors. When Send returns
	// a retryable error its own retries ran out: the attempts or the
	// context's deadline were used up.
	Retryable bool
	// RetryAfter is the wait that Slack asked for in its Retry-After
	// header, or 0.
	RetryAfter time.Duration
	// Attempts is the number of requests made, at least 1.
	Attempts int
	// Err is the underlying error, if any: a connection error, a context
	// error, or the slack-go error (such as slack.SlackErrorResponse) that
	// the Web API call returned.
	Err error
}

// Error returns a one-line message such as
// "send: webhook: 400 invalid_blocks" or
// "send: chat.postMessage: channel_not_found (after 3 attempts)".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("send: " + e.Op + ": ")
	if e.Status != 0 && e.Status != http.StatusOK {
		fmt.Fprintf(&b, "%d ", e.Status)
	}
	b.WriteString(e.what())
	if len(e.Details) > 0 {
		b.WriteString(": " + strings.Join(e.Details, "; "))
	}
	if e.RetryAfter > 0 {
		fmt.Fprintf(&b, " (retry after %s)", e.RetryAfter)
	}
	if e.Attempts > 1 {
		fmt.Fprintf(&b, " (after %d attempts)", e.Attempts)
	}
	return b.String()
}

// what names the failure: Slack's reason, the underlying error or the
// status text.
func (e *Error) what() string {
	switch {
	case e.Reason != "":
		return e.Reason
	case e.Err != nil:
		return e.Err.Error()
	case e.Status != 0:
		return strings.ToLower(http.StatusText(e.Status))
	}
	return "failed"
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether e matches ErrPermanent or ErrRateLimited.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrPermanent:
		return !e.Retryable
	case ErrRateLimited:
		return e.Status == http.StatusTooManyRequests || e.Reason == "ratelimited"
	}
	return false
}
