package send

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

const (
	envHook  = "https://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k"
	envToken = "xoxb-1-2-s3cr3ttoken"
)

func TestConfigFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr string // "" for success
	}{
		{
			name: "webhook",
			env:  map[string]string{EnvWebhookURL: " " + envHook + " ", EnvMention: "<!here>"},
			want: Config{WebhookURL: envHook, Mention: "<!here>"},
		},
		{
			name: "bot with aliases",
			env: map[string]string{EnvBotToken: envToken, EnvChannel: "C0ALERTS",
				EnvAccountAliases: "123456789012=prod, 012345678901 = staging ,"},
			want: Config{BotToken: envToken, Channel: "C0ALERTS",
				AccountAliases: map[string]string{"123456789012": "prod", "012345678901": "staging"}},
		},
		{
			name: "http on localhost",
			env:  map[string]string{EnvWebhookURL: "http://localhost:8080/hook"},
			want: Config{WebhookURL: "http://localhost:8080/hook"},
		},
		{
			name: "http on loopback IPv6",
			env:  map[string]string{EnvWebhookURL: "http://[::1]:8080/hook"},
			want: Config{WebhookURL: "http://[::1]:8080/hook"},
		},
		{name: "neither", env: nil, wantErr: "send: invalid configuration: set SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN and SLACK_CHANNEL"},
		{
			name:    "both",
			env:     map[string]string{EnvWebhookURL: envHook, EnvBotToken: envToken, EnvChannel: "C1"},
			wantErr: "send: invalid configuration: set either SLACK_WEBHOOK_URL or SLACK_BOT_TOKEN and SLACK_CHANNEL, not both",
		},
		{
			name:    "token without channel",
			env:     map[string]string{EnvBotToken: envToken},
			wantErr: "send: invalid configuration: SLACK_BOT_TOKEN is set but SLACK_CHANNEL is not",
		},
		{
			name:    "channel without token",
			env:     map[string]string{EnvChannel: "C1"},
			wantErr: "send: invalid configuration: SLACK_CHANNEL is set but SLACK_BOT_TOKEN is not",
		},
		{
			name:    "plain http",
			env:     map[string]string{EnvWebhookURL: "http://hooks.slack.com/services/T0/B0/s3cr3tw3bh00k"},
			wantErr: "send: invalid configuration: SLACK_WEBHOOK_URL must be an https URL, not http://hooks.slack.com/services/…",
		},
		{
			name:    "not a URL",
			env:     map[string]string{EnvWebhookURL: "s3cr3tw3bh00k"},
			wantErr: "send: invalid configuration: SLACK_WEBHOOK_URL is not a URL",
		},
		{
			name:    "token with spaces",
			env:     map[string]string{EnvBotToken: "xoxb-1 s3cr3ttoken", EnvChannel: "C1"},
			wantErr: "send: invalid configuration: SLACK_BOT_TOKEN contains spaces",
		},
		{
			name:    "alias without =",
			env:     map[string]string{EnvWebhookURL: envHook, EnvAccountAliases: "123456789012"},
			wantErr: `send: invalid configuration: SLACK_ACCOUNT_ALIASES: "123456789012" is not ACCOUNT=ALIAS`,
		},
		{
			name:    "alias with a short account",
			env:     map[string]string{EnvWebhookURL: envHook, EnvAccountAliases: "12345=prod"},
			wantErr: `send: invalid configuration: SLACK_ACCOUNT_ALIASES: "12345" is not a 12-digit account ID`,
		},
		{
			name:    "alias twice",
			env:     map[string]string{EnvWebhookURL: envHook, EnvAccountAliases: "123456789012=a,123456789012=b"},
			wantErr: "send: invalid configuration: SLACK_ACCOUNT_ALIASES names account 123456789012 twice",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ConfigFromEnv(func(k string) string { return tt.env[k] })
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr || !errors.Is(err, ErrConfig) {
					t.Fatalf("ConfigFromEnv() error = %v, want %q wrapping ErrConfig", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ConfigFromEnv() error = %v", err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ConfigFromEnv() mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestConfigRedacts(t *testing.T) {
	tests := []struct {
		c    Config
		want string
	}{
		{Config{WebhookURL: envHook, Mention: "<!here>"}, "webhook https://hooks.slack.com/services/…, mention <!here>"},
		{Config{BotToken: envToken, Channel: "C1", AccountAliases: map[string]string{"123456789012": "prod"}},
			"bot xoxb-… to C1, 1 account aliases"},
		{Config{BotToken: "s3cr3ttoken", Channel: "C1"}, "bot … to C1"},
	}
	for _, tt := range tests {
		for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
			got := fmt.Sprintf(verb, tt.c)
			if strings.Contains(got, "s3cr3t") {
				t.Errorf("Sprintf(%q, config) = %q shows a secret", verb, got)
			}
		}
		if got := tt.c.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
	}
}

func TestConfigSender(t *testing.T) {
	if _, ok := (Config{WebhookURL: envHook}).Sender().(*Webhook); !ok {
		t.Error("a webhook Config should give a *Webhook")
	}
	if _, ok := (Config{BotToken: envToken, Channel: "C1"}).Sender().(*Bot); !ok {
		t.Error("a bot Config should give a *Bot")
	}
}

func FuzzConfigFromEnv(f *testing.F) {
	f.Add(envHook, "", "", "123456789012=prod")
	f.Add("http://127.0.0.1:1/x", "", "", "")
	f.Add("", envToken, "C1", "x=y,,")
	f.Fuzz(func(t *testing.T, hook, token, channel, aliases string) {
		env := map[string]string{EnvWebhookURL: hook, EnvBotToken: token, EnvChannel: channel, EnvAccountAliases: aliases}
		c, err := ConfigFromEnv(func(k string) string { return env[k] })
		if err != nil {
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("error %v does not wrap ErrConfig", err)
			}
			return
		}
		if (c.WebhookURL == "") == (c.BotToken == "") {
			t.Fatalf("accepted %v: want exactly one of webhook and token", c)
		}
		_ = c.String()
	})
}
