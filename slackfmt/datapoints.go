package slackfmt

import (
	"math"
	"strconv"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// maxDatapoints bounds the recent datapoints shown: the newest are kept.
const maxDatapoints = 10

// datapoints returns the section with the recent values, oldest first,
// against the threshold or band, with a sparkline when there are several,
// or nil when the alarm carries no datapoints. Values that breach are
// bold; missing ones are "–". The first line says the order and what bold
// means, where it applies.
func (r *renderer) datapoints() slack.Block {
	all := r.a.Datapoints
	if len(all) == 0 {
		return nil
	}
	shown := all[max(0, len(all)-maxDatapoints):]
	w := newWriter(budgetDatapoints)
	w.text("*Recent datapoints*")
	r.datapointDetails(&w)
	if len(shown) < len(all) {
		w.text(" · last " + strconv.Itoa(len(shown)) + " of " + strconv.Itoa(len(all)))
	}
	r.against(&w, shown[len(shown)-1])
	r.legend(&w, shown)
	w.text("\n")
	if finite(shown) >= 2 {
		var a [64]byte
		b := appendSparkline(append(a[:0], '`'), shown)
		w.runes(append(b, "`  "...), len(shown)+3)
	}
	for i, d := range shown {
		if i > 0 {
			w.text(" · ")
		}
		r.value(&w, d)
	}
	return section(r.id("datapoints"), &w)
}

// legend writes how to read the values: " · oldest → newest" when there
// are several, and " · *bold* = breaching" when any of them is bold.
func (r *renderer) legend(w *writer, shown []alarm.Datapoint) {
	if len(shown) > 1 {
		w.text(" · oldest → newest")
	}
	for _, d := range shown {
		if r.breaches(d) {
			w.text(" · *bold* = breaching")
			return
		}
	}
}

// datapointDetails writes the statistic, period and unit of the values:
// from the reason data when the payload has it, else from the query.
func (r *renderer) datapointDetails(w *writer) {
	if rd := r.a.State.ReasonData; rd != nil && (rd.Statistic != "" || rd.Period > 0) {
		statDetails(w, rd.Statistic, rd.Period, rd.Unit)
		return
	}
	if m := r.subject(); m != nil && !m.IsExpression() {
		statDetails(w, m.Stat, m.Period, m.Unit)
	}
}

// against writes what the values are compared with: " vs threshold 80",
// or the band at the newest datapoint, " vs band 10–20 (latest)", or the
// one edge of it that the alarm compares with, " vs upper band 20
// (latest)".
func (r *renderer) against(w *writer, last alarm.Datapoint) {
	c := r.a.Condition
	var op alarm.ComparisonOperator
	if c != nil {
		op = c.ComparisonOperator
	}
	switch {
	case c != nil && c.Threshold != nil:
		w.text(" vs threshold ")
		r.threshold(w, c.Threshold)
	case last.Lower != nil && last.Upper != nil:
		w.text(" vs band ")
		w.num(*last.Lower)
		w.text("–")
		quantity(w, *last.Upper, r.unit(), modeMrkdwn)
		w.text(" (latest)")
	case op == alarm.GreaterThanUpperThreshold && last.Upper != nil:
		w.text(" vs upper band ")
		quantity(w, *last.Upper, r.unit(), modeMrkdwn)
		w.text(" (latest)")
	case op == alarm.LessThanLowerThreshold && last.Lower != nil:
		w.text(" vs lower band ")
		quantity(w, *last.Lower, r.unit(), modeMrkdwn)
		w.text(" (latest)")
	}
}

// value writes one datapoint: bold when it breaches, "–" when missing.
func (r *renderer) value(w *writer, d alarm.Datapoint) {
	switch {
	case d.Value == nil:
		w.text("–")
	case r.breaches(d):
		var a [34]byte
		b := appendNum(append(a[:0], '*'), *d.Value)
		w.ascii(append(b, '*'))
	default:
		w.num(*d.Value)
	}
}

// breaches reports whether datapoint d breaches the alarm's condition.
func (r *renderer) breaches(d alarm.Datapoint) bool {
	c := r.a.Condition
	if d.Value == nil || c == nil {
		return false
	}
	v, t := *d.Value, c.Threshold
	above := d.Upper != nil && v > *d.Upper
	below := d.Lower != nil && v < *d.Lower
	switch c.ComparisonOperator {
	case alarm.GreaterThanOrEqualToThreshold:
		return t != nil && v >= *t
	case alarm.GreaterThanThreshold:
		return t != nil && v > *t
	case alarm.LessThanThreshold:
		return t != nil && v < *t
	case alarm.LessThanOrEqualToThreshold:
		return t != nil && v <= *t
	case alarm.GreaterThanUpperThreshold:
		return above
	case alarm.LessThanLowerThreshold:
		return below
	case alarm.LessThanLowerOrGreaterThanUpperThreshold:
		return above || below
	}
	return false
}

// finite counts the datapoints with a finite value.
func finite(ds []alarm.Datapoint) int {
	n := 0
	for _, d := range ds {
		if d.Value != nil && !math.IsNaN(*d.Value) && !math.IsInf(*d.Value, 0) {
			n++
		}
	}
	return n
}

// sparkBars are the eight levels of a sparkline, lowest first.
var sparkBars = [...]string{"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"}

// appendSparkline appends ds drawn as one bar per datapoint, scaled from
// the lowest to the highest finite value; missing and non-finite values
// are blanks.
func appendSparkline(b []byte, ds []alarm.Datapoint) []byte {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, d := range ds {
		if d.Value != nil && !math.IsNaN(*d.Value) && !math.IsInf(*d.Value, 0) {
			lo, hi = min(lo, *d.Value), max(hi, *d.Value)
		}
	}
	for _, d := range ds {
		if d.Value == nil || math.IsNaN(*d.Value) || math.IsInf(*d.Value, 0) {
			b = append(b, ' ')
			continue
		}
		// Halves keep the range finite even for ±MaxFloat64.
		f := 0.5
		if hi > lo {
			f = (*d.Value/2 - lo/2) / (hi/2 - lo/2)
		}
		b = append(b, sparkBars[int(max(0, min(1, f))*float64(len(sparkBars)-1)+0.5)]...)
	}
	return b
}
