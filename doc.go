// Package cwslack posts AWS CloudWatch alarm notifications to Slack. It
// holds what a program needs around the decoding and formatting packages:
// a [Notifier] that routes, deduplicates, builds and delivers messages,
// ready-made handlers for AWS Lambda ([NewLambdaHandler]) and for HTTP
// ([NewSNSHandler], [NewEventBridgeHandler]), and the configuration that
// the example programs read from the environment ([ConfigFromEnv]).
//
// The work is done by its packages:
//
//   - [github.com/cwslack/cwslack/alarm] decodes every shape in which an
//     alarm notification reaches a program (a Lambda SNS event, an SNS
//     HTTPS delivery, an SQS message, an EventBridge event, the alarm's
//     direct Lambda action, the bare alarm message) into one typed model.
//   - [github.com/cwslack/cwslack/alarm/snsverify] verifies the signature
//     of messages that SNS POSTs to an HTTPS endpoint.
//   - [github.com/cwslack/cwslack/alarm/graph] draws an alarm's graph with
//     CloudWatch.
//   - [github.com/cwslack/cwslack/slackfmt] builds a Block Kit message
//     from an alarm, safe with untrusted text and always within Slack's
//     limits, or a digest of many.
//   - [github.com/cwslack/cwslack/slackfmt/send] delivers messages through
//     an incoming webhook or a bot token, with retries and pacing;
//     [github.com/cwslack/cwslack/slackfmt/send/dynamostore] keeps their
//     state in DynamoDB.
//   - [github.com/cwslack/cwslack/slackfmt/slacktest] is a local fake of
//     Slack for tests.
//
// # A Lambda function
//
// One handler accepts every payload shape that Lambda can receive:
//
//	webhook, err := send.NewWebhook(os.Getenv("SLACK_WEBHOOK_URL"))
//	if err != nil {
//		log.Fatal(err)
//	}
//	n := cwslack.New(cwslack.To(cwslack.Destination{Sender: webhook}))
//	lambda.Start(cwslack.NewLambdaHandler(n))
//
// Or, configured from the environment as the example program is:
//
//	cfg, err := cwslack.ConfigFromEnv(os.Getenv)
//	// …
//	n, err := cfg.Notifier(cwslack.WithLogger(logger))
//
// # An HTTP service
//
// Mount the handlers on any mux; SNS messages are verified before they are
// read:
//
//	mux.Handle("/sns", cwslack.NewSNSHandler(n, snsverify.New(snsverify.WithTopics(topicARN))))
//	mux.Handle("/eventbridge", cwslack.NewEventBridgeHandler(n, apiKey))
//
// # Your own code
//
// Notify takes decoded alarms from anywhere:
//
//	alarms, err := alarm.Parse(payload)
//	// err names what held no alarm; the alarms that decoded are delivered.
//	if err := n.Notify(ctx, alarms...); err != nil {
//		return err // a *DeliveryError: retry later; delivered copies are not posted again
//	}
//
// # Routing
//
// A [Router] sends each alarm to one or more named destinations, by
// [Match] on its name, tags, account, region, states, kind or namespace,
// each destination with its own sender and mention; [ParseRoutes] reads
// the same from JSON. [To] makes the Router of a single destination.
//
// # Storms, copies and other instances
//
// Notify drops the copies of a state change that was delivered before to
// the same destination (SNS, SQS, EventBridge and Lambda all deliver at
// least once), recording deliveries in a [send.DedupeStore]: a
// [send.MemoryStore] by default, which sees one process, or a DynamoDB
// table ([dynamostore.Store]) that every instance shares. When one call
// carries more alarms for a destination than the digest threshold
// ([WithDigestThreshold]), they become one digest instead of a message
// each. A delivery that fails is never recorded, so the caller's retry
// posts exactly what is missing.
//
// # Graphs
//
// [WithGraphs] posts each alarm's graph, as the CloudWatch console draws
// it, in the thread of its message, for destinations that take files (a
// bot token). The message never waits for its graph.
package cwslack
