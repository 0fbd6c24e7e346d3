package snsverify_test

import (
	"context"
	"encoding/json"
	"flag"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
)

// The -update flag rewrites golden files. This package has none, but it
// accepts the flag so that "go test ./... -update" runs in every package.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// published is when the test messages were published; the test clock runs
// a minute later.
var published = time.Date(2026, 11, 25, 10, 0, 0, 123e6, time.UTC)

const testTopic = "arn:aws:sns:eu-west-1:123456789012:alarms"

// snsBase is the SNS host of testTopic's region, which a publisher's
// client reaches.
const snsBase = "https://sns.eu-west-1.amazonaws.com"

// publishers are made once per test binary: RSA key generation is slow.
var (
	publisherOnce sync.Once
	valid         *snstest.Publisher // certificate valid around published
	expired       *snstest.Publisher // certificate expired a day before published
	other         *snstest.Publisher // valid certificate, different key
	publisherErr  error
)

// publishers returns the shared test publishers.
func publishers(t testing.TB) (*snstest.Publisher, *snstest.Publisher, *snstest.Publisher) {
	t.Helper()
	publisherOnce.Do(func() {
		day := 24 * time.Hour
		mk := func(from, to time.Time) *snstest.Publisher {
			p, err := snstest.NewPublisher(from, to)
			if err != nil {
				publisherErr = err
			}
			return p
		}
		valid = mk(published.Add(-day), published.Add(day))
		expired = mk(published.Add(-10*day), published.Add(-day))
		other = mk(published.Add(-day), published.Add(day))
	})
	if publisherErr != nil {
		t.Fatalf("NewPublisher: %v", publisherErr)
	}
	return valid, expired, other
}

// verifier returns a verifier that reaches p's certificates, accepts
// testTopic, and has its clock a minute after published, plus opts.
func verifier(p *snstest.Publisher, opts ...snsverify.Option) *snsverify.Verifier {
	all := []snsverify.Option{
		snsverify.WithHTTPClient(p.Client()),
		snsverify.WithTopics(testTopic),
		snsverify.WithClock(func() time.Time { return published.Add(time.Minute) }),
	}
	return snsverify.New(append(all, opts...)...)
}

// snsServer starts a local TLS server with h and returns a client that
// sends every request, whatever its host, to it: a stand-in for an SNS
// host that misbehaves. The client trusts the server's certificate,
// which httptest issues for example.com.
func snsServer(t *testing.T, h http.Handler) *http.Client {
	t.Helper()
	srv := httptest.NewTLSServer(h)
	t.Cleanup(srv.Close)
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.TLSClientConfig.ServerName = "example.com"
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
	return &http.Client{Transport: tr, Timeout: 5 * time.Second}
}

func ptr(s string) *string { return &s }

// notification returns a notification whose values exercise the canonical
// string: newlines, quotes, non-ASCII text.
func notification() snsverify.Message {
	return snsverify.Message{
		Type:           snsverify.TypeNotification,
		MessageID:      "c5bb0e0b-7a5d-5b4e-8a0a-9a3f1f0c2d11",
		TopicARN:       testTopic,
		Subject:        ptr(`ALARM: "High CPU" in EU (Ireland)`),
		Message:        "{\"AlarmName\":\"High CPU\",\n\"AlarmDescription\":\"Überlast <b> & 'quotes'\"}",
		Timestamp:      published,
		UnsubscribeURL: "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x",
	}
}

// confirmation returns a confirmation message of type typ for p.
func confirmation(p *snstest.Publisher, typ snsverify.Type) snsverify.Message {
	return snsverify.Message{
		Type:         typ,
		MessageID:    "165545c9-2a5c-472c-8df2-7ff2be2b3b1b",
		TopicARN:     testTopic,
		Message:      "You have chosen to subscribe to the topic " + testTopic + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
		Timestamp:    published,
		Token:        "2336412f37fb687f5d51e6e2425",
		SubscribeURL: p.SubscribeURL(testTopic, "2336412f37fb687f5d51e6e2425"),
	}
}

// publish signs m with p, failing the test on error.
func publish(t testing.TB, p *snstest.Publisher, m snsverify.Message) []byte {
	t.Helper()
	body, err := p.Publish(m)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	return body
}

// edit decodes body, applies change to its fields and re-encodes it: a
// tampering after signing.
func edit(t testing.TB, body []byte, change func(map[string]any)) []byte {
	t.Helper()
	var fields map[string]any
	if err := json.Unmarshal(body, &fields); err != nil {
		t.Fatalf("Unmarshal(%s): %v", body, err)
	}
	change(fields)
	out, err := json.Marshal(fields)
	if err != nil {
		t.Fatalf("Marshal: %v", err)
	}
	return out
}
