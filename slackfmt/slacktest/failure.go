package slacktest

import (
	"context"
	"net/http"
	"strings"
	"time"
)

// Failure scripts the server's answer to some of the next requests. Give
// it to Server.Fail.
type Failure struct {
	// Method names the requests it answers: MethodWebhook, MethodUpload or
	// a Web API method such as "chat.postMessage"; "" answers any request.
	Method string
	// Times is how many requests it answers; 0 means one.
	Times int
	// Status is the HTTP status of the answer. When it is 0, the status is
	// 429 if RetryAfter is set, else 400 for a webhook or an upload and 200
	// for the Web API (which answers its errors with 200) if Error is set.
	Status int
	// Error is Slack's error code: the body of a webhook's answer (the
	// "error" of its JSON body for a 429), or the "error" of the Web API's
	// {"ok":false,…}. When it is "", it is "ratelimited" (the Web API) or
	// "rate_limited" (a webhook) for a 429, and else derived from the
	// status ("internal_server_error" for 500).
	Error string
	// RetryAfter sets the Retry-After header of the answer, in whole
	// seconds (rounded up).
	RetryAfter time.Duration
	// Delay is how long the server waits before it answers, or before it
	// handles the request as usual when the failure sets neither Status,
	// Error nor RetryAfter. A client that gives up earlier ends the wait.
	Delay time.Duration
}

// Fail makes the server answer the next requests that f's Method names
// with f, Times times. Failures are used in the order they were given:
// each request takes the first one that names its method.
func (s *Server) Fail(f Failure) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &f)
}

// takeFailure returns the failure that answers a request to method, and
// uses it once, or nil.
func (s *Server) takeFailure(method string) *Failure {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.failures {
		if f.Method != "" && f.Method != method {
			continue
		}
		f.Times--
		if f.Times == 0 {
			s.failures = append(s.failures[:i], s.failures[i+1:]...)
		}
		c := *f
		return &c
	}
	return nil
}

// delays reports whether f only delays the answer.
func (f *Failure) delays() bool {
	return f.Status == 0 && f.Error == "" && f.RetryAfter == 0
}

// status returns the HTTP status of f's answer to a webhook request (when
// webhook is true) or a Web API request.
func (f *Failure) status(webhook bool) int {
	switch {
	case f.Status != 0:
		return f.Status
	case f.RetryAfter > 0:
		return http.StatusTooManyRequests
	case webhook:
		return http.StatusBadRequest
	}
	return http.StatusOK
}

// code returns the Slack error code of f's answer.
func (f *Failure) code(webhook bool) string {
	if f.Error != "" {
		return f.Error
	}
	return statusCode(f.status(webhook), webhook)
}

// statusCode returns the error code that goes with an HTTP status: Slack's
// for 429, and else the status text in snake case.
func statusCode(status int, webhook bool) string {
	switch {
	case status == http.StatusTooManyRequests && webhook:
		return "rate_limited"
	case status == http.StatusTooManyRequests:
		return "ratelimited"
	case status == http.StatusOK:
		return "error"
	}
	return strings.ReplaceAll(strings.ToLower(http.StatusText(status)), " ", "_")
}

// wait waits for d, and reports whether it did: it returns false early
// when ctx ends or the server closes.
func (s *Server) wait(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
	case <-s.done:
	}
	return false
}
