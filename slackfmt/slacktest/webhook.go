package slacktest

import "net/http"

// serveWebhook answers a POST to an incoming webhook.
func (s *Server) serveWebhook(w http.ResponseWriter, r *http.Request) {
	m := Message{Method: MethodWebhook, Webhook: r.URL.Path}
	a := s.webhook(r, &m)
	a.note(&m)
	s.record(m)
	a.writeText(w)
}

// webhook handles a webhook request, filling m, and returns the answer.
func (s *Server) webhook(r *http.Request, m *Message) answer {
	p, err := readWebhookParams(r)
	var ref *refusal
	if err == nil {
		ref = decodeMessage(p, m)
	}
	if a := s.scripted(r, MethodWebhook, true); a != nil {
		return *a
	}
	switch {
	case err != nil:
		return refused("invalid_payload", true)
	case ref != nil:
		return refusedWith(ref, true)
	case isEmpty(m):
		return refused("no_text", true)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if ok, after := s.allow(m.Webhook); !ok {
		return rateLimited(after, true)
	}
	return answer{status: http.StatusOK, text: "ok"}
}
