package slackfmt

import (
	"math"

	"github.com/cwslack/cwslack/alarm"
)

// latest returns the newest datapoint, and whether it has a value that is
// a number.
func (r *renderer) latest() (alarm.Datapoint, bool) {
	ds := r.a.Datapoints
	if len(ds) == 0 {
		return alarm.Datapoint{}, false
	}
	d := ds[len(ds)-1]
	return d, d.Value != nil && !math.IsNaN(*d.Value)
}

// verdict writes prefix and then the newest value against the threshold
// with the comparison that holds ("93.61% ≥ 80%", or "42% < 80%" once it no
// longer breaches), against the band at that datapoint ("239 ms above
// 12.5–225.7 ms"), or against the one edge of the band that the alarm
// compares with ("15400 > 12000 (upper band)"). It writes nothing when the
// alarm has no condition, no newest value or nothing to compare it with.
func (r *renderer) verdict(w *writer, prefix string, m mode) {
	c := r.a.Condition
	d, ok := r.latest()
	if c == nil || !ok {
		return
	}
	v, u := *d.Value, r.unit()
	op := c.ComparisonOperator
	switch {
	case op.IsBand() && d.Lower != nil && d.Upper != nil:
		w.text(prefix)
		quantity(w, v, u, m)
		w.text(" ")
		w.text(position(v, *d.Lower, *d.Upper))
		w.text(" ")
		w.num(*d.Lower)
		w.text("–")
		quantity(w, *d.Upper, u, m)
	case c.Threshold != nil && op.Symbol() != "":
		w.text(prefix)
		r.compared(w, d, op.Symbol(), *c.Threshold, m)
	case op == alarm.GreaterThanUpperThreshold && d.Upper != nil:
		w.text(prefix)
		r.compared(w, d, ">", *d.Upper, m)
		w.text(" (upper band)")
	case op == alarm.LessThanLowerThreshold && d.Lower != nil:
		w.text(prefix)
		r.compared(w, d, "<", *d.Lower, m)
		w.text(" (lower band)")
	}
}

// compared writes datapoint d's value, the comparison sym with limit when
// d breaches or its negation when it does not, and limit, with their unit.
func (r *renderer) compared(w *writer, d alarm.Datapoint, sym string, limit float64, m mode) {
	if !r.breaches(d) {
		sym = negation(sym)
	}
	u := r.unit()
	quantity(w, *d.Value, u, m)
	w.text(" ")
	w.data(sym, m) // "<" and ">" need escaping in mrkdwn and top-level text
	w.text(" ")
	quantity(w, limit, u, m)
}

// position says where v lies against the band lo–hi.
func position(v, lo, hi float64) string {
	switch {
	case v < lo:
		return "below"
	case v > hi:
		return "above"
	}
	return "within"
}

// negation returns the comparison that holds when the one of symbol sym
// does not.
func negation(sym string) string {
	switch sym {
	case "≥":
		return "<"
	case ">":
		return "≤"
	case "<":
		return "≥"
	case "≤":
		return ">"
	}
	return sym
}
