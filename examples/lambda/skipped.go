package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/cwslack/cwslack/alarm"
)

// logSkipped logs each input that yielded no alarm and returns how many
// there were. err is what alarm.Parse or alarm.ParseSQSMessage returned:
// nil, one *alarm.DecodeError, or several joined with errors.Join.
//
// A notification that is simply not an alarm (a configuration-change
// event, a test message) is logged at level Info; malformed, invalid or
// unknown input at level Warn, because it may mean that AWS changed a
// payload or that the function is subscribed to the wrong source. Neither
// is an error of the invocation: a retry would decode the same bytes.
func (h *Handler) logSkipped(ctx context.Context, err error) int {
	if err == nil {
		return 0
	}
	errs := []error{err}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs = j.Unwrap()
	}
	for _, e := range errs {
		h.logDecodeError(ctx, e)
	}
	return len(errs)
}

// logDecodeError logs one decoding failure with the fields of its
// *alarm.DecodeError, if it has one.
func (h *Handler) logDecodeError(ctx context.Context, err error) {
	level := slog.LevelWarn
	if errors.Is(err, alarm.ErrNotAlarm) {
		level = slog.LevelInfo
	}
	attrs := []slog.Attr{requestID(ctx), slog.String("error", err.Error())}
	var de *alarm.DecodeError
	if errors.As(err, &de) {
		attrs = append(attrs,
			slog.String("found", string(de.Found)),
			slog.Int("record", de.Record),
			slog.String("recordId", de.RecordID))
		if errors.Is(err, alarm.ErrMalformed) {
			attrs = append(attrs, slog.Int64("offset", de.Offset))
		}
	}
	h.log.LogAttrs(ctx, level, "skipped input that holds no alarm", attrs...)
}
