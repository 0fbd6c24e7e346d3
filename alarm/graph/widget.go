package graph

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/cwslack/cwslack/alarm"
)

// Widget returns the MetricWidget JSON that GetMetricWidgetImage draws
// into the graph of a, as the CloudWatch console shows it on the alarm's
// page: a's metric queries with their statistics and periods, the
// threshold or the anomaly detection band, and the state change marked,
// over a window that shows the breach in context. The package
// documentation says what is drawn for each kind of alarm, and why.
//
// The result is compact JSON, the same for the same alarm and options. It
// never has more than 100 metrics nor more than 100 KB, the API's limits.
// An alarm that cannot be drawn (a composite alarm, one without metric
// queries, or whose queries CloudWatch would refuse) gives an *Error
// matching ErrNotDrawable. Widget does not look at a's partition: Draw
// does. A nil a is not drawable either.
func Widget(a *alarm.Alarm, opts ...Option) ([]byte, error) {
	if a == nil {
		return nil, notDrawable(opWidget, "", "nil alarm")
	}
	w, err := build(a, newSettings(opts))
	if err != nil {
		return nil, err
	}
	return w.encode(a.Name)
}

// widget is the MetricWidget JSON, its keys in the order a reader wants
// them. It is documented at
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CloudWatch-Metric-Widget-Structure.html.
type widget struct {
	Title       string       `json:"title"`
	View        string       `json:"view"`
	Metrics     [][]any      `json:"metrics"`
	Period      int64        `json:"period"`
	Start       string       `json:"start"`
	End         string       `json:"end,omitempty"`
	Timezone    string       `json:"timezone"`
	Annotations *annotations `json:"annotations,omitempty"`
	Width       int          `json:"width"`
	Height      int          `json:"height"`
	Legend      legend       `json:"legend"`
	Theme       string       `json:"theme,omitempty"`
}

// legend places the legend.
type legend struct {
	Position string `json:"position"`
}

// utc is the timezone of every graph: CloudWatch's times and the
// notification's are UTC, and a team spread over time zones reads UTC the
// same way.
const utc = "+0000"

// build assembles the widget of a.
func build(a *alarm.Alarm, s settings) (*widget, error) {
	if isComposite(a) {
		return nil, notDrawable(opWidget, a.Name, "composite alarm: draw its triggering children")
	}
	period := widgetPeriod(alarmPeriod(a))
	rows, err := queryRows(a, period)
	if err != nil {
		return nil, err
	}
	win := newWindow(a, period, s.window)
	w := &widget{
		Title:       a.Name,
		View:        "timeSeries",
		Metrics:     rows,
		Period:      period,
		Start:       win.startParam(),
		End:         win.endParam(),
		Timezone:    utc,
		Annotations: newAnnotations(a, win),
		Width:       s.width,
		Height:      s.height,
		Legend:      legend{Position: "bottom"},
	}
	if s.dark {
		w.Theme = "dark"
	}
	return w, nil
}

// isComposite reports whether a is a composite alarm, which has no
// metrics of its own.
func isComposite(a *alarm.Alarm) bool {
	return a.Kind == alarm.KindComposite || (a.AlarmRule != "" && len(a.Metrics) == 0)
}

// encode returns w as compact JSON, with <, > and & left as they are so
// that expressions such as IF(m1 > 5, 1, 0) read as written.
func (w *widget) encode(name string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(w); err != nil {
		// Only a NaN or infinite threshold gets here.
		return nil, notDrawable(opWidget, name, "value that JSON cannot hold: "+err.Error())
	}
	out := bytes.TrimSuffix(b.Bytes(), []byte("\n"))
	if len(out) > maxWidgetBytes {
		return nil, notDrawable(opWidget, name, "widget of "+strconv.Itoa(len(out))+" bytes is over the API's 100 KB")
	}
	return out, nil
}
