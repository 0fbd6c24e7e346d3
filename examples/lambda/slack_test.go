package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeSlack is a local Slack incoming webhook that records every request
// and answers as its respond function says.
type fakeSlack struct {
	*httptest.Server
	respond func(n int, body []byte) reply

	mu       sync.Mutex
	requests []slackRequest
}

// reply is the fake's answer to one request.
type reply struct {
	status     int
	retryAfter string // Retry-After header, if not empty
	body       string // plain-text body, as the webhook sends
}

// slackRequest is one request the fake received and what it answered.
type slackRequest struct {
	body   []byte
	status int
	at     time.Time // when it arrived
}

// newFakeSlack starts a fake webhook that answers with respond, which is
// called with the 1-based number of the request and its body.
func newFakeSlack(t *testing.T, respond func(n int, body []byte) reply) *fakeSlack {
	t.Helper()
	f := &fakeSlack{respond: respond}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeSlack) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	f.mu.Lock()
	n := len(f.requests) + 1
	rep := f.respond(n, body)
	f.requests = append(f.requests, slackRequest{body: body, status: rep.status, at: time.Now()})
	f.mu.Unlock()
	if rep.retryAfter != "" {
		w.Header().Set("Retry-After", rep.retryAfter)
	}
	w.Header().Set("Content-Type", "text/plain")
	w.WriteHeader(rep.status)
	io.WriteString(w, rep.body)
}

// attempts returns the number of requests received.
func (f *fakeSlack) attempts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.requests)
}

// delivered returns the bodies of the requests answered with 200.
func (f *fakeSlack) delivered() [][]byte {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out [][]byte
	for _, r := range f.requests {
		if r.status == http.StatusOK {
			out = append(out, r.body)
		}
	}
	return out
}

// arrivals returns when each request arrived.
func (f *fakeSlack) arrivals() []time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []time.Time
	for _, r := range f.requests {
		out = append(out, r.at)
	}
	return out
}

// The canned answers.

func ok() reply { return reply{status: http.StatusOK, body: "ok"} }

func alwaysOK(int, []byte) reply { return ok() }

func always(status int, body string) func(int, []byte) reply {
	return func(int, []byte) reply { return reply{status: status, body: body} }
}

// rateLimitedFirst answers the first request with 429 and Retry-After, and
// every later one with 200.
func rateLimitedFirst(retryAfter string) func(int, []byte) reply {
	return func(n int, _ []byte) reply {
		if n == 1 {
			return reply{status: http.StatusTooManyRequests, retryAfter: retryAfter, body: "rate_limited"}
		}
		return ok()
	}
}

// rejecting answers 400 invalid_blocks, which is permanent, to messages
// that contain marker, and 200 to the others.
func rejecting(marker string) func(int, []byte) reply {
	return func(_ int, body []byte) reply {
		if bytes.Contains(body, []byte(marker)) {
			return reply{status: http.StatusBadRequest, body: "invalid_blocks"}
		}
		return ok()
	}
}

// webhookBody is the part of a webhook message the tests check.
type webhookBody struct {
	Text        string            `json:"text"`
	Blocks      []json.RawMessage `json:"blocks"`
	Attachments []json.RawMessage `json:"attachments"`
}

// checkMessage fails the test unless body is a valid webhook message: JSON
// with a non-empty text fallback and some blocks, top-level or in an
// attachment. It returns the text.
func checkMessage(t *testing.T, body []byte) string {
	t.Helper()
	var m webhookBody
	if err := json.Unmarshal(body, &m); err != nil {
		t.Fatalf("Slack received invalid JSON: %v\n%s", err, body)
	}
	if strings.TrimSpace(m.Text) == "" {
		t.Errorf("Slack message has no text fallback:\n%s", body)
	}
	if len(m.Blocks) == 0 && len(m.Attachments) == 0 {
		t.Errorf("Slack message has neither blocks nor attachments:\n%s", body)
	}
	return m.Text
}
