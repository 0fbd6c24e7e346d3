package cwslack

import (
	"context"
	"errors"
	"log/slog"

	"github.com/aws/aws-lambda-go/lambdacontext"

	"github.com/cwslack/cwslack/alarm"
)

// logSkipped logs each input or record that held no alarm and returns how
// many there were. err is what a decoder of package alarm returned: nil,
// a *alarm.DecodeError, or one per failed record.
//
// A notification that is not an alarm (a configuration-change event, a
// subscription confirmation, a test message) is logged at level Info;
// malformed, invalid or unknown input at level Warn, since it may mean that
// AWS changed a payload or that the function is subscribed to the wrong
// source. Neither is an error of the delivery: a retry would decode the
// same bytes.
func (n *Notifier) logSkipped(ctx context.Context, err error) int {
	if err == nil {
		return 0
	}
	errs := []error{err}
	if multi, ok := err.(interface{ Unwrap() []error }); ok {
		errs = multi.Unwrap()
	}
	for _, e := range errs {
		n.logDecodeError(ctx, e)
	}
	return len(errs)
}

// logDecodeError logs one input that held no alarm.
func (n *Notifier) logDecodeError(ctx context.Context, err error) {
	level := slog.LevelWarn
	if errors.Is(err, alarm.ErrNotAlarm) {
		level = slog.LevelInfo
	}
	attrs := append(ctxAttrs(ctx), slog.String("error", err.Error()))
	var de *alarm.DecodeError
	if errors.As(err, &de) {
		attrs = append(attrs, slog.Int("record", de.Record), slog.String("recordId", de.RecordID))
	}
	n.log.LogAttrs(ctx, level, "input holds no alarm; skipped", attrs...)
}

// ctxAttrs returns the log attributes that the context gives: the Lambda
// request ID, inside Lambda.
func ctxAttrs(ctx context.Context) []slog.Attr {
	if lc, ok := lambdacontext.FromContext(ctx); ok && lc.AwsRequestID != "" {
		return []slog.Attr{slog.String("requestId", lc.AwsRequestID)}
	}
	return nil
}

// alarmAttrs are the log attributes that identify an alarm and its
// delivery.
func alarmAttrs(ctx context.Context, a *alarm.Alarm) []any {
	attrs := []any{
		slog.String("alarm", a.Name),
		slog.String("state", string(a.State.Value)),
		slog.String("envelope", string(a.Envelope)),
		slog.String("messageId", a.MessageID),
	}
	for _, at := range ctxAttrs(ctx) {
		attrs = append(attrs, at)
	}
	return attrs
}
