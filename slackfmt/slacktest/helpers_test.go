package slacktest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// newServer starts a server that is closed at the end of the test.
func newServer(t *testing.T) *Server {
	t.Helper()
	s := NewServer()
	t.Cleanup(s.Close)
	return s
}

// response is what a test client got.
type response struct {
	status     int
	body       string
	retryAfter string
}

// post sends body with the content type ct to u and returns the answer.
func post(t *testing.T, u, ct, body string, header ...string) response {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ct)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", u, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: resp.StatusCode, body: string(b), retryAfter: resp.Header.Get("Retry-After")}
}

// postForm sends the form values to the Web API method of s.
func postForm(t *testing.T, s *Server, method string, values url.Values) response {
	t.Helper()
	return post(t, s.APIURL()+method, "application/x-www-form-urlencoded", values.Encode())
}

// apiAnswer is the JSON of a Web API answer.
type apiAnswer struct {
	OK      bool     `json:"ok"`
	Error   string   `json:"error"`
	Errors  []string `json:"errors"`
	Channel string   `json:"channel"`
	TS      string   `json:"ts"`
}

func decodeAnswer(t *testing.T, r response) apiAnswer {
	t.Helper()
	var a apiAnswer
	if err := json.Unmarshal([]byte(r.body), &a); err != nil {
		t.Fatalf("answer %q: %v", r.body, err)
	}
	return a
}

// client returns a slack-go client for the Web API of s.
func client(s *Server) *slack.Client {
	return slack.New("xoxb-test", slack.OptionAPIURL(s.APIURL()), slack.OptionHTTPClient(s.Client()))
}

// testAlarm returns an alarm in ALARM with a description that tries to
// ping the channel.
func testAlarm() *alarm.Alarm {
	threshold, latest := 80.0, 93.5
	return &alarm.Alarm{
		Name:          "HighCPU",
		Description:   "CPU <!channel> & more",
		Region:        "eu-west-3",
		ARN:           "arn:aws:cloudwatch:eu-west-3:123456789012:alarm:HighCPU",
		State:         alarm.State{Value: alarm.StateAlarm, Timestamp: time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)},
		PreviousState: alarm.State{Value: alarm.StateOK},
		Condition:     &alarm.Condition{ComparisonOperator: alarm.GreaterThanThreshold, Threshold: &threshold},
		Datapoints:    []alarm.Datapoint{{Value: &latest}},
	}
}

// fakeClock is a clock that moves only when told.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time          { return c.t }
func (c *fakeClock) advance(d time.Duration) { c.t = c.t.Add(d) }
