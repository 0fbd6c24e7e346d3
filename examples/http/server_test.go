package main

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
	"github.com/cwslack/cwslack/slackfmt/send"
)

const (
	allowedTopic = "arn:aws:sns:eu-west-1:123456789012:alarms"
	otherTopic   = "arn:aws:sns:eu-west-1:123456789012:other"
	apiKey       = "s3cret-api-key"
)

// fakeSlack is a local incoming webhook that records what it receives.
type fakeSlack struct {
	*httptest.Server
	status int

	mu     sync.Mutex
	bodies []string
}

func newFakeSlack(t *testing.T, status int) *fakeSlack {
	t.Helper()
	f := &fakeSlack{status: status}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		f.mu.Lock()
		f.bodies = append(f.bodies, string(b))
		f.mu.Unlock()
		w.WriteHeader(f.status)
		io.WriteString(w, "ok")
	}))
	t.Cleanup(f.Close)
	return f
}

// received returns the bodies posted so far.
func (f *fakeSlack) received() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.bodies...)
}

// env returns a getenv for a server that posts to slack.
func env(slack *fakeSlack, vars ...string) func(string) string {
	m := map[string]string{"SLACK_WEBHOOK_URL": slack.URL + "/services/T000/B000/XXXX"}
	for i := 0; i+1 < len(vars); i += 2 {
		m[vars[i]] = vars[i+1]
	}
	return func(k string) string { return m[k] }
}

// newTestServer starts the real handler configured from the environment,
// trusting p as an SNS certificate host, with one Slack attempt per alarm.
func newTestServer(t *testing.T, p *snstest.Publisher, getenv func(string) string) *httptest.Server {
	t.Helper()
	s, err := newServer(getenv, slog.New(slog.DiscardHandler), extra{
		verifier: p.VerifierOptions(),
		sender:   []send.Option{send.WithMaxAttempts(1)},
	})
	if err != nil {
		t.Fatalf("newServer: %v", err)
	}
	srv := httptest.NewServer(s.handler())
	t.Cleanup(srv.Close)
	return srv
}

