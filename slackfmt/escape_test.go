package slackfmt

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWriterPut(t *testing.T) {
	const j = zwj
	tests := []struct {
		name string
		in   string
		mode mode
		want string
	}{
		{"mrkdwn controls", "a & b <!channel> <https://x|y>", modeMrkdwn, "a &amp; b &lt;!channel&gt; &lt;https://x|y&gt;"},
		{"entity escaped once", "&lt;", modeMrkdwn, "&amp;lt;"},
		{"formatting at boundaries", "*b* _i_ ~s~ `c`", modeMrkdwn, j + "*b" + j + "* " + j + "_i" + j + "_ " + j + "~s" + j + "~ " + j + "`c" + j + "`"},
		{"formatting inside words", "mem_used_percent 2*3 a~b", modeMrkdwn, "mem_used_percent 2*3 a~b"},
		{"formatting next to non-letters", "é_x x_ _", modeMrkdwn, "é_x x" + j + "_ " + j + "_"},
		{"line breaks", "a\n> b\r\tc", modeMrkdwn, "a &gt; b  c"},
		{"code", "a`b*c_ &\nd", modeCode, "a" + j + "`b*c_ &amp; d"},
		{"code block keeps lines", "SELECT *\nFROM x", modeCodeBlock, "SELECT *\nFROM x"},
		{"plain keeps everything", "<!channel> & *b*\nx", modePlain, "<!channel> & *b*\nx"},
		{"line", "a\nb", modeLine, "a b"},
		{"invalid UTF-8 and controls", "a\xffb\x00c\u202ed\u2028", modePlain, "a\uFFFDb c\uFFFDd "},
		{"astral planes", "🔥\U00010000\U0010FFFD", modeMrkdwn, "🔥\U00010000\U0010FFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWriter(1000)
			w.put(tt.in, tt.mode)
			if got := w.String(); got != tt.want {
				t.Errorf("put(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWriterTruncates(t *testing.T) {
	tests := []struct {
		name  string
		limit int
		write func(w *writer)
		want  string
	}{
		{"fits", 30, func(w *writer) { w.put("abc", modeMrkdwn) }, "abc"},
		{"cut with count", 30, func(w *writer) { w.put(strings.Repeat("é", 20), modePlain) }, "éééééé… (+14 chars)"},
		{"no half entity", 30, func(w *writer) { w.put("abcd&", modeMrkdwn) }, "abcd… (+1 chars)"},
		{"raw is all or nothing", 30, func(w *writer) { w.raw("ab"); w.raw("<!date^1^{time}|x>") }, "ab… (+18 chars)"},
		{"nothing after a cut", 30, func(w *writer) { w.put("abcdefg", modePlain); w.raw("x"); w.put("yz", modePlain) }, "abcdef… (+4 chars)"},
		{"astral", 30, func(w *writer) { w.put(strings.Repeat("🔥", 10), modePlain) }, "🔥🔥🔥🔥🔥🔥… (+4 chars)"},
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

func TestSafeURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2", true},
		{"HTTP://example.com", "HTTP://example.com", true},
		{"https://evil.example/x|AWS Console> <!channel>", "https://evil.example/x%7CAWS%20Console%3E%20%3C!channel%3E", true},
		{"https://例え.jp/パス", "https://%E4%BE%8B%E3%81%88.jp/%E3%83%91%E3%82%B9", true},
		{"javascript:alert(1)", "", false},
		{"//example.com", "", false},
		{"https://", "", false},
		{"https:///path", "", false},
		{"ftp://example.com", "", false},
		{"", "", false},
		{"https://x/" + strings.Repeat("a", 2991), "", false},
	}
	for _, tt := range tests {
		got, ok := safeURL(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("safeURL(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
