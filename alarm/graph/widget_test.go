package graph_test

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
)

// changed is when the test alarms changed state.
var changed = time.Date(2024, 5, 14, 10, 0, 4, 653_000_000, time.UTC)

// cpuAlarm returns a single-metric alarm in ALARM, as an EventBridge
// event gives it (its query ID is a UUID).
func cpuAlarm() *alarm.Alarm {
	return &alarm.Alarm{
		Name: "web-cpu-high", Region: "us-east-1", Partition: "aws", Kind: alarm.KindMetric,
		State:         alarm.State{Value: alarm.StateAlarm, Timestamp: changed},
		PreviousState: alarm.State{Value: alarm.StateOK, Timestamp: changed.Add(-time.Hour)},
		Condition: &alarm.Condition{
			ComparisonOperator: alarm.GreaterThanThreshold, Threshold: new(80.0),
			EvaluationPeriods: 3, DatapointsToAlarm: new(2), Period: time.Minute,
		},
		Metrics: []alarm.Metric{{
			ID: "f62c30b9-cb8f-6f8d-8115-b81eabae8e77", ReturnData: true, Namespace: "AWS/EC2",
			MetricName: "CPUUtilization", Stat: "Average", Period: time.Minute,
			Dimensions: []alarm.Dimension{{Name: "InstanceId", Value: "i-0a1b"}},
		}},
	}
}

// with returns cpuAlarm changed by f.
func with(f func(a *alarm.Alarm)) *alarm.Alarm {
	a := cpuAlarm()
	f(a)
	return a
}

// mathQueries are the queries of an error-ratio alarm.
func mathQueries() []alarm.Metric {
	m := func(id, name string) alarm.Metric {
		return alarm.Metric{ID: id, Namespace: "AWS/Lambda", MetricName: name, Stat: "Sum", Period: 5 * time.Minute}
	}
	return []alarm.Metric{{ID: "e1", Expression: "IF(m2 > 0, m1/m2, 0)", ReturnData: true}, m("m1", "Errors"), m("m2", "Invocations")}
}

// path returns the value at a path of keys and indexes in decoded JSON, or
// nil.
func path(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			l, _ := v.([]any)
			if k >= len(l) {
				return nil
			}
			v = l[k]
		}
	}
	return v
}

