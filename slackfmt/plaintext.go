package slackfmt

import (
	"strconv"
	"strings"
	"time"
)

// PlainText returns s, the top-level text of a message or the text of a
// mrkdwn object, as a person reads it in Slack, for showing it outside
// Slack (a terminal, a log, a test):
//
//   - the entities &lt; &gt; &amp; become < > &;
//   - the zero-width joiners that Build puts next to formatting characters
//     and emoji codes to neutralise them are removed (other joiners, such
//     as those inside emoji sequences, stay);
//   - a date token <!date^…|fallback> becomes its fallback text, or the
//     UTC time when it has none;
//   - a link <url|label> becomes "label (url)", and <url> the URL;
//   - mentions stay readable: <!here> becomes "@here", <@U024BE7LH|bob>
//     "@bob", <!subteam^S…|@oncall> "@oncall", <#C…|general> "#general",
//     and a mention without a label shows its ID.
//
// Formatting characters (*bold*, _italic_, `code`) stay as they are, and a
// "<" that opens no control sequence is kept. Applied to text that holds
// no "<" and no "&", PlainText changes nothing but the neutralising
// joiners, so PlainText(PlainText(s)) == PlainText(s) for such text.
func PlainText(s string) string {
	if !strings.ContainsAny(s, "<&"+zwj) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			unescapeTo(&b, s)
			break
		}
		unescapeTo(&b, s[:i])
		s = s[i:]
		j := strings.IndexAny(s[1:], "<>") + 1
		if j == 0 || s[j] == '<' || j == 1 {
			b.WriteByte('<') // opens no control sequence
			s = s[1:]
			continue
		}
		controlTo(&b, s[1:j])
		s = s[j+1:]
	}
	return dropNeutralisers(b.String())
}

// entities are the only entities that Slack decodes.
var entities = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&")

// unescapeTo writes s with the entities &lt; &gt; &amp; decoded.
func unescapeTo(b *strings.Builder, s string) {
	if strings.IndexByte(s, '&') < 0 {
		b.WriteString(s)
		return
	}
	entities.WriteString(b, s)
}

// unescape returns s with the entities &lt; &gt; &amp; decoded.
func unescape(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return entities.Replace(s)
}

// controlTo writes the control sequence <seq> as a person reads it.
func controlTo(b *strings.Builder, seq string) {
	body, label, labelled := strings.Cut(seq, "|")
	label = unescape(label)
	switch {
	case strings.HasPrefix(body, "!date^"):
		b.WriteString(dateText(body, label, labelled))
	case body == "!here" || body == "!channel" || body == "!everyone":
		b.WriteString("@" + body[1:])
	case strings.HasPrefix(body, "!subteam^"):
		b.WriteString(mentionText("@", body[len("!subteam^"):], label))
	case strings.HasPrefix(body, "@"), strings.HasPrefix(body, "#"):
		b.WriteString(mentionText(body[:1], body[1:], label))
	case strings.HasPrefix(body, "!"):
		b.WriteString(mentionText("", unescape(body[1:]), label))
	default:
		linkText(b, unescape(body), label)
	}
}

// dateText returns how a date token with the body "!date^unix^format…"
// reads: its fallback, or the UTC time.
func dateText(body, fallback string, hasFallback bool) string {
	if hasFallback {
		return fallback
	}
	secs, _, _ := strings.Cut(body[len("!date^"):], "^")
	if n, err := strconv.ParseInt(secs, 10, 64); err == nil {
		return time.Unix(n, 0).UTC().Format("2006-01-02 15:04 UTC")
	}
	return unescape(body)
}

// mentionText returns a mention of id labelled label, after sigil: the
// label where there is one (without a second sigil), else the ID.
func mentionText(sigil, id, label string) string {
	if label != "" {
		return sigil + strings.TrimPrefix(label, sigil)
	}
	return sigil + id
}

// linkText writes a link to url labelled label as "label (url)", or the
// URL alone when there is no label or the label is the URL.
func linkText(b *strings.Builder, url, label string) {
	if label == "" || label == url {
		b.WriteString(url)
		return
	}
	b.WriteString(label)
	b.WriteString(" (")
	b.WriteString(url)
	b.WriteString(")")
}

// dropNeutralisers removes the zero-width joiners that neutralise
// formatting: every run of them that follows a colon or precedes one of
// * _ ~ `. Runs elsewhere, such as the joiners inside emoji sequences,
// stay.
func dropNeutralisers(s string) string {
	if !strings.Contains(s, zwj) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for s != "" {
		i := strings.Index(s, zwj)
		if i < 0 {
			b.WriteString(s)
			break
		}
		j := i
		for strings.HasPrefix(s[j:], zwj) {
			j += len(zwj)
		}
		b.WriteString(s[:i])
		if !neutralises(s, i, j) {
			b.WriteString(s[i:j])
		}
		s = s[j:]
	}
	return b.String()
}

// neutralises reports whether the run of joiners s[i:j] follows a colon or
// precedes a formatting character.
func neutralises(s string, i, j int) bool {
	return (i > 0 && s[i-1] == ':') || (j < len(s) && strings.IndexByte("*_~`", s[j]) >= 0)
}
