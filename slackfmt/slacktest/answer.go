package slacktest

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"strconv"
	"time"
)

// answer is the server's answer to one request.
type answer struct {
	status     int
	code       string   // Slack's error code; "" when the request succeeded
	details    []string // details of an invalid_blocks error
	retryAfter time.Duration
	fields     map[string]any // more fields of a Web API success
	text       string         // body of a webhook's or an upload's success
}

// refused returns the answer that refuses a request with Slack's error
// code: HTTP 400 for a webhook, 200 for the Web API.
func refused(code string, webhook bool) answer {
	if webhook {
		return answer{status: http.StatusBadRequest, code: code}
	}
	return answer{status: http.StatusOK, code: code}
}

// refusedWith returns the answer that refuses a message with r.
func refusedWith(r *refusal, webhook bool) answer {
	a := refused(r.code, webhook)
	a.details = r.details
	return a
}

// rateLimited returns the 429 answer to a message over the rate limit.
func rateLimited(after time.Duration, webhook bool) answer {
	return answer{status: http.StatusTooManyRequests, code: statusCode(http.StatusTooManyRequests, webhook), retryAfter: after}
}

// succeeded returns the answer of a Web API success with fields.
func succeeded(fields map[string]any) answer {
	return answer{status: http.StatusOK, fields: fields}
}

// note records a's status and error in m.
func (a *answer) note(m *Message) {
	m.Status, m.Error = a.status, a.code
}

// header sets the Retry-After header, if any, and the content type.
func (a *answer) header(w http.ResponseWriter, contentType string) {
	if a.retryAfter > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(retrySeconds(a.retryAfter)))
	}
	w.Header().Set("Content-Type", contentType)
}

// writeText writes a as a webhook or upload answers: plain text, the error
// code or the success text; but a 429 in JSON, as Slack's webhooks answer
// it: {"ok":false,"error":"rate_limited","retry_after":1}.
func (a *answer) writeText(w http.ResponseWriter) {
	if a.status == http.StatusTooManyRequests {
		a.header(w, "application/json; charset=utf-8")
		w.WriteHeader(a.status)
		json.NewEncoder(w).Encode(map[string]any{"ok": false, "error": a.code, "retry_after": retrySeconds(a.retryAfter)})
		return
	}
	a.header(w, "text/plain; charset=utf-8")
	w.WriteHeader(a.status)
	body := a.text
	if a.code != "" {
		body = a.code
	}
	io.WriteString(w, body)
}

// writeJSON writes a as the Web API answers: {"ok":true,…} or
// {"ok":false,"error":…}, with the details of invalid_blocks in "errors"
// and "response_metadata", as Slack gives them.
func (a *answer) writeJSON(w http.ResponseWriter) {
	body := map[string]any{"ok": a.code == ""}
	for k, v := range a.fields {
		body[k] = v
	}
	if a.code != "" {
		body["error"] = a.code
	}
	if len(a.details) > 0 {
		msgs := make([]string, len(a.details))
		for i, d := range a.details {
			msgs[i] = "[ERROR] " + d
		}
		body["errors"] = a.details
		body["response_metadata"] = map[string]any{"messages": msgs}
	}
	a.header(w, "application/json; charset=utf-8")
	w.WriteHeader(a.status)
	json.NewEncoder(w).Encode(body)
}

// scripted applies the failure scripted for a request to method, if any:
// it waits for the failure's delay and returns its answer, or nil when the
// request is to be handled as usual.
func (s *Server) scripted(r *http.Request, method string, webhook bool) *answer {
	f := s.takeFailure(method)
	if f == nil {
		return nil
	}
	if !s.wait(r.Context(), f.Delay) {
		a := answer{status: http.StatusServiceUnavailable, code: "service_unavailable"}
		return &a
	}
	if f.delays() {
		return nil
	}
	return &answer{status: f.status(webhook), code: f.code(webhook), retryAfter: f.RetryAfter}
}

// retrySeconds returns d in whole seconds, rounded up.
func retrySeconds(d time.Duration) int { return int(math.Ceil(d.Seconds())) }
