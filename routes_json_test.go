package cwslack_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// issueRoutes is the routing document of the documentation: teams by tag,
// production alarms to two channels, a drop, and an account that also
// goes to ops.
const issueRoutes = `{
  "destinations": {
    "payments": {"webhook": "https://hooks.slack.com/services/T0/B0/s3cr3t", "mention": "<!subteam^S0PAY>"},
    "platform": {"webhook": "ssm:/cwslack/platform-webhook"},
    "ops":      {"channel": "C0OPS", "botToken": "secretsmanager:cwslack/bot"}
  },
  "routes": [
    {"match": {"account": "210987654321", "region": "eu-*"}, "to": ["ops"], "continue": true},
    {"match": {"tags": {"team": "payments"}}, "to": ["payments"]},
    {"match": {"name": "prod-*", "state": ["ALARM"]}, "to": ["platform", "payments"], "mention": "<!here>"},
    {"match": {"previousState": ["INSUFFICIENT_DATA"], "state": "OK"}, "drop": true},
    {"match": {"kind": ["composite", "metrics-insights"], "namespace": "AWS/*"}, "to": ["ops"]}
  ],
  "default": ["platform"]
}`

// discard is a sender that posts nothing.
var discard = send.SenderFunc(func(context.Context, *alarm.Alarm, *slackfmt.Message) (send.Receipt, error) {
	return send.Receipt{}, nil
})

// discardResolve makes every destination a discard sender, keeping its
// mention.
func discardResolve(_ string, spec cwslack.DestinationSpec) (cwslack.Destination, error) {
	return cwslack.Destination{Sender: discard, Mention: spec.Mention}, nil
}

// routed describes where r sends a: "name mention" per target.
func routed(r *cwslack.Router, a *alarm.Alarm) []string {
	var out []string
	for _, t := range r.Route(a) {
		out = append(out, strings.TrimSpace(t.Destination+" "+t.Mention.String()))
	}
	return out
}

// routeAlarm is an alarm for routing tests: ALARM from OK in eu-west-1 of
// account 123456789012, a metric alarm on AWS/ApplicationELB.
func routeAlarm(edit func(a *alarm.Alarm)) *alarm.Alarm {
	a := &alarm.Alarm{
		Name: "api-latency", AccountID: "123456789012", Region: "eu-west-1", Kind: alarm.KindMetric,
		State: alarm.State{Value: alarm.StateAlarm}, PreviousState: alarm.State{Value: alarm.StateOK},
		Metrics: []alarm.Metric{{Namespace: "AWS/ApplicationELB"}},
	}
	if edit != nil {
		edit(a)
	}
	return a
}

