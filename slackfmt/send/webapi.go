package send

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// apiDoer is the HTTP client given to slack-go. It answers 429 and 5xx
// responses itself with a *Error, because slack-go throws their bodies
// away and fails on a Retry-After given as an HTTP date, and it drains
// every body it hands on, so that connections are reused.
type apiDoer struct {
	client *http.Client
	now    func() time.Time
}

// Do sends req, turning a 429 or 5xx answer, or no answer at all, into a
// *Error.
func (d apiDoer) Do(req *http.Request) (*http.Response, error) {
	var written atomic.Bool
	resp, err := d.client.Do(traceWrites(req, &written))
	if err != nil {
		return nil, transportError(req.Context(), "", err, written.Load())
	}
	resp.Body = drainingBody{resp.Body}
	if resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode < 500 {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, statusError("", resp, d.now())
}

// post sends m with chat.postMessage to channel, as a reply in the thread
// threadTS unless that is "", with retries, and returns where it went. An
// OK reply is broadcast to the channel when the Bot was made
// WithBroadcast.
func (b *Bot) post(ctx context.Context, channel, threadTS string, a *alarm.Alarm, m *slackfmt.Message) (Receipt, error) {
	opts := messageOptions(a, m)
	if threadTS != "" {
		opts = append(opts, slack.MsgOptionTS(threadTS))
		if b.broadcast && a != nil && a.State.Value == alarm.StateOK {
			opts = append(opts, slack.MsgOptionBroadcast())
		}
	}
	var r Receipt
	err := withCredential(ctx, b.api, func(api botAPI) error {
		return b.retry.do(ctx, opPost, api.pacer, func(ctx context.Context) *Error {
			ch, ts, err := api.client.PostMessageContext(ctx, channel, opts...)
			if err != nil {
				return classify(ctx, opPost, err)
			}
			if ts == "" {
				return &Error{Op: opPost, Status: http.StatusOK, Reason: "response has no ts"}
			}
			r = Receipt{Channel: ch, TS: ts, ThreadTS: threadTS}
			return nil
		})
	})
	return r, err
}

// update replaces the message at t with m using chat.update, with retries.
// Text and blocks are always sent together: chat.update drops the blocks
// of a message when it gets text without blocks.
func (b *Bot) update(ctx context.Context, t Thread, a *alarm.Alarm, m *slackfmt.Message) error {
	opts := messageOptions(a, m)
	if len(m.Blocks.BlockSet) == 0 {
		opts = append(opts, slack.MsgOptionBlocks()) // clear the original's blocks
	}
	if len(m.Attachments) == 0 {
		// Clear the original's attachments (the colour bar): chat.update
		// keeps them when the field is left out.
		opts = append(opts, slack.MsgOptionAttachments([]slack.Attachment{}...))
	}
	return withCredential(ctx, b.api, func(api botAPI) error {
		return b.retry.do(ctx, opUpdate, nil, func(ctx context.Context) *Error {
			if _, _, _, err := api.client.UpdateMessageContext(ctx, t.Channel, t.TS, opts...); err != nil {
				return classify(ctx, opUpdate, err)
			}
			return nil
		})
	})
}

// messageOptions turns m into chat.postMessage / chat.update arguments:
// those of [slackfmt.Message.PostMessageOptions] (which never set parse
// or link_names), plus metadata naming the alarm a, if any, when m has
// none, so that the message can be found again from
// conversations.history.
func messageOptions(a *alarm.Alarm, m *slackfmt.Message) []slack.MsgOption {
	opts := m.PostMessageOptions()
	if m.Metadata == nil && a != nil {
		opts = append(opts, slack.MsgOptionMetadata(slack.SlackMetadata{
			EventType: slackfmt.MetadataEventType,
			EventPayload: map[string]any{
				"alarm_arn":  Key(a),
				"alarm_name": a.Name,
				"state":      string(a.State.Value),
			},
		}))
	}
	return opts
}

// retryableReasons are the Web API errors that a later attempt may not
// get: Slack's own transient failures.
var retryableReasons = map[string]bool{
	"ratelimited":         true,
	"internal_error":      true,
	"service_unavailable": true,
	"request_timeout":     true,
}

// classify turns an error from a slack-go call into a *Error.
func classify(ctx context.Context, op string, err error) *Error {
	var (
		own  *Error
		rl   *slack.RateLimitedError
		code slack.StatusCodeError
		resp slack.SlackErrorResponse
		ue   *url.Error
	)
	switch {
	case errors.As(err, &own):
		c := *own
		c.Op = op
		return &c
	case errors.As(err, &resp):
		return &Error{Op: op, Status: http.StatusOK, Reason: resp.Err, Details: details(resp),
			Retryable: retryableReasons[resp.Err], Err: err}
	case errors.As(err, &rl):
		return &Error{Op: op, Status: http.StatusTooManyRequests, Reason: "ratelimited",
			RetryAfter: rl.RetryAfter, Retryable: true, Err: err}
	case errors.As(err, &code):
		return &Error{Op: op, Status: code.Code, Retryable: code.Retryable(), Err: err}
	case errors.As(err, &ue), ctx.Err() != nil:
		return transportError(ctx, op, err, false)
	}
	return unexpected(op, err)
}

// unexpected describes an error that is not Slack's answer nor a transport
// failure: a request slack-go could not build, or a response that is not
// the JSON it expects. Neither improves with retries.
func unexpected(op string, err error) *Error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	if errors.As(err, &syntax) || errors.As(err, &typ) {
		return &Error{Op: op, Status: http.StatusOK, Reason: "invalid response", Err: err}
	}
	return &Error{Op: op, Err: err}
}

// details collects the explanations of a Web API error: the "errors"
// entries (json-pointers for invalid_blocks) and, when there are none,
// the "response_metadata.messages".
func details(resp slack.SlackErrorResponse) []string {
	var out []string
	for _, e := range resp.Errors {
		if e.Message != nil {
			out = append(out, *e.Message)
		}
	}
	if len(out) == 0 {
		out = append(out, resp.ResponseMetadata.Messages...)
	}
	return out
}
