package cwslack_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

const (
	allowedTopic = "arn:aws:sns:eu-west-1:123456789012:alarms"
	otherTopic   = "arn:aws:sns:eu-west-1:123456789012:other"
	apiKey       = "s3cret-api-key"
)

// httpTest is the SNS and EventBridge handlers on a local server, an SNS
// publisher whose certificate the verifier trusts, and a local Slack.
type httpTest struct {
	srv   *httptest.Server
	pub   *snstest.Publisher
	slack *slacktest.Server
}

func newHTTPTest(t *testing.T, topics ...snsverify.Option) *httpTest {
	t.Helper()
	pub, err := snstest.NewPublisher(time.Time{}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pub.Close)
	s := slacktest.NewServer()
	t.Cleanup(s.Close)
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})))
	v := snsverify.New(append([]snsverify.Option{snsverify.WithHTTPClient(pub.Client())}, topics...)...)
	mux := http.NewServeMux()
	mux.Handle("/sns", cwslack.NewSNSHandler(n, v))
	mux.Handle("/eventbridge", cwslack.NewEventBridgeHandler(n, apiKey))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &httpTest{srv: srv, pub: pub, slack: s}
}

// post sends body to path with the headers given as name, value pairs, and
// returns the status and the response body.
func (ht *httpTest) post(t *testing.T, path string, body []byte, header ...string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, ht.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "text/plain; charset=UTF-8")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := ht.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, strings.TrimSpace(string(b))
}

// publish signs a message of type typ from topic with the given payload.
func (ht *httpTest) publish(t *testing.T, typ snsverify.Type, topic, message string) []byte {
	t.Helper()
	m := snsverify.Message{Type: typ, MessageID: "msg-1", TopicARN: topic, Message: message}
	if typ != snsverify.TypeNotification {
		m.Token = "tok-1"
		m.SubscribeURL = ht.pub.SubscribeURL(topic, "tok-1")
	}
	body, err := ht.pub.Publish(m)
	if err != nil {
		t.Fatal(err)
	}
	return body
}

func TestSNSHandler(t *testing.T) {
	alarmMsg := gen{name: "orders-backlog", at: at(1)}.snsMessage()
	tests := []struct {
		name      string
		topics    []snsverify.Option
		body      func(ht *httpTest) []byte
		slackDown bool
		wantCode  int
		wantBody  string
		wantPosts int
	}{
		{"genuine notification", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(ht *httpTest) []byte { return ht.publish(t, snsverify.TypeNotification, allowedTopic, alarmMsg) },
			false, 200, "1 alarms posted", 1},
		{"any topic when asked", []snsverify.Option{snsverify.WithAnyTopic()},
			func(ht *httpTest) []byte { return ht.publish(t, snsverify.TypeNotification, otherTopic, alarmMsg) },
			false, 200, "1 alarms posted", 1},
		{"foreign topic", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(ht *httpTest) []byte { return ht.publish(t, snsverify.TypeNotification, otherTopic, alarmMsg) },
			false, 403, "snsverify: topic not allowed", 0},
		{"no topic configured refuses all", nil,
			func(ht *httpTest) []byte { return ht.publish(t, snsverify.TypeNotification, allowedTopic, alarmMsg) },
			false, 403, "snsverify: topic not allowed", 0},
		{"tampered message", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(ht *httpTest) []byte {
				b := ht.publish(t, snsverify.TypeNotification, allowedTopic, alarmMsg)
				return bytes.Replace(b, []byte("orders-backlog"), []byte("orders-hacklog"), 1)
			},
			false, 403, "", 0},
		{"not JSON", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(*httpTest) []byte { return []byte("hello") },
			false, 400, "", 0},
		{"text notification", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(ht *httpTest) []byte {
				return ht.publish(t, snsverify.TypeNotification, allowedTopic, "deploy finished")
			},
			false, 200, "no alarm; nothing posted", 0},
		{"Slack down", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(ht *httpTest) []byte { return ht.publish(t, snsverify.TypeNotification, allowedTopic, alarmMsg) },
			true, 502, "1 of 1 deliveries failed", 0},
		{"unsubscribe confirmation", []snsverify.Option{snsverify.WithTopics(allowedTopic)},
			func(ht *httpTest) []byte {
				return ht.publish(t, snsverify.TypeUnsubscribeConfirmation, allowedTopic, "bye")
			},
			false, 200, "unsubscribe acknowledged", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ht := newHTTPTest(t, tt.topics...)
			if tt.slackDown {
				ht.slack.Fail(slacktest.Failure{Status: 500, Times: 2})
			}
			code, body := ht.post(t, "/sns", tt.body(ht))
			if code != tt.wantCode || (tt.wantBody != "" && body != tt.wantBody) {
				t.Errorf("POST /sns = %d %q, want %d %q", code, body, tt.wantCode, tt.wantBody)
			}
			if got := len(posted(ht.slack)); got != tt.wantPosts {
				t.Errorf("posted %d messages, want %d", got, tt.wantPosts)
			}
		})
	}
}

