package alarm

// wireQuery is one metric query. SNS spells its keys in PascalCase and
// EventBridge in camelCase; encoding/json matches keys without regard to
// case, so one struct serves both.
type wireQuery struct {
	ID         string          `json:"Id"`
	Expression string          `json:"Expression"`
	Label      string          `json:"Label"`
	ReturnData *bool           `json:"ReturnData"` // absent means true
	Period     int64           `json:"Period"`     // on expressions
	AccountID  string          `json:"AccountId"`
	MetricStat *wireMetricStat `json:"MetricStat"`
}

// wireMetricStat is a query's metric and statistic.
type wireMetricStat struct {
	Metric wireMetric `json:"Metric"`
	Period int64      `json:"Period"`
	Stat   string     `json:"Stat"`
	Unit   string     `json:"Unit"`
}

// wireMetric is a metric. SNS calls its name MetricName and lists its
// dimensions; EventBridge calls it name and maps its dimensions. Exact key
// matches win over case-insensitive ones, so "name" never lands in
// MetricName.
type wireMetric struct {
	MetricName string        `json:"MetricName"`
	Name       string        `json:"name"`
	Namespace  string        `json:"Namespace"`
	Dimensions dimensionList `json:"Dimensions"`
}

// queries converts metric queries in payload order.
func queries(qs []wireQuery) []Metric {
	if len(qs) == 0 {
		return nil
	}
	ms := make([]Metric, len(qs))
	for i := range qs {
		ms[i] = qs[i].model()
	}
	return ms
}

// model converts one query.
func (q *wireQuery) model() Metric {
	m := Metric{
		ID: q.ID, Label: q.Label, Expression: q.Expression, ReturnData: q.ReturnData == nil || *q.ReturnData,
		AccountID: q.AccountID, Period: fromSeconds(q.Period),
	}
	if s := q.MetricStat; s != nil {
		m.Namespace, m.MetricName = s.Metric.Namespace, s.Metric.MetricName
		if m.MetricName == "" {
			m.MetricName = s.Metric.Name
		}
		m.Stat, m.Unit, m.Dimensions = normaliseStatistic(s.Stat), normaliseUnit(s.Unit), s.Metric.Dimensions.model()
		if s.Period != 0 {
			m.Period = fromSeconds(s.Period)
		}
	}
	return m
}
