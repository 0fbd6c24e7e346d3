package cwslack

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/snsverify"
)

// MaxBodySize bounds the request bodies that the HTTP handlers read. An
// SNS message and an EventBridge event are each at most 256 KiB, so 1 MiB
// leaves room and no more.
const MaxBodySize = 1 << 20

// The Slack delivery of one request, retries included, must end before
// the caller gives up on the request and sends it again, or both
// deliveries would post: SNS waits 15 seconds for an HTTP(S) subscriber,
// an EventBridge API destination 5 seconds.
const (
	snsBudget         = 12 * time.Second
	eventBridgeBudget = 4 * time.Second
)

// APIKeyHeader is the header that an EventBridge connection with API key
// authorization must be configured to send to [NewEventBridgeHandler].
const APIKeyHeader = "X-API-Key"

// NewSNSHandler returns the handler of an SNS HTTPS subscription endpoint.
// Every request is verified with v (signature, certificate, age and topic)
// before anything else is done with it; then a subscription confirmation
// is confirmed, an unsubscribe confirmation acknowledged, and a
// notification's alarm delivered with n.
//
// Refusals are answered 4xx, so that SNS does not retry them; failures
// that may pass (fetching the signing certificate, confirming, Slack) are
// 5xx, so that it does. A notification that holds no alarm is logged and
// answered 200. The delivery gets 12 seconds, within the 15 that SNS
// waits, and goes on if the client hangs up.
func NewSNSHandler(n *Notifier, v *snsverify.Verifier) http.Handler {
	return &snsHandler{n: n, v: v}
}

type snsHandler struct {
	n *Notifier
	v *snsverify.Verifier
}

func (h *snsHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	m, err := h.v.Verify(r.Context(), body)
	if err != nil {
		code := verifyStatus(err)
		h.n.log.WarnContext(r.Context(), "sns message refused", slog.Int("status", code), slog.Any("error", err))
		reply(w, code, refusalText(err))
		return
	}
	log := h.n.log.With(slog.String("messageId", m.MessageID), slog.String("topicArn", m.TopicARN))
	switch m.Type {
	case snsverify.TypeSubscriptionConfirmation:
		h.confirm(w, r, m, log)
	case snsverify.TypeUnsubscribeConfirmation:
		log.InfoContext(r.Context(), "unsubscribed from topic")
		reply(w, http.StatusOK, "unsubscribe acknowledged")
	default:
		ctx, cancel := deliveryContext(r, snsBudget)
		defer cancel()
		// The verified fields, not the body, reach the decoder, so that
		// nothing unverified (a duplicate key, say) is decoded.
		a, err := alarm.ParseSNSEntity(events.SNSEntity{
			Type: string(m.Type), MessageID: m.MessageID, TopicArn: m.TopicARN, Message: m.Message,
		})
		code, text := h.n.deliverHTTP(ctx, one(a), err, false)
		reply(w, code, text)
	}
}

// confirm confirms a subscription to a topic that the verifier accepts.
func (h *snsHandler) confirm(w http.ResponseWriter, r *http.Request, m *snsverify.Message, log *slog.Logger) {
	if err := h.v.Confirm(r.Context(), m); err != nil {
		code := verifyStatus(err)
		log.ErrorContext(r.Context(), "subscription not confirmed", slog.Int("status", code), slog.Any("error", err))
		reply(w, code, refusalText(err))
		return
	}
	log.InfoContext(r.Context(), "subscription confirmed")
	reply(w, http.StatusOK, "subscription confirmed")
}

// verifyStatus maps a refusal to a status: malformed input 400, transient
// failures (the certificate fetch, the confirmation) 5xx, anything else
// 403.
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
// only. The details, which echo parts of the untrusted body, go to the
// log.
func refusalText(err error) string {
	var ve *snsverify.VerifyError
	if errors.As(err, &ve) && ve.Kind != nil {
		return ve.Kind.Error()
	}
	return "refused"
}

