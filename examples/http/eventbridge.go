package main

import (
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"

	"github.com/cwslack/cwslack/alarm"
)

// apiKeyHeader is the header that an EventBridge connection with API key
// authorization must be configured to send.
const apiKeyHeader = "X-API-Key"

// handleEventBridge serves an EventBridge API destination: the key is
// checked before the body is read, then the event is delivered.
func (s *server) handleEventBridge(w http.ResponseWriter, r *http.Request) {
	if !s.keyMatches(r.Header.Get(apiKeyHeader)) {
		s.log.Warn("eventbridge request refused: bad or missing API key",
			slog.Bool("keyConfigured", s.apiKey != ""), slog.String("remote", r.RemoteAddr))
		reply(w, http.StatusForbidden, "bad or missing "+apiKeyHeader)
		return
	}
	body, release, ok := readBody(w, r)
	if !ok {
		return
	}
	defer release()
	ctx, cancel := deliveryContext(r, eventBridgeDeliveryTimeout)
	defer cancel()
	alarms, err := alarm.Parse(body)
	code, text := s.deliver(ctx, alarms, err, true, s.log)
	reply(w, code, text)
}

// keyMatches reports whether got is the configured API key, in time that
// does not depend on where they differ or on their lengths (both are
// hashed first). With no key configured nothing matches.
func (s *server) keyMatches(got string) bool {
	if s.apiKey == "" {
		return false
	}
	want, have := sha256.Sum256([]byte(s.apiKey)), sha256.Sum256([]byte(got))
	return subtle.ConstantTimeCompare(want[:], have[:]) == 1
}
