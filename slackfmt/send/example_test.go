package send_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
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

	hook, err := send.NewWebhook(slack.URL + "/services/T000/B000/XXXX")
	if err != nil {
		fmt.Println(err)
		return
	}
	msg := &slackfmt.Message{Text: "ALARM: HighCPU in eu-west-1"}
	receipt, err := hook.Send(context.Background(), &alarm.Alarm{Name: "HighCPU"}, msg)
	fmt.Printf("%+v %v\n", receipt, err)
	// Output:
	// POST application/json; charset=utf-8
	// {"text":"ALARM: HighCPU in eu-west-1","unfurl_links":false,"unfurl_media":false}
	// {Channel: TS: ThreadTS:} <nil>
}

// NewWebhook refuses a URL that could never work, without showing it.
func ExampleNewWebhook() {
	for _, u := range []string{
		"hooks.slack.com/services/T000/B000/XXXX",
		"http://hooks.slack.com/services/T000/B000/XXXX",
	} {
		_, err := send.NewWebhook(u)
		fmt.Println(err, errors.Is(err, send.ErrConfig))
	}
	// Output:
	// send: NewWebhook: webhook URL has no scheme: want https://… true
	// send: NewWebhook: webhook URL must be https, not http://hooks.slack.com/services/… true
}

// Slack's reason for refusing a message is kept in a *send.Error.
func ExampleError() {
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "invalid_blocks", http.StatusBadRequest)
	}))
	defer slack.Close()

	hook, err := send.NewWebhook(slack.URL + "/services/T000/B000/XXXX")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = hook.Send(context.Background(), nil, &slackfmt.Message{Text: "x"})
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
// and replaces the original by the resolved message. The local Web API
// prints each call.
func ExampleBot_Send() {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		fmt.Printf("%s channel=%s thread_ts=%q ts=%q text=%q\n", r.URL.Path,
			r.Form.Get("channel"), r.Form.Get("thread_ts"), r.Form.Get("ts"), r.Form.Get("text"))
		ts := "1732500000.000100"
		if r.Form.Get("thread_ts") != "" {
			ts = "1732500600.000200"
		}
		fmt.Fprintf(w, `{"ok":true,"channel":"C0ALERTS","ts":%q}`, ts)
	}))
	defer api.Close()

	resolve := func(announced, ok *alarm.Alarm) *slackfmt.Message {
		return &slackfmt.Message{Text: "Resolved: " + announced.Name}
	}
	bot, err := send.NewBot("xoxb-test", "#alerts", send.WithAPIURL(api.URL), send.WithResolve(resolve))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	arn := "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU"
	firing := &alarm.Alarm{Name: "HighCPU", ARN: arn, State: alarm.State{Value: alarm.StateAlarm}}
	fmt.Println(bot.Send(ctx, firing, &slackfmt.Message{Text: "ALARM: HighCPU"}))
	ok := &alarm.Alarm{Name: "HighCPU", ARN: arn, State: alarm.State{Value: alarm.StateOK, Timestamp: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}}
	fmt.Println(bot.Send(ctx, ok, &slackfmt.Message{Text: "OK: HighCPU"}))
	// Output:
	// /chat.postMessage channel=#alerts thread_ts="" ts="" text="ALARM: HighCPU"
	// {C0ALERTS 1732500000.000100 } <nil>
	// /chat.postMessage channel=C0ALERTS thread_ts="1732500000.000100" ts="" text="OK: HighCPU"
	// /chat.update channel=C0ALERTS thread_ts="" ts="1732500000.000100" text="Resolved: HighCPU"
	// {C0ALERTS 1732500600.000200 1732500000.000100} <nil>
}

// Deduplicate delivers each state change once, however many copies of it
// arrive: here SNS delivers the ALARM twice, and the same state change
// comes from EventBridge too.
func ExampleDeduplicate() {
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("Slack got a message")
		io.WriteString(w, "ok")
	}))
	defer slack.Close()

	hook, err := send.NewWebhook(slack.URL + "/services/T000/B000/XXXX")
	if err != nil {
		fmt.Println(err)
		return
	}
	sender := send.Deduplicate(hook, nil)
	changed := time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC)
	copies := []*alarm.Alarm{
		{Name: "HighCPU", Source: alarm.SourceSNS, State: alarm.State{Value: alarm.StateAlarm, Timestamp: changed}},
		{Name: "HighCPU", Source: alarm.SourceSNS, State: alarm.State{Value: alarm.StateAlarm, Timestamp: changed}},
		{Name: "HighCPU", Source: alarm.SourceEventBridge, State: alarm.State{Value: alarm.StateAlarm, Timestamp: changed}},
		{Name: "HighCPU", Source: alarm.SourceSNS, State: alarm.State{Value: alarm.StateOK, Timestamp: changed.Add(time.Minute)}},
	}
	for _, a := range copies {
		_, err := sender.Send(context.Background(), a, &slackfmt.Message{Text: string(a.State.Value)})
		fmt.Println(a.Source, a.State.Value, err)
	}
	// Output:
	// Slack got a message
	// sns ALARM <nil>
	// sns ALARM <nil>
	// eventbridge ALARM <nil>
	// Slack got a message
	// sns OK <nil>
}

// rotatedSecret is a Credential standing for a secret store: its value
// changes when it is asked to refresh, as after a rotation.
type rotatedSecret struct{ current, next string }

func (s *rotatedSecret) Value(_ context.Context, refresh bool) (string, error) {
	fmt.Println("credential asked, refresh:", refresh)
	if refresh {
		s.current = s.next
	}
	return s.current, nil
}

// A webhook whose URL comes from a Credential: asked on the first Send,
// and asked again when Slack answers that the webhook is gone.
func ExampleNewWebhookFrom() {
	slack := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("POST", r.URL.Path)
		if r.URL.Path == "/services/T000/B000/OLD" {
			http.Error(w, "no_service", http.StatusNotFound)
			return
		}
		io.WriteString(w, "ok")
	}))
	defer slack.Close()

	secret := &rotatedSecret{current: slack.URL + "/services/T000/B000/OLD", next: slack.URL + "/services/T000/B000/NEW"}
	hook, err := send.NewWebhookFrom(secret)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("made", hook)
	_, err = hook.Send(context.Background(), nil, &slackfmt.Message{Text: "ALARM: HighCPU"})
	fmt.Println("sent:", err)
	// Output:
	// made slack webhook (URL from a credential)
	// credential asked, refresh: false
	// POST /services/T000/B000/OLD
	// credential asked, refresh: true
	// POST /services/T000/B000/NEW
	// sent: <nil>
}