func TestParseRoutesRouting(t *testing.T) {
	r, err := cwslack.ParseRoutes([]byte(issueRoutes), discardResolve)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		alarm *alarm.Alarm
		want  []string
	}{
		{"no route matches: default", routeAlarm(nil), []string{"platform"}},
		{"tag", routeAlarm(func(a *alarm.Alarm) { a.Tags = map[string]string{"team": "payments"} }),
			[]string{"payments <!subteam^S0PAY>"}},
		{"tag of another team", routeAlarm(func(a *alarm.Alarm) { a.Tags = map[string]string{"team": "search"} }),
			[]string{"platform"}},
		{"name and state, route mention replaces the destination's", routeAlarm(func(a *alarm.Alarm) { a.Name = "prod-db" }),
			[]string{"platform <!here>", "payments <!here>"}},
		{"name matches, state does not", routeAlarm(func(a *alarm.Alarm) {
			a.Name = "prod-db"
			a.State.Value, a.PreviousState.Value = alarm.StateOK, alarm.StateAlarm
		}), []string{"platform"}},
		{"drop", routeAlarm(func(a *alarm.Alarm) {
			a.State.Value, a.PreviousState.Value = alarm.StateOK, alarm.StateInsufficientData
		}), nil},
		{"continue adds up, default does not apply", routeAlarm(func(a *alarm.Alarm) {
			a.AccountID = "210987654321"
			a.Tags = map[string]string{"team": "payments"}
		}), []string{"ops", "payments <!subteam^S0PAY>"}},
		{"continue, then a drop drops everywhere", routeAlarm(func(a *alarm.Alarm) {
			a.AccountID = "210987654321"
			a.State.Value, a.PreviousState.Value = alarm.StateOK, alarm.StateInsufficientData
		}), nil},
		{"continue alone: no default", routeAlarm(func(a *alarm.Alarm) { a.AccountID = "210987654321" }), []string{"ops"}},
		{"continue needs the region too", routeAlarm(func(a *alarm.Alarm) {
			a.AccountID, a.Region = "210987654321", "us-east-1"
		}), []string{"platform"}},
		{"unknown region does not match", routeAlarm(func(a *alarm.Alarm) { a.AccountID, a.Region = "210987654321", "" }),
			[]string{"platform"}},
		{"kind and namespace", routeAlarm(func(a *alarm.Alarm) { a.Kind = alarm.KindMetricsInsights }), []string{"ops"}},
		{"composite alarm has no namespace", routeAlarm(func(a *alarm.Alarm) { a.Kind, a.Metrics = alarm.KindComposite, nil }),
			[]string{"platform"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, routed(r, tt.alarm)); diff != "" {
				t.Errorf("Route (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseRoutesErrors(t *testing.T) {
	const dests = `"destinations": {"payments": {"webhook": "https://hooks.slack.com/services/T0/B0/s3cr3t"}}`
	route := func(r string) string { return `{` + dests + `, "routes": [{"to": ["payments"]}, ` + r + `]}` }
	match := func(m string) string { return route(`{"match": {` + m + `}, "to": ["payments"]}`) }
	tests := []struct{ name, doc, want string }{
		{"not JSON", "{\n  \"destinations\": {,}\n}", "routing document: not JSON: line 2, column 20: invalid character ',' looking for beginning of object key string"},
		{"trailing data", `{"default": ["x"]} {}`, "routing document: not JSON: line 1, column 20: invalid character '{' after top-level value"},
		{"not an object", `["payments"]`, "routing document: want an object, not a list"},
		{"unknown top-level key", `{"routse": []}`, "routse: unknown key; want destinations, routes or default"},
		{"repeated key", `{` + dests + `, ` + dests + `}`, "destinations: given twice"},
		{"no destinations", `{"default": ["x"]}`, "destinations: not set; name at least one destination"},
		{"destinations not an object", `{"destinations": []}`, "destinations: want an object, not a list"},
		{"nothing routed", `{` + dests + `}`, "routes: neither routes nor default is set: no alarm would be posted"},
		{"bad destination name", `{"destinations": {"pay ments": {"webhook": "https://h.example/x"}}, "default": ["pay ments"]}`,
			`destinations["pay ments"]: not a destination name; use 1 to 64 letters, digits, '.', '-' and '_'`},
		{"unknown destination key", `{"destinations": {"ops": {"webhook": "https://h.example/x", "hook": "y"}}, "default": ["ops"]}`,
			"destinations.ops.hook: unknown key; want webhook, botToken, channel or mention"},
		{"webhook and token", `{"destinations": {"ops": {"webhook": "https://h.example/x", "botToken": "xoxb-s3cr3t", "channel": "C1"}}, "default": ["ops"]}`,
			"destinations.ops.webhook: set webhook or botToken, not both"},
		{"token without channel", `{"destinations": {"ops": {"botToken": "xoxb-s3cr3t"}}, "default": ["ops"]}`,
			"destinations.ops.channel: not set, but botToken is"},
		{"webhook with channel", `{"destinations": {"ops": {"webhook": "https://h.example/x", "channel": "C1"}}, "default": ["ops"]}`,
			"destinations.ops.channel: set only with botToken: a webhook posts to its own channel"},
		{"neither webhook nor token", `{"destinations": {"ops": {"mention": "<!here>"}}, "default": ["ops"]}`,
			"destinations.ops: set webhook, or botToken and channel"},
		{"webhook not https", `{"destinations": {"ops": {"webhook": "http://hooks.slack.com/services/T/B/s3cr3t"}}, "default": ["ops"]}`,
			"destinations.ops.webhook: webhook URL must be https, not http://hooks.slack.com/services/…"},
		{"token with spaces", `{"destinations": {"ops": {"botToken": "xoxb s3cr3t", "channel": "C1"}}, "default": ["ops"]}`,
			"destinations.ops.botToken: token contains spaces or control characters"},
		{"malformed reference", `{"destinations": {"ops": {"webhook": "ssm:"}}, "default": ["ops"]}`,
			`destinations.ops.webhook: "ssm:" names no ssm`},
		{"webhook not a string", `{"destinations": {"ops": {"webhook": 3}}, "default": ["ops"]}`,
			"destinations.ops.webhook: want a string, not a number"},
		{"bad destination mention", `{"destinations": {"ops": {"webhook": "https://h.example/x", "mention": "@here"}}, "default": ["ops"]}`,
			"destinations.ops.mention: not a Slack mention; want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>"},
		{"unknown destination", route(`{"to": ["payments", "paymnets"]}`), `routes[1].to[1]: unknown destination "paymnets"`},
		{"unknown default", `{` + dests + `, "default": ["platform"]}`, `default[0]: unknown destination "platform"`},
		{"empty default", `{` + dests + `, "default": []}`, "default: empty list"},
		{"to is a string", route(`{"to": "payments"}`), "routes[1].to: want a list of strings, not a string"},
		{"routes not a list", `{` + dests + `, "routes": {}}`, "routes: want a list, not an object"},
		{"route not an object", route(`"payments"`), "routes[1]: want an object, not a string"},
		{"unknown route key", route(`{"to": ["payments"], "stop": true}`), "routes[1].stop: unknown key; want match, to, mention, drop or continue"},
		{"neither to nor drop", route(`{"match": {}}`), `routes[1].to: not set; a route needs "to" or "drop": true`},
		{"drop with to", route(`{"to": ["payments"], "drop": true}`), "routes[1].drop: a route that drops posts nothing: remove its to, mention and continue"},
		{"drop with continue", route(`{"drop": true, "continue": true}`), "routes[1].drop: a route that drops posts nothing: remove its to, mention and continue"},
		{"drop not a boolean", route(`{"drop": "yes"}`), "routes[1].drop: want true or false, not a string"},
		{"continue null", route(`{"to": ["payments"], "continue": null}`), "routes[1].continue: want true or false, not null"},
		{"bad route mention", route(`{"to": ["payments"], "mention": "<!here|here>"}`),
			"routes[1].mention: not a Slack mention; want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>"},
		{"unknown match key", match(`"nmae": "x"`), "routes[1].match.nmae: unknown key; want name, tags, account, region, state, previousState, kind or namespace"},
		{"empty glob", match(`"name": ""`), `routes[1].match.name: empty glob; write "*" to match any value`},
		{"empty tag glob", match(`"tags": {"team": ""}`), `routes[1].match.tags["team"]: empty glob; write "*" to match any value`},
		{"glob with a control character", match(`"region": "eu-\t*"`), "routes[1].match.region: glob contains control characters"},
		{"empty tag key", match(`"tags": {"": "x"}`), "routes[1].match.tags: empty tag key"},
		{"tags not an object", match(`"tags": ["team"]`), "routes[1].match.tags: want an object, not a list"},
		{"bad state", match(`"state": ["ALARM", "ALRAM"]`), `routes[1].match.state[1]: unknown state "ALRAM"; want OK, ALARM or INSUFFICIENT_DATA`},
		{"bad single state", match(`"previousState": "ok"`), `routes[1].match.previousState: unknown state "ok"; want OK, ALARM or INSUFFICIENT_DATA`},
		{"empty state list", match(`"state": []`), "routes[1].match.state: empty list"},
		{"state not a string", match(`"state": [1]`), "routes[1].match.state[0]: want a string, not a number"},
		{"bad kind", match(`"kind": "math"`), `routes[1].match.kind: unknown kind "math"; want metric, metric-math, anomaly-detection, metrics-insights, composite, log or promql`},
		{"bad account", match(`"account": ["123456789012", "1234"]`), `routes[1].match.account[1]: "1234" is not a 12-digit account ID`},
		{"account a number", match(`"account": 123456789012`), "routes[1].match.account: want a string or a list of strings, not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := cwslack.ParseRoutes([]byte(tt.doc), nil)
			var ce *cwslack.ConfigError
			if !errors.As(err, &ce) || !errors.Is(err, cwslack.ErrConfig) {
				t.Fatalf("ParseRoutes = %v, want a *ConfigError", err)
			}
			if got := ce.Where + ": " + ce.Problem; got != tt.want {
				t.Errorf("error\n got %q\nwant %q", got, tt.want)
			}
			if strings.Contains(err.Error(), "s3cr3t") || strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q shows a secret or is not one line", err)
			}
		})
	}
}

func TestParseRoutesResolveError(t *testing.T) {
	_, err := cwslack.ParseRoutes([]byte(issueRoutes), func(name string, spec cwslack.DestinationSpec) (cwslack.Destination, error) {
		if name == "ops" {
			return cwslack.Destination{}, errors.New("no bots here")
		}
		return discardResolve(name, spec)
	})
	var ce *cwslack.ConfigError
	if !errors.As(err, &ce) || ce.Error() != "cwslack: destinations.ops: no bots here" {
		t.Errorf("ParseRoutes = %v, want the resolver's error placed at the destination", err)
	}
}

// When one destination is down, the retry of the whole delivery posts
// only where the message did not arrive: deduplication is per
// destination.
func TestRoutesRetryPostsOnlyWhereNotDelivered(t *testing.T) {
	payments, platform := slacktest.NewServer(), slacktest.NewServer()
	defer payments.Close()
	defer platform.Close()
	doc := fmt.Sprintf(`{
		"destinations": {"payments": {"webhook": %q}, "platform": {"webhook": %q}},
		"routes": [{"match": {"name": "prod-*"}, "to": ["payments", "platform"]}]
	}`, payments.WebhookURL(), platform.WebhookURL())
	cfg := &cwslack.Config{Routes: []byte(doc)}
	r, err := cfg.Router(send.WithMaxAttempts(1), send.WithPacing(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	n := cwslack.New(r)
	alarms := alarmsNamed(t, "prod-orders", "prod-billing")
	payments.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 503, Times: 2})

	err = n.Notify(context.Background(), alarms...)
	var de *cwslack.DeliveryError
	if !errors.As(err, &de) || len(de.Failures) != 2 || de.Failures[0].Destination != "payments" || de.Failures[1].Destination != "payments" {
		t.Fatalf("Notify with payments down = %v, want both alarms failed to payments only", err)
	}
	if err := n.Notify(context.Background(), alarms...); err != nil {
		t.Fatalf("retried Notify: %v", err)
	}
	if got, want := len(posted(payments)), 2; got != want {
		t.Errorf("payments got %d messages, want %d (after its retry)", got, want)
	}
	if got, want := len(posted(platform)), 2; got != want {
		t.Errorf("platform got %d messages, want %d (none again on the retry)", got, want)
	}
}

// A routing document sends each alarm to the channels of its team.
func ExampleParseRoutes() {
	slack := slacktest.NewServer() // stands in for Slack
	defer slack.Close()
	doc := `{
	  "destinations": {
	    "payments": {"webhook": "` + slack.URL() + `/services/T0/B0/payments", "mention": "<!subteam^S0PAY>"},
	    "platform": {"webhook": "` + slack.URL() + `/services/T0/B0/platform"}
	  },
	  "routes": [
	    {"match": {"name": "payments-*"}, "to": ["payments"]},
	    {"match": {"name": "prod-*", "state": "ALARM"}, "to": ["platform", "payments"], "mention": "<!here>"},
	    {"match": {"state": "INSUFFICIENT_DATA"}, "drop": true}
	  ],
	  "default": ["platform"]
	}`
	r, err := cwslack.ParseRoutes([]byte(doc), nil)
	if err != nil {
		log.Fatal(err)
	}
	n := cwslack.New(r)
	for _, name := range []string{"payments-latency", "prod-db", "search-errors"} {
		alarms, err := alarm.Parse(lambdaSNS(gen{name: name}.snsMessage()))
		if err != nil {
			log.Fatal(err)
		}
		if err := n.Notify(context.Background(), alarms...); err != nil {
			log.Fatal(err)
		}
	}
	for _, m := range slack.Messages() {
		first, _, _ := strings.Cut(m.PlainText(), "\n")
		fmt.Println(strings.TrimPrefix(m.Webhook, "/services/T0/B0/"), m.Mentions(), first)
	}
	// Unordered output:
	// payments [<!subteam^S0PAY>] @S0PAY ALARM: payments-latency in eu-west-3: 412.5 ≥ 250 (was OK)
	// platform [<!here>] @here ALARM: prod-db in eu-west-3: 412.5 ≥ 250 (was OK)
	// payments [<!here>] @here ALARM: prod-db in eu-west-3: 412.5 ≥ 250 (was OK)
	// platform [] ALARM: search-errors in eu-west-3: 412.5 ≥ 250 (was OK)
}

func FuzzParseRoutes(f *testing.F) {
	f.Add([]byte(issueRoutes))
	f.Add([]byte(`{"destinations": {"a": {"webhook": "https://h.example/x"}}, "default": ["a"]}`))
	f.Add([]byte(`{"destinations": {"a": {"botToken": "ssm:/t", "channel": "C1"}}, "routes": [{"match": {"state": "OK"}, "drop": true}, {"to": ["a"]}]}`))
	f.Add([]byte(`{"destinations": {"a": {"webhook": "secretsmanager:x#y"}}, "routes": [{"match": {"tags": {"k": "*"}, "kind": ["composite"]}, "to": ["a"], "continue": true}]}`))
	alarms := []*alarm.Alarm{
		routeAlarm(nil),
		routeAlarm(func(a *alarm.Alarm) { a.Tags = map[string]string{"team": "payments", "k": "v"} }),
		routeAlarm(func(a *alarm.Alarm) { a.Kind, a.Metrics, a.Region = alarm.KindComposite, nil, "" }),
		routeAlarm(func(a *alarm.Alarm) { a.State.Value = alarm.StateOK }),
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		r, err := cwslack.ParseRoutes(doc, nil)
		if err != nil {
			var ce *cwslack.ConfigError
			if !errors.As(err, &ce) || ce.Where == "" || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q: want a one-line *ConfigError naming a place", err)
			}
			return
		}
		dests := r.Destinations()
		for _, a := range alarms {
			for _, tg := range r.Route(a) {
				if _, ok := r.Destination(tg.Destination); !ok {
					t.Fatalf("routed to %q, not one of %q", tg.Destination, dests)
				}
			}
		}
	})
}
