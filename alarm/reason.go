package alarm

import (
	"strings"
	"time"
)

// A state reason text (NewStateReason in an SNS alarm message, state.reason
// in EventBridge events and Lambda actions) comes in one of a few forms,
// which CloudWatch has used since 2013. Those that carry facts are, with
// TS a datapoint time "dd/MM/yy HH:mm:ss" in UTC (day first), numbers Java
// doubles ("1.50785441792E10"), lists newest first, OP one of "greater
// than", "greater than or equal to", "less than" and "less than or equal
// to", and MIN the suffix " (minimum X datapoint(s) for A -> B
// transition)":
//
//	T1 Threshold Crossed: M out of the last N datapoints [V (TS), …] was|were [not ]OP the threshold (T)[ and K missing datapoints were treated as [X]]MIN.
//	T2 Threshold Crossed: M out of the last N datapoints were [not ]OP the threshold (T). The most recent datapoints which crossed the threshold: [V (TS), …]MIN.
//	T3 Threshold Crossed: N datapoints [V (TS), …] was|were [not ]OP the threshold (T)[ and K missing datapoints were treated as [X]].
//	T4 Threshold Crossed: N datapoints were [not ]OP the threshold (T). The most recent datapoints which crossed the threshold: [V (TS), …].
//	T5 Threshold Crossed: N datapoints were [not ]OP the threshold (T). The most recent datapoints: [V, V].
//	T6 Threshold Crossed: 1 datapoint (V) was [not ]OP the threshold (T).
//	C1 Threshold Crossed: M out of the last N datapoints was|were [not ]OP the threshold (T). The most recent datapoint(s) which [not ]crossed the threshold: [V (TS), …]MIN.
//	C2 Threshold Crossed: N datapoints was|were [not ]OP the threshold (T). The most recent datapoint(s) which crossed the threshold: [V (TS), …].
//	B1 Thresholds Crossed: M out of the last N datapoints [V (TS)] was [not ]less than the lower thresholds [L] or [not ]greater than the upper thresholds [U]MIN.
//	B2 Thresholds Crossed: M out of the last N datapoints were [not ]greater than the upper thresholds. Recent datapoints [V (TS), …] crossed the upper thresholds [U, …]MIN.
//	M1 Threshold Crossed: no datapoints were received for P periods and K missing datapoints were treated as [X].
//	M2 Threshold Crossed: R datapoints were received for P periods and K missing datapoints were treated as [X].
//	I1 Insufficient Data: N datapoints were unknown.
//	U1 Unchecked: Initial alarm creation
//	X1 arn:…:alarm:CHILD transitioned to STATE at Friday 22 July, 2022 15:57:45 UTC
//	X2 arn:…:alarm:COMPOSITE was created and its alarm rule evaluates to STATE
//	Q1 K out of N time series evaluated to ALARM     (also "100+ time series evaluated to ALARM")
//	Q2 N time series evaluated to OK
//	Q3 No time series were returned by the query.[ Treat missing data is configured as [X].]
//	P1 K time series evaluated to ALARM
//
// The lists of T2, T4, C1, C2 and B2 hold at most five datapoints, and may
// hold fewer than N. Anything else, such as the free text of SetAlarmState,
// has no known form.

// reasonForm is the form of a state reason text.
type reasonForm uint8

const (
	// reasonUnknown is a text of no known form, such as the caller's text of
	// SetAlarmState, or one that breaks the grammar before its facts.
	reasonUnknown reasonForm = iota
	// reasonThreshold compares datapoints with a static threshold (T1–T6,
	// C1, C2).
	reasonThreshold
	// reasonBand compares datapoints with an anomaly detection band (B1,
	// B2).
	reasonBand
	// reasonNoData says how many datapoints were missing (M1, M2).
	reasonNoData
	// reasonInsufficient says how many datapoints were unknown (I1).
	reasonInsufficient
	// reasonCreated is the state of a new alarm (U1).
	reasonCreated
	// reasonChild names the child that made a composite alarm change (X1).
	reasonChild
	// reasonRuleCreated is the state of a new composite alarm (X2).
	reasonRuleCreated
	// reasonSeries counts the time series of a multi-time-series alarm (Q1,
	// Q2, Q3, P1).
	reasonSeries
)

