package alarm

import (
	"encoding/json"
	"time"
)

// The model keeps periods as time.Duration but encodes them to JSON as whole
// seconds, the unit CloudWatch uses everywhere. Each type with a period gets
// a MarshalJSON and UnmarshalJSON pair that swaps the field for seconds.

func seconds(d time.Duration) int64 { return int64(d / time.Second) }

func fromSeconds(s int64) time.Duration { return time.Duration(s) * time.Second }

type conditionJSON Condition

// MarshalJSON encodes c with its period in seconds.
func (c Condition) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		conditionJSON
		Period int64 `json:"period,omitempty"`
	}{conditionJSON(c), seconds(c.Period)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (c *Condition) UnmarshalJSON(b []byte) error {
	var v struct {
		*conditionJSON
		Period int64 `json:"period"`
	}
	v.conditionJSON = (*conditionJSON)(c)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	c.Period = fromSeconds(v.Period)
	return nil
}

type metricJSON Metric

// MarshalJSON encodes m with its period in seconds.
func (m Metric) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		metricJSON
		Period int64 `json:"period,omitempty"`
	}{metricJSON(m), seconds(m.Period)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (m *Metric) UnmarshalJSON(b []byte) error {
	var v struct {
		*metricJSON
		Period int64 `json:"period"`
	}
	v.metricJSON = (*metricJSON)(m)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	m.Period = fromSeconds(v.Period)
	return nil
}

type reasonDataJSON ReasonData

// MarshalJSON encodes r with its period in seconds.
func (r ReasonData) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		reasonDataJSON
		Period int64 `json:"period,omitempty"`
	}{reasonDataJSON(r), seconds(r.Period)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (r *ReasonData) UnmarshalJSON(b []byte) error {
	var v struct {
		*reasonDataJSON
		Period int64 `json:"period"`
	}
	v.reasonDataJSON = (*reasonDataJSON)(r)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	r.Period = fromSeconds(v.Period)
	return nil
}

type suppressorJSON Suppressor

// MarshalJSON encodes s with its periods in seconds.
func (s Suppressor) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		suppressorJSON
		WaitPeriod      int64 `json:"waitPeriod"`
		ExtensionPeriod int64 `json:"extensionPeriod"`
	}{suppressorJSON(s), seconds(s.WaitPeriod), seconds(s.ExtensionPeriod)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (s *Suppressor) UnmarshalJSON(b []byte) error {
	var v struct {
		*suppressorJSON
		WaitPeriod      int64 `json:"waitPeriod"`
		ExtensionPeriod int64 `json:"extensionPeriod"`
	}
	v.suppressorJSON = (*suppressorJSON)(s)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	s.WaitPeriod, s.ExtensionPeriod = fromSeconds(v.WaitPeriod), fromSeconds(v.ExtensionPeriod)
	return nil
}

type logQueryJSON LogQuery

// MarshalJSON encodes q with its offsets in seconds.
func (q LogQuery) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		logQueryJSON
		StartOffset int64 `json:"startOffset,omitempty"`
		EndOffset   int64 `json:"endOffset,omitempty"`
	}{logQueryJSON(q), seconds(q.StartOffset), seconds(q.EndOffset)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (q *LogQuery) UnmarshalJSON(b []byte) error {
	var v struct {
		*logQueryJSON
		StartOffset int64 `json:"startOffset"`
		EndOffset   int64 `json:"endOffset"`
	}
	v.logQueryJSON = (*logQueryJSON)(q)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	q.StartOffset, q.EndOffset = fromSeconds(v.StartOffset), fromSeconds(v.EndOffset)
	return nil
}

type promQLJSON PromQL

// MarshalJSON encodes q with its periods in seconds.
func (q PromQL) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		promQLJSON
		PendingPeriod  int64 `json:"pendingPeriod,omitempty"`
		RecoveryPeriod int64 `json:"recoveryPeriod,omitempty"`
		Interval       int64 `json:"interval,omitempty"`
	}{promQLJSON(q), seconds(q.PendingPeriod), seconds(q.RecoveryPeriod), seconds(q.Interval)})
}

// UnmarshalJSON decodes what MarshalJSON encodes.
func (q *PromQL) UnmarshalJSON(b []byte) error {
	var v struct {
		*promQLJSON
		PendingPeriod  int64 `json:"pendingPeriod"`
		RecoveryPeriod int64 `json:"recoveryPeriod"`
		Interval       int64 `json:"interval"`
	}
	v.promQLJSON = (*promQLJSON)(q)
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	q.PendingPeriod, q.RecoveryPeriod, q.Interval = fromSeconds(v.PendingPeriod), fromSeconds(v.RecoveryPeriod), fromSeconds(v.Interval)
	return nil
}
