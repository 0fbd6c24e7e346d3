package cwtest

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"strings"
	"time"
)

// Limits that GetMetricWidgetImage documents, at
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Metric-Widget-Structure.html.
const (
	maxWidgetBytes = 100 << 10
	maxMetrics     = 100
	maxPixels      = 2000
	defaultWidth   = 600
	defaultHeight  = 400
)

// metricWidget is the part of a MetricWidget that the server checks.
type metricWidget struct {
	Metrics       []json.RawMessage `json:"metrics"`
	Width, Height *int
	Start, End    string
	Period        *int
	Annotations   struct {
		Vertical []json.RawMessage `json:"vertical"`
	} `json:"annotations"`
}

// draw checks a MetricWidget and returns a PNG image of the size it asks
// for, or why the API would refuse it.
func draw(widget, format string) ([]byte, string) {
	if format != "" && format != "png" {
		return nil, "OutputFormat must be png"
	}
	w, reason := parseWidget(widget)
	if reason != "" {
		return nil, reason
	}
	return blank(size(w.Width, defaultWidth), size(w.Height, defaultHeight)), ""
}

// parseWidget decodes and checks a MetricWidget.
func parseWidget(widget string) (metricWidget, string) {
	var w metricWidget
	switch {
	case widget == "":
		return w, "The parameter MetricWidget is required"
	case len(widget) > maxWidgetBytes:
		return w, "The field MetricWidget must be at most 100 KB"
	case json.Unmarshal([]byte(widget), &w) != nil:
		return w, "The field MetricWidget must be valid JSON"
	case len(w.Metrics) == 0 || len(w.Metrics) > maxMetrics:
		return w, "The field metrics must have between 1 and 100 items"
	case !inRange(w.Width) || !inRange(w.Height):
		return w, "The fields width and height must be between 1 and 2000"
	case w.Period != nil && !validPeriod(*w.Period):
		return w, "The field period must be 1, 5, 10, 30 or a multiple of 60"
	}
	for _, m := range w.Metrics {
		if reason := checkMetric(m); reason != "" {
			return w, reason
		}
	}
	if reason := checkTimes(w); reason != "" {
		return w, reason
	}
	return w, ""
}

// checkMetric checks one entry of the metrics array: namespace, metric
// name and dimension pairs, then an optional options object; or only an
// options object with an expression.
func checkMetric(raw json.RawMessage) string {
	var entry []json.RawMessage
	if json.Unmarshal(raw, &entry) != nil || len(entry) == 0 {
		return "Each item of metrics must be a non-empty array"
	}
	var opts struct{ Expression string }
	last := entry[len(entry)-1]
	names := entry
	if json.Unmarshal(last, &opts) == nil && bytes.HasPrefix(bytes.TrimSpace(last), []byte("{")) {
		names = entry[:len(entry)-1]
	}
	if len(names) == 0 {
		if opts.Expression == "" {
			return "A metric without namespace and name must have an expression"
		}
		return ""
	}
	if len(names) < 2 || len(names)%2 != 0 {
		return "A metric must have a namespace, a name and dimension name/value pairs"
	}
	for _, n := range names {
		var s string
		if json.Unmarshal(n, &s) != nil || s == "" {
			return "Namespaces, metric names and dimensions must be non-empty strings"
		}
	}
	return ""
}

// checkTimes checks start, end and the vertical annotations: absolute
// times must parse, start must be before end, and vertical annotations
// must be absolute.
func checkTimes(w metricWidget) string {
	start, okStart := absolute(w.Start)
	end, okEnd := absolute(w.End)
	if !okStart || !okEnd {
		return "The fields start and end must be ISO 8601 times or durations"
	}
	if !start.IsZero() && !end.IsZero() && !start.Before(end) {
		return "The field start must be before end"
	}
	for _, v := range w.Annotations.Vertical {
		if !verticalTimes(v) {
			return "Vertical annotations must have absolute ISO 8601 times as values"
		}
	}
	return ""
}

// absolute parses an absolute time, returning the zero time for "" or a
// relative duration such as -PT3H; ok is false for anything else.
func absolute(s string) (time.Time, bool) {
	if s == "" || strings.HasPrefix(s, "-P") || strings.HasPrefix(s, "P") {
		return time.Time{}, true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// verticalTimes reports whether a vertical annotation, or each end of a
// band, has an absolute time as its value.
func verticalTimes(raw json.RawMessage) bool {
	var band []struct{ Value string }
	if json.Unmarshal(raw, &band) == nil {
		for _, a := range band {
			if t, ok := absolute(a.Value); !ok || t.IsZero() {
				return false
			}
		}
		return len(band) == 2
	}
	var one struct{ Value string }
	if json.Unmarshal(raw, &one) != nil {
		return false
	}
	t, ok := absolute(one.Value)
	return ok && !t.IsZero()
}

// inRange reports whether an optional size is within the API's limits.
func inRange(n *int) bool { return n == nil || *n >= 1 && *n <= maxPixels }

// size returns *n, or def when n is nil.
func size(n *int, def int) int {
	if n == nil {
		return def
	}
	return *n
}

// validPeriod reports whether p is a period the widget accepts.
func validPeriod(p int) bool {
	return p == 1 || p == 5 || p == 10 || p == 30 || p > 0 && p%60 == 0
}

// blank returns a white PNG image of width × height with a grey frame,
// the size of the graph the widget asked for.
func blank(width, height int) []byte {
	img := image.NewPaletted(image.Rect(0, 0, width, height), color.Palette{color.White, color.Gray{Y: 0x99}})
	for x := range width {
		img.SetColorIndex(x, 0, 1)
		img.SetColorIndex(x, height-1, 1)
	}
	for y := range height {
		img.SetColorIndex(0, y, 1)
		img.SetColorIndex(width-1, y, 1)
	}
	var b bytes.Buffer
	png.Encode(&b, img) // cannot fail: a Paletted image into a bytes.Buffer
	return b.Bytes()
}
