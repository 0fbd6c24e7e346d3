package slackfmt

import "strings"

// Mention is a Slack mention that a message may carry, such as <!here> or
// <@U024BE7LH>. The only way to make one is ParseMention, so a Mention is
// always exactly one well-formed mention and never other markup.
type Mention struct {
	s string
}

// String returns the mention in Slack's syntax, such as "<!here>".
func (m Mention) String() string { return m.s }

// ParseMention returns the Mention written s, which must be exactly one of
//
//	<!here>  <!channel>  <!everyone>
//	<@U…>  <@W…>          (a user: "U" or "W" and 2 to 31 upper-case letters or digits)
//	<!subteam^S…>         (a user group: "S" and 2 to 31 upper-case letters or digits)
//
// with no display label and nothing around it. Any other text, including
// the bare words @here or @channel, returns an *Error of kind
// ErrInvalidMention.
func ParseMention(s string) (Mention, error) {
	switch s {
	case "<!here>", "<!channel>", "<!everyone>":
		return Mention{s}, nil
	}
	inner, ok := strings.CutPrefix(s, "<")
	if !ok {
		return Mention{}, mentionError(s)
	}
	if inner, ok = strings.CutSuffix(inner, ">"); !ok {
		return Mention{}, mentionError(s)
	}
	if id, ok := strings.CutPrefix(inner, "@"); ok && (strings.HasPrefix(id, "U") || strings.HasPrefix(id, "W")) && isSlackID(id) {
		return Mention{s}, nil
	}
	if id, ok := strings.CutPrefix(inner, "!subteam^"); ok && strings.HasPrefix(id, "S") && isSlackID(id) {
		return Mention{s}, nil
	}
	return Mention{}, mentionError(s)
}

// isSlackID reports whether id looks like a Slack ID: 3 to 32 upper-case
// ASCII letters and digits.
func isSlackID(id string) bool {
	if len(id) < 3 || len(id) > 32 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func mentionError(s string) error {
	return &Error{Kind: ErrInvalidMention, Mention: clip(s, 80)}
}

// MustParseMention is ParseMention for mentions written in the program. It
// panics if s is not a valid mention, so it is meant for constants and
// tests, never for configuration read at run time.
func MustParseMention(s string) Mention {
	m, err := ParseMention(s)
	if err != nil {
		panic(err)
	}
	return m
}
