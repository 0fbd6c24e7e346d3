package slackfmt

import (
	"strings"
	"testing"
)

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
			w.raw(tt.pre)
			w.span("`", "`", tt.s, modeCode, tt.max)
			w.raw(tt.post)
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
			w.raw("L")
			w.list(tt.n, tt.m, " things", item(&w))
			if got := w.String(); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
