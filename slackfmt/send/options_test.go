package send

import (
	"context"
	"io"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// TestBotOnlyOptions checks that the options that only a Bot understands
// are not Options, so that passing one to NewWebhook does not compile.
func TestBotOnlyOptions(t *testing.T) {
	option := reflect.TypeFor[Option]()
	botOnly := map[string]BotOption{
		"WithAPIURL":       WithAPIURL("https://slack.com/api/"),
		"WithThreadStore":  WithThreadStore(NewMemoryStore(1)),
		"WithBroadcast":    WithBroadcast(),
		"WithResolve":      WithResolve(func(announced, ok *alarm.Alarm) *slackfmt.Message { return nil }),
		"WithErrorHandler": WithErrorHandler(func(error) {}),
	}
	for name, opt := range botOnly {
		if reflect.TypeOf(opt).Implements(option) {
			t.Errorf("%s returns an Option: NewWebhook would accept it and ignore it", name)
		}
	}
}

// deadlineRecorder is an http.RoundTripper that answers like Slack and
// records the deadline of each request's context.
type deadlineRecorder struct {
	mu        sync.Mutex
	deadlines []time.Time
}

func (d *deadlineRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	dl, _ := req.Context().Deadline()
	d.mu.Lock()
	d.deadlines = append(d.deadlines, dl)
	d.mu.Unlock()
	body := "ok"
	if strings.HasSuffix(req.URL.Path, "/chat.postMessage") {
		body = postedOK
	}
	return &http.Response{StatusCode: http.StatusOK, Body: io.NopCloser(strings.NewReader(body)), Header: http.Header{}, Request: req}, nil
}

// TestSendDeadline checks the deadline that a Send's requests run under:
// the context's own, or else the timeout from now.
func TestSendDeadline(t *testing.T) {
	fixed := time.Now().Add(time.Hour).Truncate(time.Second)
	tests := []struct {
		name    string
		ctxDL   time.Time // zero for none
		opts    []Option
		timeout time.Duration // expected timeout from now, when ctxDL is zero
	}{
		{"no deadline: DefaultTimeout", time.Time{}, nil, DefaultTimeout},
		{"no deadline: WithTimeout", time.Time{}, []Option{WithTimeout(3 * time.Second)}, 3 * time.Second},
		{"the context's deadline, even later", fixed, nil, 0},
		{"the context's deadline, over WithTimeout", fixed, []Option{WithTimeout(3 * time.Second)}, 0},
	}
	for _, tt := range tests {
		for _, kind := range []string{"webhook", "bot"} {
			t.Run(kind+"/"+tt.name, func(t *testing.T) {
				rec := &deadlineRecorder{}
				opts := append([]Option{WithHTTPClient(&http.Client{Transport: rec}), WithPacing(0, 0)}, tt.opts...)
				s := newRecordedSender(t, kind, opts)
				ctx := context.Background()
				if !tt.ctxDL.IsZero() {
					var cancel context.CancelFunc
					ctx, cancel = context.WithDeadline(ctx, tt.ctxDL)
					defer cancel()
				}
				before := time.Now()
				if _, err := s.Send(ctx, testAlarm(alarm.StateInsufficientData), testMessage("x")); err != nil {
					t.Fatal(err)
				}
				after := time.Now()
				if len(rec.deadlines) != 1 {
					t.Fatalf("%d requests, want 1", len(rec.deadlines))
				}
				got := rec.deadlines[0]
				lo, hi := tt.ctxDL, tt.ctxDL
				if tt.ctxDL.IsZero() {
					lo, hi = before.Add(tt.timeout), after.Add(tt.timeout)
				}
				if got.Before(lo) || got.After(hi) {
					t.Errorf("request deadline %v, want between %v and %v", got, lo, hi)
				}
			})
		}
	}
}

// newRecordedSender returns a webhook or a bot whose requests go to a
// recording client given in opts.
func newRecordedSender(t *testing.T, kind string, opts []Option) Sender {
	t.Helper()
	var s Sender
	var err error
	if kind == "webhook" {
		s, err = NewWebhook("https://hooks.slack.com"+hookPath, opts...)
	} else {
		botOpts := []BotOption{WithAPIURL("https://slack.test/api/")}
		for _, o := range opts {
			botOpts = append(botOpts, o)
		}
		s, err = NewBot(testToken, "#alerts", botOpts...)
	}
	if err != nil {
		t.Fatal(err)
	}
	return s
}