// post sends body to url with the given headers and returns the status.
func post(t *testing.T, url string, body []byte, header ...string) int {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(string(body)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain; charset=UTF-8")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", url, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

var (
	publisherOnce      sync.Once
	good, expiredCert  *snstest.Publisher
	publisherCreateErr error
)

// publishers returns a publisher with a valid certificate and one whose
// certificate expired yesterday, made once: key generation is slow.
func publishers(t testing.TB) (*snstest.Publisher, *snstest.Publisher) {
	t.Helper()
	publisherOnce.Do(func() {
		good, publisherCreateErr = snstest.NewPublisher(time.Time{}, time.Time{})
		if publisherCreateErr == nil {
			day := 24 * time.Hour
			expiredCert, publisherCreateErr = snstest.NewPublisher(time.Now().Add(-10*day), time.Now().Add(-day))
		}
	})
	if publisherCreateErr != nil {
		t.Fatalf("NewPublisher: %v", publisherCreateErr)
	}
	return good, expiredCert
}

// alarmNotification is a genuine notification carrying an alarm.
func alarmNotification() snsverify.Message {
	subject := `ALARM: "checkout-latency-high" in EU (Ireland)`
	return snsverify.Message{
		Type: snsverify.TypeNotification, MessageID: "4c1f7f0e-5a0a-5d7c-9d0b-2f3c0e6a1b2c",
		TopicARN: allowedTopic, Subject: &subject, Message: alarmMessage,
		UnsubscribeURL: "https://sns.eu-west-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x",
	}
}

// confirmationMessage is a subscription or unsubscribe confirmation.
func confirmationMessage(p *snstest.Publisher, typ snsverify.Type, topic, token string) snsverify.Message {
	return snsverify.Message{
		Type: typ, MessageID: "165545c9-2a5c-472c-8df2-7ff2be2b3b1b", TopicARN: topic,
		Message: "You have chosen to subscribe to the topic " + topic + ".\nTo confirm the subscription, visit the SubscribeURL included in this message.",
		Token:   token, SubscribeURL: p.SubscribeURL(topic, token),
	}
}

func publish(t testing.TB, p *snstest.Publisher, m snsverify.Message) []byte {
	t.Helper()
	b, err := p.Publish(m)
	if err != nil {
		t.Fatalf("Publish: %v", err)
	}
	return b
}

// with returns alarmNotification changed by change.
func with(change func(*snsverify.Message)) snsverify.Message {
	m := alarmNotification()
	change(&m)
	return m
}

// TestSNS sends genuine, forged, spoofed and malformed deliveries to
// POST /sns and checks the status and what reached Slack.
func TestSNS(t *testing.T) {
	p, exp := publishers(t)
	tests := []struct {
		name        string
		pub         *snstest.Publisher // the publisher the server trusts; nil: p
		body        func(t *testing.T) []byte
		wantStatus  int
		wantPosts   int
		wantConfirm string // token confirmed, if any
	}{
		{name: "genuine alarm, SignatureVersion 1", body: signed(p, alarmNotification()), wantStatus: 200, wantPosts: 1},
		{name: "genuine alarm, SignatureVersion 2", body: signed(p, with(func(m *snsverify.Message) { m.SignatureVersion = "2" })), wantStatus: 200, wantPosts: 1},
		{name: "genuine text notification", body: signed(p, with(func(m *snsverify.Message) { m.Message = "hello from the console" })), wantStatus: 200},
		{name: "tampered alarm", body: func(t *testing.T) []byte {
			return []byte(strings.Replace(string(publish(t, p, alarmNotification())), "checkout-latency-high", "evil", 1))
		}, wantStatus: 403},
		{name: "wrong certificate host", body: signed(p, with(func(m *snsverify.Message) {
			m.SigningCertURL = "https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService-x.pem"
		})), wantStatus: 403},
		{name: "http certificate URL", body: signed(p, with(func(m *snsverify.Message) { m.SigningCertURL = "http" + strings.TrimPrefix(p.CertURL(), "https") })), wantStatus: 403},
		{name: "unknown SignatureVersion", body: signed(p, with(func(m *snsverify.Message) { m.SignatureVersion = "3" })), wantStatus: 403},
		{name: "expired message", body: signed(p, with(func(m *snsverify.Message) { m.Timestamp = time.Now().Add(-2 * time.Hour) })), wantStatus: 403},
		{name: "expired certificate", pub: exp, body: signed(exp, alarmNotification()), wantStatus: 403},
		{name: "topic not allowed", body: signed(p, with(func(m *snsverify.Message) { m.TopicARN = otherTopic })), wantStatus: 403},
		{name: "subscription confirmation", body: signed(p, confirmationMessage(p, snsverify.TypeSubscriptionConfirmation, allowedTopic, "tok-allowed")), wantStatus: 200, wantConfirm: "tok-allowed"},
		{name: "subscription to other topic", body: signed(p, confirmationMessage(p, snsverify.TypeSubscriptionConfirmation, otherTopic, "tok-other")), wantStatus: 403},
		{name: "unsubscribe confirmation", body: signed(p, confirmationMessage(p, snsverify.TypeUnsubscribeConfirmation, allowedTopic, "tok-unsub")), wantStatus: 200},
		{name: "malformed JSON", body: raw(`{"Type":"Notification",`), wantStatus: 400},
		{name: "not an SNS message", body: raw(eventBridgeEvent), wantStatus: 400},
		{name: "body over 1 MiB", body: raw(`{"Message":"` + strings.Repeat("a", maxBody) + `"}`), wantStatus: 413},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := p
			if tt.pub != nil {
				pub = tt.pub
			}
			slack := newFakeSlack(t, http.StatusOK)
			srv := newTestServer(t, pub, env(slack, envTopics, allowedTopic+", "))
			confirmed := len(pub.Confirmations())
			if got := post(t, srv.URL+"/sns", tt.body(t)); got != tt.wantStatus {
				t.Errorf("POST /sns status = %d, want %d", got, tt.wantStatus)
			}
			if got := len(slack.received()); got != tt.wantPosts {
				t.Errorf("Slack received %d messages, want %d", got, tt.wantPosts)
			}
			var want []string
			if tt.wantConfirm != "" {
				want = []string{tt.wantConfirm}
			}
			if got := pub.Confirmations()[confirmed:]; strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("confirmed %q, want %q", got, want)
			}
		})
	}
}

// signed returns a body function that publishes m with p.
func signed(p *snstest.Publisher, m snsverify.Message) func(*testing.T) []byte {
	return func(t *testing.T) []byte { return publish(t, p, m) }
}

// raw returns a body function that returns s.
func raw(s string) func(*testing.T) []byte { return func(*testing.T) []byte { return []byte(s) } }

// TestSNSPostsAlarm checks what reaches Slack for a genuine alarm.
func TestSNSPostsAlarm(t *testing.T) {
	p, _ := publishers(t)
	slack := newFakeSlack(t, http.StatusOK)
	srv := newTestServer(t, p, env(slack))
	if got := post(t, srv.URL+"/sns", publish(t, p, alarmNotification())); got != http.StatusOK {
		t.Fatalf("POST /sns status = %d, want 200", got)
	}
	got := slack.received()
	if len(got) != 1 || !strings.Contains(got[0], "checkout-latency-high") || !strings.Contains(got[0], `"blocks"`) {
		t.Errorf("Slack received %q, want one Block Kit message about checkout-latency-high", got)
	}
}

