package slackfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slack-go/slack"
)

// How alarm-derived text is set out. Every string that comes from the alarm
// (names, descriptions, reasons, labels, dimension values, tags) goes
// through writer.put with one of these modes, in one pass, exactly once;
// nothing else ever escapes, so nothing is escaped twice.
type mode uint8

const (
	// modeMrkdwn is inline data inside a mrkdwn text object. & < > become
	// entities, so no mention, link or date token can be smuggled in. The
	// mrkdwn formatting characters * _ ~ ` have no escape in Slack, so they
	// are neutralised with a ZERO WIDTH JOINER (U+200D) in front: a
	// formatting character only opens or closes a span next to a space,
	// punctuation or the edge of the text, and the joiner is none of those,
	// so the character is shown as itself. * _ ~ between two letters or
	// digits (snake_case names, 2*3) cannot open or close a span and are
	// left alone, so that names copied from Slack stay intact. Line breaks
	// become spaces, so data cannot start a "> quote" line.
	modeMrkdwn mode = iota
	// modeCode is data inside an inline `code` span: & < > are escaped,
	// backticks get the joiner so the span cannot be closed early, and line
	// breaks become spaces. Slack does not format inside code.
	modeCode
	// modeCodeBlock is data inside a ```code block```: as modeCode, but line
	// breaks are kept.
	modeCodeBlock
	// modePlain is text of a plain_text object, which Slack never parses:
	// nothing is escaped and line breaks are kept.
	modePlain
	// modeLine is plain_text on one line (headers, buttons).
	modeLine
)

const zwj = "\u200d"

// replacement returns what r becomes in mode m, or "" when r is written
// unchanged. It handles every rune class that any mode changes: the mrkdwn
// control characters, the formatting characters, line breaks and other
// control characters, invalid UTF-8 and the bidirectional overrides that
// could make a name read backwards.
func replacement(r rune, m mode) string {
	switch r {
	case '&':
		if m < modePlain {
			return "&amp;"
		}
	case '<':
		if m < modePlain {
			return "&lt;"
		}
	case '>':
		if m < modePlain {
			return "&gt;"
		}
	case '`':
		if m < modePlain {
			return zwj + "`"
		}
	case '*', '_', '~':
		if m == modeMrkdwn {
			return zwj + string(r)
		}
	case '\n':
		if m == modeMrkdwn || m == modeCode || m == modeLine {
			return " "
		}
		return ""
	case '\t':
		return " "
	case utf8.RuneError:
		return "\uFFFD"
	case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069':
		return "\uFFFD"
	}
	if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
		return " "
	}
	return ""
}

// inert marks the ASCII bytes that every mode writes as they are: the
// printable characters other than & < > and the formatting characters.
var inert = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune("&<>`*_~", rune(c))
	}
	return t
}()

// inertRun returns the end of the run of inert bytes that starts at s[i].
func inertRun(s string, i int) int {
	for ; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || !inert[c] {
			break
		}
	}
	return i
}

// isFormatting reports whether r is a mrkdwn formatting character that
// needs a neighbour that is not a letter or digit to take effect.
func isFormatting(r rune) bool { return r == '*' || r == '_' || r == '~' }

// inWord reports whether a formatting character between prev and the
// first rune of rest sits inside a word, where Slack does not format.
func inWord(prev rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return isWordRune(prev) && isWordRune(next)
}

func isWordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// mrkdwn returns a mrkdwn text object for s, which must already be safe
// (built with a writer). verbatim is set so that Slack does not turn bare
// URLs or #channel names in alarm data into links; mentions, links and
// dates that the library writes itself are still honoured.
func mrkdwn(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.MarkdownType, s, false, true)
}

// plain returns a plain_text text object for s. Slack parses nothing in
// plain_text; emoji is on so that the library's own Unicode emoji render
// the same everywhere.
func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
}
