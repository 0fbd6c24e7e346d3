package cwslack

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// ParseRoutes decodes a routing document, the JSON that EnvRoutes holds,
// and returns its Router. resolve makes each destination from its
// description; a nil resolve uses [DestinationSpec.Sender] with secret
// references read through SecretsFromEnv(os.Getenv), and the destination's
// mention. No secret is read and nothing is sent here.
//
// The document is an object with three keys:
//
//	{
//	  "destinations": {
//	    "payments": {"webhook": "https://hooks.slack.com/services/…", "mention": "<!subteam^S0PAY>"},
//	    "platform": {"webhook": "ssm:/cwslack/platform-webhook"},
//	    "ops":      {"channel": "C0OPS", "botToken": "secretsmanager:cwslack/bot"}
//	  },
//	  "routes": [
//	    {"match": {"tags": {"team": "payments"}}, "to": ["payments"]},
//	    {"match": {"name": "prod-*", "state": ["ALARM"]}, "to": ["platform", "payments"], "mention": "<!here>"},
//	    {"match": {"previousState": "INSUFFICIENT_DATA", "state": "OK"}, "drop": true},
//	    {"match": {"account": "123456789012", "region": "eu-*"}, "to": ["ops"], "continue": true}
//	  ],
//	  "default": ["platform"]
//	}
//
// destinations (required, at least one) maps names (letters, digits, '.',
// '-' and '_') to a "webhook", or a "botToken" with a "channel", and an
// optional "mention". A webhook URL or a bot token may be a secret
// reference ("ssm:NAME" or "secretsmanager:NAME-OR-ARN", see [Secrets]).
//
// routes is a list tried in order, as [Router] describes. Each route has
// an optional "match" (absent or {} matches every alarm), and either "to"
// (a list of destination names, with an optional "mention" that replaces
// the destinations' own, and an optional "continue": true) or "drop":
// true alone. The keys of a match are those of [Match]: "name", "region"
// and "namespace" are globs, "tags" an object of tag keys to globs;
// "account", "state", "previousState" and "kind" take a string or a list.
// A glob is a non-empty string in which * stands for any run of
// characters and every other character for itself; an empty glob is an
// error (write "*" to require only that a tag is present).
//
// default lists the destinations of alarms that no route matched. Without
// it such alarms are dropped (and logged).
//
// Every problem is a *ConfigError whose Where names its place, such as
// "routes[2].to[0]" or "destinations.ops.channel", and whose Problem says
// what is wrong in one line: invalid JSON (with line and column), an
// unknown or repeated key, a value of the wrong type, an empty list or
// glob, an unknown destination, state or kind, an account that is not 12
// digits, a mention that is not a Slack mention, or a webhook URL or token
// that cannot work. Errors never contain a URL or a token. An error that
// resolve returns is wrapped with Where naming the destination; it must
// not contain a secret either.
func ParseRoutes(data []byte, resolve func(name string, spec DestinationSpec) (Destination, error)) (*Router, error) {
	r, err := parseRoutes(data, resolve)
	return r, within("", err)
}

// parseRoutes is ParseRoutes with places relative to the document.
func parseRoutes(data []byte, resolve func(string, DestinationSpec) (Destination, error)) (*Router, error) {
	doc, err := decodeRoutes(data)
	if err != nil {
		return nil, err
	}
	if resolve == nil {
		secrets := SecretsFromEnv(os.Getenv)
		resolve = func(_ string, spec DestinationSpec) (Destination, error) {
			s, err := spec.Sender(secrets)
			return Destination{Sender: s, Mention: spec.Mention}, err
		}
	}
	dests := make(map[string]Destination, len(doc.dests))
	for _, d := range doc.dests {
		dest, err := resolve(d.name, d.spec)
		if err != nil {
			return nil, nest(d.where, err)
		}
		dests[d.name] = dest
	}
	return NewRouter(dests, doc.routes, doc.defaults)
}

// routesDoc is a decoded routing document.
type routesDoc struct {
	dests    []namedSpec // in the document's order
	routes   []Route
	defaults []string
}

// namedSpec is one destination of a routing document.
type namedSpec struct {
	name, where string
	spec        DestinationSpec
}

// decodeRoutes decodes and checks a routing document.
func decodeRoutes(data []byte) (*routesDoc, error) {
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, syntaxError("", data, err)
	}
	ms, err := members(raw, "")
	if err != nil {
		return nil, err
	}
	doc := &routesDoc{}
	var routes, defaults json.RawMessage
	for _, m := range ms {
		switch m.key {
		case "destinations":
			doc.dests, err = decodeDestinations(m.value, m.key)
		case "routes":
			routes = m.value
		case "default":
			defaults = m.value
		default:
			err = unknownKey("", m.key, "destinations, routes or default")
		}
		if err != nil {
			return nil, err
		}
	}
	return doc, doc.decodeRest(routes, defaults)
}

