package send

import (
	"net/url"
	"strings"
)

// redacted marks the part of a secret that was left out.
const redacted = "…"

// redactURL returns u with everything after the first path segment
// replaced by "…": "https://hooks.slack.com/services/…". The scheme and
// host stay so that a message still says where the request went. A
// webhook URL authorises posting by itself, so the rest is secret.
func redactURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Host == "" {
		return redacted
	}
	first, _, _ := strings.Cut(strings.TrimPrefix(p.Path, "/"), "/")
	out := p.Scheme + "://" + p.Host + "/"
	if first != "" {
		out += first + "/"
	}
	return out + redacted
}

// redactToken returns the token's type prefix ("xoxb-") followed by "…",
// or just "…" when it has no recognisable prefix.
func redactToken(tok string) string {
	prefix, _, ok := strings.Cut(tok, "-")
	if !ok || len(prefix) > 5 || !strings.HasPrefix(prefix, "xox") {
		return redacted
	}
	return prefix + "-" + redacted
}
