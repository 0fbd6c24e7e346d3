package cwslack

import (
	"fmt"
	"slices"
	"strings"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Destination is one place in Slack that alarms are posted to: the
// channel of an incoming webhook, or a channel that a bot token posts to.
type Destination struct {
	// Sender delivers the messages, usually a [send.Webhook] or a
	// [send.Bot]. It must not be nil.
	Sender send.Sender
	// Mention is added to messages about alarms entering ALARM, unless the
	// route that chose the destination names its own. The zero Mention adds
	// none.
	Mention slackfmt.Mention
	// Options are the [slackfmt] options of the destination's messages,
	// such as account aliases or extra links. Mentions are set from Mention
	// and the routes; a [slackfmt.WithMention] here adds to them.
	Options []slackfmt.Option
}

// Route sends the alarms that Match selects to the destinations named in
// To, or drops them.
type Route struct {
	// Match selects the alarms the route applies to. The zero Match selects
	// every alarm.
	Match Match
	// To names the destinations of the selected alarms.
	To []string
	// Mention, when not zero, replaces the destinations' own mention on the
	// messages this route sends. Mentions apply to alarms entering ALARM
	// only.
	Mention slackfmt.Mention
	// Drop posts nothing for the selected alarms, even to destinations that
	// earlier routes with Continue chose.
	Drop bool
	// Continue makes the router try the later routes too when this one
	// matched; the destinations of every matching route add up.
	Continue bool
}

// Router chooses where each alarm goes. Routes are tried in order: the
// first that matches decides, unless it says Continue, in which case the
// later routes are tried too and the destinations add up (a destination
// chosen twice gets one message, with the mention of the first route that
// chose it). A matching route with Drop drops the alarm everywhere. The
// default destinations apply only when no route matched.
//
// A Router is immutable and safe for concurrent use.
type Router struct {
	dests    map[string]Destination
	names    []string // destination names, sorted
	routes   []Route
	defaults []string
}

// Target is one destination chosen for an alarm, with the mention its
// message carries when the alarm enters ALARM.
type Target struct {
	// Destination is the destination's name.
	Destination string
	// Mention is the route's mention, or else the destination's.
	Mention slackfmt.Mention
}

// NewRouter returns a Router over the named destinations. It fails with a
// *ConfigError wrapping ErrConfig when a destination has no Sender, or a
// route or defaults name an unknown destination.
func NewRouter(dests map[string]Destination, routes []Route, defaults []string) (*Router, error) {
	r := &Router{dests: make(map[string]Destination, len(dests)), routes: slices.Clone(routes), defaults: slices.Clone(defaults)}
	for name, d := range dests {
		if name == "" || d.Sender == nil {
			return nil, configError(fmt.Sprintf("destinations[%q]", name), "needs a name and a sender")
		}
		r.dests[name] = d
		r.names = append(r.names, name)
	}
	slices.Sort(r.names)
	if err := r.check(); err != nil {
		return nil, err
	}
	return r, nil
}

// To returns a Router that sends every alarm to d, under the name
// "default".
func To(d Destination) *Router {
	return &Router{
		dests:    map[string]Destination{"default": d},
		names:    []string{"default"},
		defaults: []string{"default"},
	}
}

// check reports the first route or default that names an unknown
// destination.
func (r *Router) check() error {
	for i, rt := range r.routes {
		for j, name := range rt.To {
			if _, ok := r.dests[name]; !ok {
				return configError(fmt.Sprintf("routes[%d].to[%d]", i, j), fmt.Sprintf("unknown destination %q", name))
			}
		}
		if err := rt.Match.check(fmt.Sprintf("routes[%d].match", i)); err != nil {
			return err
		}
	}
	for i, name := range r.defaults {
		if _, ok := r.dests[name]; !ok {
			return configError(fmt.Sprintf("default[%d]", i), fmt.Sprintf("unknown destination %q", name))
		}
	}
	return nil
}

// Destinations returns the names of the destinations, sorted.
func (r *Router) Destinations() []string { return slices.Clone(r.names) }

// Destination returns the destination called name.
func (r *Router) Destination(name string) (Destination, bool) {
	d, ok := r.dests[name]
	return d, ok
}

// Route returns the destinations of a, in the order the routes name them;
// none when a route drops it. A nil alarm goes nowhere.
func (r *Router) Route(a *alarm.Alarm) []Target {
	if a == nil {
		return nil
	}
	var out []Target
	matched := false
	for _, rt := range r.routes {
		if !rt.Match.Matches(a) {
			continue
		}
		if rt.Drop {
			return nil
		}
		matched = true
		out = r.add(out, rt.To, rt.Mention)
		if !rt.Continue {
			return out
		}
	}
	if !matched {
		out = r.add(out, r.defaults, slackfmt.Mention{})
	}
	return out
}

// add appends the destinations names to ts, skipping those already
// there, with mention m or else the destination's own.
func (r *Router) add(ts []Target, names []string, m slackfmt.Mention) []Target {
	for _, name := range names {
		if slices.ContainsFunc(ts, func(t Target) bool { return t.Destination == name }) {
			continue
		}
		mention := m
		if mention == (slackfmt.Mention{}) {
			mention = r.dests[name].Mention
		}
		ts = append(ts, Target{Destination: name, Mention: mention})
	}
	return ts
}

// Match selects alarms. Every field that is set must hold; the zero Match
// selects every alarm. Globs match the whole value, with * standing for
// any run of characters (none included); every other character stands for
// itself. A field the alarm has no value for (a composite alarm's
// namespace, an unknown region) does not match.
type Match struct {
	// Name is a glob on the alarm's name.
	Name string
	// Tags maps tag keys to globs on their values; the alarm must carry
	// every key, with a matching value. Only alarms that propagate their
	// tags into notifications carry them.
	Tags map[string]string
	// Account lists account IDs, one of which must own the alarm.
	Account []string
	// Region is a glob on the alarm's region code, such as "eu-*".
	Region string
	// State lists states, one of which the alarm must have entered.
	State []alarm.StateValue
	// PreviousState lists states, one of which the alarm must have left.
	PreviousState []alarm.StateValue
	// Kind lists alarm kinds, one of which the alarm must be.
	Kind []alarm.Kind
	// Namespace is a glob on the namespaces of the alarm's metrics; one of
	// them must match.
	Namespace string
}

// Matches reports whether a is one of the alarms m selects.
func (m *Match) Matches(a *alarm.Alarm) bool {
	return (m.Name == "" || glob(m.Name, a.Name)) &&
		matchTags(m.Tags, a.Tags) &&
		(len(m.Account) == 0 || slices.Contains(m.Account, a.AccountID)) &&
		(m.Region == "" || (a.Region != "" && glob(m.Region, a.Region))) &&
		(len(m.State) == 0 || slices.Contains(m.State, a.State.Value)) &&
		(len(m.PreviousState) == 0 || slices.Contains(m.PreviousState, a.PreviousState.Value)) &&
		(len(m.Kind) == 0 || slices.Contains(m.Kind, a.Kind)) &&
		(m.Namespace == "" || matchNamespace(m.Namespace, a.Metrics))
}

// check reports a Match that can never select anything because a list
// holds a value that is not a state or kind.
func (m *Match) check(where string) error {
	for i, s := range m.State {
		if !s.Valid() {
			return configError(fmt.Sprintf("%s.state[%d]", where, i), fmt.Sprintf("unknown state %q", s))
		}
	}
	for i, s := range m.PreviousState {
		if !s.Valid() {
			return configError(fmt.Sprintf("%s.previousState[%d]", where, i), fmt.Sprintf("unknown state %q", s))
		}
	}
	for i, k := range m.Kind {
		if !k.Valid() {
			return configError(fmt.Sprintf("%s.kind[%d]", where, i), fmt.Sprintf("unknown kind %q", k))
		}
	}
	return nil
}

// matchTags reports whether tags has every key of want with a value that
// its glob matches.
func matchTags(want, tags map[string]string) bool {
	for k, pattern := range want {
		v, ok := tags[k]
		if !ok || !glob(pattern, v) {
			return false
		}
	}
	return true
}

// matchNamespace reports whether one of the metrics' namespaces matches
// pattern.
func matchNamespace(pattern string, metrics []alarm.Metric) bool {
	return slices.ContainsFunc(metrics, func(m alarm.Metric) bool {
		return m.Namespace != "" && glob(pattern, m.Namespace)
	})
}

// glob reports whether s matches pattern, in which * stands for any run of
// characters and every other character for itself.
func glob(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(s, p)
		if i < 0 {
			return false
		}
		s = s[i+len(p):]
	}
	return strings.HasSuffix(s, last)
}
