package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Handler turns Lambda invocations into Slack messages, one per alarm. It
// holds no state between invocations and is safe for concurrent use when
// its Sender is.
type Handler struct {
	sender send.Sender
	opts   []slackfmt.Option
	log    *slog.Logger
}

// NewHandler returns a Handler that builds each alarm's message with
// [slackfmt.Build] and opts, delivers it with s, and logs to log.
func NewHandler(s send.Sender, log *slog.Logger, opts ...slackfmt.Option) *Handler {
	return &Handler{sender: s, opts: opts, log: log}
}

// Result is the response of an invocation that is not an SQS event. Lambda
// discards it for asynchronous invocations; it is what a synchronous
// "aws lambda invoke" prints.
type Result struct {
	// Delivered is the number of alarms posted to Slack.
	Delivered int `json:"delivered"`
	// Skipped is the number of records or payloads that held no alarm and
	// were logged instead.
	Skipped int `json:"skipped"`
}

// ErrNotDelivered is wrapped by the error that Handle returns when an alarm
// could not be delivered; the same error also wraps each delivery's
// *send.Error.
var ErrNotDelivered = errors.New("lambda: alarm not delivered")

// Invoke implements [lambda.Handler]: it calls Handle with the payload and
// encodes the response as JSON. Taking the payload as bytes, rather than
// letting the runtime decode it for Handle, means that even a payload
// that is not JSON reaches Handle and is logged like any other input that
// holds no alarm.
func (h *Handler) Invoke(ctx context.Context, payload []byte) ([]byte, error) {
	resp, err := h.Handle(ctx, payload)
	if err != nil {
		return nil, err
	}
	return json.Marshal(resp)
}

// Handle processes one invocation.
//
// For an SQS event it returns an [events.SQSEventResponse] that lists the
// messages with an undelivered alarm, and a nil error. For any other
// payload it returns a [Result], or an error wrapping [ErrNotDelivered] if
// any alarm could not be delivered, so that the invocation fails and Lambda
// retries it. Payloads and records that hold no alarm are logged and are
// never an error.
func (h *Handler) Handle(ctx context.Context, payload json.RawMessage) (any, error) {
	ctx, cancel := withReserve(ctx)
	defer cancel()
	if isSQSEvent(payload) {
		return h.handleSQS(ctx, payload)
	}
	return h.handleEvent(ctx, payload)
}

// maxReserve is the most time kept back from the invocation's deadline.
const maxReserve = 2 * time.Second

// withReserve returns a context for delivery that ends a little before the
// invocation's deadline: a tenth of the time left, at most maxReserve. A
// handler that answers after the deadline has its answer thrown away
// (Lambda reports a timeout), which for SQS would lose the batch item
// failures and send the whole batch, delivered messages included, back
// to the queue.
func withReserve(ctx context.Context) (context.Context, context.CancelFunc) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return context.WithCancel(ctx)
	}
	reserve := min(maxReserve, time.Until(deadline)/10)
	return context.WithDeadline(ctx, deadline.Add(-reserve))
}

// handleEvent delivers the alarms of a payload that is not an SQS event:
// SNS, EventBridge, the alarm action or a bare alarm message. A partly
// decoded payload delivers what it can and logs the rest.
func (h *Handler) handleEvent(ctx context.Context, payload json.RawMessage) (any, error) {
	alarms, err := alarm.Parse(payload)
	res := Result{Skipped: h.logSkipped(ctx, err)}
	var failed []error
	for _, a := range alarms {
		if err := h.deliver(ctx, a); err != nil {
			failed = append(failed, err)
			continue
		}
		res.Delivered++
	}
	if len(failed) > 0 {
		return nil, fmt.Errorf("%w: %d of %d failed: %w",
			ErrNotDelivered, len(failed), len(alarms), errors.Join(failed...))
	}
	return res, nil
}

// deliver builds and sends the message for a and logs the outcome.
func (h *Handler) deliver(ctx context.Context, a *alarm.Alarm) error {
	err := h.sender.Send(ctx, a, slackfmt.Build(a, h.opts...))
	attrs := []any{
		slog.String("alarm", a.Name),
		slog.String("state", string(a.State.Value)),
		slog.String("envelope", string(a.Envelope)),
		slog.String("messageId", a.MessageID),
		requestID(ctx),
	}
	if err != nil {
		h.log.ErrorContext(ctx, "alarm not delivered", append(attrs,
			slog.Bool("permanent", errors.Is(err, send.ErrPermanent)),
			slog.Any("error", err))...)
		return err
	}
	h.log.InfoContext(ctx, "alarm delivered", attrs...)
	return nil
}

// requestID returns the invocation's request ID as a log attribute, empty
// outside Lambda.
func requestID(ctx context.Context) slog.Attr {
	var id string
	if lc, ok := lambdacontext.FromContext(ctx); ok {
		id = lc.AwsRequestID
	}
	return slog.String("requestId", id)
}

// Handler is what main passes to lambda.StartHandler.
var _ lambda.Handler = (*Handler)(nil)