// decodeRest decodes the routes and the default, which name the
// destinations decoded before.
func (doc *routesDoc) decodeRest(routes, defaults json.RawMessage) error {
	if len(doc.dests) == 0 {
		return configError("destinations", "not set; name at least one destination")
	}
	if routes == nil && defaults == nil {
		return configError("routes", "neither routes nor default is set: no alarm would be posted")
	}
	names := make(map[string]bool, len(doc.dests))
	for _, d := range doc.dests {
		names[d.name] = true
	}
	var err error
	if routes != nil {
		if doc.routes, err = decodeRouteList(routes, "routes", names); err != nil {
			return err
		}
	}
	if defaults != nil {
		doc.defaults, err = decodeTo(defaults, "default", names)
	}
	return err
}

// decodeDestinations decodes the "destinations" object.
func decodeDestinations(data json.RawMessage, where string) ([]namedSpec, error) {
	ms, err := members(data, where)
	if err != nil {
		return nil, err
	}
	out := make([]namedSpec, 0, len(ms))
	for _, m := range ms {
		if !validDestinationName(m.key) {
			return nil, configError(fmt.Sprintf("%s[%q]", where, m.key),
				"not a destination name; use 1 to 64 letters, digits, '.', '-' and '_'")
		}
		w := place(where, m.key)
		spec, err := decodeDestination(m.value, w)
		if err != nil {
			return nil, err
		}
		out = append(out, namedSpec{name: m.key, where: w, spec: spec})
	}
	return out, nil
}

// validDestinationName reports whether name may name a destination: the
// names end up in logs and in deduplication keys.
func validDestinationName(name string) bool {
	return len(name) > 0 && len(name) <= 64 && strings.Trim(name,
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_") == ""
}

// decodeDestination decodes one destination.
func decodeDestination(data json.RawMessage, where string) (DestinationSpec, error) {
	var spec DestinationSpec
	ms, err := members(data, where)
	if err != nil {
		return spec, err
	}
	for _, m := range ms {
		w := place(where, m.key)
		switch m.key {
		case "webhook":
			spec.WebhookURL, err = decodeString(m.value, w)
		case "botToken":
			spec.BotToken, err = decodeString(m.value, w)
		case "channel":
			spec.Channel, err = decodeString(m.value, w)
		case "mention":
			spec.Mention, err = decodeMention(m.value, w)
		default:
			err = unknownKey(where, m.key, "webhook, botToken, channel or mention")
		}
		if err != nil {
			return spec, err
		}
	}
	return spec, nest(where, spec.check())
}

// decodeRouteList decodes the "routes" list.
func decodeRouteList(data json.RawMessage, where string, names map[string]bool) ([]Route, error) {
	elems, err := elements(data, where)
	if err != nil {
		return nil, err
	}
	routes := make([]Route, len(elems))
	for i, e := range elems {
		if routes[i], err = decodeRoute(e, fmt.Sprintf("%s[%d]", where, i), names); err != nil {
			return nil, err
		}
	}
	return routes, nil
}

// decodeRoute decodes one route.
func decodeRoute(data json.RawMessage, where string, names map[string]bool) (Route, error) {
	var r Route
	ms, err := members(data, where)
	if err != nil {
		return r, err
	}
	for _, m := range ms {
		w := place(where, m.key)
		switch m.key {
		case "match":
			r.Match, err = decodeMatch(m.value, w)
		case "to":
			r.To, err = decodeTo(m.value, w, names)
		case "mention":
			r.Mention, err = decodeMention(m.value, w)
		case "drop":
			r.Drop, err = decodeBool(m.value, w)
		case "continue":
			r.Continue, err = decodeBool(m.value, w)
		default:
			err = unknownKey(where, m.key, "match, to, mention, drop or continue")
		}
		if err != nil {
			return r, err
		}
	}
	return r, checkRoute(r, where)
}

// checkRoute reports a route that says both where to post and to drop,
// or neither.
func checkRoute(r Route, where string) error {
	switch {
	case r.Drop && (r.To != nil || r.Mention != (slackfmt.Mention{}) || r.Continue):
		return configError(place(where, "drop"), "a route that drops posts nothing: remove its to, mention and continue")
	case !r.Drop && r.To == nil:
		return configError(place(where, "to"), `not set; a route needs "to" or "drop": true`)
	}
	return nil
}

// decodeTo decodes a list of destination names that must all exist.
func decodeTo(data json.RawMessage, where string, names map[string]bool) ([]string, error) {
	to, places, err := decodeStrings(data, where, false)
	if err != nil {
		return nil, err
	}
	for i, name := range to {
		if !names[name] {
			return nil, configError(places[i], fmt.Sprintf("unknown destination %q", name))
		}
	}
	return to, nil
}

// decodeMention decodes a Slack mention.
func decodeMention(data json.RawMessage, where string) (slackfmt.Mention, error) {
	s, err := decodeString(data, where)
	if err != nil {
		return slackfmt.Mention{}, err
	}
	m, err := slackfmt.ParseMention(s)
	if err != nil {
		return m, &ConfigError{Where: where, Problem: mentionProblem, Err: err}
	}
	return m, nil
}

// mentionProblem says what a mention must look like.
const mentionProblem = "not a Slack mention; want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>"

// decodeMatch decodes a route's match.
func decodeMatch(data json.RawMessage, where string) (Match, error) {
	var m Match
	ms, err := members(data, where)
	if err != nil {
		return m, err
	}
	for _, mb := range ms {
		if err := m.decodeKey(mb, where); err != nil {
			return m, err
		}
	}
	return m, nil
}

// decodeKey decodes one key of a match into m; parent is the match's
// place.
func (m *Match) decodeKey(mb member, parent string) error {
	where := place(parent, mb.key)
	var err error
	switch mb.key {
	case "name":
		m.Name, err = decodeGlob(mb.value, where)
	case "tags":
		m.Tags, err = decodeTags(mb.value, where)
	case "account":
		m.Account, err = decodeAccounts(mb.value, where)
	case "region":
		m.Region, err = decodeGlob(mb.value, where)
	case "state":
		m.State, err = decodeStates(mb.value, where)
	case "previousState":
		m.PreviousState, err = decodeStates(mb.value, where)
	case "kind":
		m.Kind, err = decodeKinds(mb.value, where)
	case "namespace":
		m.Namespace, err = decodeGlob(mb.value, where)
	default:
		err = unknownKey(parent, mb.key,
			"name, tags, account, region, state, previousState, kind or namespace")
	}
	return err
}

// decodeGlob decodes a glob: a non-empty string without control
// characters.
func decodeGlob(data json.RawMessage, where string) (string, error) {
	s, err := decodeString(data, where)
	switch {
	case err != nil:
		return "", err
	case s == "":
		return "", configError(where, `empty glob; write "*" to match any value`)
	case strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }):
		return "", configError(where, "glob contains control characters")
	}
	return s, nil
}

