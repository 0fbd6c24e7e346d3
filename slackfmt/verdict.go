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
// longer breaches), or against the band at that datapoint ("239 ms above
// 12.5–225.7 ms"). It writes nothing when the alarm has no condition, no
// newest value or nothing to compare it with.
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
		sym := op.Symbol()
		if !r.breaches(d) {
			sym = negation(sym)
		}
		w.text(prefix)
		quantity(w, v, u, m)
		w.text(" ")
		w.data(sym, m) // "<" and ">" need escaping in mrkdwn and top-level text
		w.text(" ")
		quantity(w, *c.Threshold, u, m)
	}
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
