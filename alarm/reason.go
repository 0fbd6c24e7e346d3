package alarm

import (
	"strconv"
	"strings"
	"time"
)

// reasonFacts are the facts that parseReason reads from a state reason text.
// Every field is optional: a reason that does not follow CloudWatch's
// grammar yields the zero value.
type reasonFacts struct {
	// Datapoints are the datapoints the reason lists, oldest first (the
	// text lists them newest first). The legacy form "1 datapoint (1.0)"
	// gives one datapoint with a value and a zero Timestamp. For anomaly
	// bands, a datapoint's Lower and Upper are set when the reason lists as
	// many band edges as datapoints.
	Datapoints []Datapoint
	// Operator is the comparison the reason names. "was not greater than"
	// still means GreaterThanThreshold: the alarm's operator is the same
	// whichever way the comparison came out.
	Operator ComparisonOperator
	// Threshold is the static threshold; nil for anomaly bands.
	Threshold *float64
	// Lower and Upper are the anomaly band edges, newest first when the
	// reason lists several; nil when the reason names no such edge.
	Lower, Upper *float64
	// EvaluationPeriods is N of "M out of the last N datapoints"; 0 when
	// the reason has the short form.
	EvaluationPeriods int
	// DatapointsToAlarm is M of "M out of N", from the
	// "(minimum X datapoint(s) for OLD -> NEW transition)" suffix; nil when
	// the suffix is absent or cannot be read. See minimumToDatapointsToAlarm.
	DatapointsToAlarm *int
	// MissingTreatedAs is how the reason says missing datapoints were
	// treated ("and 19 missing datapoints were treated as [NonBreaching]");
	// empty when it does not say.
	MissingTreatedAs TreatMissingData
}

// parseReason reads the facts in a state reason text: NewStateReason in an
// SNS alarm message, state.reason in EventBridge events and Lambda actions.
// The grammar is, for the forms that carry facts:
//
//	Threshold Crossed: M out of the last N datapoints [V (TS), …] was|were [not ]OP the threshold (T)[ and K missing datapoints were treated as [X]] (minimum X datapoints for A -> B transition).
//	Threshold Crossed: N datapoints [V (TS), …] was|were [not ]OP the threshold (T).
//	Threshold Crossed: 1 datapoint (V) was [not ]OP the threshold (T).
//	Thresholds Crossed: M out of the last N datapoints [V (TS)] was [not ]less than the lower thresholds [L] or [not ]greater than the upper thresholds [U] (minimum …).
//
// where TS is "dd/MM/yy HH:mm:ss" in UTC (day first) and numbers are Java
// doubles ("1.50785441792E10"). Reading is opportunistic: composite,
// insufficient-data, creation and SetAlarmState reasons, and anything that
// breaks the grammar before the threshold, yield the zero reasonFacts; an
// unrecognised tail after the threshold is ignored. It never panics.
func parseReason(reason string) reasonFacts {
	p := reasonParser{s: reason}
	var f reasonFacts
	if !p.parseCore(&f) {
		return reasonFacts{}
	}
	p.parseTail(&f)
	return f
}

// reasonParser is a cursor over a reason text. Every method that reads
// something advances the cursor only when it succeeds.
type reasonParser struct {
	s string
	// newest holds the listed datapoints in text order, newest first.
	newest []Datapoint
}

// parseCore reads the header, the counts, the datapoints and the
// comparison with its threshold or band edges.
func (p *reasonParser) parseCore(f *reasonFacts) bool {
	if !p.lit("Threshold Crossed: ") && !p.lit("Thresholds Crossed: ") {
		return false
	}
	if !p.counts(f) || !p.datapoints() {
		return false
	}
	if !p.lit(" was ") && !p.lit(" were ") {
		return false
	}
	if !p.comparison(f) {
		return false
	}
	f.Datapoints = oldestFirst(p.newest)
	return true
}

// counts reads "M out of the last N datapoints " or "N datapoints ",
// recording N of the long form as the evaluation periods.
func (p *reasonParser) counts(f *reasonFacts) bool {
	if _, ok := p.int(); !ok {
		return false
	}
	if p.lit(" out of the last ") {
		n, ok := p.int()
		if !ok {
			return false
		}
		f.EvaluationPeriods = n
	}
	return p.datapointWord() && p.lit(" ")
}

// datapointWord reads " datapoint" or " datapoints".
func (p *reasonParser) datapointWord() bool {
	return p.lit(" datapoints") || p.lit(" datapoint")
}

