package alarm

// factsCondition builds a condition from the reason text alone, or nil
// when the text says nothing about it.
func factsCondition(f *reasonFacts) *Condition {
	c := Condition{
		ComparisonOperator: f.Operator, Threshold: f.Threshold,
		EvaluationPeriods: f.EvaluationPeriods, DatapointsToAlarm: f.DatapointsToAlarm,
		TreatMissingData: f.MissingTreatedAs,
	}
	if c == (Condition{}) {
		return nil
	}
	return &c
}

// fillFrom takes the comparison operator, and the threshold if f has none,
// from the previous state's reason and reasonData. An INSUFFICIENT_DATA
// reason ("5 datapoints were unknown") names no operator, but the reason
// for the state before it usually does.
func (f *reasonFacts) fillFrom(prev State) {
	p := parseReason(prev.Reason)
	f.Operator = p.Operator
	if f.Threshold != nil {
		return
	}
	f.Threshold = p.Threshold
	if prev.ReasonData != nil && prev.ReasonData.Threshold != nil {
		f.Threshold = prev.ReasonData.Threshold
	}
}

// eventCondition builds the condition of an EventBridge or Lambda action
// payload from reasonData (threshold, period), the reason text (operator,
// M out of N, how missing data was treated) and, failing those, the
// period of the query that returns data or the schedule of a log query.
func eventCondition(rd *ReasonData, f *reasonFacts, ms []Metric, lq *LogQuery) *Condition {
	c := Condition{
		ComparisonOperator: f.Operator, Threshold: f.Threshold,
		EvaluationPeriods: f.EvaluationPeriods, DatapointsToAlarm: f.DatapointsToAlarm,
		TreatMissingData: f.MissingTreatedAs,
	}
	if rd != nil {
		if rd.Threshold != nil {
			c.Threshold = rd.Threshold
		}
		c.Period = rd.Period
	}
	for i := range ms {
		if c.Period == 0 && ms[i].ReturnData {
			c.Period = ms[i].Period
		}
	}
	if c.Period == 0 && lq != nil {
		c.Period = scheduleRate(lq.Schedule)
	}
	if c == (Condition{}) {
		return nil
	}
	return &c
}
