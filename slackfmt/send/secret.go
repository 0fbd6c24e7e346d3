package send

import (
	"errors"
	"net"
	"net/url"
	"strings"
	"unicode"
)

// A webhook URL authorises posting by itself, and so does a bot token:
// both are checked when a sender is made, so that a typo fails at start-up
// rather than at the first alarm, and neither ever appears in an error or
// in String.

// checkEndpoint checks raw, the webhook URL or the Web API URL (what
// names it in errors): it must be an https URL, or an http one on a
// loopback host, for local fakes of Slack. A secret URL must not travel
// in clear text.
func checkEndpoint(op, what, raw string) *Error {
	switch {
	case raw == "":
		return configError(op, what+" is empty", nil)
	case strings.ContainsFunc(raw, spaceOrControl):
		return configError(op, what+" contains spaces or control characters", nil)
	}
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return configError(op, what+" is not a URL: "+parseProblem(err), redactURLError(err))
	case u.Scheme == "":
		return configError(op, what+" has no scheme: want https://…", nil)
	case u.Host == "":
		return configError(op, what+" has no host", nil)
	case u.Scheme == "https", u.Scheme == "http" && isLoopback(u.Hostname()):
		return nil
	}
	return configError(op, what+" must be https, not "+redactURL(raw), nil)
}

// checkBot checks a bot token and channel.
func checkBot(token, channel string) *Error {
	if err := checkToken(opNewBot, token); err != nil {
		return err
	}
	return checkChannel(channel)
}

// checkToken checks a bot token, for op.
func checkToken(op, token string) *Error {
	switch {
	case token == "":
		return configError(op, "token is empty", nil)
	case strings.ContainsFunc(token, spaceOrControl):
		return configError(op, "token contains spaces or control characters", nil)
	}
	return nil
}

// checkChannel checks a bot's channel.
func checkChannel(channel string) *Error {
	switch {
	case channel == "":
		return configError(opNewBot, "channel is empty", nil)
	case strings.ContainsFunc(channel, spaceOrControl):
		return configError(opNewBot, "channel contains spaces or control characters", nil)
	}
	return nil
}

// configError returns the error of a constructor that refused its
// arguments: it matches ErrConfig and ErrPermanent.
func configError(op, reason string, cause error) *Error {
	return &Error{Op: op, Reason: reason, Err: cause}
}

// parseProblem returns what url.Parse found wrong, without the URL, which
// its *url.Error repeats.
func parseProblem(err error) string {
	var ue *url.Error
	if errors.As(err, &ue) && ue.Err != nil {
		return ue.Err.Error()
	}
	return "unparsable"
}

// spaceOrControl reports whether r has no place in a URL or a token.
func spaceOrControl(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// isLoopback reports whether host is localhost or a loopback address.
func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// redacted marks the part of a secret that was left out.
const redacted = "…"

// redactURL returns u with everything after the first path segment
// replaced by "…": "https://hooks.slack.com/services/…". The scheme and
// host stay so that a message still says where the request went.
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

// redactURLError replaces the URL in a *url.Error, which for a webhook is
// the secret itself, by its redacted form.
func redactURLError(err error) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	return &url.Error{Op: ue.Op, URL: redactURL(ue.URL), Err: ue.Err}
}