// reasonFacts are the facts that parseReason reads from a state reason
// text. A reason of no known form yields the zero value; every fact that a
// form does not state is left at its zero value.
type reasonFacts struct {
	// Form is the reason's form.
	Form reasonForm
	// Datapoints are the datapoints the reason lists, oldest first (the
	// text lists them newest first). A datapoint of the legacy forms T5 and
	// T6 has a zero Timestamp. For anomaly bands, a datapoint's Lower and
	// Upper are set when the reason lists as many band edges as datapoints.
	Datapoints []Datapoint
	// Operator is the comparison the reason names. "was not greater than"
	// still means GreaterThanThreshold: the alarm's operator is the same
	// whichever way the comparison came out.
	Operator ComparisonOperator
	// Negated reports that the reason says the datapoints were "not" on the
	// breaching side of the comparison: the text of a change to OK.
	Negated bool
	// Threshold is the static threshold; nil for anomaly bands.
	Threshold *float64
	// Lower and Upper are the anomaly band edges, the newest when the
	// reason lists several; nil when the reason names no such edge.
	Lower, Upper *float64
	// Crossed is M of "M out of the last N datapoints", or N of "N
	// datapoints were …": how many datapoints the comparison is about.
	Crossed int
	// EvaluationPeriods is N of "M out of the last N datapoints"; 0 when
	// the reason has the short form.
	EvaluationPeriods int
	// DatapointsToAlarm is M of the alarm's "M out of N", from the
	// "(minimum X datapoint(s) for A -> B transition)" suffix; nil when
	// the suffix is absent or cannot be read. See minimumToDatapointsToAlarm.
	DatapointsToAlarm *int
	// From and To are the direction of evaluation that the suffix names,
	// "OK -> ALARM" or "ALARM -> OK". It is the direction CloudWatch
	// evaluated, not a record of the previous state: after INSUFFICIENT_DATA
	// the suffix still says "OK -> ALARM".
	From, To StateValue
	// Missing is how many missing datapoints the reason says were treated
	// as breaching or not, and MissingTreatedAs how ("and 19 missing
	// datapoints were treated as [NonBreaching]").
	Missing          int
	MissingTreatedAs TreatMissingData
	// Received and Periods are the datapoints received and the periods
	// evaluated of a reason about missing data (M1, M2).
	Received, Periods int
	// Unknown is how many datapoints were unknown (I1).
	Unknown int
	// Subject is the alarm a composite reason names: the child that
	// transitioned, with its state and the time (X1), or the composite
	// alarm that was created, with the state its rule evaluates to (X2).
	Subject *Child
	// Series counts the time series of a multi-time-series alarm (Q1–Q3,
	// P1).
	Series *SeriesCount
}

// parseReason reads the facts in a state reason text, of any of the forms
// above. Reading is opportunistic but never wrong: a text that breaks the
// grammar before the comparison yields no facts, a datapoint list that
// does not parse yields no datapoints, and an unrecognised tail after the
// comparison is ignored. It never panics.
func parseReason(reason string) reasonFacts {
	p := reasonParser{s: reason}
	var f reasonFacts
	if !p.parse(&f) {
		return reasonFacts{}
	}
	if f.Form == reasonThreshold || f.Form == reasonBand {
		p.finish(&f)
	}
	return f
}

// parse reads the reason into f and reports whether it has a known form.
func (p *reasonParser) parse(f *reasonFacts) bool {
	switch {
	case p.lit("Threshold Crossed: "), p.lit("Thresholds Crossed: "):
		return p.crossed(f)
	case p.lit("Insufficient Data: "):
		return p.insufficient(f)
	case p.lit("Unchecked: Initial alarm creation"):
		f.Form = reasonCreated
		return p.end()
	case p.lit("No time series were returned by the query."):
		f.Form, f.Series = reasonSeries, &SeriesCount{}
		return p.noSeriesTail(f)
	case strings.HasPrefix(p.s, "arn:"):
		return p.composite(f)
	}
	start := p.s
	if p.series(f) {
		return true
	}
	p.s = start
	return p.bareNoData(f)
}

// bareNoData reads M1 and M2 without their "Threshold Crossed: " prefix,
// as people quote them ("no datapoints were received for 2 periods and 2
// missing datapoints were treated as [Breaching]"); no other form is read
// without its prefix.
func (p *reasonParser) bareNoData(f *reasonFacts) bool {
	q := reasonParser{s: p.s}
	var g reasonFacts
	if !q.crossed(&g) || g.Form != reasonNoData {
		return false
	}
	*f = g
	return true
}

