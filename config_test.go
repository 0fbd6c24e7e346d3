package cwslack_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

const (
	envHook  = "https://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k"
	envToken = "xoxb-1-2-s3cr3ttoken"
	// routesDoc is a small routing document with a secret in it.
	routesDoc = `{"destinations": {"payments": {"webhook": "https://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k"},
		"ops": {"botToken": "ssm:/cwslack/bot", "channel": "C0OPS"}},
		"routes": [{"match": {"tags": {"team": "payments"}}, "to": ["payments"]}], "default": ["ops"]}`
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    cwslack.Config
		wantErr string // "" for success
	}{
		{
			name: "webhook",
			env:  map[string]string{cwslack.EnvWebhookURL: " " + envHook + " ", cwslack.EnvMention: "<!here>"},
			want: cwslack.Config{WebhookURL: envHook, Mention: slackfmt.MustParseMention("<!here>")},
		},
		{
			name: "bot with aliases",
			env: map[string]string{cwslack.EnvBotToken: envToken, cwslack.EnvChannel: "C0ALERTS",
				cwslack.EnvAccountAliases: "123456789012=prod, 012345678901 = staging ,"},
			want: cwslack.Config{BotToken: envToken, Channel: "C0ALERTS",
				AccountAliases: map[string]string{"123456789012": "prod", "012345678901": "staging"}},
		},
		{
			name: "http on loopback",
			env:  map[string]string{cwslack.EnvWebhookURL: "http://127.0.0.1:8080/hook"},
			want: cwslack.Config{WebhookURL: "http://127.0.0.1:8080/hook"},
		},
		{
			name: "references",
			env:  map[string]string{cwslack.EnvBotToken: "secretsmanager:cwslack/bot#token", cwslack.EnvChannel: "C0ALERTS"},
			want: cwslack.Config{BotToken: "secretsmanager:cwslack/bot#token", Channel: "C0ALERTS"},
		},
		{
			name: "routes inline",
			env:  map[string]string{cwslack.EnvRoutes: " " + routesDoc + " ", cwslack.EnvAPIURL: "http://127.0.0.1:1/api/"},
			want: cwslack.Config{Routes: []byte(routesDoc), APIURL: "http://127.0.0.1:1/api/"},
		},
		{name: "neither", wantErr: "cwslack: SLACK_WEBHOOK_URL: set it, or SLACK_BOT_TOKEN and SLACK_CHANNEL; or set SLACK_ROUTES"},
		{
			name:    "both",
			env:     map[string]string{cwslack.EnvWebhookURL: envHook, cwslack.EnvBotToken: envToken, cwslack.EnvChannel: "C1"},
			wantErr: "cwslack: SLACK_WEBHOOK_URL: set either it or SLACK_BOT_TOKEN and SLACK_CHANNEL, not both",
		},
		{
			name:    "token without channel",
			env:     map[string]string{cwslack.EnvBotToken: envToken},
			wantErr: "cwslack: SLACK_CHANNEL: not set, but SLACK_BOT_TOKEN is",
		},
		{
			name:    "channel without token",
			env:     map[string]string{cwslack.EnvChannel: "C1"},
			wantErr: "cwslack: SLACK_BOT_TOKEN: not set, but SLACK_CHANNEL is",
		},
		{
			name:    "plain http",
			env:     map[string]string{cwslack.EnvWebhookURL: "http://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k"},
			wantErr: "cwslack: SLACK_WEBHOOK_URL: webhook URL must be https, not http://hooks.slack.com/services/…",
		},
		{
			name:    "not a URL",
			env:     map[string]string{cwslack.EnvWebhookURL: "s3cr3tw3bh00k"},
			wantErr: "cwslack: SLACK_WEBHOOK_URL: webhook URL has no scheme: want https://…",
		},
		{
			name:    "token with spaces",
			env:     map[string]string{cwslack.EnvBotToken: "xoxb-1 s3cr3ttoken", cwslack.EnvChannel: "C1"},
			wantErr: "cwslack: SLACK_BOT_TOKEN: token contains spaces or control characters",
		},
		{
			name:    "channel with spaces",
			env:     map[string]string{cwslack.EnvBotToken: envToken, cwslack.EnvChannel: "C1 C2"},
			wantErr: "cwslack: SLACK_CHANNEL: channel contains spaces or control characters",
		},
		{
			name:    "API URL in clear text",
			env:     map[string]string{cwslack.EnvBotToken: envToken, cwslack.EnvChannel: "C1", cwslack.EnvAPIURL: "http://slack.example/api/"},
			wantErr: "cwslack: SLACK_API_URL: API URL must be https, not http://slack.example/api/…",
		},
		{
			name:    "bad mention",
			env:     map[string]string{cwslack.EnvWebhookURL: envHook, cwslack.EnvMention: "@here"},
			wantErr: "cwslack: SLACK_MENTION: not a Slack mention; want <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>",
		},
		{
			name:    "alias without =",
			env:     map[string]string{cwslack.EnvWebhookURL: envHook, cwslack.EnvAccountAliases: "123456789012"},
			wantErr: `cwslack: SLACK_ACCOUNT_ALIASES: "123456789012" is not ACCOUNT=ALIAS`,
		},
		{
			name:    "alias with a short account",
			env:     map[string]string{cwslack.EnvWebhookURL: envHook, cwslack.EnvAccountAliases: "12345=prod"},
			wantErr: `cwslack: SLACK_ACCOUNT_ALIASES: "12345" is not a 12-digit account ID`,
		},
		{
			name:    "alias twice",
			env:     map[string]string{cwslack.EnvWebhookURL: envHook, cwslack.EnvAccountAliases: "123456789012=a,123456789012=b"},
			wantErr: "cwslack: SLACK_ACCOUNT_ALIASES: names account 123456789012 twice",
		},
		{
			name:    "routes with a webhook",
			env:     map[string]string{cwslack.EnvRoutes: routesDoc, cwslack.EnvWebhookURL: envHook},
			wantErr: "cwslack: SLACK_ROUTES: set together with SLACK_WEBHOOK_URL: the routes' destinations replace it; unset one of them",
		},
		{
			name:    "routes with a token",
			env:     map[string]string{cwslack.EnvRoutes: routesDoc, cwslack.EnvBotToken: envToken},
			wantErr: "cwslack: SLACK_ROUTES: set together with SLACK_BOT_TOKEN: the routes' destinations replace it; unset one of them",
		},
		{
			name:    "routes with a channel",
			env:     map[string]string{cwslack.EnvRoutes: routesDoc, cwslack.EnvChannel: "C1"},
			wantErr: "cwslack: SLACK_ROUTES: set together with SLACK_CHANNEL: the routes' destinations replace it; unset one of them",
		},
		{
			name:    "routes with a mention",
			env:     map[string]string{cwslack.EnvRoutes: routesDoc, cwslack.EnvMention: "<!here>"},
			wantErr: "cwslack: SLACK_ROUTES: set together with SLACK_MENTION: the routes' destinations replace it; unset one of them",
		},
		{
			name:    "routes neither JSON, file nor parameter",
			env:     map[string]string{cwslack.EnvRoutes: "routes.json"},
			wantErr: "cwslack: SLACK_ROUTES: want the JSON itself ({…}), file:PATH or ssm:NAME",
		},
		{
			name:    "routes file missing",
			env:     map[string]string{cwslack.EnvRoutes: "file:/nonexistent/routes.json"},
			wantErr: "cwslack: SLACK_ROUTES: cannot read file:/nonexistent/routes.json: no such file or directory",
		},
		{
			name:    "routes naming an unknown destination",
			env:     map[string]string{cwslack.EnvRoutes: strings.Replace(routesDoc, `"to": ["payments"]`, `"to": ["paymnets"]`, 1)},
			wantErr: `cwslack: SLACK_ROUTES: routes[0].to[0]: unknown destination "paymnets"`,
		},
		{
			name:    "routes with a bad webhook",
			env:     map[string]string{cwslack.EnvRoutes: strings.Replace(routesDoc, "https://hooks", "http://hooks", 1)},
			wantErr: "cwslack: SLACK_ROUTES: destinations.payments.webhook: webhook URL must be https, not http://hooks.slack.com/services/…",
		},
		{
			name:    "routes not JSON",
			env:     map[string]string{cwslack.EnvRoutes: `{"destinations": }`},
			wantErr: "cwslack: SLACK_ROUTES: not JSON: line 1, column 18: invalid character '}' looking for beginning of value",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := cwslack.ConfigFromEnv(func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr || !errors.Is(err, cwslack.ErrConfig) {
					t.Fatalf("ConfigFromEnv() error = %v, want %q matching ErrConfig", err, tt.wantErr)
				}
				if strings.Contains(err.Error(), "s3cr3t") {
					t.Errorf("error %q shows a secret", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ConfigFromEnv() error = %v", err)
			}
			if diff := cmp.Diff(&tt.want, got, cmp.Comparer(func(x, y slackfmt.Mention) bool { return x == y }),
				cmpopts.IgnoreFields(cwslack.Config{}, "Secrets"), cmpopts.IgnoreUnexported(cwslack.Config{})); diff != "" {
				t.Errorf("ConfigFromEnv() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConfigRedacts(t *testing.T) {
	tests := []struct {
		c    cwslack.Config
		want string
	}{
		{cwslack.Config{WebhookURL: envHook, Mention: slackfmt.MustParseMention("<!here>")}, "webhook https://hooks.slack.com/…, mention <!here>"},
		{cwslack.Config{BotToken: envToken, Channel: "C1", AccountAliases: map[string]string{"123456789012": "prod"}},
			"bot token to C1, 1 account aliases"},
		{cwslack.Config{BotToken: "ssm:/cwslack/bot", Channel: "C1"}, "bot token ssm:/cwslack/bot to C1"},
		{cwslack.Config{Routes: []byte(routesDoc)}, "routes: 2 destinations, 1 routes, 1 default"},
	}
	for _, tt := range tests {
		for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
			if got := fmt.Sprintf(verb, &tt.c); strings.Contains(got, "s3cr3t") {
				t.Errorf("Sprintf(%q, config) = %q shows a secret", verb, got)
			}
		}
		if got := tt.c.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestConfigDestination(t *testing.T) {
	hook, err := (&cwslack.Config{WebhookURL: envHook}).Destination()
	if _, ok := hook.Sender.(*send.Webhook); err != nil || !ok {
		t.Errorf("a webhook Config gives %T, %v; want a *send.Webhook", hook.Sender, err)
	}
	bot, err := (&cwslack.Config{BotToken: envToken, Channel: "C1"}).Destination()
	if _, ok := bot.Sender.(*send.Bot); err != nil || !ok {
		t.Errorf("a bot Config gives %T, %v; want a *send.Bot", bot.Sender, err)
	}
}

func TestConfigRoutesFromFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "routes.json")
	if err := os.WriteFile(path, []byte(routesDoc), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{cwslack.EnvRoutes: "file:" + path}
	c, err := cwslack.ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if string(c.Routes) != routesDoc {
		t.Errorf("Routes = %s, want the file's contents", c.Routes)
	}
	r, err := c.Router()
	if err != nil || !cmp.Equal(r.Destinations(), []string{"ops", "payments"}) {
		t.Errorf("Router() = %v, %v; want the destinations ops and payments", r, err)
	}
	if _, err := c.Destination(); err == nil || err.Error() != "cwslack: SLACK_ROUTES: names several destinations; use Config.Router" {
		t.Errorf("Destination() with routes: error %v", err)
	}
}

func TestConfigRoutesFromSSM(t *testing.T) {
	aws := newAWSStandIn(t)
	aws.param("/cwslack/routes", routesDoc)
	c, err := cwslack.ConfigFromEnv(aws.env(cwslack.EnvRoutes, "ssm:/cwslack/routes"))
	if err != nil {
		t.Fatal(err)
	}
	want := []awsCall{{Target: "AmazonSSM.GetParameter", ID: "/cwslack/routes", Region: "eu-west-1", Service: "ssm", Decrypt: true}}
	if diff := cmp.Diff(want, aws.Calls()); diff != "" {
		t.Errorf("calls at start-up (-want +got):\n%s", diff)
	}
	if string(c.Routes) != routesDoc {
		t.Errorf("Routes = %s, want the parameter's value", c.Routes)
	}
	if _, err := c.Notifier(); err != nil || len(aws.Calls()) != 1 {
		t.Errorf("Notifier() = %v after %d calls; want no other read (the bot token is read when first needed)", err, len(aws.Calls()))
	}

	_, err = cwslack.ConfigFromEnv(aws.env(cwslack.EnvRoutes, "ssm:/cwslack/nothing"))
	if want := "cwslack: SLACK_ROUTES: cannot read ssm:/cwslack/nothing: no such parameter (ParameterNotFound)"; err == nil || err.Error() != want {
		t.Errorf("routes from a missing parameter: error %v, want %q", err, want)
	}
}

// The end-to-end path of a Lambda function configured with routes whose
// secrets are in SSM and Secrets Manager: an SQS batch, two teams.
func TestConfigRoutesWithSecretsEndToEnd(t *testing.T) {
	aws := newAWSStandIn(t)
	slack := slacktest.NewServer()
	defer slack.Close()
	aws.param("/cwslack/payments-webhook", hook(slack, "payments-s3cr3t"))
	aws.secret("cwslack/slack", `{"token": "xoxb-1-s3cr3t", "signingSecret": "x"}`)
	routes := `{
		"destinations": {
			"payments": {"webhook": "ssm:/cwslack/payments-webhook", "mention": "<!subteam^S0PAY>"},
			"ops": {"botToken": "secretsmanager:cwslack/slack", "channel": "C0OPS"}
		},
		"routes": [{"match": {"name": "payments-*"}, "to": ["payments"]}],
		"default": ["ops"]
	}`
	c, err := cwslack.ConfigFromEnv(aws.env(cwslack.EnvRoutes, routes, cwslack.EnvAPIURL, slack.APIURL()))
	if err != nil {
		t.Fatal(err)
	}
	n, err := c.Notifier()
	if err != nil {
		t.Fatal(err)
	}
	h := cwslack.NewLambdaHandler(n)
	event := sqsBatch(testQueue,
		sqsMessage{id: "m1", body: string(snsHTTP(gen{name: "payments-latency", at: at(1)}.snsMessage()))},
		sqsMessage{id: "m2", body: string(snsHTTP(gen{name: "search-errors", at: at(2)}.snsMessage()))})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := h.Invoke(ctx, event)
	if err != nil || string(out) != `{"batchItemFailures":[]}` {
		t.Fatalf("Invoke = %s, %v; want no batch item failures", out, err)
	}
	var got []string
	for _, m := range slack.Messages() {
		first, _, _ := strings.Cut(m.PlainText(), "\n")
		got = append(got, fmt.Sprintf("%s %s%s %v %s", m.Method, m.Webhook, m.Channel, m.Mentions(), first))
	}
	slices.Sort(got)
	want := []string{
		"chat.postMessage C0OPS [] ALARM: search-errors in eu-west-3: 412.5 ≥ 250 (was OK)",
		"webhook /services/T0/B0/payments-s3cr3t [<!subteam^S0PAY>] @S0PAY ALARM: payments-latency in eu-west-3: 412.5 ≥ 250 (was OK)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Slack received (-want +got):\n%s", diff)
	}
	if got := len(aws.Calls()); got != 2 {
		t.Errorf("%d calls to AWS, want 2: one per secret", got)
	}
}

func FuzzConfigFromEnv(f *testing.F) {
	f.Add(envHook, "", "", "<!here>", "123456789012=prod", "")
	f.Add("http://127.0.0.1:1/x", "", "", "", "", "")
	f.Add("", envToken, "C1", "", "x=y,,", "")
	f.Add("ssm:/cwslack/webhook", "", "", "", "", "")
	f.Add("", "secretsmanager:cwslack/bot#token", "C1", "", "", "")
	f.Add("", "", "", "", "", routesDoc)
	f.Fuzz(func(t *testing.T, hook, token, channel, mention, aliases, routes string) {
		if strings.HasPrefix(strings.TrimSpace(routes), "file:") || strings.HasPrefix(strings.TrimSpace(routes), "ssm:") {
			return // reads files or AWS
		}
		env := map[string]string{cwslack.EnvWebhookURL: hook, cwslack.EnvBotToken: token, cwslack.EnvChannel: channel,
			cwslack.EnvMention: mention, cwslack.EnvAccountAliases: aliases, cwslack.EnvRoutes: routes}
		c, err := cwslack.ConfigFromEnv(func(k string) string { return env[k] })
		if err != nil {
			if !errors.Is(err, cwslack.ErrConfig) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error %q does not match ErrConfig or is not one line", err)
			}
			return
		}
		if c.Routes == nil && (c.WebhookURL == "") == (c.BotToken == "") {
			t.Fatalf("accepted %v: want exactly one of webhook and token", c)
		}
		if _, err := c.Notifier(); err != nil {
			t.Fatalf("a Config that ConfigFromEnv accepted gives no Notifier: %v", err)
		}
	})
}

func TestConfigSwitches(t *testing.T) {
	tests := []struct {
		env     map[string]string
		want    cwslack.Config
		wantErr string
	}{
		{env: map[string]string{"SLACK_GRAPHS": "false", "SLACK_DIGEST_THRESHOLD": "12", "SLACK_DROP_MUTED": "true", "SLACK_STATE_TABLE": "cwslack-state"},
			want: cwslack.Config{NoGraphs: true, DigestThreshold: 12, DropMuted: true, StateTable: "cwslack-state"}},
		{env: map[string]string{"SLACK_GRAPHS": "on", "SLACK_DIGEST_THRESHOLD": "off"}, want: cwslack.Config{DigestThreshold: -1}},
		{env: map[string]string{"SLACK_GRAPHS": "maybe"}, wantErr: `cwslack: SLACK_GRAPHS: want true or false, not "maybe"`},
		{env: map[string]string{"SLACK_DROP_MUTED": "yes"}, wantErr: `cwslack: SLACK_DROP_MUTED: want true or false, not "yes"`},
		{env: map[string]string{"SLACK_DIGEST_THRESHOLD": "-3"}, wantErr: `cwslack: SLACK_DIGEST_THRESHOLD: want a number of alarms (1 or more), or off, not "-3"`},
	}
	for _, tt := range tests {
		env := map[string]string{"SLACK_WEBHOOK_URL": envHook}
		for k, v := range tt.env {
			env[k] = v
		}
		got, err := cwslack.ConfigFromEnv(func(k string) string { return env[k] })
		if tt.wantErr != "" {
			if err == nil || err.Error() != tt.wantErr {
				t.Errorf("ConfigFromEnv(%v) error = %v, want %q", tt.env, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("ConfigFromEnv(%v): %v", tt.env, err)
		}
		tt.want.WebhookURL = envHook
		if diff := cmp.Diff(&tt.want, got, cmp.Comparer(func(x, y slackfmt.Mention) bool { return x == y }),
			cmpopts.IgnoreFields(cwslack.Config{}, "Secrets"), cmpopts.IgnoreUnexported(cwslack.Config{})); diff != "" {
			t.Errorf("ConfigFromEnv(%v) mismatch (-want +got):\n%s", tt.env, diff)
		}
		if _, err := got.Notifier(); err != nil {
			t.Errorf("Notifier of %v: %v", tt.env, err)
		}
	}
}
