package slackfmt

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
		w.raw(" ")
	}
	w.put(u, m)
}
