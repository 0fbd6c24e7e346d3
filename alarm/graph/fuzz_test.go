package graph_test

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
)

// FuzzWidget checks that whatever alarm.Parse accepts, Widget either
// refuses with ErrNotDrawable or returns a MetricWidget within the API's
// limits: valid JSON of at most 100 KB, 1 to 100 metrics, each a metric
// (namespace, name, dimension pairs) or an expression, a size within 2000
// pixels, a valid period, start before end, and vertical annotations at
// absolute times.
func FuzzWidget(f *testing.F) {
	for _, file := range payloads(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	options := [][]graph.Option{nil, {graph.WithSize(2500, 1), graph.WithWindow(24 * time.Hour), graph.WithDarkTheme()}}
	f.Fuzz(func(t *testing.T, data []byte) {
		alarms, _ := alarm.Parse(data)
		for _, a := range alarms {
			for _, opts := range options {
				w, err := graph.Widget(a, opts...)
				if err != nil {
					var e *graph.Error
					if !errors.As(err, &e) || !errors.Is(err, graph.ErrNotDrawable) || w != nil {
						t.Fatalf("Widget = %s, %v; want a widget or an *Error matching ErrNotDrawable", w, err)
					}
					continue
				}
				checkLimits(t, w)
			}
		}
	})
}

// checkLimits fails t unless w is a MetricWidget that GetMetricWidgetImage
// accepts, as far as its documentation says.
func checkLimits(t *testing.T, w []byte) {
	t.Helper()
	if len(w) > 100<<10 || !json.Valid(w) {
		t.Fatalf("widget of %d bytes, valid JSON %v", len(w), json.Valid(w))
	}
	var m struct {
		Metrics       [][]any
		Width, Height int
		Period        int64
		Start, End    string
		Annotations   struct{ Vertical []json.RawMessage }
	}
	if err := json.Unmarshal(w, &m); err != nil {
		t.Fatalf("widget does not decode: %v\n%s", err, w)
	}
	if len(m.Metrics) < 1 || len(m.Metrics) > 100 || m.Width < 1 || m.Width > 2000 || m.Height < 1 || m.Height > 2000 {
		t.Fatalf("widget out of limits: %d metrics, %d×%d\n%s", len(m.Metrics), m.Width, m.Height, w)
	}
	if p := m.Period; p != 1 && p != 5 && p != 10 && p != 30 && (p <= 0 || p%60 != 0) {
		t.Fatalf("widget period %d\n%s", p, w)
	}
	for _, row := range m.Metrics {
		checkRow(t, row, w)
	}
	checkTimes(t, m.Start, m.End, m.Annotations.Vertical, w)
}

// checkRow checks one entry of the metrics array.
func checkRow(t *testing.T, row []any, w []byte) {
	t.Helper()
	if len(row) == 0 {
		t.Fatalf("empty metric\n%s", w)
	}
	opts, ok := row[len(row)-1].(map[string]any)
	names := row[:len(row)-1]
	if !ok || (len(names) == 0 && opts["expression"] == nil) || (len(names) != 0 && (len(names) < 2 || len(names)%2 != 0)) {
		t.Fatalf("metric %v is neither a metric nor an expression\n%s", row, w)
	}
	for _, n := range names {
		if s, ok := n.(string); !ok || s == "" {
			t.Fatalf("metric %v has a name that is not a non-empty string\n%s", row, w)
		}
	}
}

// checkTimes checks the window and the vertical annotations.
func checkTimes(t *testing.T, start, end string, vertical []json.RawMessage, w []byte) {
	t.Helper()
	if end == "" {
		if len(start) < 4 || start[:3] != "-PT" || len(vertical) != 0 {
			t.Fatalf("relative window %q with %d vertical annotations\n%s", start, len(vertical), w)
		}
		return
	}
	s, err1 := time.Parse(time.RFC3339, start)
	e, err2 := time.Parse(time.RFC3339, end)
	if err1 != nil || err2 != nil || !s.Before(e) {
		t.Fatalf("window %q … %q\n%s", start, end, w)
	}
	for _, v := range vertical {
		var one struct{ Value string }
		var band []struct{ Value string }
		switch {
		case json.Unmarshal(v, &one) == nil:
			band = append(band, one)
		case json.Unmarshal(v, &band) != nil || len(band) != 2:
			t.Fatalf("vertical annotation %s\n%s", v, w)
		}
		for _, a := range band {
			if _, err := time.Parse(time.RFC3339, a.Value); err != nil {
				t.Fatalf("vertical annotation at %q\n%s", a.Value, w)
			}
		}
	}
}
