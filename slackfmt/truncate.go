package slackfmt

import (
	"strconv"
	"unicode/utf8"
)

// Slack's Block Kit limits, in characters (Unicode code points, as Slack
// and slack-go count them). Sources: the block reference pages under
// https://docs.slack.dev/reference/block-kit/ and, for the total,
// github.com/slackapi/bolt-js issues 2509 and 2867 (msg_blocks_too_long).
const (
	maxBlocks        = 50    // blocks per message
	maxHeaderText    = 150   // header text
	maxSectionText   = 3000  // section text and any text object
	maxFields        = 10    // section fields
	maxFieldText     = 2000  // each section field
	maxContextElems  = 10    // context elements
	maxActionElems   = 25    // actions elements
	maxButtonText    = 75    // button text
	maxURL           = 3000  // button url, image url
	maxButtonValue   = 2000  // button value
	maxAltText       = 2000  // image alt_text
	maxID            = 255   // block_id, action_id
	maxTotalText     = 12000 // all text of all blocks: undocumented, msg_blocks_too_long
	maxTopLevelText  = 4000  // top-level text: "best results" limit of chat.postMessage
	maxAttachments   = 100   // too_many_attachments
	maxMarkdownTotal = 12000 // all markdown blocks together
)

// The share of the message that each part of the default layout may take.
// Their sum (with the fixed text around them) stays far below
// maxTotalText, so a message built from any alarm fits without a second
// pass; the shares only bind for absurd alarms (a 1 MB description, a
// thousand-character rule).
const (
	budgetMentions    = 600
	budgetDescription = 1500
	budgetState       = 400
	budgetReason      = 800
	budgetCondition   = 600
	budgetQueries     = 2500
	budgetDatapoints  = 600
	budgetRule        = 1000
	budgetChildren    = 1200
	budgetSuppression = 500
	budgetFooter      = 800
	budgetTags        = 900
	budgetSummary     = 300 // top-level text
	budgetMetadata    = 1024
)

// markerReserve is the room kept at the end of every text for the marker
// that says how much was cut: "… (+1234567 chars)" is at most 21
// characters.
const markerReserve = 24

// writer builds the text of one text object within a character limit.
// It is THE place where text is truncated: everything alarm-derived is
// written with put, which escapes and counts in the same pass, and a text
// that does not fit ends with a visible "…" and the number of characters
// left out. Once something did not fit, everything after it is left out
// too, so the text never skips a piece and shows a later one.
type writer struct {
	buf  []byte
	max  int // characters the content may take, marker not included
	n    int // characters written
	left int // characters left out
}

// newWriter returns a writer for a text of at most limit characters.
func newWriter(limit int) writer {
	return writer{buf: make([]byte, 0, initialBuf), max: limit - markerReserve}
}

// initialBuf is the capacity a writer starts with: most texts of a message
// are shorter, so that one allocation serves them whole.
const initialBuf = 128

// raw writes the library's own text s (markup, labels), whole or not at
// all, so that a cut never splits a link, a date token or a mention.
func (w *writer) raw(s string) {
	n := utf8.RuneCountInString(s)
	if w.left > 0 || w.n+n > w.max {
		w.left += n
		return
	}
	w.buf = append(w.buf, s...)
	w.n += n
}

// put writes alarm-derived text s set out for mode m, cutting it at a
// character boundary if it does not fit. Runs of inert ASCII are copied
// whole; every other rune goes through replacement.
func (w *writer) put(s string, m mode) {
	if w.left > 0 {
		w.left += utf8.RuneCountInString(s)
		return
	}
	prev := ' '
	for i := 0; i < len(s); {
		if j := inertRun(s, i); j > i {
			if !w.putInert(s, i, j) {
				return
			}
			prev, i = rune(s[j-1]), j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !w.putRune(spell(r, m, prev, s[i+size:]), s[i:i+size]) {
			w.left += utf8.RuneCountInString(s[i:])
			return
		}
		prev, i = r, i+size
	}
}

// putInert writes the inert ASCII s[i:j], or as much of it as fits, and
// reports whether all of s[i:] may still follow.
func (w *writer) putInert(s string, i, j int) bool {
	if room := w.max - w.n; j-i > room {
		w.buf = append(w.buf, s[i:i+room]...)
		w.n += room
		w.left += utf8.RuneCountInString(s[i+room:])
		return false
	}
	w.buf = append(w.buf, s[i:j]...)
	w.n += j - i
	return true
}

// putRune writes one rune, spelled orig in the input, as rep (as it is
// when rep is ""), and reports whether it fitted.
func (w *writer) putRune(rep, orig string) bool {
	k := 1
	if rep != "" {
		k = utf8.RuneCountInString(rep)
	}
	if w.n+k > w.max {
		return false
	}
	if rep == "" {
		rep = orig
	}
	w.buf = append(w.buf, rep...)
	w.n += k
	return true
}

// sep writes the separator " · " unless the text is still empty.
func (w *writer) sep() {
	if w.n > 0 {
		w.raw(" · ")
	}
}

// empty reports whether nothing was written or left out.
func (w *writer) empty() bool { return w.n == 0 && w.left == 0 }

// full reports whether something was left out.
func (w *writer) full() bool { return w.left > 0 }

// String returns the text, with the truncation marker if anything was left
// out. It is the last call on a writer.
func (w *writer) String() string {
	if w.left > 0 {
		w.buf = append(w.buf, "… (+"...)
		w.buf = strconv.AppendInt(w.buf, int64(w.left), 10)
		w.buf = append(w.buf, " chars)"...)
		w.left = 0
	}
	return string(w.buf)
}

// clip returns s on one line, cut to at most limit characters with the
// truncation marker; it is for text that is not mrkdwn (top-level text
// pieces, metadata).
func clip(s string, limit int) string {
	if len(s) <= limit-markerReserve && inertRun(s, 0) == len(s) {
		return s // what put would write
	}
	w := newWriter(limit)
	w.put(s, modeLine)
	return w.String()
}