// datapoints reads "[V (TS), V (TS)]" or the legacy "(V)".
func (p *reasonParser) datapoints() bool {
	if p.lit("(") {
		v, ok := p.number(")")
		if !ok || !p.lit(")") {
			return false
		}
		p.newest = []Datapoint{{Value: ptrTo(v)}}
		return true
	}
	if !p.lit("[") {
		return false
	}
	p.newest = make([]Datapoint, 0, p.countItems())
	for !p.lit("]") {
		if len(p.newest) > 0 && !p.lit(", ") {
			return false
		}
		d, ok := p.datapoint()
		if !ok {
			return false
		}
		p.newest = append(p.newest, d)
	}
	return true
}

// countItems returns the number of items in the bracketed list that starts
// at the cursor: one more than the commas before the closing bracket.
func (p *reasonParser) countItems() int {
	end := strings.IndexByte(p.s, ']')
	if end < 0 {
		return 0
	}
	return strings.Count(p.s[:end], ",") + 1
}

// datapoint reads "V (dd/MM/yy HH:mm:ss)".
func (p *reasonParser) datapoint() (Datapoint, bool) {
	v, ok := p.number(" ")
	if !ok || !p.lit(" (") {
		return Datapoint{}, false
	}
	end := strings.IndexByte(p.s, ')')
	if end < 0 {
		return Datapoint{}, false
	}
	ts, ok := parseReasonTime(p.s[:end])
	if !ok {
		return Datapoint{}, false
	}
	p.s = p.s[end+1:]
	return Datapoint{Timestamp: ts, Value: ptrTo(v)}, true
}

// comparison reads the op-phrase and what it compares with: "the threshold
// (T)" or the anomaly band edges.
func (p *reasonParser) comparison(f *reasonFacts) bool {
	p.lit("not ")
	for _, c := range staticComparisons {
		if p.lit(c.phrase) {
			t, ok := p.number(")")
			if !ok || !p.lit(")") {
				return false
			}
			f.Operator, f.Threshold = c.op, ptrTo(t)
			return true
		}
	}
	return p.band(f)
}

// staticComparisons are the op-phrases of static-threshold reasons, each
// listed before any phrase it starts with.
var staticComparisons = [...]struct {
	phrase string
	op     ComparisonOperator
}{
	{"greater than or equal to the threshold (", GreaterThanOrEqualToThreshold},
	{"greater than the threshold (", GreaterThanThreshold},
	{"less than or equal to the threshold (", LessThanOrEqualToThreshold},
	{"less than the threshold (", LessThanThreshold},
}

// band reads the anomaly detection comparisons: "less than the lower
// thresholds [L]", optionally followed by " or [not ]greater than the upper
// thresholds [U]", or "greater than the upper thresholds [U]" alone.
func (p *reasonParser) band(f *reasonFacts) bool {
	const lower, upper = "less than the lower thresholds [", "greater than the upper thresholds ["
	if p.lit(lower) {
		lo, ok := p.edges()
		if !ok {
			return false
		}
		f.Operator, f.Lower = LessThanLowerThreshold, lo[0]
		p.setBand(lo, func(d *Datapoint, v *float64) { d.Lower = v })
		if !p.lit(" or ") {
			return true
		}
		p.lit("not ")
		if !p.lit(upper) {
			return false
		}
		f.Operator = LessThanLowerOrGreaterThanUpperThreshold
	} else if !p.lit(upper) {
		return false
	} else {
		f.Operator = GreaterThanUpperThreshold
	}
	hi, ok := p.edges()
	if !ok {
		return false
	}
	f.Upper = hi[0]
	p.setBand(hi, func(d *Datapoint, v *float64) { d.Upper = v })
	return true
}

// edges reads the numbers of a band edge list up to and including "]",
// after the opening bracket. The list is never empty when ok is true.
func (p *reasonParser) edges() ([]*float64, bool) {
	var vs []*float64
	for {
		v, ok := p.number(",]")
		if !ok {
			return nil, false
		}
		vs = append(vs, ptrTo(v))
		if p.lit("]") {
			return vs, true
		}
		if !p.lit(", ") && !p.lit(",") {
			return nil, false
		}
	}
}

// setBand gives each listed datapoint its band edge, when the reason lists
// one edge per datapoint (both lists are newest first).
func (p *reasonParser) setBand(edges []*float64, set func(*Datapoint, *float64)) {
	if len(edges) != len(p.newest) {
		return
	}
	for i := range p.newest {
		set(&p.newest[i], edges[i])
	}
}

// parseTail reads the optional clauses after the comparison: the missing
// datapoints clause and the "(minimum …)" suffix. It stops at the first
// thing it does not recognise.
func (p *reasonParser) parseTail(f *reasonFacts) {
	if p.lit(" and ") {
		if !p.missing(f) {
			return
		}
	}
	if p.lit(" (minimum ") {
		p.minimum(f)
	}
}

