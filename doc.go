// Package cwslack turns AWS CloudWatch alarm notifications into Slack
// messages. This root package holds no code; the work is done by its
// packages:
//
//   - [github.com/cwslack/cwslack/alarm] decodes every shape in which an
//     alarm notification reaches a program (a Lambda SNS event, an SNS
//     HTTPS delivery, an SQS message, an EventBridge event, the alarm's
//     direct Lambda action, the bare alarm message) into one typed model,
//     [github.com/cwslack/cwslack/alarm.Alarm].
//   - [github.com/cwslack/cwslack/alarm/snsverify] verifies the signature
//     of messages that SNS POSTs to an HTTPS endpoint.
//   - [github.com/cwslack/cwslack/slackfmt] builds a Block Kit message from
//     an alarm, safe with untrusted text and always within Slack's limits.
//   - [github.com/cwslack/cwslack/slackfmt/send] delivers messages through
//     an incoming webhook or a bot token, with retries.
//
// # Usage
//
// The whole pipeline is three calls:
//
//	alarms, err := alarm.Parse(payload)
//	for _, a := range alarms {
//		msg := slackfmt.Build(a)
//		err := sender.Send(ctx, a, msg)
//	}
//
// # Example programs
//
// The examples directory holds thin programs on top of the library: a
// Lambda function (examples/lambda, with its Terraform), an HTTP server for
// SNS HTTPS subscriptions and EventBridge API destinations (examples/http),
// and a command-line tool that renders or posts alarms from files
// (examples/cli).
package cwslack
