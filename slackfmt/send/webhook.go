package send

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Webhook posts messages to a Slack incoming webhook. Webhooks cannot
// thread or update messages (Slack returns no message ts), so every
// message is posted on its own, to the channel chosen when the webhook
// was created. Metadata is sent but Slack ignores it.
//
// A Webhook is safe for concurrent use.
type Webhook struct {
	target  *resolver[webhookTarget]
	client  *http.Client
	timeout time.Duration
	retry   retrier
}

// webhookTarget is where a Webhook posts: the URL, and the pacer that
// every sender to it shares.
type webhookTarget struct {
	url   string
	pacer *pacer
}

// NewWebhook returns a Webhook that posts to url, a
// https://hooks.slack.com/services/… address. It returns an *Error
// matching ErrConfig when url is empty, has spaces in it, does not parse,
// has no scheme or no host, or is not https (http is accepted for
// localhost and loopback addresses, for local fakes of Slack). The URL is
// a secret: it never appears in errors or in String.
func NewWebhook(url string, opts ...Option) (*Webhook, error) {
	if err := checkEndpoint(opNewWebhook, "webhook URL", url); err != nil {
		return nil, err
	}
	s := webhookSettings(opts)
	t := webhookTarget{url: url, pacer: pacerFor("webhook "+url, s.pacing)}
	return &Webhook{target: staticResolver(url, t), client: s.client, timeout: s.timeout, retry: s.retry}, nil
}

// NewWebhookFrom returns a Webhook that posts to the URL that c gives. c
// is asked on the first Send, not now, and its value is kept; when Slack
// answers that the webhook does not exist or its token is invalid (404
// no_service, 403 invalid_token), c is asked again with refresh set, and
// the message is posted once more if the URL changed. The URL is checked
// as NewWebhook checks it when it arrives: a Send fails with an *Error
// matching ErrConfig if it is not one. NewWebhookFrom itself fails only
// for a nil c.
func NewWebhookFrom(c Credential, opts ...Option) (*Webhook, error) {
	if c == nil {
		return nil, configError(opNewWebhook, "credential is nil", nil)
	}
	s := webhookSettings(opts)
	target := newResolver(c, func(url string) (webhookTarget, *Error) {
		if err := checkEndpoint(opCredential, "webhook URL", url); err != nil {
			return webhookTarget{}, err
		}
		return webhookTarget{url: url, pacer: pacerFor("webhook "+url, s.pacing)}, nil
	})
	return &Webhook{target: target, client: s.client, timeout: s.timeout, retry: s.retry}, nil
}

// String describes the webhook with its URL redacted.
func (w *Webhook) String() string {
	if !w.target.static {
		return "slack webhook (URL from a credential)"
	}
	return "slack webhook " + redactURL(w.target.secret)
}

// Send posts m, whose JSON encoding ([slackfmt.Message.MarshalJSON]) is
// the webhook body, within ctx's deadline or else the Webhook's timeout
// ([WithTimeout]), paced ([WithPacing]) and retried as the package
// documentation describes. a is not used. It returns a zero Receipt, and
// a nil error when Slack answered 200 "ok"; otherwise a *Error. A 200
// answer with another body is an error too, permanent, because the
// message may or may not have been posted and retrying could post it
// twice.
func (w *Webhook) Send(ctx context.Context, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	if m == nil {
		return Receipt{}, &Error{Op: opWebhook, Reason: "nil message", Attempts: 1}
	}
	body, err := m.MarshalJSON()
	if err != nil {
		return Receipt{}, &Error{Op: opWebhook, Reason: "cannot encode message", Err: err, Attempts: 1}
	}
	ctx, cancel := withDeadline(ctx, w.timeout)
	defer cancel()
	return Receipt{}, withCredential(ctx, w.target, func(t webhookTarget) error {
		return w.retry.do(ctx, opWebhook, t.pacer, func(ctx context.Context) *Error { return w.post(ctx, t.url, body) })
	})
}

// post makes one attempt.
func (w *Webhook) post(ctx context.Context, url string, body []byte) *Error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return &Error{Op: opWebhook, Reason: "cannot build request", Err: redactURLError(err)}
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	var written atomic.Bool
	resp, err := w.client.Do(traceWrites(req, &written))
	if err != nil {
		return transportError(ctx, opWebhook, err, written.Load())
	}
	defer drainingBody{resp.Body}.Close()
	if resp.StatusCode != http.StatusOK {
		return statusError(opWebhook, resp, w.retry.now())
	}
	return checkOK(resp)
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
