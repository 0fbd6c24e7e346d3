package alarm

import "strings"

// kindOf says what a metric alarm watches: a Metrics Insights query, an
// anomaly detection band, metric math or a single metric. Composite alarms
// are recognised by their callers.
func kindOf(thresholdMetricID string, ms []Metric) Kind {
	expr, band := false, thresholdMetricID != ""
	for i := range ms {
		e := ms[i].Expression
		switch {
		case e == "":
			continue
		case isInsightsQuery(e):
			return KindMetricsInsights
		case isBandExpression(e):
			band = true
		}
		expr = true
	}
	switch {
	case band:
		return KindAnomalyDetection
	case expr:
		return KindMetricMath
	}
	return KindMetric
}

// queryKind returns KindLog for an alarm with a log query, KindPromQL for
// one with a PromQL query, and else k, the kind its metrics say.
func queryKind(k Kind, lq *LogQuery, pq *PromQL) Kind {
	switch {
	case lq != nil:
		return KindLog
	case pq != nil:
		return KindPromQL
	}
	return k
}

// isInsightsQuery reports whether e is a Metrics Insights query: it starts
// with SELECT, in any case, after optional spaces.
func isInsightsQuery(e string) bool {
	e = strings.TrimLeft(e, " \t\r\n")
	return len(e) > len("SELECT") && strings.EqualFold(e[:6], "SELECT") && strings.ContainsRune(" \t\r\n", rune(e[6]))
}

// isBandExpression reports whether e uses ANOMALY_DETECTION_BAND.
func isBandExpression(e string) bool {
	return strings.Contains(strings.ToUpper(e), "ANOMALY_DETECTION_BAND")
}

// bandQueryID returns the ID of the ANOMALY_DETECTION_BAND query; payloads
// without a ThresholdMetricId (EventBridge, Lambda action) imply it.
func bandQueryID(ms []Metric) string {
	for i := range ms {
		if isBandExpression(ms[i].Expression) {
			return ms[i].ID
		}
	}
	return ""
}
