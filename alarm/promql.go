package alarm

import "time"

// PromQL is the evaluation of a PromQL alarm (PutMetricAlarm with
// EvaluationCriteria.PromQLCriteria): the query returns a vector, each of
// whose series is a contributor that breaches while it is returned. See
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html.
type PromQL struct {
	// Query is the PromQL query.
	Query string `json:"query"`
	// PendingPeriod is how long a series must breach before it enters
	// ALARM, and RecoveryPeriod how long it must stop breaching before it
	// returns to OK; 0 when the payload does not say.
	PendingPeriod  time.Duration `json:"-"`
	RecoveryPeriod time.Duration `json:"-"`
	// Interval is how often the alarm is evaluated (EvaluationInterval); 0
	// when the payload does not say.
	Interval time.Duration `json:"-"`
}

// wireCriteria is an alarm's EvaluationCriteria, in the API's PascalCase
// or EventBridge's camelCase.
type wireCriteria struct {
	PromQLCriteria *struct {
		Query          string `json:"Query"`
		PendingPeriod  int64  `json:"PendingPeriod"`
		RecoveryPeriod int64  `json:"RecoveryPeriod"`
	} `json:"PromQLCriteria"`
}

// promQL returns the PromQL evaluation in c with the evaluation interval
// of interval seconds, or nil when c has none.
func promQL(c *wireCriteria, interval int64) *PromQL {
	if c == nil || c.PromQLCriteria == nil {
		return nil
	}
	q := c.PromQLCriteria
	return &PromQL{Query: q.Query, PendingPeriod: fromSeconds(q.PendingPeriod), RecoveryPeriod: fromSeconds(q.RecoveryPeriod), Interval: fromSeconds(interval)}
}
