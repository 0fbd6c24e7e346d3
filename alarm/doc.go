// Package alarm decodes Amazon CloudWatch alarm notifications, in every
// shape in which they reach code, into one typed model, [Alarm].
//
// # Shapes
//
// [Parse] detects the shape from the payload's content, never from where
// it came from, and returns every alarm in it:
//
//   - a Lambda SNS event (Records[].Sns), with any number of records;
//   - the body SNS POSTs to an HTTP(S) subscriber (Type "Notification");
//   - a Lambda SQS event, or sqs receive-message output, whose bodies are
//     SNS envelopes or, with raw message delivery, the messages themselves;
//   - the bare CloudWatch alarm message that SNS carries in Message;
//   - an EventBridge "CloudWatch Alarm State Change" event, or the
//     "CloudWatch Alarm Contributor State Change" event of one time series
//     of a multi-time-series alarm, bare or carried in SNS or SQS;
//   - the payload of an alarm's direct Lambda action (alarmData);
//   - a DescribeAlarmHistory "Action" item for an SNS action, as the API
//     returns it or its decoded HistoryData, whose publishedMessage holds
//     what SNS published.
//
// Callers that already hold aws-lambda-go values use [ParseSNSEvent],
// [ParseSNSEntity] (one notification, for example an HTTPS delivery after
// its signature was checked with package
// [github.com/cwslack/cwslack/alarm/snsverify]), [ParseSQSEvent],
// [ParseSQSMessage] or [ParseEventBridgeEvent]; for the direct Lambda
// action, which aws-lambda-go has no type for, decode into [ActionEvent]
// and call [ParseActionEvent]. All of them share the code paths of Parse.
//
//	alarms, err := alarm.Parse(body)
//	for _, a := range alarms {
//		fmt.Println(a.Name, a.PreviousState.Value, "->", a.State.Value, a.ConsoleURL)
//	}
//	if errors.Is(err, alarm.ErrNotAlarm) {
//		// a subscription confirmation, a text message, a configuration change…
//	}
//
// # Model
//
// Whatever the source, an [Alarm] has the same fields: the delivery
// [Source] and [Envelope], name, description, ARN, account, region code and
// partition, the [Kind] (metric, metric math, anomaly detection, Metrics
// Insights, composite, log, PromQL), the current and previous [State] with
// reasonData decoded, the [Condition] (a threshold that may be absent and
// is never confused with 0), the metric queries with dimensions in payload
// order (or the [LogQuery] of a log alarm, the [PromQL] query of a PromQL
// alarm), the composite rule and triggering children, the recent
// [Datapoint]s oldest first, tags, actions and a console deep link.
//
// A multi-time-series alarm (a Metrics Insights query with GROUP BY, a log
// alarm whose aggregation has a BY clause, a PromQL alarm) notifies each
// time series' changes between ALARM and OK on its own: such an Alarm is
// the alarm, by name and ARN, with the [Contributor] whose state changed
// and that contributor's state; EventBridge and Lambda action payloads
// about a contributor say nothing of its previous state, which is then
// empty. A notification about the alarm as a whole counts its time series
// in ALARM ([SeriesCount], from "2 out of 6 time series evaluated to
// ALARM"). An EventBridge event about a state change inside the window of
// an alarm mute rule carries the rule and window ([Mute]); an SNS message
// that CloudWatch held back until a mute window ended says so
// (ActionAfterMuteWindow). Times are UTC
// time.Time values and periods time.Duration values. The JSON encoding of
// Alarm is part of the API: camelCase names, RFC 3339 times, periods in
// seconds, absent values omitted.
//
// The payloads differ, and the model evens them out: SNS sends the region
// as a display name ("EU (Ireland)") and statistics in upper case
// ("AVERAGE"); EventBridge and the Lambda action send no threshold or
// operator, which come from reasonData and the reason text; timestamps use
// "+0000" offsets; dimensions are a list in SNS and an object in
// EventBridge. The region is taken from the alarm ARN, then the event's
// region, then the SNS topic ARN, then the display name; the partition
// from the ARNs. Datapoints come from reasonData where the payload has it,
// else from the reason text, which Parse reads in every form CloudWatch
// has written since 2013: datapoints inline or in a summary ("The most
// recent datapoints which crossed the threshold: […]"), with or without
// timestamps, static thresholds and both edges of anomaly bands, M out of
// N, missing data. A reason of no known form (the free text of
// SetAlarmState) is kept as it is and yields no datapoints.
//
// # Errors
//
// Every failure is a [*DecodeError]. Its Kind is one of the sentinels
// [ErrNotAlarm] (a well-formed notification without an alarm),
// [ErrMalformed] (JSON that does not parse), [ErrInvalid] (a known shape
// with a field that cannot be decoded) and [ErrUnknown] (JSON of no known
// shape), and errors.Is matches it. Its Err is the cause, when there is
// one, for errors.As: the *json.SyntaxError with its offset, the
// *json.UnmarshalTypeError, the *time.ParseError. Its message says what
// was found instead of an alarm.
//
// A payload with records is decoded record by record: when some records
// hold no alarm, the alarms of the others are returned together with a
// [DecodeErrors] of one *DecodeError per failed record. An event whose
// records themselves have fields of the wrong JSON type is invalid as a
// whole. A broken reasonData does not cost the alarm; it is left nil.
// Parse never panics.
//
// # Non-goals
//
// The package does not verify SNS signatures (package snsverify does),
// fetch anything from AWS or format messages; it only decodes. Configuration-change events are
// recognised and refused, not modelled.
package alarm
