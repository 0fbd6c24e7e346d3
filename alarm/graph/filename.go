package graph

import (
	"strings"
	"unicode"

	"github.com/cwslack/cwslack/alarm"
)

// maxFilename is the longest name, in characters, that Filename gives an
// alarm's part of a file name.
const maxFilename = 80

// Filename returns a file name for the graph of a, such as
// "web-cpu-high-alarm.png": the alarm's name with every character that is
// not a letter, a digit, "-", "_" or "." replaced by "-", cut to 80
// characters, then its state in lower case. A file saved from Slack keeps
// its name, so the name should say which alarm it shows and be valid on
// every file system.
func Filename(a *alarm.Alarm) string {
	if a == nil {
		return "alarm.png"
	}
	name := collapse(strings.Map(safeRune, a.Name), '-')
	if runes := []rune(name); len(runes) > maxFilename {
		name = string(runes[:maxFilename])
	}
	name = strings.Trim(name, "-.")
	if name == "" {
		name = "alarm"
	}
	if s := strings.ToLower(string(a.State.Value)); s != "" {
		name += "-" + strings.Map(safeRune, s)
	}
	return name + ".png"
}

// safeRune keeps letters, digits, '-', '_' and '.', and turns anything
// else into '-'.
func safeRune(r rune) rune {
	if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' {
		return r
	}
	return '-'
}

// collapse replaces each run of c in s by one c.
func collapse(s string, c rune) string {
	var b strings.Builder
	prev := false
	for _, r := range s {
		if r == c && prev {
			continue
		}
		prev = r == c
		b.WriteRune(r)
	}
	return b.String()
}
