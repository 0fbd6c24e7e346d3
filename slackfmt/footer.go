package slackfmt

import (
	"slices"
	"strconv"
	"strings"

	"github.com/slack-go/slack"
)

// maxLinks bounds the links of one message: the console link and the
// extra ones.
const maxLinks = 10

// consoleLabel labels the link to the alarm in the AWS console.
const consoleLabel = "Open in CloudWatch"

// footer returns the context block with the account, region and (unless
// they are buttons) the links, and the alarm's tags in a second element,
// or nil when there is none of them.
func (r *renderer) footer() slack.Block {
	els := make([]slack.MixedElement, 0, 2)
	w := newWriter(budgetFooter)
	r.where(&w)
	if !r.o.buttons {
		r.linkLine(&w)
	}
	if !w.empty() {
		els = append(els, mrkdwn(w.String()))
	}
	if len(r.a.Tags) > 0 {
		t := newWriter(budgetTags)
		r.tagLine(&t)
		if !t.empty() {
			els = append(els, mrkdwn(t.String()))
		}
	}
	if len(els) == 0 {
		return nil
	}
	return slack.NewContextBlock(r.id("footer"), els...)
}

// where writes "Account 123456789012 (prod) · eu-west-3".
func (r *renderer) where(w *writer) {
	if id := r.a.AccountID; id != "" {
		w.sep()
		w.text("Account ")
		r.account(w, id)
	}
	if r.a.Region != "" {
		w.sep()
		w.data(r.a.Region, modeMrkdwn)
	}
}

// account writes an account ID and its alias, if one was configured.
func (r *renderer) account(w *writer, id string) {
	w.data(id, modeMrkdwn)
	if alias := r.o.aliases[id]; alias != "" {
		w.text(" (")
		w.data(alias, modeMrkdwn)
		w.text(")")
	}
}

// linkLine writes each link as a mrkdwn link, each after a separator.
func (r *renderer) linkLine(w *writer) {
	for _, l := range r.links() {
		w.sep()
		w.link(l.url, l.text, maxButtonText)
	}
}

// buttons returns the actions block of URL buttons when WithLinkButtons is
// on and there are links, else nil.
func (r *renderer) buttons() slack.Block {
	if !r.o.buttons {
		return nil
	}
	ls := r.links()
	if len(ls) == 0 {
		return nil
	}
	els := make([]slack.BlockElement, 0, len(ls))
	for i, l := range ls {
		w := newWriter(maxButtonText)
		w.data(l.text, modeLine)
		els = append(els, slack.NewButtonBlockElement("cw-link-"+strconv.Itoa(i), "", plainEmoji(w.String())).WithURL(l.url))
	}
	return slack.NewActionBlock(r.id("links"), els...)
}

// consoleURL returns the link to the alarm in the console: filtered to the
// contributor at the time of its state change, for a contributor's
// notification, else the alarm's own.
func (r *renderer) consoleURL() string {
	if c := r.a.Contributor; c != nil && c.ConsoleURL != "" {
		return c.ConsoleURL
	}
	return r.a.ConsoleURL
}

// links returns the console link and the extra links whose URLs are safe,
// at most maxLinks of them.
func (r *renderer) links() []link {
	ls := make([]link, 0, 1+len(r.o.links)+len(r.o.tagLinks))
	if u, ok := safeURL(r.consoleURL()); ok {
		ls = append(ls, link{text: consoleLabel, url: u})
	}
	for _, l := range r.o.links {
		if u, ok := safeURL(l.url); ok {
			ls = append(ls, link{text: label(l.text), url: u})
		}
	}
	for _, t := range r.o.tagLinks {
		if u, ok := safeURL(r.a.Tags[t.tag]); ok {
			ls = append(ls, link{text: label(t.text), url: u})
		}
	}
	return ls[:min(len(ls), maxLinks)]
}

func label(s string) string {
	if strings.TrimSpace(s) == "" {
		return "Link"
	}
	return s
}

// Bounds of the tags shown in the footer.
const (
	// maxTags bounds the tags shown; the rest are counted.
	maxTags = 6
	// maxTagText bounds the characters of a tag's key and of its value.
	maxTagText = 60
)

// tagLine writes the alarm's tags, sorted by key, as "env=prod · team=pay",
// at most maxTags of them and then "+N more". Tags that WithTagLink turns
// into links are left out: the link shows them.
func (r *renderer) tagLine(w *writer) {
	keys := r.tagKeys()
	for _, k := range keys[:min(len(keys), maxTags)] {
		w.sep()
		w.span("", "", k, modeMrkdwn, maxTagText)
		if v := r.a.Tags[k]; v != "" {
			w.text("=")
			w.span("", "", v, modeMrkdwn, maxTagText)
		}
	}
	if n := len(keys) - maxTags; n > 0 {
		w.text(" +" + strconv.Itoa(n) + " more")
	}
}

// tagKeys returns the keys of the tags to show, sorted.
func (r *renderer) tagKeys() []string {
	keys := make([]string, 0, len(r.a.Tags))
	for k := range r.a.Tags {
		if !r.linkedTag(k) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// linkedTag reports whether WithTagLink shows tag k as a link.
func (r *renderer) linkedTag(k string) bool {
	for _, t := range r.o.tagLinks {
		if t.tag == k {
			return true
		}
	}
	return false
}

// safeURL returns u made safe to use as a link, and whether it can be used
// at all: it must be an absolute http or https URL with a host, of at most
// maxURL characters once made safe. Characters that could end a mrkdwn
// link or token early (< > | and spaces), other characters that are not
// allowed in URLs, and all non-ASCII bytes are percent-encoded.
func safeURL(u string) (string, bool) {
	rest, ok := cutScheme(u)
	if !ok || rest == "" || rest[0] == '/' {
		return "", false
	}
	if urlSafe(u) {
		if len(u) > maxURL {
			return "", false
		}
		return u, true
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(u)+8)
	for i := 0; i < len(u); i++ {
		c := u[i]
		if !urlByte[c] {
			b = append(b, '%', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, c)
	}
	if len(b) > maxURL {
		return "", false
	}
	return string(b), true
}

// cutScheme returns u after "https://" or "http://" (in any case).
func cutScheme(u string) (string, bool) {
	for _, p := range [...]string{"https://", "http://"} {
		if len(u) >= len(p) && strings.EqualFold(u[:len(p)], p) {
			return u[len(p):], true
		}
	}
	return "", false
}

// urlByte marks the bytes that safeURL leaves as they are: printable ASCII
// but for < > | and spaces, which could end a mrkdwn link or token early,
// and the other characters that are not allowed in URLs.
var urlByte = func() (t [256]bool) {
	for c := '!'; c < 0x7f; c++ {
		t[c] = !strings.ContainsRune("<>|\"`\\^{}", c)
	}
	return t
}()

// urlSafe reports whether safeURL would leave u as it is.
func urlSafe(u string) bool {
	for i := 0; i < len(u); i++ {
		if !urlByte[u[i]] {
			return false
		}
	}
	return true
}
