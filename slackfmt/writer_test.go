package slackfmt

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWriterTruncates(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		write func(w *writer)
		want  string
	}{
		{"fits", 30, func(w *writer) { w.data("abc", modeMrkdwn) }, "abc"},
		{"cut with count", 30, func(w *writer) { w.data(strings.Repeat("é", 20), modePlain) }, "éééééé… (+14 chars)"},
		{"no half entity", 30, func(w *writer) { w.data("abcd&", modeMrkdwn) }, "abcd… (+1 chars)"},
		{"text is all or nothing", 30, func(w *writer) { w.text("ab"); w.text("<!date^1^{time}|x>") }, "ab… (+18 chars)"},
		{"nothing after a cut", 30, func(w *writer) { w.data("abcdefg", modePlain); w.text("x"); w.data("yz", modePlain) }, "abcdef… (+4 chars)"},
		{"astral", 30, func(w *writer) { w.data(strings.Repeat("🔥", 10), modePlain) }, "🔥🔥🔥🔥🔥🔥… (+4 chars)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWriter(tt.limit)
			tt.write(&w)
			got := w.String()
			if got != tt.want {
				t.Errorf("text = %q, want %q", got, tt.want)
			}
			if n := utf8.RuneCountInString(got); n > tt.limit {
				t.Errorf("text has %d characters, limit %d", n, tt.limit)
			}
		})
	}
}

func TestWriterSpan(t *testing.T) {
	tests := []struct {
		name  string
		limit int    // of the writer
		pre   string // raw text before the span
		s     string
		max   int // of the span
		post  string
		want  string
	}{
		{"fits", 100, "a ", "x`y", 10, " b", "a `x\u200d`y` b"},
		{"cut by its own limit", 100, "a ", "abcdefgh", 5, " b", "a `abcd…` b"},
		{"cut by the text's limit", 40, "a ", strings.Repeat("x", 30), 100, " b", "a `" + strings.Repeat("x", 11) + "`… (+21 chars)"},
		{"no room to open", 30, strings.Repeat("a", 5) + " ", "xyz", 10, " b", "aaaaa … (+7 chars)"},
		{"after a cut", 30, strings.Repeat("a", 30), "xyz", 10, " b", "… (+37 chars)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWriter(tt.limit)
			w.text(tt.pre)
			w.span("`", "`", tt.s, modeCode, tt.max)
			w.text(tt.post)
			if got := w.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWriterList(t *testing.T) {
	item := func(w *writer) func(int) {
		return func(i int) { w.span("`", "`", strings.Repeat("x", 10*(i+1)), modeCode, 100) }
	}
	tests := []struct {
		name        string
		limit, n, m int
		want        string
	}{
		{"all", 200, 3, 10, "L\n`xxxxxxxxxx`\n`" + strings.Repeat("x", 20) + "`\n`" + strings.Repeat("x", 30) + "`"},
		{"counted", 200, 3, 1, "L\n`xxxxxxxxxx`\n+2 more things"},
		{"cut, note kept", 110, 5, 10, "L\n`xxxxxxxxxx`\n`" + strings.Repeat("x", 20) + "`\n+3 more things"},
		{"first too long", 60, 2, 10, "L\n`xxxxxx`… (+19 chars)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWriter(tt.limit)
			w.text("L")
			w.list(tt.n, tt.m, " things", item(&w))
			if got := w.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
