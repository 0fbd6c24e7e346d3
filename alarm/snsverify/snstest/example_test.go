package snstest_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
)

// A verifier checks messages that a Publisher signed, fetching the
// certificate from the publisher's local server through its Client, and
// confirms a subscription there. A verifier told no topic refuses them.
func ExamplePublisher() {
	p, err := snstest.NewPublisher(time.Time{}, time.Time{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer p.Close()
	const topic = "arn:aws:sns:eu-west-1:123456789012:alarms"
	ctx := context.Background()
	v := snsverify.New(snsverify.WithHTTPClient(p.Client()), snsverify.WithTopics(topic))

	body, err := p.Publish(snsverify.Message{
		Type: snsverify.TypeNotification, MessageID: "m-1", TopicARN: topic,
		Message: `{"AlarmName":"HighCPU","NewStateValue":"ALARM"}`,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := v.Verify(ctx, body)
	fmt.Println(err)
	fmt.Println(m.SigningCertURL)
	fmt.Println(m.Message)

	body, _ = p.Publish(snsverify.Message{
		Type: snsverify.TypeSubscriptionConfirmation, MessageID: "m-2", TopicARN: topic,
		Message: "You have chosen to subscribe to the topic.", Token: "token-1",
		SubscribeURL: p.SubscribeURL(topic, "token-1"),
	})
	if m, err = v.Verify(ctx, body); err == nil {
		err = v.Confirm(ctx, m)
	}
	fmt.Println(err, p.Confirmations())

	_, err = snsverify.New(snsverify.WithHTTPClient(p.Client())).Verify(ctx, body)
	fmt.Println(errors.Is(err, snsverify.ErrTopicNotAllowed))
	// Output:
	// <nil>
	// https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-snstest.pem
	// {"AlarmName":"HighCPU","NewStateValue":"ALARM"}
	// <nil> [token-1]
	// true
}