// missing reads "K missing datapoint(s) was|were treated as [X]".
func (p *reasonParser) missing(f *reasonFacts) bool {
	if _, ok := p.int(); !ok || !p.lit(" missing") || !p.datapointWord() {
		return false
	}
	if !p.lit(" were treated as [") && !p.lit(" was treated as [") {
		return false
	}
	end := strings.IndexByte(p.s, ']')
	if end < 0 {
		return false
	}
	if t, ok := normaliseTreatMissingData(p.s[:end]); ok && end > 0 {
		f.MissingTreatedAs = t
	}
	p.s = p.s[end+1:]
	return true
}

// minimum reads "X datapoint(s) for OLD -> NEW transition)" after
// " (minimum " and sets DatapointsToAlarm from it.
func (p *reasonParser) minimum(f *reasonFacts) {
	x, ok := p.int()
	if !ok || !p.datapointWord() || !p.lit(" for ") {
		return
	}
	arrow := strings.Index(p.s, " -> ")
	if arrow < 0 {
		return
	}
	to, _, ok := strings.Cut(p.s[arrow+len(" -> "):], " transition)")
	if !ok {
		return
	}
	if m, ok := minimumToDatapointsToAlarm(x, StateValue(to), f.EvaluationPeriods); ok {
		f.DatapointsToAlarm = &m
	}
}

// minimumToDatapointsToAlarm turns the X of "(minimum X datapoints for
// OLD -> NEW transition)" into M of "M out of N". For a transition to ALARM,
// X is M: M breaching datapoints are needed. For a transition to OK, X is
// the number of non-breaching datapoints that make fewer than M of N
// breach, N−M+1, so M = N−X+1. The corpus confirms both: the WAF alarm with
// DatapointsToAlarm 1 of 20 says "minimum 1 datapoint for OK -> ALARM", the
// RDS anomaly alarm with 3 of 3 says "1 out of the last 3 … minimum 1
// datapoint for ALARM -> OK", and the EventBridge cwagent sample (3 of 3)
// says "minimum 1 datapoint for ALARM -> OK". ok is false when M cannot be
// derived: an unknown target state, N unknown for OK, or X out of range.
func minimumToDatapointsToAlarm(x int, to StateValue, n int) (int, bool) {
	switch {
	case x < 1:
		return 0, false
	case to == StateAlarm:
		return x, n == 0 || x <= n
	case to == StateOK && n > 0 && x <= n:
		return n - x + 1, true
	}
	return 0, false
}

// lit advances past prefix if the text at the cursor starts with it.
func (p *reasonParser) lit(prefix string) bool {
	rest, ok := strings.CutPrefix(p.s, prefix)
	if ok {
		p.s = rest
	}
	return ok
}

// int reads a non-negative decimal integer of at most 9 digits.
func (p *reasonParser) int() (int, bool) {
	n, i := 0, 0
	for ; i < len(p.s) && i < 9 && '0' <= p.s[i] && p.s[i] <= '9'; i++ {
		n = n*10 + int(p.s[i]-'0')
	}
	if i == 0 {
		return 0, false
	}
	p.s = p.s[i:]
	return n, true
}

// number reads a Java-formatted double that ends before the first byte in
// stop (or at the end of the text).
func (p *reasonParser) number(stop string) (float64, bool) {
	end := strings.IndexAny(p.s, stop)
	if end < 0 {
		end = len(p.s)
	}
	v, err := strconv.ParseFloat(p.s[:end], 64)
	if err != nil {
		return 0, false
	}
	p.s = p.s[end:]
	return v, true
}

// oldestFirst reverses the newest-first datapoints of a reason in place.
func oldestFirst(d []Datapoint) []Datapoint {
	for i, j := 0, len(d)-1; i < j; i, j = i+1, j-1 {
		d[i], d[j] = d[j], d[i]
	}
	if len(d) == 0 {
		return nil
	}
	return d
}

// parseReasonTime parses a reason timestamp, "dd/MM/yy HH:mm:ss" in UTC
// with the day first, as 20yy. It rejects dates that do not exist.
func parseReasonTime(s string) (time.Time, bool) {
	// Offsets of the two-digit fields and the separator before each.
	const layout = "dd/MM/yy HH:mm:ss"
	if len(s) != len(layout) {
		return time.Time{}, false
	}
	var v [6]int
	for i := range v {
		at := 3 * i
		hi, lo := s[at], s[at+1]
		if hi < '0' || hi > '9' || lo < '0' || lo > '9' || (i > 0 && s[at-1] != layout[at-1]) {
			return time.Time{}, false
		}
		v[i] = int(hi-'0')*10 + int(lo-'0')
	}
	day, month, year, hour, min, sec := v[0], time.Month(v[1]), 2000+v[2], v[3], v[4], v[5]
	if hour > 23 || min > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(year, month, day, hour, min, sec, 0, time.UTC)
	if t.Day() != day || t.Month() != month {
		return time.Time{}, false
	}
	return t, true
}
