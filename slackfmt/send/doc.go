// Package send delivers the Slack messages that [slackfmt] builds from
// CloudWatch alarms, through an incoming webhook or a bot token, with
// retries that respect Slack's rate limits and the caller's deadline.
//
// Every sender implements [Sender], so adapters (Lambda, HTTP, CLI) and
// users can swap a [Webhook], a [Bot] or their own ([SenderFunc]).
// [ConfigFromEnv] reads the choice from the environment and
// [Config.Sender] builds it.
//
// # Choosing a webhook or a bot token
//
// An incoming webhook ([NewWebhook]) needs nothing but its URL and posts
// to the one channel chosen when it was created. Slack answers a webhook
// with no message ID, so every notification is a new message: an OK is
// posted next to the ALARM it ends.
//
// A bot token ([NewBot], scope chat:write) posts with chat.postMessage to
// any channel the bot is in and follows each alarm's lifecycle: the ALARM
// message opens a thread; what follows until the alarm is OK again
// (INSUFFICIENT_DATA, a repeated ALARM) is posted as replies in it; the OK
// message is a reply too, and the ALARM message is then updated with
// chat.update to show it resolved ([Resolved]). Messages carry Slack message metadata (event
// type "cloudwatch_alarm" and the alarm ARN unless the [slackfmt.Message]
// brings its own). Where each alarm was announced is kept in a [Store].
//
// # Delivering each state change once
//
// SNS, SQS, EventBridge and Lambda deliver at least once, and an alarm
// wired both to SNS and to EventBridge reaches a program twice. Wrap any
// Sender in [Deduplicate] to post each state change of an alarm once: the
// copies share a [StateChangeKey] (alarm, new state, time of the change),
// whatever carried them. The Lambda and HTTP examples do.
//
// # Retries
//
// One policy serves both senders. A request is retried when Slack
// answers 429 (rate limited), 5xx, a Web API "internal_error" or
// "service_unavailable", or when no answer arrives (connection refused,
// timeout). After a 429 the sender waits as long as the Retry-After header
// says, in seconds or as an HTTP date; otherwise it backs off
// exponentially with full jitter: a random wait below 250ms, 500ms, 1s …
// capped at 8s ([WithBackoff]). At most 5 requests are made
// ([WithMaxAttempts]).
//
// No wait ever ends after the context's deadline: when the next wait
// would, Send returns the last error at once, and a Retry-After longer
// than the deadline allows (or than [WithMaxRetryAfter]) is returned in
// [Error.RetryAfter] without waiting. A Lambda function or an SQS consumer
// then retries the whole delivery later, which is better than an attempt
// that the deadline cuts short.
//
// Any other answer fails at once: a webhook's 4xx (400 invalid_blocks,
// 403 action_prohibited, 404 channel_not_found, 410 channel_is_archived),
// a Web API ok:false error, and a webhook's 200 whose body is not "ok".
// Such errors match [ErrPermanent].
//
// # Errors
//
// Send returns nil only when Slack accepted the message. Otherwise it
// returns a [*Error] describing the last attempt: Slack's reason
// ("invalid_blocks"), the HTTP status, the Web API's json-pointer details,
// whether a retry could succeed, and how many attempts were made. Errors
// never contain the webhook URL or the token; neither do String methods.
//
// Nothing delivered is reported as failed: once the message is posted, a
// failing [Store] or a failing chat.update of the original message does
// not make Send fail (the caller would retry and post it twice); such
// errors go to the [WithErrorHandler] function instead.
//
// # Sharing a Store across instances
//
// The default store is a [MemoryStore], which is enough for one
// long-running process. Lambda functions run in many short-lived
// instances, so the ALARM may be posted by one and the OK handled by
// another: give [WithStore] a shared store, such as a DynamoDB table with
// the key from [Key] as partition key and the [Thread] fields as
// attributes. Such a store should:
//
//   - make Put an unconditional overwrite (the Bot puts a thread only
//     when it found none open), or a conditional put that keeps the
//     first thread (attribute_not_exists), so that two instances that
//     announce the same ALARM at once agree on one;
//   - make Delete conditional on the stored TS being the given thread's
//     (a DynamoDB ConditionExpression), so that an OK handled late does
//     not forget a newer ALARM, and treat a failed condition as success;
//   - expire entries with a TTL (a few weeks, say), since an alarm that
//     never returns to OK, or is deleted, leaves its entry behind;
//   - return (Thread{}, false, nil) from Get for a missing key, keeping
//     errors for a store that could not answer;
//   - be safe for concurrent use and respect the context's deadline.
package send