// TestSlackFailure checks that a Slack failure is a 5xx, so that SNS and
// EventBridge retry.
func TestSlackFailure(t *testing.T) {
	p, _ := publishers(t)
	for _, status := range []int{http.StatusInternalServerError, http.StatusNotFound} {
		slack := newFakeSlack(t, status)
		srv := newTestServer(t, p, env(slack, envAPIKey, apiKey))
		if got := post(t, srv.URL+"/sns", publish(t, p, alarmNotification())); got != http.StatusBadGateway {
			t.Errorf("Slack %d: POST /sns status = %d, want 502", status, got)
		}
		if got := post(t, srv.URL+"/eventbridge", []byte(eventBridgeEvent), apiKeyHeader, apiKey); got != http.StatusBadGateway {
			t.Errorf("Slack %d: POST /eventbridge status = %d, want 502", status, got)
		}
	}
}

// TestEventBridge checks the API key and what reaches Slack.
func TestEventBridge(t *testing.T) {
	p, _ := publishers(t)
	tests := []struct {
		name       string
		configured string // EVENTBRIDGE_API_KEY
		header     []string
		body       string
		wantStatus int
		wantPosts  int
	}{
		{"good key", apiKey, []string{apiKeyHeader, apiKey}, eventBridgeEvent, 200, 1},
		{"header name in another case", apiKey, []string{"x-api-key", apiKey}, eventBridgeEvent, 200, 1},
		{"bad key", apiKey, []string{apiKeyHeader, apiKey + "x"}, eventBridgeEvent, 403, 0},
		{"key prefix", apiKey, []string{apiKeyHeader, apiKey[:4]}, eventBridgeEvent, 403, 0},
		{"no key sent", apiKey, nil, eventBridgeEvent, 403, 0},
		{"no key configured", "", []string{apiKeyHeader, ""}, eventBridgeEvent, 403, 0},
		{"no key configured, some key sent", "", []string{apiKeyHeader, apiKey}, eventBridgeEvent, 403, 0},
		{"not an alarm state change", apiKey, []string{apiKeyHeader, apiKey}, configChangeEvent, 200, 0},
		{"malformed", apiKey, []string{apiKeyHeader, apiKey}, `{"detail-type":`, 400, 0},
		{"unknown JSON", apiKey, []string{apiKeyHeader, apiKey}, `{"hello":"world"}`, 400, 0},
		{"body over 1 MiB", apiKey, []string{apiKeyHeader, apiKey}, strings.Repeat(" ", maxBody+1), 413, 0},
		{"body over 1 MiB without key", apiKey, nil, strings.Repeat(" ", maxBody+1), 403, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slack := newFakeSlack(t, http.StatusOK)
			srv := newTestServer(t, p, env(slack, envAPIKey, tt.configured))
			if got := post(t, srv.URL+"/eventbridge", []byte(tt.body), tt.header...); got != tt.wantStatus {
				t.Errorf("POST /eventbridge status = %d, want %d", got, tt.wantStatus)
			}
			if got := len(slack.received()); got != tt.wantPosts {
				t.Errorf("Slack received %d messages, want %d", got, tt.wantPosts)
			}
		})
	}
}

// TestRoutes checks the health check and that wrong methods and paths are
// refused.
func TestRoutes(t *testing.T) {
	p, _ := publishers(t)
	srv := newTestServer(t, p, env(newFakeSlack(t, http.StatusOK)))
	tests := []struct {
		method, path string
		want         int
	}{
		{http.MethodGet, "/healthz", 200},
		{http.MethodGet, "/sns", 405},
		{http.MethodPut, "/eventbridge", 405},
		{http.MethodPost, "/healthz", 405},
		{http.MethodGet, "/", 404},
	}
	for _, tt := range tests {
		t.Run(tt.method+" "+tt.path, func(t *testing.T) {
			req, _ := http.NewRequest(tt.method, srv.URL+tt.path, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.want {
				t.Errorf("%s %s status = %d, want %d", tt.method, tt.path, resp.StatusCode, tt.want)
			}
		})
	}
}

// TestServeShutsDown checks that serve answers requests and returns nil
// once its context is canceled (as on SIGTERM).
func TestServeShutsDown(t *testing.T) {
	p, _ := publishers(t)
	s, err := newServer(env(newFakeSlack(t, http.StatusOK)), slog.New(slog.DiscardHandler), extra{verifier: p.VerifierOptions()})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, newHTTPServer(s.handler()), ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil {
		t.Fatalf("GET /healthz: %v", err)
	}
	resp.Body.Close()
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve after cancel = %v, want nil", err)
	}
}

// TestConfigErrors checks that run refuses a bad configuration before
// listening.
func TestConfigErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		env  map[string]string
	}{
		{"no Slack configured", nil, nil},
		{"bad flag", []string{"-port", "1"}, map[string]string{"SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/X"}},
		{"bad mention", nil, map[string]string{"SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T/B/X", "SLACK_MENTION": "@here"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			getenv := func(k string) string { return tt.env[k] }
			if err := run(context.Background(), tt.args, getenv, slog.New(slog.DiscardHandler)); err == nil {
				t.Errorf("run(%q) = nil, want an error", tt.args)
			}
		})
	}
}