// decodeTags decodes an object of tag keys to globs.
func decodeTags(data json.RawMessage, where string) (map[string]string, error) {
	ms, err := members(data, where)
	if err != nil {
		return nil, err
	}
	tags := make(map[string]string, len(ms))
	for _, m := range ms {
		if m.key == "" {
			return nil, configError(where, "empty tag key")
		}
		if tags[m.key], err = decodeGlob(m.value, fmt.Sprintf("%s[%q]", where, m.key)); err != nil {
			return nil, err
		}
	}
	return tags, nil
}

// decodeAccounts decodes one account ID or a list of them.
func decodeAccounts(data json.RawMessage, where string) ([]string, error) {
	ids, places, err := decodeStrings(data, where, true)
	if err != nil {
		return nil, err
	}
	for i, id := range ids {
		if !isAccountID(id) {
			return nil, configError(places[i], fmt.Sprintf("%q is not a 12-digit account ID", id))
		}
	}
	return ids, nil
}

// decodeStates decodes one alarm state or a list of them.
func decodeStates(data json.RawMessage, where string) ([]alarm.StateValue, error) {
	return decodeEnum(data, where, "state", "OK, ALARM or INSUFFICIENT_DATA", alarm.StateValue.Valid)
}

// decodeKinds decodes one alarm kind or a list of them.
func decodeKinds(data json.RawMessage, where string) ([]alarm.Kind, error) {
	want := strings.Join([]string{string(alarm.KindMetric), string(alarm.KindMetricMath), string(alarm.KindAnomalyDetection),
		string(alarm.KindMetricsInsights), string(alarm.KindComposite), string(alarm.KindLog)}, ", ") + " or " + string(alarm.KindPromQL)
	return decodeEnum(data, where, "kind", want, alarm.Kind.Valid)
}

// decodeEnum decodes one value of a string enum, or a list of them, and
// refuses a value that valid refuses, naming it a what and listing want.
func decodeEnum[T ~string](data json.RawMessage, where, what, want string, valid func(T) bool) ([]T, error) {
	ss, places, err := decodeStrings(data, where, true)
	if err != nil {
		return nil, err
	}
	out := make([]T, len(ss))
	for i, s := range ss {
		if out[i] = T(s); !valid(out[i]) {
			return nil, configError(places[i], fmt.Sprintf("unknown %s %q; want %s", what, s, want))
		}
	}
	return out, nil
}

// nest places a *ConfigError of a part (a destination's "channel") within
// where ("destinations.ops"). Other errors are wrapped in one, with their
// message as the problem.
func nest(where string, err error) error {
	if err == nil {
		return nil
	}
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return &ConfigError{Where: where, Problem: err.Error(), Err: err}
	}
	return &ConfigError{Where: place(where, ce.Where), Problem: ce.Problem, Err: ce.Err}
}

// within prefixes the place of a *ConfigError with the setting that held
// the document, such as "SLACK_ROUTES": "SLACK_ROUTES: routes[2].to[0]".
// An empty prefix leaves the place as it is, naming the document itself
// "routing document".
func within(prefix string, err error) error {
	var ce *ConfigError
	if !errors.As(err, &ce) {
		return err
	}
	where := ce.Where
	switch {
	case where == "" && prefix == "":
		where = "routing document"
	case where == "":
		where = prefix
	case prefix != "":
		where = prefix + ": " + where
	}
	return &ConfigError{Where: where, Problem: ce.Problem, Err: ce.Err}
}