// NewEventBridgeHandler returns the handler of an EventBridge API
// destination whose connection sends apiKey in the X-API-Key header
// ([APIKeyHeader]). Requests without that key are refused with 403 before
// their body is read; an empty apiKey refuses every request. The key is
// compared in constant time.
//
// An event that is not an alarm state change is answered 200 and logged,
// input that is not an EventBridge event at all 400, and a Slack failure
// 502, so that EventBridge retries. The delivery gets 4 seconds, within
// the 5 that an API destination waits.
func NewEventBridgeHandler(n *Notifier, apiKey string) http.Handler {
	return &eventBridgeHandler{n: n, key: apiKey}
}

type eventBridgeHandler struct {
	n   *Notifier
	key string
}

func (h *eventBridgeHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	if !keyMatches(h.key, r.Header.Get(APIKeyHeader)) {
		h.n.log.WarnContext(r.Context(), "eventbridge request refused: bad or missing API key",
			slog.Bool("keyConfigured", h.key != ""), slog.String("remote", r.RemoteAddr))
		reply(w, http.StatusForbidden, "bad or missing "+APIKeyHeader)
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	ctx, cancel := deliveryContext(r, eventBridgeBudget)
	defer cancel()
	alarms, err := alarm.Parse(body)
	code, text := h.n.deliverHTTP(ctx, alarms, err, true)
	reply(w, code, text)
}

// keyMatches reports whether got is want, in time that does not depend on
// where they differ or on their lengths (both are hashed first). An empty
// want matches nothing.
func keyMatches(want, got string) bool {
	if want == "" {
		return false
	}
	w, g := sha256.Sum256([]byte(want)), sha256.Sum256([]byte(got))
	return subtle.ConstantTimeCompare(w[:], g[:]) == 1
}

// deliverHTTP delivers the alarms that decoding found (err explains those
// it did not) and returns the status and text to answer with. Input that
// holds no alarm is answered 200 so that nobody retries it, except that
// input that is not a notification at all is 400 when strict (the caller
// sent it); a Slack failure is 502.
func (n *Notifier) deliverHTTP(ctx context.Context, alarms []*alarm.Alarm, err error, strict bool) (int, string) {
	if len(alarms) == 0 {
		n.logSkipped(ctx, err)
		if strict && !errors.Is(err, alarm.ErrNotAlarm) {
			return http.StatusBadRequest, "not a CloudWatch alarm notification"
		}
		return http.StatusOK, "no alarm; nothing posted"
	}
	n.logSkipped(ctx, err)
	if err := n.Notify(ctx, alarms...); err != nil {
		return http.StatusBadGateway, fmt.Sprintf("%d of %d deliveries failed", len(failures(err)), len(alarms))
	}
	return http.StatusOK, fmt.Sprintf("%d alarms posted", len(alarms))
}

// one returns a as a list, or nothing when it is nil.
func one(a *alarm.Alarm) []*alarm.Alarm {
	if a == nil {
		return nil
	}
	return []*alarm.Alarm{a}
}

// readBody reads the request body, refusing it with 413 when it exceeds
// MaxBodySize or 400 when it cannot be read. It reports whether to go on.
func readBody(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodySize))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		http.Error(w, "body larger than 1 MiB", http.StatusRequestEntityTooLarge)
	case err != nil:
		http.Error(w, "cannot read body", http.StatusBadRequest)
	default:
		return body, true
	}
	return nil, false
}

// reply writes a short plain-text response.
func reply(w http.ResponseWriter, code int, text string) {
	if code >= 400 {
		http.Error(w, text, code)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	io.WriteString(w, text+"\n")
}

// deliveryContext bounds a delivery, detached from the request's own
// cancellation: once the message is accepted, a client that hangs up
// should not leave it half sent.
func deliveryContext(r *http.Request, budget time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.Context()), budget)
}
