package slackfmt

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// markerReserve is the room kept at the end of every text for the marker
// that says how much was cut: "… (+1234567 chars)" is at most 21
// characters.
const markerReserve = 24

// writer builds the text of one text object within a character limit,
// and is where all text is escaped and truncated. The library's own text
// (labels, markup, date tokens) is written with text, whole or not at
// all; everything that comes from the alarm is written with data, which
// escapes it for its place and counts characters in the same pass. A text
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

// text writes the library's own text s (markup, labels), unescaped and
// whole or not at all, so that a cut never splits a link, a date token or
// a mention.
func (w *writer) text(s string) {
	n := utf8.RuneCountInString(s)
	if w.left > 0 || w.n+n > w.max {
		w.left += n
		return
	}
	w.buf = append(w.buf, s...)
	w.n += n
}

// data writes alarm-derived text s set out for mode m, cutting it at a
// character boundary if it does not fit. Runs of inert ASCII are copied
// whole; every other rune goes through replacement.
func (w *writer) data(s string, m mode) {
	if w.left > 0 {
		w.left += utf8.RuneCountInString(s)
		return
	}
	prev := ' '
	for i := 0; i < len(s); {
		if j := inertRun(s, i); j > i {
			if !w.writeInert(s, i, j) {
				return
			}
			prev, i = rune(s[j-1]), j
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !w.writeRune(spell(r, m, prev, s[i+size:]), s[i:i+size]) {
			w.left += utf8.RuneCountInString(s[i:])
			return
		}
		prev, i = r, i+size
	}
}

// writeInert writes the inert ASCII s[i:j], or as much of it as fits, and
// reports whether all of s[i:] may still follow.
func (w *writer) writeInert(s string, i, j int) bool {
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

// writeRune writes one rune, spelled orig in the input, as rep (as it is
// when rep is ""), and reports whether it fitted.
func (w *writer) writeRune(rep, orig string) bool {
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

// ascii writes b, which holds only ASCII, whole or not at all, like text.
func (w *writer) ascii(b []byte) { w.runes(b, len(b)) }

// runes writes b, which holds n characters, whole or not at all.
func (w *writer) runes(b []byte, n int) {
	if w.left > 0 || w.n+n > w.max {
		w.left += n
		return
	}
	w.buf = append(w.buf, b...)
	w.n += n
}

// sep writes the separator " · " unless the text is still empty.
func (w *writer) sep() {
	if w.n > 0 {
		w.text(" · ")
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
		return s // what data would write
	}
	w := newWriter(limit)
	w.data(s, modeLine)
	return w.String()
}

// span writes s, set out for mode m, between open and close (such as "`"
// and "`"), keeping at most limit characters of s. Whatever happens, a
// span that is opened is closed, so that a cut never leaves a code span or
// a link open: when s is longer than limit, it ends with "…" inside the
// span and the text goes on; when the text itself is full, the span is
// closed and everything after it is left out as usual.
func (w *writer) span(open, close, s string, m mode, limit int) {
	if !w.roomFor(utf8.RuneCountInString(open)+utf8.RuneCountInString(close), s) {
		return
	}
	w.text(open)
	w.spanBody(close, s, m, limit)
}

// link writes a mrkdwn link to url labelled label, as span does: url must
// be safe (see safeURL), and so ASCII; its "&" are written "&amp;". A "|"
// in the label, which would split it, becomes "¦".
func (w *writer) link(url, label string, limit int) {
	amps := strings.Count(url, "&")
	open := len("<|") + len(url) + amps*len("amp;")
	if !w.roomFor(open+len(">"), label) {
		return
	}
	w.buf = append(w.buf, '<')
	if amps == 0 {
		w.buf = append(w.buf, url...)
	} else {
		w.buf = append(w.buf, strings.ReplaceAll(url, "&", "&amp;")...)
	}
	w.buf = append(w.buf, '|')
	w.n += open
	w.spanBody(">", linkLabel(label), modeMrkdwn, limit)
}

// linkLabel returns s fit to be the label of a mrkdwn link: a "|", which
// would split the label, becomes "¦".
func linkLabel(s string) string {
	if !strings.Contains(s, "|") {
		return s
	}
	return strings.ReplaceAll(s, "|", "¦")
}

// roomFor reports whether a span with fences characters of fences and
// some of s fits; if not, it counts them all as left out.
func (w *writer) roomFor(fences int, s string) bool {
	if w.left > 0 || w.n+fences+2 > w.max {
		w.left += fences + utf8.RuneCountInString(s)
		return false
	}
	return true
}

// spanBody writes the rest of a span whose opening is written: s, then
// close.
func (w *writer) spanBody(close, s string, m mode, limit int) {
	k := utf8.RuneCountInString(close)
	saved, room := w.max, w.max-k
	local := w.n+limit < room
	w.max = min(room, w.n+limit) - 1 // room for "…"
	w.data(s, m)
	w.max = saved
	if w.left > 0 && local {
		w.left = 0
		w.buf = append(w.buf, "…"...)
		w.n++
	}
	w.buf = append(w.buf, close...)
	w.n += k
}

// point is a place in a writer's text to go back to.
type point struct{ bytes, n int }

// point returns the current place in the text.
func (w *writer) point() point { return point{len(w.buf), w.n} }

// rewind goes back to p: it drops what was written after p and forgets
// what was left out.
func (w *writer) rewind(p point) {
	w.buf, w.n, w.left = w.buf[:p.bytes], p.n, 0
}

// noteRoom is the room kept for the "+N more" note of a list.
const noteRoom = len("\n+1234567890 more queries")

// list writes up to limit of n items, each with item(i) on its own line
// and whole or not at all, and then "\n+K more"+noun for the K items that
// it did not write, for which it keeps room. Only a first item that does
// not fit alone is written cut (its spans closed), and then nothing
// follows it.
func (w *writer) list(n, limit int, noun string, item func(i int)) {
	w.max -= noteRoom
	shown := 0
	for shown < min(n, limit) {
		p := w.point()
		w.text("\n")
		item(shown)
		if w.full() && shown > 0 {
			w.rewind(p)
			break
		}
		shown++
		if w.full() {
			break
		}
	}
	w.max += noteRoom
	if more := n - shown; more > 0 {
		w.text("\n+" + strconv.Itoa(more) + " more" + noun)
	}
}
