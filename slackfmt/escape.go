package slackfmt

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/slack-go/slack"
)

// How alarm-derived text is set out. Every string that comes from the alarm
// (names, descriptions, reasons, labels, dimension values, tags) goes
// through writer.data with one of these modes, in one pass, exactly once;
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
	// become spaces, so data cannot start a "> quote" line. A colon that
	// opens an emoji code (":large_green_circle:") gets the joiner after
	// it, so that Slack shows the code as text rather than as an emoji that
	// could pass for the library's own state emoji.
	modeMrkdwn mode = iota
	// modeCode is data inside an inline `code` span: & < > are escaped,
	// backticks get the joiner so the span cannot be closed early, and line
	// breaks become spaces. Slack does not format inside code.
	modeCode
	// modeCodeBlock is data inside a ```code block```: as modeCode, but line
	// breaks are kept.
	modeCodeBlock
	// modeText is the top-level text, which Slack parses like mrkdwn for
	// notifications: as modeCode, and emoji codes are neutralised as in
	// modeMrkdwn.
	modeText
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
		if m == modeMrkdwn || m == modeCode || m == modeText || m == modeLine {
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

// spell returns what rune r, between prev and rest, becomes in mode m, or
// "" when r is written unchanged: replacement, but for the characters
// whose treatment depends on their neighbours.
func spell(r rune, m mode, prev rune, rest string) string {
	switch {
	case m == modeMrkdwn && isFormatting(r) && inWord(prev, rest):
		return ""
	case r == ':' && (m == modeMrkdwn || m == modeText) && emojiAhead(rest):
		return ":" + zwj
	}
	return replacement(r, m)
}

// maxEmojiName bounds the emoji names that emojiAhead looks for.
const maxEmojiName = 100

// emojiAhead reports whether rest, the text after a colon, starts with an
// emoji name and its closing colon, as in "smile:".
func emojiAhead(rest string) bool {
	for i, r := range rest {
		switch {
		case r == ':':
			return i > 0
		case i >= maxEmojiName:
			return false
		case !isWordRune(r) && !strings.ContainsRune("_-+'", r):
			return false
		}
	}
	return false
}

// inert marks the ASCII bytes that every mode writes as they are: the
// printable characters other than & < >, the formatting characters and
// the colon.
var inert = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune("&<>`*_~:", rune(c))
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

// plain returns a plain_text text object for s with emoji off: Slack then
// shows an emoji code such as :large_green_circle: in an alarm's name or
// description as the text it is, so that an alarm called
// ":large_green_circle: OK: db" cannot pass for a green OK. The library's
// own state emoji are Unicode characters, which render either way.
func plain(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
}

// plainEmoji returns a plain_text text object for s with emoji on, for
// text that the caller configured (button labels), where an emoji code
// such as :book: is meant to render.
func plainEmoji(s string) *slack.TextBlockObject {
	return slack.NewTextBlockObject(slack.PlainTextType, s, true, false)
}
