package cwslack_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

const (
	envHook  = "https://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k"
	envToken = "xoxb-1-2-s3cr3ttoken"
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
		{name: "neither", wantErr: "cwslack: SLACK_WEBHOOK_URL: set it, or SLACK_BOT_TOKEN and SLACK_CHANNEL"},
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
			wantErr: "cwslack: SLACK_WEBHOOK_URL: invalid webhook URL",
		},
		{
			name:    "not a URL",
			env:     map[string]string{cwslack.EnvWebhookURL: "s3cr3tw3bh00k"},
			wantErr: "cwslack: SLACK_WEBHOOK_URL: invalid webhook URL",
		},
		{
			name:    "token with spaces",
			env:     map[string]string{cwslack.EnvBotToken: "xoxb-1 s3cr3ttoken", cwslack.EnvChannel: "C1"},
			wantErr: "cwslack: SLACK_BOT_TOKEN: invalid bot token or channel",
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
			if diff := cmp.Diff(&tt.want, got, cmp.Comparer(func(x, y slackfmt.Mention) bool { return x == y })); diff != "" {
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

func FuzzConfigFromEnv(f *testing.F) {
	f.Add(envHook, "", "", "<!here>", "123456789012=prod")
	f.Add("http://127.0.0.1:1/x", "", "", "", "")
	f.Add("", envToken, "C1", "", "x=y,,")
	f.Fuzz(func(t *testing.T, hook, token, channel, mention, aliases string) {
		env := map[string]string{cwslack.EnvWebhookURL: hook, cwslack.EnvBotToken: token, cwslack.EnvChannel: channel,
			cwslack.EnvMention: mention, cwslack.EnvAccountAliases: aliases}
		c, err := cwslack.ConfigFromEnv(func(k string) string { return env[k] })
		if err != nil {
			if !errors.Is(err, cwslack.ErrConfig) {
				t.Fatalf("error %v does not match ErrConfig", err)
			}
			return
		}
		if (c.WebhookURL == "") == (c.BotToken == "") {
			t.Fatalf("accepted %v: want exactly one of webhook and token", c)
		}
		if _, err := c.Notifier(); err != nil {
			t.Fatalf("a Config that ConfigFromEnv accepted gives no Notifier: %v", err)
		}
	})
}
