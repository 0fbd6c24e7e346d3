package slackfmt

import (
	"math"
	"strconv"
	"time"
)

// appendNum appends v as a reader wants to see it: at most three decimals,
// or three significant digits below 0.1, no trailing zeros, and an
// exponent only for very large or very small values ("80", "81.25",
// "0.0206", "1.508e+10"). Integer digits are never rounded away.
func appendNum(b []byte, v float64) []byte {
	if v == 0 {
		return append(b, '0') // also for -0
	}
	a := math.Abs(v)
	if a < 1e9 && v == math.Trunc(v) {
		return strconv.AppendInt(b, int64(v), 10) // whole numbers, the most common thresholds
	}
	if math.IsNaN(v) || math.IsInf(v, 0) || a >= 1e9 || a < 1e-3 {
		return strconv.AppendFloat(b, v, 'g', 4, 64)
	}
	decimals := 3
	switch {
	case a < 0.01:
		decimals = 5
	case a < 0.1:
		decimals = 4
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', decimals, 64)
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// num returns appendNum of v as a string.
func num(v float64) string {
	var a [32]byte
	return string(appendNum(a[:0], v))
}

// num writes v as appendNum formats it, whole or not at all.
func (w *writer) num(v float64) {
	var a [32]byte
	w.ascii(appendNum(a[:0], v))
}

// period returns a CloudWatch period in short words: "30 s", "1 min",
// "6 h", "1 day". It returns "" for periods that are not positive.
func period(d time.Duration) string {
	s := int64(d / time.Second)
	switch {
	case s <= 0:
		return ""
	case s%86400 == 0:
		return plural(s/86400, "day", "days")
	case s%3600 == 0:
		return strconv.FormatInt(s/3600, 10) + " h"
	case s%60 == 0:
		return strconv.FormatInt(s/60, 10) + " min"
	}
	return strconv.FormatInt(s, 10) + " s"
}

// duration returns how long something lasted, to the two largest units:
// "40 s", "12 min", "3 h 5 min", "2 days 3 h".
func duration(d time.Duration) string {
	s := int64(d / time.Second)
	switch {
	case s < 60:
		return strconv.FormatInt(max(s, 0), 10) + " s"
	case s < 3600:
		return strconv.FormatInt(s/60, 10) + " min"
	case s < 86400:
		return joinUnits(strconv.FormatInt(s/3600, 10)+" h", s%3600/60, " min")
	}
	return joinUnits(plural(s/86400, "day", "days"), s%86400/3600, " h")
}

func joinUnits(big string, small int64, unit string) string {
	if small == 0 {
		return big
	}
	return big + " " + strconv.FormatInt(small, 10) + unit
}

func plural(n int64, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.FormatInt(n, 10) + " " + many
}

// date writes a Slack date token for t, which each reader sees in their
// own time zone, with the UTC time as the fallback text:
// <!date^1700000000^{date_short_pretty} at {time}|2023-11-14 22:13 UTC>.
func (w *writer) date(t time.Time) {
	var a [96]byte
	w.ascii(appendDate(a[:0], t))
}

// appendDate appends the date token for t.
func appendDate(b []byte, t time.Time) []byte {
	b = append(b, "<!date^"...)
	b = strconv.AppendInt(b, t.Unix(), 10)
	b = append(b, "^{date_short_pretty} at {time}|"...)
	b = t.UTC().AppendFormat(b, "2006-01-02 15:04 UTC")
	return append(b, '>')
}

// unitSymbols maps CloudWatch unit names to what follows a number. A unit
// that maps to "" (Count) is not shown.
var unitSymbols = map[string]string{
	"Count":            "",
	"Percent":          "%",
	"Microseconds":     "µs",
	"Milliseconds":     "ms",
	"Seconds":          "s",
	"Bytes":            "B",
	"Kilobytes":        "KB",
	"Megabytes":        "MB",
	"Gigabytes":        "GB",
	"Terabytes":        "TB",
	"Bits":             "bit",
	"Count/Second":     "/s",
	"Bytes/Second":     "B/s",
	"Kilobytes/Second": "KB/s",
	"Megabytes/Second": "MB/s",
	"Gigabytes/Second": "GB/s",
	"Bits/Second":      "bit/s",
}

// unitSymbol returns what follows a number of the given CloudWatch unit:
// "ms" for Milliseconds, "%" for Percent, "" for Count or no unit, and the
// unit's own name for units it does not know.
func unitSymbol(unit string) string {
	if s, ok := unitSymbols[unit]; ok {
		return s
	}
	return unit
}

// unit returns the symbol of the unit of the values the alarm evaluates:
// the reason data's unit where the payload has it, else the unit of the
// query the alarm compares with its threshold.
func (r *renderer) unit() string {
	if rd := r.a.State.ReasonData; rd != nil && rd.Unit != "" {
		return unitSymbol(rd.Unit)
	}
	if m := r.subject(); m != nil {
		return unitSymbol(m.Unit)
	}
	return ""
}

// quantity writes v followed by unit u: "93.61%", "250 ms", "3/s", "12".
// The unit is written as data, since an unknown one is the payload's.
func quantity(w *writer, v float64, u string, m mode) {
	w.num(v)
	if u == "" {
		return
	}
	if u[0] != '%' && u[0] != '/' {
		w.text(" ")
	}
	w.data(u, m)
}
