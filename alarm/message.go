package alarm

import "cmp"

// alarmMessage is the CloudWatch alarm message that an alarm's SNS action
// publishes: PascalCase keys, the region as a display name, no reasonData.
// Only AlarmName and NewStateValue are always present.
type alarmMessage struct {
	AlarmName               string      `json:"AlarmName"`
	AlarmDescription        string      `json:"AlarmDescription"` // null becomes ""
	AWSAccountID            string      `json:"AWSAccountId"`
	ConfigurationUpdated    string      `json:"AlarmConfigurationUpdatedTimestamp"`
	NewStateValue           string      `json:"NewStateValue"`
	NewStateReason          string      `json:"NewStateReason"`
	StateChangeTime         string      `json:"StateChangeTime"`
	Region                  string      `json:"Region"` // "EU (Ireland)"
	AlarmARN                string      `json:"AlarmArn"`
	OldStateValue           string      `json:"OldStateValue"`
	OKActions               []string    `json:"OKActions"`
	AlarmActions            []string    `json:"AlarmActions"`
	InsufficientDataActions []string    `json:"InsufficientDataActions"`
	Trigger                 *snsTrigger `json:"Trigger"`
	AlarmRule               string      `json:"AlarmRule"`
	TriggeringChildren      []wireChild `json:"TriggeringChildren"` // [] after SetAlarmState
	ActionsSuppressedBy     string      `json:"ActionsSuppressedBy"`
	ActionsSuppressedReason string      `json:"ActionsSuppressedReason"`
	AlarmTags               tagSet      `json:"AlarmTags"`
	// ActionExecutedAfterMuteWindow (2026) is true for the notification
	// sent when a mute window ends.
	ActionExecutedAfterMuteWindow bool `json:"ActionExecutedAfterMuteWindow"`
	// AlarmContributorId and AlarmContributorAttributes name the
	// contributor of a multi-time-series alarm's message.
	AlarmContributorID         string       `json:"AlarmContributorId"`
	AlarmContributorAttributes attributeMap `json:"AlarmContributorAttributes"`
}

// snsTrigger is the Trigger of a metric alarm's message: either a single
// metric (MetricName, Namespace, Statistic…) or metric queries (Metrics).
type snsTrigger struct {
	MetricName                       string        `json:"MetricName"`
	Namespace                        string        `json:"Namespace"`
	StatisticType                    string        `json:"StatisticType"`
	Statistic                        string        `json:"Statistic"` // AVERAGE
	ExtendedStatistic                string        `json:"ExtendedStatistic"`
	Unit                             string        `json:"Unit"` // null or "None" when unset
	Dimensions                       dimensionList `json:"Dimensions"`
	Period                           int64         `json:"Period"`
	EvaluationPeriods                int           `json:"EvaluationPeriods"`
	DatapointsToAlarm                *int          `json:"DatapointsToAlarm"`
	ComparisonOperator               string        `json:"ComparisonOperator"`
	Threshold                        *float64      `json:"Threshold"` // absent for anomaly detection
	ThresholdMetricID                string        `json:"ThresholdMetricId"`
	TreatMissingData                 *string       `json:"TreatMissingData"` // absent before 2015
	EvaluateLowSampleCountPercentile string        `json:"EvaluateLowSampleCountPercentile"`
	Metrics                          []wireQuery   `json:"Metrics"`
	// The log alarm's query and its M out of N, named as in PutLogAlarm.
	ScheduledQueryConfiguration *wireLogQuery `json:"ScheduledQueryConfiguration"`
	QueryResultsToEvaluate      int           `json:"QueryResultsToEvaluate"`
	QueryResultsToAlarm         *int          `json:"QueryResultsToAlarm"`
	// The PromQL alarm's query, named as in PutMetricAlarm.
	EvaluationCriteria *wireCriteria `json:"EvaluationCriteria"`
	EvaluationInterval int64         `json:"EvaluationInterval"`
}

