package alarm

import "testing"

func TestKindValid(t *testing.T) {
	for _, k := range []Kind{KindMetric, KindMetricMath, KindAnomalyDetection, KindMetricsInsights, KindComposite, KindLog, KindPromQL} {
		if !k.Valid() {
			t.Errorf("Kind(%q).Valid() = false, want true", k)
		}
	}
	for _, k := range []Kind{"", "Metric", "log-alarm", "promQL", "metrics_insights"} {
		if k.Valid() {
			t.Errorf("Kind(%q).Valid() = true, want false", k)
		}
	}
}
