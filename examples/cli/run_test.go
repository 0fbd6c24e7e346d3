package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// The -update flag rewrites golden files. This package has none, but
// accepts the flag so that "go test ./... -update" runs everywhere.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// result is what one run of the program did.
type result struct {
	code           int
	stdout, stderr string
}

// runCLI runs the program with args, the given stdin (nil: a terminal) and
// environment.
func runCLI(t *testing.T, stdin []byte, vars map[string]string, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := env{
		stdin:    bytes.NewReader(stdin),
		stdinTTY: stdin == nil,
		stdout:   &stdout,
		stderr:   &stderr,
		getenv:   func(k string) string { return vars[k] },
		readFile: os.ReadFile,
	}
	code := run(context.Background(), args, e)
	return result{code, stdout.String(), stderr.String()}
}

func TestSampleRendersAsWebhookBody(t *testing.T) {
	r := runCLI(t, nil, nil)
	if r.code != exitOK || !strings.Contains(r.stderr, "embedded sample") || !strings.Contains(r.stderr, "-format text") {
		t.Fatalf("run() = %d, stderr %q; want 0 and a note on what was rendered and what to try next", r.code, r.stderr)
	}
	var body struct {
		Text        string            `json:"text"`
		Blocks      []json.RawMessage `json:"blocks"`
		Attachments []json.RawMessage `json:"attachments"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &body); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, r.stdout)
	}
	if !strings.Contains(body.Text, "prod-api-cpu-high") || len(body.Blocks)+len(body.Attachments) == 0 {
		t.Errorf("body = %+v; want the sample alarm's name in text, and blocks", body)
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		format string
		want   string // a substring of stdout
	}{
		{"alarm", `"name": "prod-api-cpu-high"`},
		{"text", "ALARM"},
		{"preview", "https://app.slack.com/block-kit-builder/#"},
		{"blocks", `"blocks"`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			r := runCLI(t, nil, nil, "-format", tt.format)
			if r.code != exitOK || !strings.Contains(r.stdout, tt.want) {
				t.Errorf("-format %s: code %d, stdout %q; want 0 and %q", tt.format, r.code, r.stdout, tt.want)
			}
		})
	}
}

func TestAlarmFormatIsAnArray(t *testing.T) {
	r := runCLI(t, sample, nil, "-format", "alarm")
	var alarms []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &alarms); err != nil || len(alarms) != 1 {
		t.Fatalf("stdout = %q (%v); want a JSON array of one alarm", r.stdout, err)
	}
	if alarms[0]["region"] != "eu-west-3" || alarms[0]["kind"] != "metric-math" {
		t.Errorf("region, kind = %v, %v; want eu-west-3, metric-math", alarms[0]["region"], alarms[0]["kind"])
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  string // substring of the one stderr line
	}{
		{"malformed", `{"Records": [`, "malformed JSON"},
		{"confirmation", `{"Type":"SubscriptionConfirmation","MessageId":"x","Token":"t","TopicArn":"arn:aws:sns:us-east-1:123456789012:t","Message":"You have chosen to subscribe","SubscribeURL":"https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription","Timestamp":"2026-01-01T00:00:00.000Z","SignatureVersion":"1","Signature":"x","SigningCertURL":"https://sns.us-east-1.amazonaws.com/x.pem"}`, "subscription confirmation"},
		{"empty", ``, "empty"},
		{"other json", `{"hello":"world"}`, "alarm: "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, []byte(tt.input), nil, "-format", "alarm")
			lines := strings.Split(strings.TrimSuffix(r.stderr, "\n"), "\n")
			if r.code != exitFail || len(lines) != 1 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("code %d, stderr %q; want 1 and one line containing %q", r.code, r.stderr, tt.want)
			}
			if strings.Contains(r.stderr, "goroutine") {
				t.Errorf("stderr holds a stack trace: %q", r.stderr)
			}
		})
	}
}

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{{"-format", "yaml"}, {"-nope"}, {"-post"}} {
		if r := runCLI(t, nil, nil, args...); r.code != exitUsage {
			t.Errorf("run(%q) = %d, stderr %q; want %d", args, r.code, r.stderr, exitUsage)
		}
	}
}

func TestMissingFile(t *testing.T) {
	r := runCLI(t, nil, nil, "does-not-exist.json")
	if r.code != exitFail || !strings.Contains(r.stderr, "does-not-exist.json") {
		t.Errorf("code %d, stderr %q; want 1 naming the file", r.code, r.stderr)
	}
}

func TestTextIsReadable(t *testing.T) {
	msg := strings.Replace(string(sample), `"AlarmName\":\"prod-api-cpu-high\"`, `"AlarmName\":\"a<b & c>d\"`, 1)
	r := runCLI(t, []byte(msg), nil, "-format", "text")
	if r.code != exitOK {
		t.Fatalf("code %d, stderr %q", r.code, r.stderr)
	}
	for _, bad := range []string{"&gt;", "&lt;", "&amp;", "<!date", "\u200b"} {
		if strings.Contains(r.stdout, bad) {
			t.Errorf("-format text prints %q:\n%s", bad, r.stdout)
		}
	}
	if !strings.Contains(r.stdout, "ALARM: a<b & c>d") {
		t.Errorf("-format text does not show the name as written:\n%s", r.stdout)
	}
}

func TestHelp(t *testing.T) {
	r := runCLI(t, nil, nil, "-h")
	for _, want := range []string{"FILE", "standard input", "sample", "SLACK_WEBHOOK_URL", "-format"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("-h does not mention %q:\n%s", want, r.stderr)
		}
	}
}

func TestPost(t *testing.T) {
	tests := []struct {
		name     string
		fail     bool
		wantCode int
		wantErr  string
	}{
		{"accepted", false, exitOK, "cli: posted prod-api-cpu-high (ALARM) to webhook http://127.0.0.1"},
		{"refused", true, exitFail, "cli: prod-api-cpu-high: not posted: send: webhook: 400 invalid_blocks"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := slacktest.NewServer()
			defer s.Close()
			if tt.fail {
				s.Fail(slacktest.Failure{Method: slacktest.MethodWebhook, Status: 400, Error: "invalid_blocks"})
			}
			r := runCLI(t, nil, map[string]string{"SLACK_WEBHOOK_URL": s.WebhookURL()}, "-post", "-format", "text")
			if r.code != tt.wantCode || !strings.Contains(r.stderr, tt.wantErr) {
				t.Errorf("code %d, stderr %q; want %d and %q", r.code, r.stderr, tt.wantCode, tt.wantErr)
			}
			if msgs := s.Messages(); len(msgs) != 1 || !strings.Contains(msgs[0].PlainText(), "prod-api-cpu-high") {
				t.Errorf("Slack received %d messages; want one for the sample alarm", len(msgs))
			}
		})
	}
}