func TestWidget(t *testing.T) {
	tests := []struct {
		name  string
		alarm *alarm.Alarm
		opts  []graph.Option
		want  map[string]any // expected values by path, the path's keys joined by "/"
	}{{
		name:  "single metric without its UUID",
		alarm: cpuAlarm(),
		want: map[string]any{
			"metrics":                      []any{[]any{"AWS/EC2", "CPUUtilization", "InstanceId", "i-0a1b", map[string]any{"stat": "Average"}}},
			"period":                       60.0,
			"start":                        "2024-05-14T07:06:00.000Z",
			"end":                          "2024-05-14T10:06:00.000Z",
			"timezone":                     "+0000",
			"title":                        "web-cpu-high",
			"width":                        800.0,
			"height":                       400.0,
			"theme":                        nil,
			"annotations/horizontal/0":     map[string]any{"value": 80.0, "label": "CPUUtilization > 80 for 2 datapoints within 3 minutes", "color": "#d62728", "fill": "above"},
			"annotations/vertical/0":       map[string]any{"value": "2024-05-14T10:00:04.653Z", "label": "ALARM", "color": "#d62728"},
			"annotations/vertical/1/value": nil,
		},
	}, {
		name:  "metric math hides what only the expression uses",
		alarm: with(func(a *alarm.Alarm) { a.Kind, a.Metrics = alarm.KindMetricMath, mathQueries() }),
		want: map[string]any{
			"metrics/0/0":                    map[string]any{"expression": "IF(m2 > 0, m1/m2, 0)", "id": "e1", "label": "IF(m2 > 0, m1/m2, 0)"},
			"metrics/1":                      []any{"AWS/Lambda", "Errors", map[string]any{"id": "m1", "stat": "Sum", "period": 300.0, "visible": false}},
			"annotations/horizontal/0/label": "IF(m2 > 0, m1/m2, 0) > 80 for 2 datapoints within 3 minutes",
		},
	}, {
		name: "every query drawn when none says it returns data",
		alarm: with(func(a *alarm.Alarm) {
			a.Metrics = mathQueries()
			a.Metrics[0].ReturnData = false
		}),
		want: map[string]any{"metrics/1/2/visible": nil, "metrics/0/0/label": "IF(m2 > 0, m1/m2, 0)"},
	}, {
		name: "anomaly band in the console's colours, no threshold line",
		alarm: with(func(a *alarm.Alarm) {
			a.Kind = alarm.KindAnomalyDetection
			a.Condition = &alarm.Condition{ComparisonOperator: alarm.LessThanLowerOrGreaterThanUpperThreshold, ThresholdMetricID: "ad1", Period: time.Minute}
			a.Metrics[0].ID = "m1"
			a.Metrics = append(a.Metrics, alarm.Metric{ID: "ad1", Expression: "ANOMALY_DETECTION_BAND(m1, 2)", ReturnData: true})
		}),
		want: map[string]any{
			"metrics/0/4":            map[string]any{"id": "m1", "stat": "Average", "color": "#1f77b4"},
			"metrics/1/0":            map[string]any{"expression": "ANOMALY_DETECTION_BAND(m1, 2)", "id": "ad1", "label": "ANOMALY_DETECTION_BAND(m1, 2)", "color": "#95a5a6"},
			"annotations/horizontal": nil,
		},
	}, {
		name: "Metrics Insights query without a label, so that its series keep their names",
		alarm: with(func(a *alarm.Alarm) {
			a.Kind = alarm.KindMetricsInsights
			a.Metrics = []alarm.Metric{{ID: "q1", Expression: `SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId`, ReturnData: true, Period: time.Minute}}
		}),
		want: map[string]any{
			"metrics":                        []any{[]any{map[string]any{"expression": `SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) GROUP BY InstanceId`, "id": "q1"}}},
			"annotations/horizontal/0/label": "q1 > 80 for 2 datapoints within 3 minutes",
		},
	}, {
		name: "a below-threshold alarm shades below",
		alarm: with(func(a *alarm.Alarm) {
			a.Condition.ComparisonOperator, a.Condition.EvaluationPeriods, a.Condition.DatapointsToAlarm = alarm.LessThanOrEqualToThreshold, 0, nil
		}),
		want: map[string]any{"annotations/horizontal/0/fill": "below", "annotations/horizontal/0/label": "CPUUtilization ≤ 80"},
	}, {
		name:  "a threshold of 0 is drawn; an unknown operator has no shading",
		alarm: with(func(a *alarm.Alarm) { a.Condition.Threshold, a.Condition.ComparisonOperator = new(0.0), "" }),
		want:  map[string]any{"annotations/horizontal/0/value": 0.0, "annotations/horizontal/0/fill": nil, "annotations/horizontal/0/label": "CPUUtilization threshold 0 for 2 datapoints within 3 minutes"},
	}, {
		name:  "no threshold line for a NaN",
		alarm: with(func(a *alarm.Alarm) { a.Condition.Threshold = new(math.NaN()) }),
		want:  map[string]any{"annotations/horizontal": nil, "annotations/vertical/0/label": "ALARM"},
	}, {
		name: "hourly alarm: 20 periods",
		alarm: with(func(a *alarm.Alarm) {
			a.Condition.Period, a.Metrics[0].Period = time.Hour, time.Hour
		}),
		want: map[string]any{"period": 3600.0, "start": "2024-05-13T14:06:00.000Z", "end": "2024-05-14T10:06:00.000Z", "metrics/0/4/period": nil},
	}, {
		name:  "20-second alarm drawn at 10 seconds",
		alarm: with(func(a *alarm.Alarm) { a.Condition.Period, a.Metrics[0].Period = 20*time.Second, 20*time.Second }),
		want:  map[string]any{"period": 10.0, "metrics/0/4/period": 20.0},
	}, {
		name: "recovery after 5 hours in ALARM: the whole stretch, shaded, and an hour before",
		alarm: with(func(a *alarm.Alarm) {
			a.State = alarm.State{Value: alarm.StateOK, Timestamp: changed}
			a.PreviousState = alarm.State{Value: alarm.StateAlarm, Timestamp: changed.Add(-5 * time.Hour)}
		}),
		want: map[string]any{
			"start":                  "2024-05-14T04:06:00.000Z",
			"annotations/vertical/0": []any{map[string]any{"value": "2024-05-14T05:00:04.653Z", "label": "ALARM", "color": "#d62728"}, map[string]any{"value": "2024-05-14T10:00:04.653Z"}},
			"annotations/vertical/1": map[string]any{"value": "2024-05-14T10:00:04.653Z", "label": "OK", "color": "#2ca02c"},
		},
	}, {
		name: "recovery after 2 days in ALARM: the usual window, shaded from its start",
		alarm: with(func(a *alarm.Alarm) {
			a.State = alarm.State{Value: alarm.StateInsufficientData, Timestamp: changed}
			a.PreviousState = alarm.State{Value: alarm.StateAlarm, Timestamp: changed.Add(-48 * time.Hour)}
		}),
		want: map[string]any{
			"start":                          "2024-05-14T07:06:00.000Z",
			"annotations/vertical/0/0/value": "2024-05-14T07:06:00.000Z",
			"annotations/vertical/1/color":   "#7f7f7f",
		},
	}, {
		name:  "no state-change time: the last 3 hours, no marker",
		alarm: with(func(a *alarm.Alarm) { a.State.Timestamp = time.Time{} }),
		want:  map[string]any{"start": "-PT180M", "end": nil, "annotations/vertical": nil},
	}, {
		name:  "options",
		alarm: cpuAlarm(),
		opts:  []graph.Option{graph.WithSize(3000, 300), graph.WithDarkTheme(), graph.WithWindow(6 * time.Hour), nil},
		want:  map[string]any{"width": 2000.0, "height": 300.0, "theme": "dark", "start": "2024-05-14T04:06:00.000Z"},
	}, {
		name:  "options out of range keep the defaults",
		alarm: cpuAlarm(),
		opts:  []graph.Option{graph.WithSize(0, -1), graph.WithWindow(time.Second)},
		want:  map[string]any{"width": 800.0, "height": 400.0, "start": "2024-05-14T07:06:00.000Z"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := graph.Widget(tt.alarm, tt.opts...)
			if err != nil {
				t.Fatalf("Widget = %v", err)
			}
			m := decodeWidget(t, w)
			for p, want := range tt.want {
				var keys []any
				for _, k := range strings.Split(p, "/") {
					if n, ok := index(k); ok {
						keys = append(keys, n)
					} else {
						keys = append(keys, k)
					}
				}
				if diff := cmp.Diff(want, path(m, keys...)); diff != "" {
					t.Errorf("%s mismatch (-want +got):\n%s\nwidget: %s", p, diff, w)
				}
			}
		})
	}
}

