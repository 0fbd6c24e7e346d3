package send

import (
	"strings"
)

// parseAliases decodes SLACK_ACCOUNT_ALIASES,
// "123456789012=prod,210987654321=staging", into a map from account ID to
// alias. Spaces around items are ignored, as is an empty item (a trailing
// comma). It returns nil for an empty value.
func parseAliases(v string) (map[string]string, error) {
	if v == "" {
		return nil, nil
	}
	out := make(map[string]string)
	for item := range strings.SplitSeq(v, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		id, alias, err := parseAlias(item)
		if err != nil {
			return nil, err
		}
		if _, dup := out[id]; dup {
			return nil, configError("%s names account %s twice", EnvAccountAliases, id)
		}
		out[id] = alias
	}
	return out, nil
}

// parseAlias decodes one "123456789012=prod" item.
func parseAlias(item string) (id, alias string, err error) {
	id, alias, ok := strings.Cut(item, "=")
	id, alias = strings.TrimSpace(id), strings.TrimSpace(alias)
	if !ok || alias == "" {
		return "", "", configError("%s: %q is not ACCOUNT=ALIAS", EnvAccountAliases, item)
	}
	if !isAccountID(id) {
		return "", "", configError("%s: %q is not a 12-digit account ID", EnvAccountAliases, id)
	}
	return id, alias, nil
}

// isAccountID reports whether s is 12 ASCII digits.
func isAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
