package slackfmt

import (
	"slices"
	"strconv"
)

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
			w.raw("=")
			w.span("", "", v, modeMrkdwn, maxTagText)
		}
	}
	if n := len(keys) - maxTags; n > 0 {
		w.raw(" +" + strconv.Itoa(n) + " more")
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
