package send

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"
)

// Sentinel errors, for errors.Is. A *Error matches ErrPermanent when
// sending again would fail the same way, ErrRateLimited when Slack
// answered "slow down", and ErrConfig when NewWebhook or NewBot refused its
// arguments; it may match several or none.
var (
	// ErrPermanent means that sending the same message again will fail the
	// same way: Slack rejected it (invalid_blocks, channel_not_found, a
	// revoked webhook …) or the request could not be built. A caller that
	// retries deliveries, such as an SQS consumer, should drop or
	// dead-letter the message rather than retry it.
	ErrPermanent = errors.New("send: permanent failure")
	// ErrRateLimited means Slack answered HTTP 429 or the Web API error
	// "ratelimited", or that the sender's own pacing ([WithPacing]) had no
	// slot for the message before the deadline. The *Error's RetryAfter
	// says how long Slack asked to wait, when it said.
	ErrRateLimited = errors.New("send: rate limited")
	// ErrConfig means that NewWebhook or NewBot refused its arguments: an
	// empty, malformed or clear-text webhook URL or API URL, an empty
	// token or channel, or one with spaces in it; or that the value a
	// [Credential] gave is such a URL or token. Such an error matches
	// ErrPermanent too.
	ErrConfig = errors.New("send: invalid configuration")
)

// Error is the one error type of the package. Every error that NewWebhook
// and NewBot return, that a Sender of this package returns from Send, or
// that a Bot passes to its WithErrorHandler function is a *Error. For a
// delivery it describes the last attempt; Attempts says how many were
// made. Its Unwrap returns the cause, so errors.As finds a *url.Error, a
// slack.SlackErrorResponse or a store's own error, and errors.Is finds
// context.DeadlineExceeded.
//
// Error never contains the webhook URL or the bot token.
type Error struct {
	// Op is what failed: "webhook", "chat.postMessage" or "chat.update"
	// for a delivery; "NewWebhook" or "NewBot" for arguments they refused;
	// "credential" for a [Credential] that failed or gave a value that
	// cannot work; "ThreadStore.Get", "ThreadStore.Put" or
	// "ThreadStore.Delete" for a store that failed.
	Op string
	// Key is the store key that a failed store operation was called with
	// (the alarm's [Key]); it is empty for other errors.
	Key string
	// Status is the HTTP status of Slack's answer, or 0 when no answer
	// arrived (connection refused, timeout). The Web API reports most
	// errors with status 200 and ok:false.
	Status int
	// Reason is Slack's error code, such as "invalid_blocks",
	// "channel_not_found" or "action_prohibited", taken from the webhook's
	// plain-text body or the Web API's "error" field; or, for a failure
	// that is not Slack's answer, a short description such as "webhook
	// URL is empty" or "nil message". It is empty when there is
	// neither.
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
	// Unanswered reports that the request was sent in full but no answer
	// came (a timeout, a connection reset): Slack may well have posted
	// the message. Send never repeats such a request, so that a slow
	// Slack does not get the same message again and again; the error is
	// Retryable all the same, because a message lost is worse than one
	// posted twice.
	Unanswered bool
	// RetryAfter is the wait that Slack asked for in its Retry-After
	// header, or 0.
	RetryAfter time.Duration
	// Attempts is the number of requests made: at least 1 for a
	// delivery, unless the context was done or the pacing had no slot
	// before the deadline; 0 for the other errors.
	Attempts int
	// Err is the cause, if any: a connection error, a context error, the
	// slack-go error (such as slack.SlackErrorResponse) that the Web API
	// call returned, the error of a store, or a *url.Error (with the URL
	// redacted) for a URL that does not parse.
	Err error
}

// Error returns a one-line message such as
// "send: webhook: 400 invalid_blocks",
// "send: chat.postMessage: channel_not_found (after 3 attempts)" or
// "send: ThreadStore.Put arn:aws:cloudwatch:…:alarm:HighCPU: timeout".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("send: " + e.Op)
	if e.Key != "" {
		b.WriteString(" " + e.Key)
	}
	b.WriteString(": ")
	if e.Status != 0 && e.Status != http.StatusOK {
		fmt.Fprintf(&b, "%d ", e.Status)
	}
	b.WriteString(e.what())
	if len(e.Details) > 0 {
		b.WriteString(": " + strings.Join(e.Details, "; "))
	}
	if e.Unanswered {
		b.WriteString(" (no answer: the message may have been posted)")
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
	case e.Reason == reasonNoSecret && e.Err != nil:
		return e.Reason + ": " + e.Err.Error()
	case e.Reason != "":
		return e.Reason
	case e.Err != nil:
		return e.Err.Error()
	case e.Status != 0:
		return strings.ToLower(http.StatusText(e.Status))
	}
	return "failed"
}

// Unwrap returns the cause, Err.
func (e *Error) Unwrap() error { return e.Err }

// Is reports whether e matches ErrPermanent (it is not Retryable),
// ErrRateLimited (Slack answered 429 or "ratelimited", or the pacing had
// no slot) or ErrConfig (Op is NewWebhook or NewBot, or a credential gave
// a value that cannot work).
func (e *Error) Is(target error) bool {
	switch target {
	case ErrPermanent:
		return !e.Retryable
	case ErrRateLimited:
		return e.rateLimited() || e.Reason == reasonPaced
	case ErrConfig:
		return e.Op == opNewWebhook || e.Op == opNewBot || (e.Op == opCredential && !e.Retryable && e.Reason != reasonNoSecret)
	}
	return false
}

// rateLimited reports whether Slack answered that it was rate limiting.
func (e *Error) rateLimited() bool {
	return e.Status == http.StatusTooManyRequests || e.Reason == "ratelimited"
}

// reasonPaced is the Reason of a Send that the pacing kept from posting.
const reasonPaced = "paced: no slot to post before the deadline"

// Operation names used in errors.
const (
	opWebhook     = "webhook"
	opPost        = "chat.postMessage"
	opUpdate      = "chat.update"
	opNewWebhook  = "NewWebhook"
	opNewBot      = "NewBot"
	opCredential  = "credential"
	opStoreGet    = "ThreadStore.Get"
	opStorePut    = "ThreadStore.Put"
	opStoreDelete = "ThreadStore.Delete"
)

// storeError describes a failed ThreadStore operation. A store that is
// down may come back, so it is retryable.
func storeError(op, key string, err error) *Error {
	return &Error{Op: op, Key: key, Retryable: true, Err: err}
}