// alarm converts the message to the model.
func (w *alarmMessage) alarm(o *origin) (*Alarm, *DecodeError) {
	if w.AlarmName == "" {
		return nil, invalid("alarm message has an empty AlarmName")
	}
	state, err := newState("new state", w.NewStateValue, w.NewStateReason, w.StateChangeTime, false)
	if err != nil {
		return nil, err
	}
	prev, err := newState("old state", w.OldStateValue, "", "", true)
	if err != nil {
		return nil, err
	}
	state.ActionsSuppressedBy, state.ActionsSuppressedReason = w.ActionsSuppressedBy, w.ActionsSuppressedReason
	a := &Alarm{
		Source: SourceSNS, Envelope: o.envelope, MessageID: o.messageID(), TopicARN: o.topicARN,
		Name: w.AlarmName, Description: w.AlarmDescription, ARN: w.AlarmARN, AccountID: w.AWSAccountID,
		State: state, PreviousState: prev, ConfigurationUpdated: optionalTime(w.ConfigurationUpdated),
		AlarmRule: w.AlarmRule, Tags: w.AlarmTags.model(), Actions: w.actions(),
		Contributor:           contributor(w.AlarmContributorID, w.AlarmContributorAttributes),
		ActionAfterMuteWindow: w.ActionExecutedAfterMuteWindow,
	}
	w.fillEvaluation(a)
	o.locate(a, w.Region)
	return a, nil
}

// fillEvaluation fills the kind, metrics, condition, children and
// datapoints.
func (w *alarmMessage) fillEvaluation(a *Alarm) {
	if w.AlarmRule != "" || w.TriggeringChildren != nil {
		a.Kind = KindComposite
		a.TriggeringChildren = children(w.TriggeringChildren)
		return
	}
	facts := parseReason(w.NewStateReason)
	a.Metrics = w.Trigger.metrics()
	a.Condition = w.Trigger.condition(&facts)
	tmid := ""
	if t := w.Trigger; t != nil {
		tmid = t.ThresholdMetricID
		a.LogQuery, a.PromQL = t.ScheduledQueryConfiguration.model(), promQL(t.EvaluationCriteria, t.EvaluationInterval)
	}
	a.Kind = queryKind(kindOf(tmid, a.Metrics), a.LogQuery, a.PromQL)
	a.Datapoints, a.Series = facts.Datapoints, facts.Series
}

// actions returns the action lists, or nil when the message has none
// (messages before 2022).
func (w *alarmMessage) actions() *Actions {
	if w.OKActions == nil && w.AlarmActions == nil && w.InsufficientDataActions == nil {
		return nil
	}
	return &Actions{OK: nonNil(w.OKActions), Alarm: nonNil(w.AlarmActions), InsufficientData: nonNil(w.InsufficientDataActions)}
}

// nonNil returns s, or an empty slice when s is nil, so that JSON shows [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// metrics returns the trigger's queries; a single-metric trigger is one
// query with an empty ID.
func (t *snsTrigger) metrics() []Metric {
	switch {
	case t == nil:
		return nil
	case len(t.Metrics) > 0:
		return queries(t.Metrics)
	case t.MetricName == "" && t.Namespace == "":
		return nil
	}
	return []Metric{{
		ReturnData: true, Namespace: t.Namespace, MetricName: t.MetricName, Stat: t.statistic(),
		Period: fromSeconds(t.Period), Unit: normaliseUnit(t.Unit), Dimensions: t.Dimensions.model(),
	}}
}

// statistic returns the statistic in API casing, from Statistic or
// ExtendedStatistic as StatisticType says (old messages lack it).
func (t *snsTrigger) statistic() string {
	s := t.Statistic
	if t.StatisticType == "ExtendedStatistic" || s == "" {
		s = t.ExtendedStatistic
	}
	return normaliseStatistic(s)
}

// condition returns the alarm's condition. A message without a Trigger
// (hand-trimmed or very old) falls back to what the reason text says.
func (t *snsTrigger) condition(f *reasonFacts) *Condition {
	if t == nil {
		return factsCondition(f)
	}
	var tmd TreatMissingData
	if t.TreatMissingData != nil {
		tmd, _ = normaliseTreatMissingData(*t.TreatMissingData)
	}
	c := &Condition{
		ComparisonOperator: ComparisonOperator(t.ComparisonOperator), Threshold: t.Threshold,
		ThresholdMetricID: t.ThresholdMetricID, EvaluationPeriods: t.EvaluationPeriods,
		DatapointsToAlarm: t.DatapointsToAlarm, Period: fromSeconds(t.Period), TreatMissingData: tmd,
		EvaluateLowSampleCountPercentile: t.EvaluateLowSampleCountPercentile,
	}
	if q := t.ScheduledQueryConfiguration; q != nil {
		c.EvaluationPeriods = cmp.Or(c.EvaluationPeriods, t.QueryResultsToEvaluate)
		c.DatapointsToAlarm = cmp.Or(c.DatapointsToAlarm, t.QueryResultsToAlarm)
		c.Period = cmp.Or(c.Period, scheduleRate(q.ScheduleConfiguration.ScheduleExpression))
	}
	if *c == (Condition{}) {
		return nil // a PromQL alarm's trigger has no comparison
	}
	return c
}