// noSeriesTail reads the end of Q3, which CloudWatch follows with how the
// alarm treats missing data: " Treat missing data is configured as
// [NonBreaching]."
func (p *reasonParser) noSeriesTail(f *reasonFacts) bool {
	if p.lit(" Treat missing data is configured as [") {
		word, rest, ok := strings.Cut(p.s, "]")
		if !ok {
			return false
		}
		f.MissingTreatedAs, _ = normaliseTreatMissingData(word)
		p.s = rest
	}
	return p.end()
}

// insufficient reads "N datapoint(s) was|were unknown." after
// "Insufficient Data: ".
func (p *reasonParser) insufficient(f *reasonFacts) bool {
	n, ok := p.int()
	if !ok || !p.datapointWord() || !p.lit(" was unknown") && !p.lit(" were unknown") {
		return false
	}
	f.Form, f.Unknown = reasonInsufficient, n
	return p.end()
}

// series reads the reasons of a multi-time-series alarm: "K out of N time
// series evaluated to ALARM", "100+ time series evaluated to ALARM", "N
// time series evaluated to OK" and "K time series evaluated to ALARM".
func (p *reasonParser) series(f *reasonFacts) bool {
	k, ok := p.int()
	if !ok {
		return false
	}
	s := SeriesCount{InAlarm: k}
	switch {
	case p.lit("+"):
		s.AtLeast = true
	case p.lit(" out of "):
		if s.Total, ok = p.int(); !ok || k > s.Total {
			return false
		}
	}
	if !p.lit(" time series evaluated to ") {
		return false
	}
	switch {
	case p.lit(string(StateAlarm)):
	case p.lit(string(StateOK)) && !s.AtLeast && s.Total == 0:
		s.InAlarm, s.Total = 0, k
	default:
		return false
	}
	f.Form, f.Series = reasonSeries, &s
	return p.end()
}

// composite reads the reasons of a composite alarm: "ARN transitioned to
// STATE at WHEN" (X1) and "ARN was created and its alarm rule evaluates to
// STATE" (X2). Alarm names may hold spaces, so the ARN ends at the last
// occurrence of the phrase.
func (p *reasonParser) composite(f *reasonFacts) bool {
	const moved, created = " transitioned to ", " was created and its alarm rule evaluates to "
	if i := strings.LastIndex(p.s, created); i > 0 {
		v := StateValue(strings.TrimSpace(p.s[i+len(created):]))
		if !v.Valid() {
			return false
		}
		f.Form, f.Subject = reasonRuleCreated, &Child{ARN: cleanARN(p.s[:i]), State: v}
		return true
	}
	i := strings.LastIndex(p.s, moved)
	if i <= 0 {
		return false
	}
	state, when, _ := strings.Cut(p.s[i+len(moved):], " at ")
	v := StateValue(state)
	if !v.Valid() {
		return false
	}
	f.Form, f.Subject = reasonChild, &Child{ARN: cleanARN(p.s[:i]), State: v, Timestamp: parseChildTime(when)}
	return true
}

// cleanARN returns arn without the spaces that the AWS documentation's
// samples put after the colons of an ARN's fields
// ("arn:aws:cloudwatch:us-east-1: 111122223333:alarm:x"); an ARN it cannot
// read is returned as it is.
func cleanARN(arn string) string {
	if !strings.Contains(arn, ": ") {
		return arn
	}
	a, ok := parseARN(arn)
	if !ok {
		return arn
	}
	return "arn:" + a.Partition + ":" + a.Service + ":" + a.Region + ":" + a.Account + ":" + a.Resource
}

// parseChildTime parses the time of an X1 reason, "Friday 22 July, 2022
// 15:57:45 UTC", also in the AWS documentation's misspellings "12: 54: 46"
// and "August,2023". A time it cannot read is the zero time.
func parseChildTime(s string) time.Time {
	s = dropSpacesAfterColons(strings.TrimSpace(s))
	for _, layout := range [...]string{"Monday 02 January, 2006 15:04:05 UTC", "Monday 02 January,2006 15:04:05 UTC"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t
		}
	}
	return time.Time{}
}

// finish sets the datapoints and band edges of a threshold or band reason:
// each datapoint gets its band edge when the reason lists one per
// datapoint, and the datapoints are put oldest first.
func (p *reasonParser) finish(f *reasonFacts) {
	if len(p.lower) > 0 {
		f.Lower = p.lower[0]
		p.setBand(p.lower, func(d *Datapoint, v *float64) { d.Lower = v })
	}
	if len(p.upper) > 0 {
		f.Upper = p.upper[0]
		p.setBand(p.upper, func(d *Datapoint, v *float64) { d.Upper = v })
	}
	f.Datapoints = oldestFirst(p.newest)
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
