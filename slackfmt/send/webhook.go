package send

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// opWebhook names incoming-webhook posts in errors.
const opWebhook = "webhook"

// Webhook posts messages to a Slack incoming webhook. Webhooks cannot
// thread or update messages (Slack returns no message ts), so every
// message is posted on its own, to the channel chosen when the webhook
// was created. Metadata is sent but Slack ignores it.
//
// A Webhook is safe for concurrent use.
type Webhook struct {
	url    string
	client *http.Client
	retry  retrier
}

// NewWebhook returns a Webhook that posts to url, a
// https://hooks.slack.com/services/… address. The URL is a secret: it
// never appears in errors or in String. Options that concern only Bot
// are ignored.
func NewWebhook(url string, opts ...Option) *Webhook {
	s := newSettings(opts)
	return &Webhook{url: url, client: s.client, retry: s.retry}
}

// String describes the webhook with its URL redacted.
func (w *Webhook) String() string { return "slack webhook " + redactURL(w.url) }

// Send posts m, the JSON encoding of which is the webhook body, retrying
// rate limits, server errors and connection errors as the package
// documentation describes. a is not used. It returns nil when Slack
// answered 200 "ok"; otherwise a *Error. A 200 answer with another body is
// an error too, permanent, because the message may or may not have been
// posted and retrying could post it twice.
func (w *Webhook) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) error {
	if m == nil {
		return &Error{Op: opWebhook, Reason: "nil message", Attempts: 1}
	}
	if err := checkURL(w.url); err != nil {
		return err
	}
	body, err := json.Marshal(m)
	if err != nil {
		return &Error{Op: opWebhook, Reason: "cannot encode message", Err: err, Attempts: 1}
	}
	return w.retry.do(ctx, func(ctx context.Context) *Error { return w.post(ctx, body) })
}

// post makes one attempt.
func (w *Webhook) post(ctx context.Context, body []byte) *Error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return &Error{Op: opWebhook, Reason: "cannot build request", Err: redactURLError(err)}
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	resp, err := w.client.Do(req)
	if err != nil {
		return transportError(ctx, opWebhook, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return statusError(opWebhook, resp, w.retry.now())
	}
	return checkOK(resp)
}

// checkURL rejects a URL that no attempt could post to.
func checkURL(raw string) *Error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return &Error{Op: opWebhook, Reason: "invalid webhook URL " + redactURL(raw), Attempts: 1}
	}
	return nil
}

// checkOK checks that a 200 answer says "ok", as Slack's does.
func checkOK(resp *http.Response) *Error {
	got, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if string(bytes.TrimSpace(got)) == "ok" {
		return nil
	}
	reason := reasonFromBody(got)
	if reason == "" {
		reason = "unexpected response"
	}
	return &Error{Op: opWebhook, Status: resp.StatusCode, Reason: reason}
}
