package snsverify_test

import (
	"context"
	"encoding/base64"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestVerifyAccepts checks that genuine messages of every shape verify and
// decode to the fields that were signed.
func TestVerifyAccepts(t *testing.T) {
	p, _, _ := publishers(t)
	withVersion := func(m snsverify.Message, v string) snsverify.Message { m.SignatureVersion = v; return m }
	withSubject := func(s *string) snsverify.Message { m := notification(); m.Subject = s; return m }
	tests := []struct {
		name string
		msg  snsverify.Message
		edit func(map[string]any) // applied after signing; must not change signed values
	}{
		{name: "notification SignatureVersion 1", msg: withVersion(notification(), "1")},
		{name: "notification SignatureVersion 2", msg: withVersion(notification(), "2")},
		{name: "no Subject key", msg: withSubject(nil)},
		{name: "null Subject", msg: withSubject(nil), edit: func(f map[string]any) { f["Subject"] = nil }},
		{name: "empty Subject", msg: withSubject(ptr(""))},
		{name: "subscription confirmation", msg: confirmation(p, snsverify.TypeSubscriptionConfirmation)},
		{name: "unsubscribe confirmation", msg: withVersion(confirmation(p, snsverify.TypeUnsubscribeConfirmation), "2")},
		{name: "Lambda record casing", msg: notification(), edit: func(f map[string]any) {
			f["SigningCertUrl"], f["UnsubscribeUrl"] = f["SigningCertURL"], f["UnsubscribeURL"]
			delete(f, "SigningCertURL")
			delete(f, "UnsubscribeURL")
			f["MessageAttributes"] = map[string]any{}
		}},
		{name: "unsigned UnsubscribeURL changed", msg: notification(), edit: func(f map[string]any) {
			f["UnsubscribeURL"] = "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=y"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := publish(t, p, tt.msg)
			if tt.edit != nil {
				body = edit(t, body, tt.edit)
			}
			got, err := verifier(p).Verify(context.Background(), body)
			if err != nil {
				t.Fatalf("Verify(%s) error: %v", body, err)
			}
			want := tt.msg
			if want.SignatureVersion == "" {
				want.SignatureVersion = "1"
			}
			want.SigningCertURL = p.CertURL(testTopic)
			if tt.edit != nil {
				want.UnsubscribeURL = got.UnsubscribeURL
			}
			if diff := cmp.Diff(&want, got, cmpopts.IgnoreUnexported(snsverify.Message{}), cmpopts.IgnoreFields(snsverify.Message{}, "Signature")); diff != "" {
				t.Errorf("Verify mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestVerifyTopics checks the topic rule: no topic means no message, and
// a signature from a foreign topic is worth nothing.
func TestVerifyTopics(t *testing.T) {
	p, _, _ := publishers(t)
	const other = "arn:aws:sns:eu-west-1:210987654321:attacker"
	tests := []struct {
		name string
		opts []snsverify.Option
		want error
	}{
		{"no option", nil, snsverify.ErrTopicNotAllowed},
		{"WithTopics without ARNs", []snsverify.Option{snsverify.WithTopics()}, snsverify.ErrTopicNotAllowed},
		{"WithTopics with an empty ARN", []snsverify.Option{snsverify.WithTopics("")}, snsverify.ErrTopicNotAllowed},
		{"another topic", []snsverify.Option{snsverify.WithTopics(other)}, snsverify.ErrTopicNotAllowed},
		{"the topic", []snsverify.Option{snsverify.WithTopics(other), snsverify.WithTopics(testTopic)}, nil},
		{"any topic", []snsverify.Option{snsverify.WithAnyTopic()}, nil},
		{"any topic beats a list", []snsverify.Option{snsverify.WithTopics(other), snsverify.WithAnyTopic()}, nil},
	}
	body := publish(t, p, notification())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := append([]snsverify.Option{snsverify.WithHTTPClient(p.Client()),
				snsverify.WithClock(func() time.Time { return published.Add(time.Minute) })}, tt.opts...)
			before := p.Fetches(snstest.CertPath)
			_, err := snsverify.New(opts...).Verify(context.Background(), body)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Fatalf("Verify = %v, want %v", err, tt.want)
			}
			if tt.want != nil && p.Fetches(snstest.CertPath) != before {
				t.Errorf("certificate fetched for a message from a refused topic")
			}
		})
	}
}

// TestVerifyRawTimestamp checks that the signature covers the Timestamp as
// spelled in the body, not a reformatting of the parsed time.
func TestVerifyRawTimestamp(t *testing.T) {
	p, _, _ := publishers(t)
	m := notification()
	const spelled = "2026-11-25T10:00:00.123+00:00"
	sts := strings.Replace(string(snstest.StringToSign(&m)), "2026-11-25T10:00:00.123Z", spelled, 1)
	sig, err := p.Sign([]byte(sts), "1")
	if err != nil {
		t.Fatal(err)
	}
	body := edit(t, publish(t, p, m), func(f map[string]any) {
		f["Timestamp"], f["Signature"] = spelled, base64.StdEncoding.EncodeToString(sig)
	})
	got, err := verifier(p).Verify(context.Background(), body)
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if !got.Timestamp.Equal(published) {
		t.Errorf("Timestamp = %v, want %v", got.Timestamp, published)
	}
	if _, err := verifier(p).Verify(context.Background(), got.Body()); err != nil {
		t.Errorf("Verify(Body()) = %v, want the original spelling kept", err)
	}
}

// TestVerifyRefuses checks every way a message is refused, and that the
// refusals decided before the signature check fetch no certificate.
func TestVerifyRefuses(t *testing.T) {
	p, _, oth := publishers(t)
	sign := func(m snsverify.Message) func(*testing.T) []byte {
		return func(t *testing.T) []byte { return publish(t, p, m) }
	}
	tamper := func(m snsverify.Message, change func(map[string]any)) func(*testing.T) []byte {
		return func(t *testing.T) []byte { return edit(t, publish(t, p, m), change) }
	}
	with := func(change func(*snsverify.Message)) snsverify.Message { m := notification(); change(&m); return m }
	raw := func(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }
	tests := []struct {
		name      string
		body      func(*testing.T) []byte
		opts      []snsverify.Option
		want      error
		wantFetch bool // whether the certificate may be fetched
	}{
		{"tampered Message", tamper(notification(), func(f map[string]any) { f["Message"] = `{"AlarmName":"evil"}` }), nil, snsverify.ErrBadSignature, true},
		{"tampered Subject", tamper(notification(), func(f map[string]any) { f["Subject"] = "OK" }), nil, snsverify.ErrBadSignature, true},
		{"Subject removed", tamper(notification(), func(f map[string]any) { delete(f, "Subject") }), nil, snsverify.ErrBadSignature, true},
		{"Subject added", tamper(with(func(m *snsverify.Message) { m.Subject = nil }), func(f map[string]any) { f["Subject"] = "" }), nil, snsverify.ErrBadSignature, true},
		{"tampered Timestamp", tamper(notification(), func(f map[string]any) { f["Timestamp"] = "2026-11-25T10:00:01.123Z" }), nil, snsverify.ErrBadSignature, true},
		{"tampered TopicArn", tamper(notification(), func(f map[string]any) { f["TopicArn"] = testTopic + "2" }),
			[]snsverify.Option{snsverify.WithTopics(testTopic + "2")}, snsverify.ErrBadSignature, true},
		{"tampered MessageId", tamper(notification(), func(f map[string]any) { f["MessageId"] = "x" }), nil, snsverify.ErrBadSignature, true},
		{"tampered Token", tamper(confirmation(p, snsverify.TypeSubscriptionConfirmation), func(f map[string]any) { f["Token"] = "x" }), nil, snsverify.ErrBadSignature, true},
		{"version 1 signature sent as 2", tamper(notification(), func(f map[string]any) { f["SignatureVersion"] = "2" }), nil, snsverify.ErrBadSignature, true},
		{"signed by another key", func(t *testing.T) []byte {
			return publish(t, oth, notification()) // same certificate URL, p's certificate
		}, nil, snsverify.ErrBadSignature, true},
		{"unknown SignatureVersion", sign(with(func(m *snsverify.Message) { m.SignatureVersion = "3" })), nil, snsverify.ErrUnsupportedVersion, false},
		{"wrong host", sign(with(func(m *snsverify.Message) {
			m.SigningCertURL = "https://sns.eu-west-1.amazonaws.com.evil.example/c.pem"
		})), nil, snsverify.ErrCertURL, false},
		{"http scheme", sign(with(func(m *snsverify.Message) {
			m.SigningCertURL = strings.Replace(p.CertURL(testTopic), "https:", "http:", 1)
		})), nil, snsverify.ErrCertURL, false},
		{"no .pem", sign(with(func(m *snsverify.Message) { m.SigningCertURL = snsBase + "/cert.crt" })), nil, snsverify.ErrCertURL, false},
		{"timestamp too old", sign(with(func(m *snsverify.Message) { m.Timestamp = published.Add(-2 * time.Hour) })), nil, snsverify.ErrExpired, false},
		{"timestamp in the future", sign(with(func(m *snsverify.Message) { m.Timestamp = published.Add(10 * time.Minute) })), nil, snsverify.ErrExpired, false},
		{"old with short max age", sign(with(func(m *snsverify.Message) { m.Timestamp = published.Add(-2 * time.Minute) })), []snsverify.Option{snsverify.WithMaxAge(2 * time.Minute)}, snsverify.ErrExpired, false},
		{"not JSON", raw("Type=Notification"), nil, snsverify.ErrMalformed, false},
		{"JSON array", raw(`[{"Type":"Notification"}]`), nil, snsverify.ErrMalformed, false},
		{"empty object", raw(`{}`), nil, snsverify.ErrMalformed, false},
		{"number for Message", tamper(notification(), func(f map[string]any) { f["Message"] = 5 }), nil, snsverify.ErrMalformed, false},
		{"unknown Type", tamper(notification(), func(f map[string]any) { f["Type"] = "Notice" }), nil, snsverify.ErrMalformed, false},
		{"missing MessageId", tamper(notification(), func(f map[string]any) { delete(f, "MessageId") }), nil, snsverify.ErrMalformed, false},
		{"missing Signature", tamper(notification(), func(f map[string]any) { delete(f, "Signature") }), nil, snsverify.ErrMalformed, false},
		{"confirmation without Token", tamper(confirmation(p, snsverify.TypeSubscriptionConfirmation), func(f map[string]any) { delete(f, "Token") }), nil, snsverify.ErrMalformed, false},
		{"bad Timestamp", tamper(notification(), func(f map[string]any) { f["Timestamp"] = "yesterday" }), nil, snsverify.ErrMalformed, false},
		{"Signature not base64", tamper(notification(), func(f map[string]any) { f["Signature"] = "!!" }), nil, snsverify.ErrMalformed, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.body(t)
			v := verifier(p, tt.opts...)
			before := p.Fetches(snstest.CertPath)
			got, err := v.Verify(context.Background(), body)
			if !errors.Is(err, tt.want) || got != nil {
				t.Fatalf("Verify(%s) = %v, %v; want nil, %v", body, got, err, tt.want)
			}
			var ve *snsverify.VerifyError
			if !errors.As(err, &ve) || !strings.HasPrefix(err.Error(), "snsverify: ") {
				t.Errorf("error %q is not a *VerifyError prefixed snsverify:", err)
			}
			if !tt.wantFetch && p.Fetches(snstest.CertPath) != before {
				t.Errorf("certificate fetched for a message refused before the signature check")
			}
		})
	}
}
