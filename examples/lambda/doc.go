// Command lambda is an AWS Lambda function that posts CloudWatch alarm
// notifications to Slack. It is built as the executable "bootstrap" for the
// provided.al2023 runtime on arm64; terraform/ deploys it.
//
// # Inputs
//
// One function accepts every shape in which a CloudWatch alarm reaches
// Lambda, and tells them apart by content: an SNS event (the alarm publishes
// to a topic the function subscribes to), an SQS event (SNS delivers to a
// queue the function polls, with or without raw message delivery), an
// EventBridge "CloudWatch Alarm State Change" event, and the payload of an
// alarm whose action invokes the function directly. The work is done by
// [cwslack.NewLambdaHandler] and a [cwslack.Notifier]; this program only
// reads the configuration.
//
// # Configuration
//
// The environment is read once, when the function starts, by
// [cwslack.ConfigFromEnv]: SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN with
// SLACK_CHANNEL, or SLACK_ROUTES for several destinations (webhook URLs and
// tokens may be ssm: or secretsmanager: references, read when first
// needed); SLACK_MENTION for the mention added to alarms entering ALARM;
// SLACK_ACCOUNT_ALIASES for account names; SLACK_STATE_TABLE for state
// shared by every instance in DynamoDB; SLACK_GRAPHS,
// SLACK_DIGEST_THRESHOLD and SLACK_DROP_MUTED. A configuration error stops
// the process, so Lambda reports an initialisation error rather than
// dropping alarms.
//
// # Failures
//
// An alarm that is not delivered, after the sender's own retries within the
// invocation's deadline, fails the invocation: Lambda retries asynchronous
// invocations (SNS, EventBridge, the alarm action) and then hands them to
// the dead-letter queue; copies already delivered are not posted again. For
// an SQS event the function instead reports
// batchItemFailures, so that only the messages whose alarms were not
// delivered come back to the queue. Input that holds no alarm (a
// configuration-change event, a text message, malformed JSON) is logged
// with log/slog as JSON on stderr and is not retried: retrying would not
// make it an alarm.
package main
