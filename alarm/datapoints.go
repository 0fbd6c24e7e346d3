package alarm

import "time"

// datapoints returns the alarm's datapoints, oldest first. reasonData has
// two lists: recentDatapoints (values from startDate, one per period, with
// the anomaly band edges when there is a band) and evaluatedDatapoints
// (exact timestamps, missing points included). The richer wins: the longer
// list, and on a tie the recent list when it carries band edges, else the
// evaluated one. Without reasonData the datapoints come from the reason
// text.
func datapoints(rd *ReasonData, f *reasonFacts, c *Condition) []Datapoint {
	if rd == nil || (len(rd.RecentDatapoints) == 0 && len(rd.EvaluatedDatapoints) == 0) {
		return f.Datapoints
	}
	nr, ne := len(rd.RecentDatapoints), len(rd.EvaluatedDatapoints)
	band := rd.RecentLowerThresholds != nil || rd.RecentUpperThresholds != nil
	if nr > ne || (nr == ne && band) {
		return recentPoints(rd)
	}
	var op ComparisonOperator
	if c != nil {
		op = c.ComparisonOperator
	}
	return evaluatedPoints(rd, op)
}

// recentPoints converts recentDatapoints, timestamped startDate + i×period
// when both are known (a lone datapoint needs only startDate).
func recentPoints(rd *ReasonData) []Datapoint {
	n := len(rd.RecentDatapoints)
	timed := !rd.StartDate.IsZero() && (rd.Period > 0 || n == 1)
	ps := make([]Datapoint, n)
	for i, v := range rd.RecentDatapoints {
		ps[i].Value = ptrTo(v)
		if timed {
			ps[i].Timestamp = rd.StartDate.Add(time.Duration(i) * rd.Period)
		}
		if i < len(rd.RecentLowerThresholds) {
			ps[i].Lower = ptrTo(rd.RecentLowerThresholds[i])
		}
		if i < len(rd.RecentUpperThresholds) {
			ps[i].Upper = ptrTo(rd.RecentUpperThresholds[i])
		}
	}
	return ps
}

// evaluatedPoints converts evaluatedDatapoints. A point's threshold is a
// band edge, placed by the operator when the operator says which edge.
func evaluatedPoints(rd *ReasonData, op ComparisonOperator) []Datapoint {
	ps := make([]Datapoint, len(rd.EvaluatedDatapoints))
	for i, e := range rd.EvaluatedDatapoints {
		ps[i] = Datapoint{Timestamp: e.Timestamp, Value: e.Value}
		switch op {
		case GreaterThanUpperThreshold:
			ps[i].Upper = e.Threshold
		case LessThanLowerThreshold:
			ps[i].Lower = e.Threshold
		}
	}
	return ps
}

// ptrTo returns a pointer to a new copy of v.
func ptrTo(v float64) *float64 { return &v }
