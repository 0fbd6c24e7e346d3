package cwslack_test

import (
	"context"
	"fmt"
	"log"
	"strings"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// A Notifier posts decoded alarms; copies of a state change that arrive
// again (SNS and Lambda retries, SNS and EventBridge both wired) are
// posted once.
func ExampleNotifier_Notify() {
	slack := slacktest.NewServer() // stands in for Slack
	defer slack.Close()
	webhook, err := send.NewWebhook(slack.WebhookURL())
	if err != nil {
		log.Fatal(err)
	}
	n := cwslack.New(cwslack.To(cwslack.Destination{
		Sender:  webhook,
		Mention: slackfmt.MustParseMention("<!here>"),
	}))

	payload := lambdaSNS(gen{name: "orders-backlog"}.snsMessage())
	for range 2 { // the same notification, delivered twice
		alarms, err := alarm.Parse(payload)
		if err != nil {
			log.Fatal(err)
		}
		if err := n.Notify(context.Background(), alarms...); err != nil {
			log.Fatal(err)
		}
	}
	for _, m := range slack.Messages() {
		first, _, _ := strings.Cut(m.PlainText(), "\n")
		fmt.Println(first, m.Mentions())
	}
	// Output:
	// @here ALARM: orders-backlog in eu-west-3: 412.5 ≥ 250 (was OK) [<!here>]
}

// A Router sends each alarm where its routes say.
func ExampleNewRouter() {
	var s send.Sender = send.SenderFunc(func(context.Context, *alarm.Alarm, *slackfmt.Message) (send.Receipt, error) {
		return send.Receipt{}, nil
	})
	r, err := cwslack.NewRouter(map[string]cwslack.Destination{
		"payments": {Sender: s, Mention: slackfmt.MustParseMention("<!subteam^S0PAY>")},
		"platform": {Sender: s},
	}, []cwslack.Route{
		{Match: cwslack.Match{Tags: map[string]string{"team": "payments"}}, To: []string{"payments"}},
		{Match: cwslack.Match{Name: "noisy-*"}, Drop: true},
	}, []string{"platform"})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range []*alarm.Alarm{
		{Name: "checkout-errors", Tags: map[string]string{"team": "payments"}},
		{Name: "noisy-disk"},
		{Name: "api-latency"},
	} {
		fmt.Println(a.Name, r.Route(a))
	}
	// Output:
	// checkout-errors [{payments <!subteam^S0PAY>}]
	// noisy-disk []
	// api-latency [{platform }]
}

// The Lambda handler answers an SQS batch with the messages whose alarms
// were not delivered, so that only those come back.
func ExampleLambdaHandler_Invoke() {
	slack := slacktest.NewServer()
	defer slack.Close()
	slack.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 500, Times: 5}) // Slack fails the first alarm
	webhook, err := send.NewWebhook(slack.WebhookURL(), send.WithBackoff(1, 1))
	if err != nil {
		log.Fatal(err)
	}
	h := cwslack.NewLambdaHandler(cwslack.New(cwslack.To(cwslack.Destination{Sender: webhook})))

	out, err := h.Invoke(context.Background(), sqsBatch("arn:aws:sqs:eu-west-3:123456789012:alarms",
		sqsMessage{"m-1", gen{name: "orders-backlog"}.snsMessage()},
		sqsMessage{"m-2", "Budget exceeded"},
		sqsMessage{"m-3", gen{name: "billing-backlog"}.snsMessage()}))
	fmt.Println(string(out), err)
	// Output:
	// {"batchItemFailures":[{"itemIdentifier":"m-1"}]} <nil>
}
