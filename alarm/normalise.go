package alarm

import "strings"

// normaliseTreatMissingData maps every spelling of TreatMissingData seen in
// SNS alarm messages to its API value:
//
//	"- TreatMissingData:                    missing"  (2015–2021, padded)
//	"- TreatMissingData: missing"                     (2019–2021)
//	"- TreatMissingData:NonBreaching"                 (2019 fixture)
//	"notBreaching", "missing", …                      (2022 onwards, the API value)
//	""                                                (not set on the alarm)
//
// It strips an optional "- TreatMissingData:" prefix and surrounding spaces,
// then matches case-insensitively, ignoring spaces, hyphens and
// underscores; "NonBreaching" is a synonym of "notBreaching". The empty
// value yields TreatMissing, the API default. ok is false, and the result
// "", for a value it does not recognise; callers keep "" and carry on.
func normaliseTreatMissingData(s string) (TreatMissingData, bool) {
	s = strings.TrimSpace(s)
	if rest, ok := cutPrefixFold(s, "- TreatMissingData:"); ok {
		s = strings.TrimSpace(rest)
	}
	switch foldWord(s) {
	case "", "missing":
		return TreatMissing, true
	case "notbreaching", "nonbreaching":
		return TreatNotBreaching, true
	case "breaching":
		return TreatBreaching, true
	case "ignore":
		return TreatIgnore, true
	}
	return "", false
}

// cutPrefixFold is strings.CutPrefix with a case-insensitive prefix.
func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) < len(prefix) || !strings.EqualFold(s[:len(prefix)], prefix) {
		return s, false
	}
	return s[len(prefix):], true
}

// foldWord lower-cases s and drops spaces, hyphens and underscores, so that
// "Not_Breaching" and "notBreaching" compare equal. Words longer than 32
// bytes, which match nothing, come back unchanged.
func foldWord(s string) string {
	if len(s) > 32 {
		return s
	}
	var buf [32]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '-' || c == '_':
		case 'A' <= c && c <= 'Z':
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}

// basicStatistics maps the folded spellings of the five basic statistics to
// their API names. SNS alarm messages write them in upper case ("AVERAGE",
// and "SAMPLE_COUNT" by the API enum's naming), EventBridge and
// MetricStat.Stat in API casing.
var basicStatistics = map[string]string{
	"average":     "Average",
	"sum":         "Sum",
	"minimum":     "Minimum",
	"maximum":     "Maximum",
	"samplecount": "SampleCount",
}

// normaliseStatistic returns a statistic in API casing. The basic
// statistics are matched case-insensitively ("AVERAGE" → "Average",
// "SAMPLE_COUNT" and "SAMPLECOUNT" → "SampleCount"). Extended statistics
// keep the casing the CloudWatch API documents: the short forms are lower
// case ("P99" → "p99", "TM90" → "tm90", also wm, tc, ts), the range forms
// upper case ("tm(10%:90%)" → "TM(10%:90%)", also WM, TC, TS, PR), and IQM
// upper case. Anything else, "" included, is returned unchanged.
func normaliseStatistic(s string) string {
	if len(s) <= len("sample_count") {
		if api, ok := basicStatistics[foldWord(s)]; ok {
			return api
		}
	}
	if strings.EqualFold(s, "IQM") {
		return "IQM"
	}
	return normaliseExtendedStatistic(s)
}

// normaliseExtendedStatistic fixes the casing of a percentile-style
// statistic: a prefix p, tm, wm, tc, ts or pr followed by either a number
// ("p99.9", short form, lower case) or a parenthesised range ("TM(10%:90%)",
// upper case). Other strings are returned unchanged.
func normaliseExtendedStatistic(s string) string {
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	prefix, rest := strings.ToLower(s[:i]), s[i:]
	switch prefix {
	case "p", "tm", "wm", "tc", "ts", "pr":
	default:
		return s
	}
	switch {
	case strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")"):
		return strings.ToUpper(prefix) + rest
	case prefix != "pr" && isDecimal(rest):
		return prefix + rest
	}
	return s
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isDecimal reports whether s is a non-empty run of digits with at most one
// dot, such as "99" or "99.9".
func isDecimal(s string) bool {
	dots := 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '.':
			dots++
		case s[i] < '0' || s[i] > '9':
			return false
		}
	}
	return s != "" && s != "." && dots <= 1
}

// normaliseUnit returns "" for the ways an alarm message says a metric has
// no unit: "", "None" (the SNS Trigger.Unit of a unitless metric) and "null"
// (a null that some producers stringify), matched case-insensitively. Any
// other unit is returned unchanged.
func normaliseUnit(s string) string {
	if strings.EqualFold(s, "None") || strings.EqualFold(s, "null") {
		return ""
	}
	return s
}