// index parses a path element that is a list index.
func index(k string) (int, bool) {
	n := 0
	for _, c := range k {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, k != ""
}

func TestWidgetNotDrawable(t *testing.T) {
	many := make([]alarm.Metric, 101)
	for i := range many {
		many[i] = alarm.Metric{ID: "m" + strings.Repeat("x", i), Namespace: "N", MetricName: "M", ReturnData: i == 0}
	}
	tests := []struct {
		name   string
		alarm  *alarm.Alarm
		reason string
	}{
		{"nil", nil, "nil alarm"},
		{"composite", &alarm.Alarm{Name: "c", Kind: alarm.KindComposite, AlarmRule: "ALARM(x)"}, "composite alarm"},
		{"composite by its rule", &alarm.Alarm{Name: "c", AlarmRule: "ALARM(x)"}, "composite alarm"},
		{"no queries", with(func(a *alarm.Alarm) { a.Metrics = nil }), "no metric queries"},
		{"too many queries", with(func(a *alarm.Alarm) { a.Metrics = many }), "more than 100 metric queries"},
		{"UUID among several queries", with(func(a *alarm.Alarm) {
			a.Metrics = mathQueries()
			a.Metrics[1].ID = "f62c30b9-cb8f"
		}), `query ID "f62c30b9-cb8f" is not valid in a graph`},
		{"ID used twice", with(func(a *alarm.Alarm) {
			a.Metrics = mathQueries()
			a.Metrics[2].ID = "m1"
		}), `query ID "m1" is used twice`},
		{"lone expression without ID", with(func(a *alarm.Alarm) {
			a.Metrics = []alarm.Metric{{Expression: "SELECT 1", ReturnData: true}}
		}), `query ID "" is not valid in a graph`},
		{"query with neither metric nor expression", with(func(a *alarm.Alarm) { a.Metrics[0].MetricName = "" }), "has neither a metric nor an expression"},
		{"dimension without a value", with(func(a *alarm.Alarm) { a.Metrics[0].Dimensions[0].Value = "" }), "has a dimension without a name or a value"},
		{"widget over 100 KB", with(func(a *alarm.Alarm) {
			a.Metrics[0].Dimensions = []alarm.Dimension{{Name: "N", Value: strings.Repeat("v", 100<<10)}}
		}), "over the API's 100 KB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := graph.Widget(tt.alarm)
			var e *graph.Error
			if !errors.As(err, &e) || !errors.Is(err, graph.ErrNotDrawable) || errors.Is(err, graph.ErrCloudWatch) {
				t.Fatalf("Widget = %s, %v; want a *graph.Error matching ErrNotDrawable only", w, err)
			}
			if e.Op != "Widget" || !strings.Contains(e.Reason, tt.reason) || !strings.HasPrefix(err.Error(), "graph: Widget") {
				t.Errorf("error %+v (%q), want Op Widget and a reason with %q", e, err, tt.reason)
			}
			if w != nil {
				t.Errorf("Widget returned %s with its error", w)
			}
		})
	}
}

func TestFilename(t *testing.T) {
	tests := []struct {
		alarm *alarm.Alarm
		want  string
	}{
		{cpuAlarm(), "web-cpu-high-alarm.png"},
		{&alarm.Alarm{Name: "High 5XX error % from [edge] (eu)", State: alarm.State{Value: alarm.StateInsufficientData}}, "High-5XX-error-from-edge-eu-insufficient_data.png"},
		{&alarm.Alarm{Name: "数据库 内存 (db_mem)", State: alarm.State{Value: alarm.StateOK}}, "数据库-内存-db_mem-ok.png"},
		{&alarm.Alarm{Name: "../../etc/passwd"}, "etc-passwd.png"},
		{&alarm.Alarm{Name: "///"}, "alarm.png"},
		{&alarm.Alarm{Name: strings.Repeat("a", 300), State: alarm.State{Value: alarm.StateOK}}, strings.Repeat("a", 80) + "-ok.png"},
		{nil, "alarm.png"},
	}
	for _, tt := range tests {
		if got := graph.Filename(tt.alarm); got != tt.want {
			t.Errorf("Filename(%v) = %q, want %q", tt.alarm, got, tt.want)
		}
	}
}
