package alarm

import "strings"

// This file reads the forms that start "Threshold Crossed: " or
// "Thresholds Crossed: " (T1–T6, C1, C2, B1, B2, M1, M2): a count of
// datapoints, the datapoints either inline before the comparison or in a
// summary after it, the comparison with a threshold or band, and the
// optional missing-data clause and "(minimum …)" suffix.

// crossed reads what follows "Threshold(s) Crossed: ".
func (p *reasonParser) crossed(f *reasonFacts) bool {
	if p.lit("no datapoints were received for ") {
		return p.noData(f, 0)
	}
	n, ok := p.int()
	if !ok {
		return false
	}
	if p.lit(" out of the last ") {
		if f.EvaluationPeriods, ok = p.int(); !ok {
			return false
		}
	}
	if !p.datapointWord() {
		return false
	}
	if f.EvaluationPeriods == 0 && (p.lit(" was received for ") || p.lit(" were received for ")) {
		return p.noData(f, n)
	}
	f.Crossed = n
	switch {
	case p.lit(" ["):
		return p.inline(f)
	case p.lit(" ("):
		return p.legacy(f)
	case p.wasWere():
		return p.summary(f)
	}
	return false
}

// noData reads the rest of M1 and M2, "P period(s)[ and K missing
// datapoint(s) was|were treated as [X]].", after "no datapoints were
// received for " or "R datapoints were received for ".
func (p *reasonParser) noData(f *reasonFacts, received int) bool {
	periods, ok := p.int()
	if !ok || !p.lit(" periods") && !p.lit(" period") {
		return false
	}
	*f = reasonFacts{Form: reasonNoData, Received: received, Periods: periods}
	if p.lit(" and ") {
		p.missing(f)
	}
	return true
}

// inline reads T1, T3 and B1 after the opening bracket of their list:
// "V (TS), …] was|were [not ]COMPARISON" and the tail.
func (p *reasonParser) inline(f *reasonFacts) bool {
	if !p.list(true) || !p.wasWere() || !p.comparison(f) {
		return false
	}
	p.tail(f)
	return true
}

// legacy reads T6 after its parenthesis: "V) was [not ]COMPARISON".
func (p *reasonParser) legacy(f *reasonFacts) bool {
	v, ok := p.number(")")
	if !ok || !p.lit(")") || !p.wasWere() || !p.comparison(f) {
		return false
	}
	p.newest = []Datapoint{{Value: ptrTo(v)}}
	p.tail(f)
	return true
}

// summary reads T2, T4, T5, C1, C2 and B2 after "was " or "were ": the
// comparison, the optional missing-data clause, then the list of the most
// recent datapoints and the suffix. A summary that does not parse leaves
// the facts of the comparison without datapoints.
func (p *reasonParser) summary(f *reasonFacts) bool {
	if !p.comparison(f) {
		return false
	}
	if p.lit(" and ") && !p.missing(f) {
		return true
	}
	ok := true
	switch {
	case p.lit(". The most recent datapoints which "), p.lit(". The most recent datapoint which "):
		p.lit("not ")
		ok = p.lit("crossed the threshold: [") && p.list(true)
	case p.lit(". The most recent datapoints: ["):
		ok = p.list(false)
	case p.lit(". Recent datapoints ["):
		ok = p.list(true) && p.lit(" crossed the ") && p.edgeLists()
	}
	if ok {
		p.tail(f)
	}
	return true
}

// comparison reads the op-phrase and what it compares with: "the
// threshold (T)" or the anomaly detection band.
func (p *reasonParser) comparison(f *reasonFacts) bool {
	f.Negated = p.lit("not ")
	for _, c := range staticComparisons {
		if p.lit(c.phrase) {
			t, ok := p.number(")")
			if !ok || !p.lit(")") {
				return false
			}
			f.Form, f.Operator, f.Threshold = reasonThreshold, c.op, ptrTo(t)
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

// The op-phrases of the anomaly detection band.
const (
	phraseLower = "less than the lower thresholds"
	phraseUpper = "greater than the upper thresholds"
)

// band reads the anomaly detection comparisons: "less than the lower
// thresholds", optionally followed by " or [not ]greater than the upper
// thresholds", or "greater than the upper thresholds" alone, each with its
// list of edges " [L, …]" in the inline form (B1) and without in the
// summary form (B2).
func (p *reasonParser) band(f *reasonFacts) bool {
	switch {
	case p.lit(phraseLower):
		f.Operator = LessThanLowerThreshold
		if !p.optionalEdges(&p.lower) {
			return false
		}
		if p.lit(" or ") {
			p.lit("not ")
			if !p.lit(phraseUpper) || !p.optionalEdges(&p.upper) {
				return false
			}
			f.Operator = LessThanLowerOrGreaterThanUpperThreshold
		}
	case p.lit(phraseUpper):
		f.Operator = GreaterThanUpperThreshold
		if !p.optionalEdges(&p.upper) {
			return false
		}
	default:
		return false
	}
	f.Form = reasonBand
	return true
}

// optionalEdges reads " [E, …]" into edges if the text at the cursor
// starts with it, and reports false only for a list that does not parse.
func (p *reasonParser) optionalEdges(edges *[]*float64) bool {
	if !p.lit(" [") {
		return true
	}
	es, ok := p.edges()
	*edges = es
	return ok
}

// edgeLists reads the band edges of B2 after "crossed the ": "upper
// thresholds [U, …]" or "lower thresholds [L, …]", the two joined by " or
// [the ]" when the reason names both.
func (p *reasonParser) edgeLists() bool {
	for {
		switch {
		case p.lit("lower thresholds ["):
			if !p.edgesInto(&p.lower) {
				return false
			}
		case p.lit("upper thresholds ["):
			if !p.edgesInto(&p.upper) {
				return false
			}
		default:
			return false
		}
		if !p.lit(" or ") {
			return true
		}
		p.lit("the ")
	}
}

// edgesInto reads a list of edges into edges, which the comparison may
// have left empty.
func (p *reasonParser) edgesInto(edges *[]*float64) bool {
	es, ok := p.edges()
	if ok {
		*edges = es
	}
	return ok
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

// tail reads the optional clauses after the comparison or the summary
// list: the missing datapoints clause and the "(minimum …)" suffix. It
// stops at the first thing it does not recognise.
func (p *reasonParser) tail(f *reasonFacts) {
	if p.lit(" and ") && !p.missing(f) {
		return
	}
	if p.lit(" (minimum ") {
		p.minimum(f)
	}
}

// missing reads "K missing datapoint(s) was|were treated as [X]" and
// records it only when all of it reads.
func (p *reasonParser) missing(f *reasonFacts) bool {
	k, ok := p.int()
	if !ok || !p.lit(" missing") || !p.datapointWord() {
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
	f.Missing = k
	p.s = p.s[end+1:]
	return true
}

// minimum reads "X datapoint(s) for OLD -> NEW transition)" after
// " (minimum ", and sets the direction and DatapointsToAlarm from it.
func (p *reasonParser) minimum(f *reasonFacts) {
	x, ok := p.int()
	if !ok || !p.datapointWord() || !p.lit(" for ") {
		return
	}
	transition, _, ok := strings.Cut(p.s, " transition)")
	if !ok {
		return
	}
	from, to, ok := strings.Cut(transition, " -> ")
	if !ok || !StateValue(from).Valid() || !StateValue(to).Valid() {
		return
	}
	f.From, f.To = StateValue(from), StateValue(to)
	if m, ok := minimumToDatapointsToAlarm(x, f.To, f.EvaluationPeriods); ok {
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
