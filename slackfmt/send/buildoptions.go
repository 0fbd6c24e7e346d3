package send

import (
	"fmt"
	"slices"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// BuildOptions returns the slackfmt options that c asks for: its Mention
// on messages about alarms entering ALARM, and its account aliases. It
// returns an error wrapping ErrConfig and slackfmt.ErrInvalidMention when
// Mention is not a single well-formed Slack mention such as "<!here>".
func (c Config) BuildOptions() ([]slackfmt.Option, error) {
	var opts []slackfmt.Option
	if c.Mention != "" {
		m, err := slackfmt.ParseMention(c.Mention)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %w", ErrConfig, EnvMention, err)
		}
		opts = append(opts, slackfmt.WithMention(alarm.StateAlarm, m))
	}
	ids := make([]string, 0, len(c.AccountAliases))
	for id := range c.AccountAliases {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		opts = append(opts, slackfmt.WithAccountAlias(id, c.AccountAliases[id]))
	}
	return opts, nil
}
