package alarm

import (
	"encoding/json"
	"slices"
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

// nilIfEmpty returns nil for an empty list, so that [] and an absent list
// decode alike (both are omitted from JSON).
func nilIfEmpty(s []float64) []float64 {
	if len(s) == 0 {
		return nil
	}
	return s
}
