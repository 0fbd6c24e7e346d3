package alarm

import (
	"strconv"
	"strings"
	"time"
)

// LogQuery is the scheduled CloudWatch Logs Insights query of a log alarm
// (PutLogAlarm's ScheduledQueryConfiguration). The alarm compares the
// query's aggregated result with its threshold; an aggregation with a BY
// clause makes one contributor of each group. See
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutLogAlarm.html.
type LogQuery struct {
	// Query is the Logs Insights query string.
	Query string `json:"query"`
	// LogGroups are the log groups queried, by name or, across accounts,
	// by ARN.
	LogGroups []string `json:"logGroups,omitempty"`
	// Aggregation is the expression that turns the query's results into the
	// values compared with the threshold, such as "count(*)" or
	// "avg(latency) by endpoint".
	Aggregation string `json:"aggregation,omitempty"`
	// Schedule is how often the query runs, such as "rate(5 minutes)".
	Schedule string `json:"schedule,omitempty"`
	// StartOffset and EndOffset bound the time range each run queries:
	// from StartOffset to EndOffset before the run.
	StartOffset time.Duration `json:"-"`
	EndOffset   time.Duration `json:"-"`
	// QueryARN is the ARN of the Logs scheduled query behind the alarm.
	QueryARN string `json:"queryArn,omitempty"`
}

// GroupBy returns the fields of the BY clause of the aggregation, each of
// whose values makes a contributor: ["endpoint"] for "avg(latency) by
// endpoint | sort desc". It is nil when the aggregation has no BY clause.
func (q *LogQuery) GroupBy() []string {
	agg, _, _ := strings.Cut(q.Aggregation, "|")
	i := indexWordFold(agg, "by")
	if i < 0 {
		return nil
	}
	var fields []string
	for f := range strings.SplitSeq(agg[i+len("by"):], ",") {
		if f = strings.TrimSpace(f); f != "" {
			fields = append(fields, f)
		}
	}
	return fields
}

// indexWordFold returns the index of the last occurrence of word in s as a
// word of its own (between spaces or at an end), in any case, or -1.
func indexWordFold(s, word string) int {
	for i := len(s) - len(word); i >= 0; i-- {
		if !strings.EqualFold(s[i:i+len(word)], word) {
			continue
		}
		before := i == 0 || s[i-1] == ' ' || s[i-1] == ')'
		after := i+len(word) == len(s) || s[i+len(word)] == ' '
		if before && after {
			return i
		}
	}
	return -1
}

// wireLogQuery is a log alarm's ScheduledQueryConfiguration, in the API's
// PascalCase or EventBridge's camelCase (encoding/json matches keys
// without regard to case).
type wireLogQuery struct {
	QueryString           string   `json:"QueryString"`
	LogGroupIdentifiers   []string `json:"LogGroupIdentifiers"`
	AggregationExpression string   `json:"AggregationExpression"`
	QueryARN              string   `json:"QueryARN"`
	ScheduleConfiguration struct {
		ScheduleExpression string `json:"ScheduleExpression"`
		StartTimeOffset    int64  `json:"StartTimeOffset"`
		EndTimeOffset      int64  `json:"EndTimeOffset"`
	} `json:"ScheduleConfiguration"`
}

// model converts the configuration; nil stays nil.
func (w *wireLogQuery) model() *LogQuery {
	if w == nil {
		return nil
	}
	s := &w.ScheduleConfiguration
	return &LogQuery{
		Query: w.QueryString, LogGroups: w.LogGroupIdentifiers, Aggregation: w.AggregationExpression,
		Schedule: s.ScheduleExpression, StartOffset: fromSeconds(s.StartTimeOffset), EndOffset: fromSeconds(s.EndTimeOffset),
		QueryARN: w.QueryARN,
	}
}

// scheduleRate returns the interval of a schedule expression "rate(N
// unit)", with unit minute(s), hour(s) or day(s), or 0 for any other
// expression.
func scheduleRate(expr string) time.Duration {
	inner, ok := strings.CutPrefix(strings.TrimSpace(expr), "rate(")
	if !ok {
		return 0
	}
	inner, ok = strings.CutSuffix(inner, ")")
	n, unit, cut := strings.Cut(strings.TrimSpace(inner), " ")
	v, err := strconv.Atoi(n)
	if !ok || !cut || err != nil || v <= 0 || v > 1e6 {
		return 0
	}
	switch strings.TrimSuffix(strings.ToLower(unit), "s") {
	case "minute":
		return time.Duration(v) * time.Minute
	case "hour":
		return time.Duration(v) * time.Hour
	case "day":
		return time.Duration(v) * 24 * time.Hour
	}
	return 0
}
