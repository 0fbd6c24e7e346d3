package slackfmt

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

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
	w.raw(open)
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
	w.put(s, m)
	w.max = saved
	if w.left > 0 && local {
		w.left = 0
		w.buf = append(w.buf, "…"...)
		w.n++
	}
	w.buf = append(w.buf, close...)
	w.n += k
}

// mark is a point in a writer's text to go back to.
type mark struct{ bytes, n int }

// mark returns the current point of the text.
func (w *writer) mark() mark { return mark{len(w.buf), w.n} }

// reset goes back to k: it drops what was written after k and forgets
// what was left out.
func (w *writer) reset(k mark) {
	w.buf, w.n, w.left = w.buf[:k.bytes], k.n, 0
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
		k := w.mark()
		w.raw("\n")
		item(shown)
		if w.full() && shown > 0 {
			w.reset(k)
			break
		}
		shown++
		if w.full() {
			break
		}
	}
	w.max += noteRoom
	if more := n - shown; more > 0 {
		w.raw("\n+" + strconv.Itoa(more) + " more" + noun)
	}
}
