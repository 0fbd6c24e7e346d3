package send

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"time"
)

// maxErrorBody is how much of an error response is read for its reason.
// Slack's reasons are short codes; a proxy's HTML page is not worth more.
const maxErrorBody = 4 << 10

// maxReasonLen is the longest body taken verbatim as a reason.
const maxReasonLen = 100

// statusError describes a non-success HTTP answer from Slack, reading the
// reason from its body. 429 and 5xx are retryable, any other status is
// permanent.
func statusError(op string, resp *http.Response, now time.Time) *Error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	e := &Error{
		Op:        op,
		Status:    resp.StatusCode,
		Reason:    reasonFromBody(body),
		Retryable: resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500,
	}
	if resp.StatusCode == http.StatusTooManyRequests {
		e.RetryAfter, _ = parseRetryAfter(resp.Header.Get("Retry-After"), now)
	}
	return e
}

// reasonFromBody extracts Slack's error code from a response body: the
// "error" field of a Web API answer, or the whole of a webhook's
// plain-text answer when it is a short single line. Anything else (an
// HTML error page, say) gives "".
func reasonFromBody(body []byte) string {
	body = bytes.TrimSpace(body)
	var api struct {
		Error string `json:"error"`
	}
	if json.Unmarshal(body, &api) == nil {
		return api.Error
	}
	if len(body) == 0 || len(body) > maxReasonLen || bytes.ContainsAny(body, "<>\r\n") {
		return ""
	}
	return string(body)
}

// transportError describes a request that got no answer. Connection
// errors and timeouts are retryable; a certificate that fails
// verification is not. When ctx is done the context's error is kept so
// that errors.Is(err, context.DeadlineExceeded) works.
func transportError(ctx context.Context, op string, err error) *Error {
	if ctx.Err() != nil {
		err = ctx.Err()
	}
	e := &Error{Op: op, Err: redactURLError(err), Retryable: true}
	var cert *tls.CertificateVerificationError
	if errors.As(err, &cert) {
		e.Retryable = false
	}
	return e
}

// redactURLError replaces the URL in a *url.Error, which for a webhook is
// the secret itself, by its redacted form.
func redactURLError(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	return &url.Error{Op: ue.Op, URL: redactURL(ue.URL), Err: ue.Err}
}
