package slackfmt

import "testing"

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
			w.data(tt.in, tt.mode)
			if got := w.String(); got != tt.want {
				t.Errorf("data(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestEmojiCodes(t *testing.T) {
	tests := []struct {
		in, mrkdwn, code string
	}{
		{":smile:", ":\u200dsmile:", ":smile:"},
		{"a:b:c", "a:\u200db:c", "a:b:c"},
		{"x:+1: y", "x:\u200d+1: y", "x:+1: y"},
		{"10: 30", "10: 30", "10: 30"},
		{"::", "::", "::"},
		{"time: 10:30", "time: 10:30", "time: 10:30"},
		{":中文:", ":\u200d中文:", ":中文:"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			for _, c := range []struct {
				m    mode
				want string
			}{{modeMrkdwn, tt.mrkdwn}, {modeText, tt.mrkdwn}, {modeCode, tt.code}, {modePlain, tt.code}} {
				w := newWriter(100)
				w.data(tt.in, c.m)
				if got := w.String(); got != c.want {
					t.Errorf("mode %d: data(%q) = %q, want %q", c.m, tt.in, got, c.want)
				}
			}
		})
	}
}
