// Package dynamostore keeps the state that a fleet of senders shares in
// one Amazon DynamoDB table: where each alarm was announced (a
// [send.ThreadStore], so that an ALARM posted by one Lambda instance is
// threaded and resolved by the instance that handles its OK) and which
// state changes were delivered (a [send.DedupeStore], so that a state
// change that reaches two instances at once is posted once).
//
//	client := dynamodb.NewFromConfig(cfg) // the caller's AWS configuration
//	store, err := dynamostore.New(client, os.Getenv("SLACK_STATE_TABLE"))
//	// …
//	bot, err := send.NewBot(token, channel, send.WithThreadStore(store))
//	sender := send.Deduplicate(bot, store)
//
// # The table
//
// The table has one key, a string partition key named "pk", and uses the
// number attribute "ttl" (Unix seconds) as its time-to-live attribute;
// turning TTL on is the table's configuration (Terraform, CloudFormation),
// not the program's. Nothing else about the table is assumed: every other
// attribute is this package's. A thread lives under "thread#" and the
// alarm's [send.Key]; a state change under "change#" and its
// [send.StateChangeKey].
//
// # Race-free by conditional writes
//
// Only GetItem, PutItem, UpdateItem and DeleteItem are used, each write
// with a condition, so that the store works on DynamoDB and on local
// stand-ins such as dynalite (which has no transactions, no PartiQL and
// no UpdateTimeToLive):
//
//   - Claim is a PutItem on condition that the key is absent, holds a claim
//     whose until has passed, or has expired (DynamoDB deletes expired items
//     up to a few days late): of two instances claiming at once, exactly one
//     wins. A claim expires with its until (and its item a day later).
//   - Done overwrites the key with a "delivered" mark that expires after a
//     day ([WithDoneTTL]), longer than SNS, SQS or Lambda retry a message.
//   - Release deletes the claim on condition that it is still the one made
//     with the given until.
//   - Put stores a thread on condition that none is open under the key
//     (absent, resolved or expired): of two instances announcing the same
//     ALARM at once the first thread is kept, so both agree on it. An open
//     thread expires after 30 days ([WithThreadTTL]), for alarms that never
//     return to OK or are deleted.
//   - Delete does not delete: on condition that the open thread is still the
//     given one (same channel and ts), it marks it resolved and lets it
//     expire after an hour ([WithResolvedGrace]). Get ignores resolved and
//     expired threads, so the effect is a delete; the grace keeps, for a
//     while, a record of which message announced the alarm and when it was
//     resolved, to look at in the table when a thread went wrong.
//
// # What a thread keeps
//
// A thread keeps the alarm as announced (send.Thread.Alarm), as JSON, from
// which the resolved message is rendered. DynamoDB refuses items over 400
// KB, so the JSON is capped at 32 KiB ([WithMaxAlarmBytes]): an alarm whose
// JSON is longer keeps its newest 20 datapoints, its first 20 metric
// queries and triggering children, and the first 1000 characters of its
// description, reasons and rule, and loses its reasonData; if it is still
// too long, the thread is kept without the alarm (the resolved message is
// then rendered from the OK alarm).
//
// # Errors and time limits
//
// Every error is an [*Error] naming the operation, the table and the key;
// errors.Is matches [ErrTableNotFound] when the table does not exist (in
// the client's region) and [ErrThrottled] when DynamoDB throttled the
// request, and errors.As reaches the SDK's error. Each call is bounded by
// two seconds ([WithTimeout]) within the caller's deadline, so that a
// slow or throttled table delays an alarm little: a Bot or Deduplicate
// whose store fails still posts the message, without threading or
// deduplication.
//
// The package takes a DynamoDB client (or anything with its four methods,
// [API]) and never loads AWS configuration itself.
package dynamostore
