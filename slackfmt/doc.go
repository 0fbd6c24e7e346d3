// Package slackfmt turns a CloudWatch alarm, as decoded by
// [github.com/cwslack/cwslack/alarm], into a Slack Block Kit message that
// an on-call engineer can read at a glance on a phone, and that Slack
// never refuses.
//
//	alarms, err := alarm.Parse(payload)
//	// …
//	msg := slackfmt.Build(alarms[0],
//		slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>")))
//	body, err := msg.MarshalJSON() // the incoming-webhook body
//
// # What the message shows
//
// [Build] lays out a header with the state emoji, state and alarm name;
// the description; the state change, how long the previous state lasted,
// its time as a Slack date token (each reader sees their own time zone)
// and the newest value against the threshold ("*OK → ALARM* after 3 h ·
// <date> · latest 93.61% ≥ 80%"); CloudWatch's reason; the condition in
// words ("CPU Usage (e1) ≥ 80% for 2 of 2 datapoints of 1 min", "outside
// the band ANOMALY_DETECTION_BAND(m1, 2)"), with how missing data is
// treated only when that is not the default or datapoints are missing;
// every metric query with its dimensions, the returned one marked and
// Metrics Insights SQL as code; the recent datapoints, oldest first,
// against the threshold with a text sparkline, breaching ones in bold; for
// composite alarms the rule (alarm ARNs shortened to names), the
// triggering children linked to their console pages, and the suppression;
// and last the account, region, console link and the alarm's tags (sorted
// by key, at most six). Values and thresholds carry the metric's unit
// where the payload gives it ("ms", "%", "B/s"). The top-level text, which
// push notifications and screen readers use, is a short summary with the
// newest value where known, such as "ALARM: HighCPU in eu-west-3: 93.61% ≥
// 80% (was OK)"; the comparison shown is always the one that holds, so an
// alarm back to OK reads "42% < 80%".
//
// Options change the layout: mentions per state ([WithMention]), a
// coloured bar ([WithColorBar]), extra links ([WithLink], [WithTagLink])
// and buttons instead of links ([WithLinkButtons]), account aliases
// ([WithAccountAlias]), a compact form ([WithCompact]) and a hook to add
// or replace blocks ([WithBlocks]).
//
// An alarm changed state inside the window of an alarm mute rule reads
// "🔕 ALARM (muted): HighCPU", says by which rule and until when (a date
// token), and carries no mention whatever the options say; a notification
// CloudWatch held back until the window ended says so. A contributor of a
// multi-time-series alarm is named after the alarm ("cpu-by-instance —
// InstanceId=i-0abc"), with its attributes, its ID and a console link
// filtered to it; the message about the alarm as a whole says how many
// time series are in ALARM. Log alarms show their Logs Insights query,
// log groups and aggregation, PromQL alarms their query.
//
// Once the alarm is OK again, [BuildResolved] makes the message that
// replaces the original (a bot sends it with chat.update): the same
// details, a header "✅ Resolved: HighCPU", a line saying when the alarm
// returned to OK and after how long ("*ALARM → OK* after 1 h 5 min"), and
// no mention.
//
// # Safety
//
// Everything that comes from the alarm (names, descriptions, reasons,
// labels, dimension values, tags) is set out as data, never as markup:
// free text goes into plain_text objects, which Slack does not parse, and
// data inside mrkdwn has & < > escaped exactly once and its formatting
// characters neutralised. The plain_text objects that hold alarm text
// (header, description, reason) have emoji off, and emoji codes in mrkdwn
// data and the top-level text are neutralised, so that an alarm named
// ":large_green_circle: OK: db" shows that text rather than a green circle
// next to the red state emoji; the state emoji are Unicode characters,
// which render either way. Button labels, which the caller configures,
// keep emoji on. A description holding <!channel> or
// <https://evil.example|AWS Console> reaches Slack as visible text, never
// as a ping or a link. Mentions come only from [Mention] values, which
// [ParseMention] accepts only in Slack's own mention syntax. Links come
// only from the console URLs of the alarm and of its triggering children
// (which package alarm builds from their ARNs) and the configured links,
// and only as http or https URLs. No message ever asks Slack for parse=full or
// link_names.
//
// [PlainText] turns Slack text back into what a person reads (entities
// decoded, neutralising characters dropped, date tokens, links and
// mentions readable), for terminals, logs and tests.
//
// # Limits
//
// Slack refuses a whole message (HTTP 400 invalid_blocks from a webhook)
// when one block breaks a limit: 50 blocks, header 150 characters, section
// text 3000, 10 fields of 2000, 10 context elements, button text 75, URLs
// 3000, IDs 255, and an undocumented total of about 12,000 characters of
// text (msg_blocks_too_long). Build gives each part of the message a fixed
// share of that total and cuts text at a character boundary, ending it
// with "… (+N chars)" so the reader knows how much is missing. A cut
// never leaves a code span or a link open, and long lists (queries,
// children, tags) show whole items only and end with "+N more", for which
// room is kept. [Validate] checks a message against every limit and
// reports each violation with its JSON path (as an [*Error] of kind
// [ErrInvalidMessage]), so that a message changed by hand or by a
// [WithBlocks] hook, whose blocks Build sends as they are, can be checked
// before it is sent.
//
// # Sending
//
// [Message.MarshalJSON] returns the body to POST to an incoming webhook,
// encoded once; call it directly rather than through json.Marshal, which
// would check, compact and copy the same bytes once more.
// [Message.PostMessageOptions] gives the options for chat.postMessage and
// chat.update with a bot token, and [Message.PreviewURL] a link that opens
// the message in Block Kit Builder. Package
// [github.com/cwslack/cwslack/slackfmt/slacktest] is a local fake of
// Slack's incoming webhooks and Web API for testing code that sends
// messages.
//
// Non-goals: delivery, retries and threading belong to the send package;
// the message carries metadata (event type "cloudwatch_alarm", the alarm
// ARN, name, states, region and account) for bots that find and update
// earlier messages.
package slackfmt
