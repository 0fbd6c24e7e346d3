package send_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// A webhook send against a local stand-in for Slack, which prints what it
// receives.
func ExampleWebhook_Send() {
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Printf("%s %s\n%s\n", r.Method, r.Header.Get("Content-Type"), body)
		io.WriteString(w, "ok")
	}))
	defer slack.Close()

	hook := send.NewWebhook(slack.URL + "/services/T000/B000/XXXX")
	msg := &slackfmt.Message{Text: "ALARM: HighCPU in eu-west-1"}
	err := hook.Send(context.Background(), &alarm.Alarm{Name: "HighCPU"}, msg)
	fmt.Println("error:", err)
	// Output:
	// POST application/json; charset=utf-8
	// {"text":"ALARM: HighCPU in eu-west-1","unfurl_links":false,"unfurl_media":false}
	// error: <nil>
}

// Slack's reason for refusing a message is kept in a *send.Error.
func ExampleError() {
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "invalid_blocks", http.StatusBadRequest)
	}))
	defer slack.Close()

	err := send.NewWebhook(slack.URL+"/services/T000/B000/XXXX").
		Send(context.Background(), nil, &slackfmt.Message{Text: "x"})
	var e *send.Error
	if errors.As(err, &e) {
		fmt.Println(e.Status, e.Reason, e.Attempts, errors.Is(err, send.ErrPermanent))
	}
	fmt.Println(err)
	// Output:
	// 400 invalid_blocks 1 true
	// send: webhook: 400 invalid_blocks
}

// A bot posts the ALARM message, then answers the OK message in its thread
// and marks the original resolved. The local Web API prints each call.
func ExampleBot_Send() {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		fmt.Printf("%s channel=%s thread_ts=%q ts=%q text=%q\n", r.URL.Path,
			r.Form.Get("channel"), r.Form.Get("thread_ts"), r.Form.Get("ts"), r.Form.Get("text"))
		io.WriteString(w, `{"ok":true,"channel":"C0ALERTS","ts":"1732500000.000100"}`)
	}))
	defer api.Close()

	bot := send.NewBot("xoxb-test", "#alerts", send.WithAPIURL(api.URL))
	ctx := context.Background()
	a := &alarm.Alarm{Name: "HighCPU", ARN: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU"}

	a.State = alarm.State{Value: alarm.StateAlarm}
	fmt.Println(bot.Send(ctx, a, &slackfmt.Message{Text: "ALARM: HighCPU"}))
	a.State = alarm.State{Value: alarm.StateOK, Timestamp: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	fmt.Println(bot.Send(ctx, a, &slackfmt.Message{Text: "OK: HighCPU"}))
	// Output:
	// /chat.postMessage channel=#alerts thread_ts="" ts="" text="ALARM: HighCPU"
	// <nil>
	// /chat.postMessage channel=C0ALERTS thread_ts="1732500000.000100" ts="" text="OK: HighCPU"
	// /chat.update channel=C0ALERTS thread_ts="" ts="1732500000.000100" text="Resolved: OK: HighCPU"
	// <nil>
}

// ConfigFromEnv picks the sender from the environment; printing the
// Config never shows the secret.
func ExampleConfigFromEnv() {
	env := url.Values{
		"SLACK_WEBHOOK_URL":     {"https://hooks.slack.com/services/T000/B000/XXXX"},
		"SLACK_MENTION":         {"<!here>"},
		"SLACK_ACCOUNT_ALIASES": {"123456789012=prod"},
	}
	cfg, err := send.ConfigFromEnv(env.Get)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(cfg)
	fmt.Println(cfg.Sender())
	fmt.Println(cfg.AccountAliases["123456789012"])

	_, err = send.ConfigFromEnv(url.Values{"SLACK_BOT_TOKEN": {"xoxb-1"}}.Get)
	fmt.Println(err)
	// Output:
	// webhook https://hooks.slack.com/services/…, mention <!here>, 1 account aliases
	// slack webhook https://hooks.slack.com/services/…
	// prod
	// send: invalid configuration: SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not
}
