package alarm

import (
	"encoding/json"
	"slices"
	"time"
)

// wireReasonData is the reasonData of an EventBridge or Lambda action
// state: JSON inside a string. Its dates use the "+0000" form.
type wireReasonData struct {
	Version               string          `json:"version"`
	QueryDate             string          `json:"queryDate"`
	StartDate             string          `json:"startDate"`
	Statistic             string          `json:"statistic"`
	Unit                  string          `json:"unit"`
	Period                int64           `json:"period"`
	RecentDatapoints      []float64       `json:"recentDatapoints"`
	RecentLowerThresholds []float64       `json:"recentLowerThresholds"`
	RecentUpperThresholds []float64       `json:"recentUpperThresholds"`
	Threshold             *float64        `json:"threshold"`
	EvaluatedDatapoints   []wireEvaluated `json:"evaluatedDatapoints"`
	TriggeringAlarms      []wireChild     `json:"triggeringAlarms"`
}

// wireEvaluated is one evaluated datapoint; a missing one has only its
// timestamp.
type wireEvaluated struct {
	Timestamp   string   `json:"timestamp"`
	SampleCount *float64 `json:"sampleCount"`
	Value       *float64 `json:"value"`
	Threshold   *float64 `json:"threshold"`
}

// decodeReasonData decodes raw, a JSON string holding the reasonData (or,
// in hand-made payloads, the object itself). Absent, empty or broken
// reasonData yields nil: it never costs the alarm.
func decodeReasonData(raw json.RawMessage) *ReasonData {
	if isJSON(raw, '"') {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil
		}
		raw = json.RawMessage(s)
	}
	if !isJSON(raw, '{') {
		return nil
	}
	var w wireReasonData
	if json.Unmarshal(raw, &w) != nil {
		return nil
	}
	return w.model()
}

// model converts the reasonData; evaluated datapoints are sorted oldest
// first (CloudWatch lists them newest first).
func (w *wireReasonData) model() *ReasonData {
	rd := &ReasonData{
		Version: w.Version, QueryDate: optionalTime(w.QueryDate), StartDate: optionalTime(w.StartDate),
		Statistic: normaliseStatistic(w.Statistic), Unit: normaliseUnit(w.Unit), Period: fromSeconds(w.Period),
		RecentDatapoints: nilIfEmpty(w.RecentDatapoints), RecentLowerThresholds: nilIfEmpty(w.RecentLowerThresholds),
		RecentUpperThresholds: nilIfEmpty(w.RecentUpperThresholds), Threshold: w.Threshold,
		TriggeringAlarms: children(w.TriggeringAlarms),
	}
	if len(w.EvaluatedDatapoints) > 0 {
		rd.EvaluatedDatapoints = make([]EvaluatedDatapoint, len(w.EvaluatedDatapoints))
		for i, e := range w.EvaluatedDatapoints {
			rd.EvaluatedDatapoints[i] = EvaluatedDatapoint{optionalTime(e.Timestamp), e.SampleCount, e.Value, e.Threshold}
		}
		slices.SortStableFunc(rd.EvaluatedDatapoints, func(a, b EvaluatedDatapoint) int { return a.Timestamp.Compare(b.Timestamp) })
	}
	return rd
}

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
	vals := make([]float64, 0, 3*n) // values, then lower and upper edges
	ps := make([]Datapoint, n)
	for i, v := range rd.RecentDatapoints {
		vals = append(vals, v)
		ps[i].Value = &vals[len(vals)-1]
		if timed {
			ps[i].Timestamp = rd.StartDate.Add(time.Duration(i) * rd.Period)
		}
		if i < len(rd.RecentLowerThresholds) {
			vals = append(vals, rd.RecentLowerThresholds[i])
			ps[i].Lower = &vals[len(vals)-1]
		}
		if i < len(rd.RecentUpperThresholds) {
			vals = append(vals, rd.RecentUpperThresholds[i])
			ps[i].Upper = &vals[len(vals)-1]
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

// nilIfEmpty returns nil for an empty list, so that [] and an absent list
// decode alike (both are omitted from JSON).
func nilIfEmpty(s []float64) []float64 {
	if len(s) == 0 {
		return nil
	}
	return s
}
