package slackfmt

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/slack-go/slack"
)

// encode returns the webhook body of m as golden files hold it: indented,
// with < > & left readable, and a final newline.
func encode(t testing.TB, m *Message) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		t.Fatalf("encoding message: %v", err)
	}
	return unescapeHTML(b.Bytes())
}

// unescapeHTML turns the \u003c, \u003e and \u0026 escapes that
// slack-go's own encoders write back into < > &, for readable golden
// files; the JSON means the same.
func unescapeHTML(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		if s := string(b[i+1 : min(i+6, len(b))]); s == "u003c" || s == "u003e" || s == "u0026" {
			out = append(out, map[string]byte{"u003c": '<', "u003e": '>', "u0026": '&'}[s])
			i += 5
			continue
		}
		out = append(out, b[i], b[i+1])
		i++
	}
	return out
}

// textObject is a text object found in a message, with its JSON path.
type textObject struct {
	path, typ, text string
	verbatim, emoji bool
}

// textObjects returns every text object in the webhook body of m.
func textObjects(t testing.TB, m *Message) []textObject {
	t.Helper()
	body, err := m.MarshalJSON()
	if err != nil {
		t.Fatalf("MarshalJSON: %v", err)
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatalf("json.Unmarshal: %v", err)
	}
	var out []textObject
	walk("", doc, &out)
	return out
}

func walk(path string, v any, out *[]textObject) {
	switch v := v.(type) {
	case map[string]any:
		typ, _ := v["type"].(string)
		if text, ok := v["text"].(string); ok && (typ == "mrkdwn" || typ == "plain_text") {
			verbatim, _ := v["verbatim"].(bool)
			emoji, _ := v["emoji"].(bool)
			*out = append(*out, textObject{path: path, typ: typ, text: text, verbatim: verbatim, emoji: emoji})
		}
		for k, e := range v {
			walk(path+"/"+k, e, out)
		}
	case []any:
		for i, e := range v {
			walk(path+"/"+itoa(i), e, out)
		}
	}
}

func itoa(i int) string { return string(appendInt(nil, i)) }

func appendInt(b []byte, i int) []byte {
	if i >= 10 {
		b = appendInt(b, i/10)
	}
	return append(b, byte('0'+i%10))
}

// smuggled returns every control sequence <…> in mrkdwn s that is neither
// a date token, nor one of the mentions, nor a link to one of the URLs
// (with & written &amp;, as mrkdwn wants).
func smuggled(s string, mentions, urls []string) []string {
	var bad []string
	for {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			return bad
		}
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			return append(bad, s[i:])
		}
		tok := s[i+1 : i+j]
		s = s[i+j+1:]
		if strings.HasPrefix(tok, "!date^") && !strings.ContainsAny(tok, "<") {
			continue
		}
		if contains(mentions, "<"+tok+">") {
			continue
		}
		if u, _, ok := strings.Cut(tok, "|"); ok && contains(urls, strings.ReplaceAll(u, "&amp;", "&")) {
			continue
		}
		bad = append(bad, "<"+tok+">")
	}
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// checkSafe fails t if any mrkdwn text of m carries a mention, a link or a
// date token that the test did not configure, or is not verbatim.
func checkSafe(t *testing.T, m *Message, mentions, urls []string) {
	t.Helper()
	if bad := smuggled(m.Text, mentions, nil); len(bad) > 0 {
		t.Errorf("top-level text %q carries %q", m.Text, bad)
	}
	for _, o := range textObjects(t, m) {
		if o.typ != "mrkdwn" {
			continue
		}
		if !o.verbatim {
			t.Errorf("%s: mrkdwn is not verbatim, so Slack would link bare URLs", o.path)
		}
		if bad := smuggled(o.text, mentions, urls); len(bad) > 0 {
			t.Errorf("%s: %q carries %q", o.path, o.text, bad)
		}
	}
}

// blockTexts returns the text a reader sees in each block of m, one
// string per block, for compact expectations.
func blockTexts(t *testing.T, m *Message) []string {
	t.Helper()
	blocks := m.Blocks.BlockSet
	if len(m.Attachments) > 0 {
		blocks = m.Attachments[0].Blocks.BlockSet
	}
	var out []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			out = append(out, "header: "+b.Text.Text)
		case *slack.SectionBlock:
			out = append(out, "section: "+b.Text.Text)
		case *slack.ContextBlock:
			var parts []string
			for _, e := range b.ContextElements.Elements {
				parts = append(parts, e.(*slack.TextBlockObject).Text)
			}
			out = append(out, "context: "+strings.Join(parts, " | "))
		case *slack.ActionBlock:
			var parts []string
			for _, e := range b.Elements.ElementSet {
				btn := e.(*slack.ButtonBlockElement)
				parts = append(parts, btn.Text.Text+" → "+btn.URL)
			}
			out = append(out, "actions: "+strings.Join(parts, " | "))
		default:
			t.Fatalf("unexpected block %T", b)
		}
	}
	return out
}

// sectionText returns the text of the section of m whose block_id starts
// with prefix.
func sectionText(t *testing.T, m *Message, prefix string) string {
	t.Helper()
	for _, b := range m.Blocks.BlockSet {
		if s, ok := b.(*slack.SectionBlock); ok && strings.HasPrefix(s.BlockID, prefix) {
			return s.Text.Text
		}
	}
	t.Fatalf("no section %s…", prefix)
	return ""
}

func firstLine(s string) string {
	for i := range s {
		if s[i] == '\n' {
			return s[:i]
		}
	}
	return s
}

func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("json.Marshal: %v", err)
	}
	return b
}

func decodeAny(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("json.Unmarshal(%s): %v", b, err)
	}
	return v
}
