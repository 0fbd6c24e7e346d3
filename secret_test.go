package cwslack_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/ssm/types"
	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// hook returns a webhook URL of s whose last path segment is name. Secret
// values in these tests contain "s3cr3t", which no error may show.
func hook(s *slacktest.Server, name string) string { return s.URL() + "/services/T0/B0/" + name }

// alarmsNamed returns one ALARM per name, each with its own state change.
func alarmsNamed(t *testing.T, names ...string) []*alarm.Alarm {
	t.Helper()
	msgs := make([]string, len(names))
	for i, name := range names {
		msgs[i] = gen{name: name, at: at(i)}.snsMessage()
	}
	return parse(t, lambdaSNSEvent(msgs...))
}

// sent returns what s received, one line per request: the method, the
// webhook path or channel, and Slack's error if it refused it.
func sent(s *slacktest.Server) []string {
	var out []string
	for _, m := range s.Messages() {
		line := m.Method + " " + m.Webhook + m.Channel
		if !m.OK() {
			line += " refused " + m.Error
		}
		out = append(out, line)
	}
	return out
}

// notifierFromEnv returns the Notifier of the configuration that getenv
// gives, with senders that try once.
func notifierFromEnv(t *testing.T, getenv func(string) string) *cwslack.Notifier {
	t.Helper()
	cfg, err := cwslack.ConfigFromEnv(getenv)
	if err != nil {
		t.Fatalf("ConfigFromEnv: %v", err)
	}
	r, err := cfg.Router(send.WithMaxAttempts(1), send.WithPacing(0, 0))
	if err != nil {
		t.Fatalf("Router: %v", err)
	}
	return cwslack.New(r)
}

