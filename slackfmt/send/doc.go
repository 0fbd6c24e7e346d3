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
// answers 429 (rate limited), 5xx, a Web API "internal_error",
// "service_unavailable" or "request_timeout", or when a connection could
// not be made. After a 429 the sender waits as long as the Retry-After
// header says (in seconds or as an HTTP date) plus a random jitter of up
// to a second (or a quarter of the Retry-After), so that many senders
// told "1" do not all come back at the same moment; 429s are retried as
// long as the deadline allows, whatever [WithMaxAttempts] says. After a
// 5xx or a failed connection the sender backs off exponentially with full
// jitter (a random wait below 250ms, 500ms, 1s … capped at 8s;
// [WithBackoff]), and makes at most 5 requests in all ([WithMaxAttempts]).
//
// A request that was sent in full but got no answer (a timeout, a
// connection reset) is never repeated within a Send: Slack has probably
// posted the message, and a slow Slack would otherwise get it again and
// again. Send returns a retryable [*Error] whose Unanswered is set; a
// caller that retries the whole delivery later may post the message a
// second time, which is better than losing it. An attempt is not cut
// short by a timeout of its own: it may take what is left of the
// deadline, so that a Slack that takes 20 seconds to answer is heard
// within a 30-second budget.
//
// No wait ends after the deadline, and no retry starts with less than a
// second of it left: when the next wait would end later, Send returns the
// last error at once, and a Retry-After longer than the deadline allows
// (or than [WithMaxRetryAfter]) is returned in [Error.RetryAfter] without
// waiting. A Lambda function or an SQS consumer then retries the whole
// delivery later, which is better than an attempt that the deadline cuts
// short.
//
// Any other answer fails at once and is never retried: a webhook's 4xx
// (400 invalid_blocks, 403 action_prohibited or invalid_token, 404
// no_service or channel_not_found, 410 channel_is_archived), a Web API
// ok:false error (channel_not_found, not_in_channel, is_archived,
// invalid_auth …), and a webhook's 200 whose body is not "ok". Such
// errors match [ErrPermanent], and their message carries Slack's reason.
//
// The default HTTP client keeps idle connections to Slack for reuse, and
// every response is read to its end, so that concurrent sends do not open
// a new TLS connection each.
//
// # Pacing
//
// Slack allows about one message a second per webhook and per channel,
// with short bursts. The senders of one destination (a webhook URL, or a
// bot token and channel) in a process share one pace ([WithPacing]): by
// default a burst of 3 posts, then one a second. A post waits for its
// slot within the deadline; after a 429 every sender of the destination
// holds back until the Retry-After is over. A storm of alarms in one
// process is thus spread out instead of hammering Slack into 429s.
//
// # Credentials
//
// The webhook URL and the bot token are secrets. [NewWebhook] and [NewBot]
// take them as strings; [NewWebhookFrom] and [NewBotFrom] take a
// [Credential] (a secret store, say), which the sender asks on its first
// Send rather than when it is made, keeps, and asks again, once, when
// Slack answers that the URL or token no longer works, before retrying
// the delivery with the fresh value.
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
// another: give [WithThreadStore] a shared store, such as the DynamoDB
// table of package [github.com/cwslack/cwslack/slackfmt/send/dynamostore].
// Such a store should:
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
