// Package send delivers the Slack messages that [slackfmt] builds from
// CloudWatch alarms, through an incoming webhook or a bot token, with
// retries that respect Slack's rate limits and a deadline.
//
// Every sender implements [Sender], so adapters (Lambda, HTTP, CLI) and
// users can swap a [Webhook], a [Bot] or their own ([SenderFunc]). Send
// returns a [Receipt] saying where the message went.
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
// message is a reply too, and the ALARM message is then replaced with
// chat.update by the resolved message ([WithResolve]). Messages carry
// Slack message metadata (event type "cloudwatch_alarm" and the alarm
// ARN unless the [slackfmt.Message] brings its own). Where each alarm was
// announced is kept in a [ThreadStore].
//
// Both constructors check their arguments and return an error matching
// [ErrConfig] for a URL or token that could never work. Options that
// apply to both senders are [Option]s; those that only a Bot understands
// are [BotOption]s, which NewWebhook does not accept.
//
// # Delivering each state change once
//
// SNS, SQS, EventBridge and Lambda deliver at least once, and an alarm
// wired both to SNS and to EventBridge reaches a program twice. Wrap any
// Sender in [Deduplicate] to post each state change of an alarm once: the
// copies share a [StateChangeKey] (alarm, new state, time of the change),
// whatever carried them, which a [DedupeStore] claims for one delivery.
//
// # Deadline and retries
//
// A Send whose context has no deadline gets one: [DefaultTimeout], 10
// seconds, or what [WithTimeout] says. Everything a Send does fits in it,
// retries included, so a hanging Slack or a long Retry-After cannot hold
// an SNS delivery (which SNS gives up on after 15 seconds) or a Lambda
// invocation.
//
// One retry policy serves both senders. A request is retried when Slack
// answers 429 (rate limited), 5xx, a Web API "internal_error" or
// "service_unavailable", or when no answer arrives (connection refused,
// timeout). After a 429 the sender waits as long as the Retry-After header
// says, in seconds or as an HTTP date; otherwise it backs off
// exponentially with full jitter: a random wait below 250ms, 500ms, 1s …
// capped at 8s ([WithBackoff]). At most 5 requests are made
// ([WithMaxAttempts]).
//
// No wait ever ends after the deadline: when the next wait would, Send
// returns the last error at once, and a Retry-After longer than the
// deadline allows (or than [WithMaxRetryAfter]) is returned in
// [Error.RetryAfter] without waiting. A Lambda function or an SQS consumer
// then retries the whole delivery later, which is better than an attempt
// that the deadline cuts short.
//
// Any other answer fails at once: a webhook's 4xx (400 invalid_blocks,
// 403 action_prohibited, 404 channel_not_found, 410 channel_is_archived),
// a Web API ok:false error, and a webhook's 200 whose body is not "ok".
// Such errors match [ErrPermanent].
//
// The default HTTP client keeps idle connections to Slack for reuse, and
// every response is read to its end, so that concurrent sends do not open
// a new TLS connection each.
//
// # Errors
//
// Send returns a nil error only when Slack accepted the message.
// Otherwise it returns an [*Error] describing the last attempt: Slack's
// reason ("invalid_blocks"), the HTTP status, the Web API's json-pointer
// details, whether a retry could succeed, and how many attempts were
// made; its Unwrap returns the cause. Errors never contain the webhook URL
// or the token; neither do String methods.
//
// Nothing delivered is reported as failed: once the message is posted, a
// failing [ThreadStore] or a failing chat.update of the original message
// does not make Send fail (the caller would retry and post it twice);
// such errors go to the [WithErrorHandler] function instead.
//
// # Sharing stores across instances
//
// The default stores are [MemoryStore]s, which are enough for one
// long-running process. Lambda functions run in many short-lived
// instances, so the ALARM may be posted by one and the OK handled by
// another: give [WithThreadStore] a shared store, such as a DynamoDB table
// with the key from [Key] as partition key and the [Thread] fields as
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
//
// A shared [DedupeStore] makes Claim one conditional write: it succeeds
// when the key is absent, or holds a claim whose until has passed; Done
// overwrites the key with a "delivered" mark that expires after a day
// (a TTL); Release deletes the key on condition that it still holds the
// claim made with the given until.
package send
