package main

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/snsverify"
)

// handleSNS serves an SNS HTTPS subscription. Every message is verified
// before anything else is done with it; then a subscription confirmation
// is confirmed, an unsubscribe confirmation acknowledged and a
// notification delivered.
func (s *server) handleSNS(w http.ResponseWriter, r *http.Request) {
	body, release, ok := readBody(w, r)
	if !ok {
		return
	}
	defer release()
	m, err := s.verifier.Verify(r.Context(), body)
	if err != nil {
		code := verifyStatus(err)
		s.log.Warn("sns message refused", slog.Int("status", code), slog.Any("error", err))
		reply(w, code, refusalText(err))
		return
	}
	log := s.log.With(slog.String("messageId", m.MessageID), slog.String("topicArn", m.TopicARN))
	switch m.Type {
	case snsverify.TypeSubscriptionConfirmation:
		s.confirm(w, r, m, log)
	case snsverify.TypeUnsubscribeConfirmation:
		log.Info("unsubscribed from topic; nothing to do")
		reply(w, http.StatusOK, "unsubscribe acknowledged")
	default:
		ctx, cancel := deliveryContext(r, snsDeliveryTimeout)
		defer cancel()
		alarms, err := parseNotification(m)
		code, text := s.deliver(ctx, alarms, err, false, log)
		reply(w, code, text)
	}
}

// parseNotification decodes the alarm in a verified notification. It
// reads the verified fields themselves rather than the request body, so
// that nothing unverified (a duplicate key, say) can reach the decoder.
func parseNotification(m *snsverify.Message) ([]*alarm.Alarm, error) {
	a, err := alarm.ParseSNSEntity(events.SNSEntity{
		Type: string(m.Type), MessageID: m.MessageID, TopicArn: m.TopicARN, Message: m.Message,
	})
	if err != nil {
		return nil, err
	}
	return []*alarm.Alarm{a}, nil
}

// confirm confirms a subscription; the topic allow-list was applied by
// Verify.
func (s *server) confirm(w http.ResponseWriter, r *http.Request, m *snsverify.Message, log *slog.Logger) {
	if err := s.verifier.Confirm(r.Context(), m); err != nil {
		code := verifyStatus(err)
		log.Error("subscription not confirmed", slog.Int("status", code), slog.Any("error", err))
		reply(w, code, refusalText(err))
		return
	}
	log.Info("subscription confirmed")
	reply(w, http.StatusOK, "subscription confirmed")
}

// verifyStatus maps a refusal to a status. Refusals are 4xx, so SNS does
// not retry them; failures that may be transient (fetching the
// certificate, visiting SubscribeURL) are 5xx, so SNS retries.
func verifyStatus(err error) int {
	switch {
	case errors.Is(err, snsverify.ErrMalformed):
		return http.StatusBadRequest
	case errors.Is(err, snsverify.ErrCertFetch):
		return http.StatusServiceUnavailable
	case errors.Is(err, snsverify.ErrConfirm):
		return http.StatusBadGateway
	}
	return http.StatusForbidden
}

// refusalText is the response body for a refusal: the sentinel's message
// only. The details, which echo parts of the untrusted body, go to the log.
func refusalText(err error) string {
	var ve *snsverify.VerifyError
	if errors.As(err, &ve) && ve.Kind != nil {
		return ve.Kind.Error()
	}
	return "refused"
}
