package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// deliver posts the alarms that parsing found, which err explains the lack
// of, to Slack and returns the status and text to reply with. Input that holds no alarm is logged and answered
// with 200, so that nobody retries it, except that input that is not a
// notification at all is a 400 when strict (EventBridge: the caller sent
// it); SNS content is authentic, so retrying it could not help either. A
// Slack failure is a 502, so that SNS and EventBridge retry.
func (s *server) deliver(ctx context.Context, alarms []*alarm.Alarm, err error, strict bool, log *slog.Logger) (int, string) {
	if len(alarms) == 0 {
		if strict && !errors.Is(err, alarm.ErrNotAlarm) {
			log.Warn("payload refused", slog.Any("error", err))
			return http.StatusBadRequest, "not a CloudWatch alarm notification"
		}
		log.Info("no alarm in payload; not posted", slog.Any("reason", err))
		return http.StatusOK, "no alarm; nothing posted"
	}
	failed := 0
	for _, a := range alarms {
		if err := s.sender.Send(ctx, a, slackfmt.Build(a, s.buildOpts...)); err != nil {
			failed++
			log.Error("slack delivery failed", slog.String("alarm", a.Name), slog.Any("error", err))
			continue
		}
		log.Info("alarm posted", slog.String("alarm", a.Name), slog.String("state", string(a.State.Value)))
	}
	if failed > 0 {
		return http.StatusBadGateway, fmt.Sprintf("%d of %d alarms not delivered to Slack", failed, len(alarms))
	}
	return http.StatusOK, fmt.Sprintf("%d alarms posted", len(alarms))
}