func TestSecretReadOnFirstUseThenCached(t *testing.T) {
	aws := newAWSStandIn(t)
	slack := slacktest.NewServer()
	defer slack.Close()
	aws.param("/cwslack/webhook", hook(slack, "s3cr3t")+"\n")
	cfg, err := cwslack.ConfigFromEnv(aws.env(cwslack.EnvWebhookURL, "ssm:/cwslack/webhook"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := cfg.Router(send.WithPacing(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	n := cwslack.New(r)
	if calls := aws.Calls(); len(calls) != 0 {
		t.Fatalf("configuring made %d calls to AWS, want none (a cold start does no I/O)", len(calls))
	}
	for i := range 5 {
		if err := n.Notify(context.Background(), alarmsNamed(t, fmt.Sprintf("api-%d", i))...); err != nil {
			t.Fatalf("Notify %d: %v", i, err)
		}
	}
	want := []awsCall{{Target: "AmazonSSM.GetParameter", ID: "/cwslack/webhook", Region: "eu-west-1", Service: "ssm", Decrypt: true}}
	if diff := cmp.Diff(want, aws.Calls()); diff != "" {
		t.Errorf("calls to AWS for 5 deliveries (-want +got):\n%s", diff)
	}
	if got := sent(slack); len(got) != 5 || got[0] != "webhook /services/T0/B0/s3cr3t" {
		t.Errorf("Slack received %q, want 5 posts to the parameter's webhook", got)
	}
	if got := cfg.String(); got != "webhook ssm:/cwslack/webhook" {
		t.Errorf("String() = %q", got)
	}
}

func TestSecretConcurrentFirstUseReadsOnce(t *testing.T) {
	aws := newAWSStandIn(t)
	aws.delay = 50 * time.Millisecond
	slack := slacktest.NewServer()
	defer slack.Close()
	aws.secret("cwslack/bot", `{"token": "xoxb-1-s3cr3t"}`)
	n := notifierFromEnv(t, aws.env(cwslack.EnvBotToken, "secretsmanager:cwslack/bot",
		cwslack.EnvChannel, "C0OPS", cwslack.EnvAPIURL, slack.APIURL()))
	var wg sync.WaitGroup
	for i := range 20 {
		wg.Go(func() {
			if err := n.Notify(context.Background(), alarmsNamed(t, fmt.Sprintf("api-%d", i))...); err != nil {
				t.Errorf("Notify %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	if calls := aws.Calls(); len(calls) != 1 || calls[0].Target != "secretsmanager.GetSecretValue" || calls[0].Service != "secretsmanager" {
		t.Errorf("20 concurrent first deliveries made these calls: %+v; want one GetSecretValue", calls)
	}
	if got := len(posted(slack)); got != 20 {
		t.Errorf("%d messages posted, want 20", got)
	}
}

func TestSecretRefreshedOnceWhenSlackRefusesIt(t *testing.T) {
	tests := []struct {
		name      string
		env       func(aws *awsStandIn, s *slacktest.Server) []string
		refuse    slacktest.Failure
		wantCalls int
		want      []string // what Slack received
		wantErr   bool
	}{
		{
			name: "webhook deleted, parameter rotated",
			env: func(aws *awsStandIn, s *slacktest.Server) []string {
				aws.param("/cwslack/webhook", hook(s, "old-s3cr3t"), hook(s, "new-s3cr3t"))
				return []string{cwslack.EnvWebhookURL, "ssm:/cwslack/webhook"}
			},
			refuse:    slacktest.Failure{Method: slacktest.MethodWebhook, Status: 404, Error: "no_service"},
			wantCalls: 2,
			want:      []string{"webhook /services/T0/B0/old-s3cr3t refused no_service", "webhook /services/T0/B0/new-s3cr3t", "webhook /services/T0/B0/new-s3cr3t"},
		},
		{
			name: "webhook token invalid, secret rotated",
			env: func(aws *awsStandIn, s *slacktest.Server) []string {
				aws.secret("cwslack/hooks", `{"webhook": "`+hook(s, "old-s3cr3t")+`"}`, `{"webhook": "`+hook(s, "new-s3cr3t")+`"}`)
				return []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/hooks"}
			},
			refuse:    slacktest.Failure{Method: slacktest.MethodWebhook, Status: 403, Error: "invalid_token"},
			wantCalls: 2,
			want:      []string{"webhook /services/T0/B0/old-s3cr3t refused invalid_token", "webhook /services/T0/B0/new-s3cr3t", "webhook /services/T0/B0/new-s3cr3t"},
		},
		{
			name: "bot token revoked, secret rotated",
			env: func(aws *awsStandIn, s *slacktest.Server) []string {
				aws.secret("cwslack/bot", "xoxb-old-s3cr3t", "xoxb-new-s3cr3t")
				return []string{cwslack.EnvBotToken, "secretsmanager:cwslack/bot", cwslack.EnvChannel, "C0OPS", cwslack.EnvAPIURL, s.APIURL()}
			},
			refuse:    slacktest.Failure{Method: "chat.postMessage", Error: "token_revoked"},
			wantCalls: 2,
			want:      []string{"chat.postMessage C0OPS refused token_revoked", "chat.postMessage C0OPS", "chat.postMessage C0OPS"},
		},
		{
			name: "bot token invalid and not rotated: no second post",
			env: func(aws *awsStandIn, s *slacktest.Server) []string {
				aws.param("/cwslack/bot", "xoxb-same-s3cr3t")
				return []string{cwslack.EnvBotToken, "ssm:/cwslack/bot", cwslack.EnvChannel, "C0OPS", cwslack.EnvAPIURL, s.APIURL()}
			},
			refuse:    slacktest.Failure{Method: "chat.postMessage", Error: "invalid_auth", Times: 2},
			wantCalls: 2,
			want:      []string{"chat.postMessage C0OPS refused invalid_auth", "chat.postMessage C0OPS refused invalid_auth"},
			wantErr:   true,
		},
		{
			name: "other refusals do not refresh",
			env: func(aws *awsStandIn, s *slacktest.Server) []string {
				aws.param("/cwslack/webhook", hook(s, "s3cr3t"))
				return []string{cwslack.EnvWebhookURL, "ssm:/cwslack/webhook"}
			},
			refuse:    slacktest.Failure{Method: slacktest.MethodWebhook, Status: 410, Error: "channel_is_archived", Times: 2},
			wantCalls: 1,
			want:      []string{"webhook /services/T0/B0/s3cr3t refused channel_is_archived", "webhook /services/T0/B0/s3cr3t refused channel_is_archived"},
			wantErr:   true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			aws := newAWSStandIn(t)
			slack := slacktest.NewServer()
			defer slack.Close()
			n := notifierFromEnv(t, aws.env(tt.env(aws, slack)...))
			slack.Fail(tt.refuse)
			// The second alarm comes after the refresh: it needs no new read.
			for _, name := range []string{"api-latency", "api-errors"} {
				err := n.Notify(context.Background(), alarmsNamed(t, name)...)
				if (err != nil) != tt.wantErr {
					t.Fatalf("Notify(%s) = %v, want error: %v", name, err, tt.wantErr)
				}
				if err != nil && strings.Contains(err.Error(), "s3cr3t") {
					t.Errorf("error %q shows the secret", err)
				}
			}
			if got := len(aws.Calls()); got != tt.wantCalls {
				t.Errorf("%d calls to AWS, want %d", got, tt.wantCalls)
			}
			if diff := cmp.Diff(tt.want, sent(slack)); diff != "" {
				t.Errorf("Slack received (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSecretErrors(t *testing.T) {
	tests := []struct {
		name    string
		store   func(aws *awsStandIn)
		env     []string
		wantErr string
	}{
		{
			name:    "missing parameter",
			env:     []string{cwslack.EnvWebhookURL, "ssm:/cwslack/missing"},
			wantErr: "secret ssm:/cwslack/missing: no such parameter (ParameterNotFound)",
		},
		{
			name:    "missing secret",
			env:     []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/missing"},
			wantErr: "secret secretsmanager:cwslack/missing: no such secret (ResourceNotFoundException)",
		},
		{
			name:    "access denied",
			store:   func(aws *awsStandIn) { aws.fail("ssm:/cwslack/webhook", "AccessDeniedException") },
			env:     []string{cwslack.EnvWebhookURL, "ssm:/cwslack/webhook"},
			wantErr: "secret ssm:/cwslack/webhook: AccessDeniedException: User: arn:aws:sts::123456789012:assumed-role/cwslack/cwslack is not authorized to perform: ssm:GetParameter",
		},
		{
			name: "JSON secret without the key",
			store: func(aws *awsStandIn) {
				aws.secret("cwslack/slack", `{"url": "https://hooks.slack.com/services/T/B/s3cr3t"}`)
			},
			env:     []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/slack"},
			wantErr: `secret secretsmanager:cwslack/slack: the secret is a JSON object without the key "webhook"`,
		},
		{
			name: "JSON secret with the named key missing",
			store: func(aws *awsStandIn) {
				aws.secret("cwslack/slack", `{"webhook": "https://hooks.slack.com/services/T/B/s3cr3t"}`)
			},
			env:     []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/slack#ops"},
			wantErr: `secret secretsmanager:cwslack/slack#ops: the secret is a JSON object without the key "ops"`,
		},
		{
			name:    "JSON secret with a number",
			store:   func(aws *awsStandIn) { aws.secret("cwslack/slack", `{"webhook": 3}`) },
			env:     []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/slack"},
			wantErr: `secret secretsmanager:cwslack/slack: the key "webhook" of the secret is not a string`,
		},
		{
			name:    "malformed JSON secret",
			store:   func(aws *awsStandIn) { aws.secret("cwslack/slack", `{"webhook": "s3cr3t`) },
			env:     []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/slack"},
			wantErr: "secret secretsmanager:cwslack/slack: the secret starts with { but is not a JSON object",
		},
		{
			name:    "binary secret",
			store:   func(aws *awsStandIn) { aws.binSecs["cwslack/slack"] = true },
			env:     []string{cwslack.EnvWebhookURL, "secretsmanager:cwslack/slack"},
			wantErr: "secret secretsmanager:cwslack/slack: the secret has no string value (binary secrets are not supported)",
		},
		{
			name:    "empty parameter",
			store:   func(aws *awsStandIn) { aws.param("/cwslack/webhook", " \n") },
			env:     []string{cwslack.EnvWebhookURL, "ssm:/cwslack/webhook"},
			wantErr: "secret ssm:/cwslack/webhook: the value is empty",
		},
		{
			name:    "no region",
			env:     []string{cwslack.EnvWebhookURL, "ssm:/cwslack/webhook", "AWS_REGION", ""},
			wantErr: "secret ssm:/cwslack/webhook: no AWS region: set AWS_REGION",
		},
		{
			name:    "no credentials",
			env:     []string{cwslack.EnvWebhookURL, "ssm:/cwslack/webhook", "AWS_ACCESS_KEY_ID", ""},
			wantErr: "secret ssm:/cwslack/webhook: no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Lambda sets them from the function's role)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			aws := newAWSStandIn(t)
			slack := slacktest.NewServer()
			defer slack.Close()
			if tt.store != nil {
				tt.store(aws)
			}
			n := notifierFromEnv(t, aws.env(tt.env...))
			err := n.Notify(context.Background(), alarmsNamed(t, "api-latency")...)
			var de *cwslack.DeliveryError
			var se *cwslack.SecretError
			if !errors.As(err, &de) || !errors.As(err, &se) || !errors.Is(err, cwslack.ErrSecret) {
				t.Fatalf("Notify = %v, want a *DeliveryError holding a *SecretError", err)
			}
			if got := se.Error(); got != "cwslack: "+tt.wantErr {
				t.Errorf("error = %q\nwant    %q", got, "cwslack: "+tt.wantErr)
			}
			if strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("error %q shows the secret", err)
			}
			if de.Permanent() {
				t.Errorf("a secret that cannot be read is reported permanent; the delivery must be retried")
			}
			if got := sent(slack); len(got) != 0 {
				t.Errorf("Slack received %q, want nothing", got)
			}
		})
	}
}

func TestSecretNotFoundIsTheSDKError(t *testing.T) {
	aws := newAWSStandIn(t)
	sec, err := cwslack.SecretsFromEnv(aws.env()).Secret("ssm:/cwslack/missing", "webhook")
	if err != nil {
		t.Fatal(err)
	}
	_, err = sec.Value(context.Background(), false)
	var nf *types.ParameterNotFound
	if !errors.As(err, &nf) {
		t.Errorf("Value = %v, want an error that holds *types.ParameterNotFound", err)
	}
}

func TestSecretARNIsReadInItsRegion(t *testing.T) {
	aws := newAWSStandIn(t)
	arn := "arn:aws:secretsmanager:us-east-1:123456789012:secret:cwslack/bot-AbCdEf"
	aws.secret(arn, "xoxb-1-s3cr3t")
	sec, err := cwslack.SecretsFromEnv(aws.env()).Secret("secretsmanager:"+arn, "token")
	if err != nil {
		t.Fatal(err)
	}
	if v, err := sec.Value(context.Background(), false); err != nil || v != "xoxb-1-s3cr3t" {
		t.Fatalf("Value = %q, %v", v, err)
	}
	want := []awsCall{{Target: "secretsmanager.GetSecretValue", ID: arn, Region: "us-east-1", Service: "secretsmanager"}}
	if diff := cmp.Diff(want, aws.Calls()); diff != "" {
		t.Errorf("calls (-want +got):\n%s", diff)
	}
}

func TestSecretsShareReads(t *testing.T) {
	aws := newAWSStandIn(t)
	aws.secret("cwslack/slack", `{"webhook": "https://hooks.slack.com/services/T/B/s3cr3t", "token": "xoxb-1-s3cr3t"}`)
	secrets := cwslack.SecretsFromEnv(aws.env())
	a, _ := secrets.Secret("secretsmanager:cwslack/slack", "webhook")
	b, _ := secrets.Secret("secretsmanager:cwslack/slack", "webhook")
	c, _ := secrets.Secret("secretsmanager:cwslack/slack", "token")
	if a != b || a == c {
		t.Errorf("Secret gives %p, %p for one reference and key, and %p for another key; want the same, then another", a, b, c)
	}
	if got := c.String(); got != "secretsmanager:cwslack/slack" {
		t.Errorf("String() = %q, want the reference", got)
	}
	if v, err := c.Value(context.Background(), false); err != nil || v != "xoxb-1-s3cr3t" {
		t.Errorf("token = %q, %v", v, err)
	}
}

func TestSecretMalformedReferences(t *testing.T) {
	tests := []struct{ env, ref, want string }{
		{cwslack.EnvWebhookURL, "ssm:", `cwslack: SLACK_WEBHOOK_URL: "ssm:" names no ssm`},
		{cwslack.EnvWebhookURL, "ssm:/cwslack/web hook", `cwslack: SLACK_WEBHOOK_URL: "ssm:/cwslack/web hook" contains spaces or control characters`},
		{cwslack.EnvWebhookURL, "secretsmanager:#key", `cwslack: SLACK_WEBHOOK_URL: "secretsmanager:#key" names no secretsmanager`},
		{cwslack.EnvBotToken, "secretsmanager:cwslack/bot#", `cwslack: SLACK_BOT_TOKEN: "secretsmanager:cwslack/bot#" names no key after #`},
	}
	for _, tt := range tests {
		env := map[string]string{tt.env: tt.ref}
		if tt.env == cwslack.EnvBotToken {
			env[cwslack.EnvChannel] = "C0OPS"
		}
		_, err := cwslack.ConfigFromEnv(func(k string) string { return env[k] })
		if err == nil || err.Error() != tt.want || !errors.Is(err, cwslack.ErrConfig) {
			t.Errorf("%s=%s: error %v, want %q", tt.env, tt.ref, err, tt.want)
		}
	}
}

// A parameter that is missing fails the alarm's message at its first
// delivery, so that SQS delivers it again later, when the parameter may
// exist.
func TestSecretMissingFailsTheMessage(t *testing.T) {
	aws := newAWSStandIn(t)
	slack := slacktest.NewServer()
	defer slack.Close()
	n := notifierFromEnv(t, aws.env(cwslack.EnvWebhookURL, "ssm:/cwslack/webhook"))
	event := sqsBatch(testQueue, sqsMessage{id: "m1", body: string(snsHTTP(gen{name: "api-latency"}.snsMessage()))})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	out, err := cwslack.NewLambdaHandler(n).Invoke(ctx, event)
	if err != nil || string(out) != `{"batchItemFailures":[{"itemIdentifier":"m1"}]}` {
		t.Errorf("Invoke = %s, %v; want m1 back to the queue", out, err)
	}
	if got := sent(slack); len(got) != 0 {
		t.Errorf("Slack received %q, want nothing", got)
	}
}
