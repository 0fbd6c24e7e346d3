// Package graph draws a CloudWatch alarm's graph as the console shows it,
// with CloudWatch's GetMetricWidgetImage, so that a notification can show
// the breach and not only describe it.
//
// Widget turns an alarm.Alarm into the MetricWidget JSON that the API
// draws; it is pure and needs no AWS access. A Client calls the API with a
// CloudWatch client of the AWS SDK for Go v2 that the caller builds (the
// package never loads AWS configuration) and returns the PNG image; for a
// composite alarm, Children first describes the child alarms that
// triggered it, and Draw draws each.
//
//	cw := cloudwatch.NewFromConfig(cfg)
//	c := graph.NewClient(cw)
//	img, err := c.Draw(ctx, a)
//	if errors.Is(err, graph.ErrNotDrawable) {
//		// a composite alarm (see Children), GovCloud, no metrics …
//	}
//
// # What each alarm looks like
//
// The graph is built from the alarm's own metric queries, as AWS's own
// samples do, rather than from a MetricWidget that names the alarm by ARN
// ("annotations.alarms"): the API documents that form for dashboards
// only, and the notification already carries every query.
//
//   - A metric alarm: its metric with its dimensions, statistic and
//     period, and the threshold as a red line labelled like the console's
//     ("CPUUtilization > 80 for 3 datapoints within 15 minutes"), shaded
//     on the side that breaches it.
//   - A metric math alarm: every query, each with its ID so that the
//     expressions can refer to the others; the queries whose ReturnData is
//     false are hidden, as the console hides them, so that the graph shows
//     what the alarm evaluates; the threshold as above. An expression
//     without a label is labelled with its text, not its ID.
//   - An anomaly detection alarm: the metric in the console's blue and its
//     ANOMALY_DETECTION_BAND expression, which the API draws as a grey
//     band, in place of a threshold.
//   - A Metrics Insights alarm: its SQL query as an expression, with the
//     graph's period (the API ignores a period on expressions) and without
//     a made-up label, so that each series a GROUP BY returns keeps its
//     name; the threshold as above.
//   - A composite alarm has no metrics of its own: Widget and Draw refuse
//     it with ErrNotDrawable. Its notification names its triggering
//     children by ARN only; Client.Children describes them with
//     DescribeAlarms (at most WithMaxChildren) as alarms to draw, each
//     marked at the moment it triggered the composite.
//
// Every graph is titled with the alarm's name, marks the state change with
// a vertical line in the colour of the new state, and, when the alarm
// leaves ALARM and the payload says since when, shades the stretch it
// spent in ALARM, so that the OK's graph shows the recovery. It spans the
// last 3 hours (WithWindow) or 20 of the alarm's periods, whichever is
// longer, widened to show the whole stretch in ALARM when that lasted up
// to a day, and ends 5 minutes after the state change, with absolute
// times in UTC (timezone +0000). It is 800 × 400 pixels (WithSize): Slack
// scales an image down to its conversation pane, and the graph's labels
// stay legible at that size.
//
// # Where it cannot be drawn
//
// GetMetricWidgetImage is not available in AWS GovCloud (US), and nothing
// documents it in the ISO partitions; Draw refuses alarms there, or in an
// unknown partition, with ErrNotDrawable and makes no call. Widget refuses
// alarms without metric queries, with more than the API's 100, with query
// IDs that a graph cannot use, or whose MetricWidget would exceed the
// API's 100 KB. The API allows 20 calls a second per account and region;
// a throttled call fails with ErrCloudWatch and the SDK's error.
//
// # Errors
//
// Every error is an *Error, whose Kind is ErrNotDrawable (asking again
// gives the same answer) or ErrCloudWatch (a call failed, possibly for a
// while); its Unwrap gives the AWS SDK's error, so errors.As finds a
// smithy.APIError such as an access-denied or throttling error.
//
// # Permissions
//
// Draw needs cloudwatch:GetMetricWidgetImage and Children
// cloudwatch:DescribeAlarms, on "*".
//
// # Testing
//
// Package github.com/cwslack/cwslack/alarm/graph/cwtest is a local
// stand-in of the CloudWatch API that the real SDK client can call, in
// each protocol it speaks.
package graph
