package cwslack

import (
	"context"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"", "", true},
		{"", "x", false},
		{"prod-*", "prod-api", true},
		{"prod-*", "prod-", true},
		{"prod-*", "staging-api", false},
		{"*", "", true},
		{"*-db-*", "prod-db-1", true},
		{"*-db-*", "prod-cache-1", false},
		{"a*a", "a", false},
		{"a*a", "aa", true},
		{"a*b*c", "abc", true},
		{"a*b*c", "acb", false},
		{"eu-*", "eu-west-1", true},
		{"[x]", "[x]", true}, // brackets are literal
		{"a?c", "abc", false},
		{"**", "anything", true},
	}
	for _, tt := range tests {
		if got := glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

// routed is an alarm for the routing tests.
func routed(name string, state alarm.StateValue, mod ...func(*alarm.Alarm)) *alarm.Alarm {
	a := &alarm.Alarm{
		Name: name, AccountID: "123456789012", Region: "eu-west-1", Kind: alarm.KindMetric,
		State: alarm.State{Value: state}, PreviousState: alarm.State{Value: alarm.StateOK},
		Metrics: []alarm.Metric{{Namespace: "AWS/RDS", MetricName: "CPUUtilization"}},
		Tags:    map[string]string{"team": "payments"},
	}
	for _, m := range mod {
		m(a)
	}
	return a
}

func TestMatch(t *testing.T) {
	composite := func(a *alarm.Alarm) { a.Kind, a.Metrics = alarm.KindComposite, nil }
	noRegion := func(a *alarm.Alarm) { a.Region = "" }
	tests := []struct {
		name  string
		match Match
		a     *alarm.Alarm
		want  bool
	}{
		{"zero matches all", Match{}, routed("x", alarm.StateAlarm), true},
		{"name glob", Match{Name: "prod-*"}, routed("prod-db", alarm.StateAlarm), true},
		{"name glob miss", Match{Name: "prod-*"}, routed("dev-db", alarm.StateAlarm), false},
		{"tag", Match{Tags: map[string]string{"team": "pay*"}}, routed("x", alarm.StateAlarm), true},
		{"tag value miss", Match{Tags: map[string]string{"team": "ops"}}, routed("x", alarm.StateAlarm), false},
		{"tag absent", Match{Tags: map[string]string{"owner": "*"}}, routed("x", alarm.StateAlarm), false},
		{"account", Match{Account: []string{"000000000000", "123456789012"}}, routed("x", alarm.StateAlarm), true},
		{"account miss", Match{Account: []string{"000000000000"}}, routed("x", alarm.StateAlarm), false},
		{"region", Match{Region: "eu-*"}, routed("x", alarm.StateAlarm), true},
		{"unknown region never matches", Match{Region: "*"}, routed("x", alarm.StateAlarm, noRegion), false},
		{"state", Match{State: []alarm.StateValue{alarm.StateAlarm}}, routed("x", alarm.StateAlarm), true},
		{"state miss", Match{State: []alarm.StateValue{alarm.StateAlarm}}, routed("x", alarm.StateOK), false},
		{"previous state", Match{PreviousState: []alarm.StateValue{alarm.StateInsufficientData}}, routed("x", alarm.StateOK), false},
		{"kind", Match{Kind: []alarm.Kind{alarm.KindComposite}}, routed("x", alarm.StateAlarm, composite), true},
		{"namespace", Match{Namespace: "AWS/*"}, routed("x", alarm.StateAlarm), true},
		{"composite has no namespace", Match{Namespace: "*"}, routed("x", alarm.StateAlarm, composite), false},
		{"every key must hold", Match{Name: "x", State: []alarm.StateValue{alarm.StateOK}}, routed("x", alarm.StateAlarm), false},
	}
	for _, tt := range tests {
		if got := tt.match.Matches(tt.a); got != tt.want {
			t.Errorf("%s: Matches = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRoute(t *testing.T) {
	here, team := slackfmt.MustParseMention("<!here>"), slackfmt.MustParseMention("<!subteam^S0PAY>")
	dest := func(m slackfmt.Mention) Destination { return Destination{Sender: nopSender{}, Mention: m} }
	r, err := NewRouter(map[string]Destination{
		"payments": dest(team), "platform": dest(slackfmt.Mention{}), "ops": dest(slackfmt.Mention{}),
	}, []Route{
		{Match: Match{Account: []string{"999999999999"}}, To: []string{"ops"}, Continue: true},
		{Match: Match{Tags: map[string]string{"team": "payments"}, Name: "pay-*"}, To: []string{"payments"}},
		{Match: Match{Name: "prod-*", State: []alarm.StateValue{alarm.StateAlarm}}, To: []string{"platform", "payments"}, Mention: here},
		{Match: Match{PreviousState: []alarm.StateValue{alarm.StateInsufficientData}, State: []alarm.StateValue{alarm.StateOK}}, Drop: true},
	}, []string{"platform"})
	if err != nil {
		t.Fatal(err)
	}
	fromInsufficient := func(a *alarm.Alarm) { a.PreviousState.Value = alarm.StateInsufficientData }
	otherAccount := func(a *alarm.Alarm) { a.AccountID = "999999999999" }
	tests := []struct {
		name string
		a    *alarm.Alarm
		want []Target
	}{
		{"first match decides", routed("pay-db", alarm.StateAlarm), []Target{{"payments", team}}},
		{"route mention replaces the destination's", routed("prod-api", alarm.StateAlarm, func(a *alarm.Alarm) { a.Tags = nil }),
			[]Target{{"platform", here}, {"payments", here}}},
		{"default when nothing matched", routed("dev-api", alarm.StateAlarm), []Target{{"platform", slackfmt.Mention{}}}},
		{"drop", routed("dev-api", alarm.StateOK, fromInsufficient), nil},
		{"continue adds up", routed("pay-db", alarm.StateAlarm, otherAccount), []Target{{"ops", slackfmt.Mention{}}, {"payments", team}}},
		{"continue then default is not used", routed("dev-api", alarm.StateAlarm, otherAccount), []Target{{"ops", slackfmt.Mention{}}}},
		{"drop after continue drops everywhere", routed("dev-api", alarm.StateOK, otherAccount, fromInsufficient), nil},
		{"nil alarm", nil, nil},
	}
	for _, tt := range tests {
		got := r.Route(tt.a)
		if diff := cmp.Diff(tt.want, got, cmp.Comparer(func(x, y slackfmt.Mention) bool { return x == y })); diff != "" {
			t.Errorf("%s: Route mismatch (-want +got):\n%s", tt.name, diff)
		}
	}
}

func TestNewRouterErrors(t *testing.T) {
	d := map[string]Destination{"ops": {Sender: nopSender{}}}
	tests := []struct {
		name   string
		dests  map[string]Destination
		routes []Route
		def    []string
		want   string
	}{
		{"unknown destination", d, []Route{{}, {To: []string{"ops", "paymnets"}}}, nil,
			`cwslack: routes[1].to[1]: unknown destination "paymnets"`},
		{"unknown default", d, nil, []string{"opz"}, `cwslack: default[0]: unknown destination "opz"`},
		{"no sender", map[string]Destination{"ops": {}}, nil, nil, `cwslack: destinations["ops"]: needs a name and a sender`},
		{"bad state", d, []Route{{Match: Match{State: []alarm.StateValue{"FIRING"}}}}, nil,
			`cwslack: routes[0].match.state[0]: unknown state "FIRING"`},
	}
	for _, tt := range tests {
		_, err := NewRouter(tt.dests, tt.routes, tt.def)
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrConfig) {
			t.Errorf("%s: NewRouter error = %v, want %q matching ErrConfig", tt.name, err, tt.want)
		}
	}
}

// nopSender accepts every message.
type nopSender struct{}

func (nopSender) Send(context.Context, *alarm.Alarm, *slackfmt.Message) (send.Receipt, error) {
	return send.Receipt{}, nil
}
