package alarm

import (
	"strconv"
	"strings"
	"time"
)

// reasonParser is a cursor over a reason text. Every method that reads
// something advances the cursor; one that fails may leave it anywhere, and
// reading then stops.
type reasonParser struct {
	s string
	// newest holds the listed datapoints in text order, newest first.
	newest []Datapoint
	// lower and upper hold the listed band edges, newest first.
	lower, upper []*float64
}

// lit advances past prefix if the text at the cursor starts with it.
func (p *reasonParser) lit(prefix string) bool {
	rest, ok := strings.CutPrefix(p.s, prefix)
	if ok {
		p.s = rest
	}
	return ok
}

// end reports whether nothing but a full stop and white space is left.
func (p *reasonParser) end() bool {
	rest := strings.TrimSpace(p.s)
	return rest == "" || rest == "."
}

// wasWere reads " was " or " were ".
func (p *reasonParser) wasWere() bool {
	return p.lit(" was ") || p.lit(" were ")
}

// datapointWord reads " datapoint" or " datapoints".
func (p *reasonParser) datapointWord() bool {
	return p.lit(" datapoints") || p.lit(" datapoint")
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

// list reads the items of a bracketed list of datapoints, after the
// opening bracket, up to and including "]": "V (dd/MM/yy HH:mm:ss)" items
// when timed, bare values ("7.0, 7.0", the legacy form) otherwise. The
// datapoints are kept only when the whole list reads; the cursor then
// stays where it was.
func (p *reasonParser) list(timed bool) bool {
	start := p.s
	items := make([]Datapoint, 0, p.countItems())
	for !p.lit("]") {
		if len(items) > 0 && !p.lit(", ") {
			p.s = start
			return false
		}
		d, ok := p.item(timed)
		if !ok {
			p.s = start
			return false
		}
		items = append(items, d)
	}
	p.newest = items
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

// item reads one datapoint of a list: "V (dd/MM/yy HH:mm:ss)" when timed,
// else "V".
func (p *reasonParser) item(timed bool) (Datapoint, bool) {
	if !timed {
		v, ok := p.number(",]")
		return Datapoint{Value: ptrTo(v)}, ok
	}
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