func TestSNSHandlerConfirms(t *testing.T) {
	ht := newHTTPTest(t, snsverify.WithTopics(allowedTopic))
	code, body := ht.post(t, "/sns", ht.publish(t, snsverify.TypeSubscriptionConfirmation, allowedTopic, "confirm"))
	if code != 200 || body != "subscription confirmed" {
		t.Fatalf("POST /sns = %d %q, want 200", code, body)
	}
	if got := ht.pub.Confirmations(); len(got) != 1 || got[0] != "tok-1" {
		t.Errorf("confirmations = %q, want [tok-1]", got)
	}
	// A subscription to a topic that is not on the list is not confirmed:
	// otherwise anyone could subscribe the endpoint to a topic of theirs.
	code, _ = ht.post(t, "/sns", ht.publish(t, snsverify.TypeSubscriptionConfirmation, otherTopic, "confirm"))
	if code != 403 || len(ht.pub.Confirmations()) != 1 {
		t.Errorf("foreign subscription: status %d, confirmations %q; want 403 and no new one", code, ht.pub.Confirmations())
	}
}

func TestHTTPHandlersRefuse(t *testing.T) {
	ht := newHTTPTest(t, snsverify.WithTopics(allowedTopic))
	resp, err := ht.srv.Client().Get(ht.srv.URL + "/sns")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /sns = %d, want 405", resp.StatusCode)
	}
	if code, _ := ht.post(t, "/sns", bytes.Repeat([]byte("x"), cwslack.MaxBodySize+1)); code != http.StatusRequestEntityTooLarge {
		t.Errorf("POST /sns with a body over the limit = %d, want 413", code)
	}
}

func TestEventBridgeHandler(t *testing.T) {
	event := mustJSON(gen{name: "orders-backlog", at: at(1)}.eventBridge())
	tests := []struct {
		name      string
		key       string
		body      []byte
		wantCode  int
		wantPosts int
	}{
		{"good key", apiKey, event, 200, 1},
		{"bad key", "guess", event, 403, 0},
		{"no key", "", event, 403, 0},
		{"other event", apiKey, []byte(`{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{}}`), 200, 0},
		{"not an event", apiKey, []byte(`{"hello":1}`), 400, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ht := newHTTPTest(t)
			var hdr []string
			if tt.key != "" {
				hdr = []string{cwslack.APIKeyHeader, tt.key}
			}
			if code, body := ht.post(t, "/eventbridge", tt.body, hdr...); code != tt.wantCode {
				t.Errorf("POST /eventbridge = %d %q, want %d", code, body, tt.wantCode)
			}
			if got := len(posted(ht.slack)); got != tt.wantPosts {
				t.Errorf("posted %d messages, want %d", got, tt.wantPosts)
			}
		})
	}
}

func TestEventBridgeHandlerWithoutKeyRefusesAll(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	h := cwslack.NewEventBridgeHandler(cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{}))), "")
	req := httptest.NewRequest(http.MethodPost, "/eventbridge", bytes.NewReader(mustJSON(gen{}.eventBridge())))
	req.Header.Set(cwslack.APIKeyHeader, "")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden || len(s.Messages()) != 0 {
		t.Errorf("with no key configured: %d and %d posts, want 403 and none", rec.Code, len(s.Messages()))
	}
}
