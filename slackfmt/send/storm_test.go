package send

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// newStormSender returns a webhook or a bot (by kind) that posts to srv
// with opts, its pacing off unless opts say otherwise.
func newStormSender(t *testing.T, kind string, srv *slacktest.Server, opts ...Option) Sender {
	t.Helper()
	opts = append([]Option{WithPacing(0, 0)}, opts...)
	if kind == "webhook" {
		return newTestWebhook(t, srv.WebhookURL(), opts...)
	}
	botOpts := []BotOption{WithAPIURL(srv.APIURL())}
	for _, o := range opts {
		botOpts = append(botOpts, o)
	}
	b, err := NewBot(testToken, "#alerts", botOpts...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSlowSlackPostedOnce checks that a Slack that takes long to answer
// (here 1.5 s, standing for 20 s) is waited for within the budget (3 s,
// standing for 30 s) rather than given up on and posted to again: one
// request, one message, no error.
func TestSlowSlackPostedOnce(t *testing.T) {
	for _, kind := range []string{"webhook", "bot"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			srv := slacktest.NewServer()
			defer srv.Close()
			srv.Fail(slacktest.Failure{Delay: 1500 * time.Millisecond, Times: 100})
			s := newStormSender(t, kind, srv)
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			if _, err := s.Send(ctx, testAlarm(alarm.StateInsufficientData), testMessage("x")); err != nil {
				t.Fatalf("Send: %v", err)
			}
			if msgs := srv.Messages(); len(msgs) != 1 || !msgs[0].OK() {
				t.Errorf("Slack got %d requests (%+v), want 1 that succeeded", len(msgs), msgs)
			}
		})
	}
}

// TestStalledSlackNotRepeated checks that a request that got no answer
// before the deadline is not repeated: one request, and a retryable error
// that says the message may have been posted.
func TestStalledSlackNotRepeated(t *testing.T) {
	for _, kind := range []string{"webhook", "bot"} {
		t.Run(kind, func(t *testing.T) {
			t.Parallel()
			srv := slacktest.NewServer()
			defer srv.Close()
			srv.Fail(slacktest.Failure{Delay: 10 * time.Second, Times: 100})
			s := newStormSender(t, kind, srv, WithMaxAttempts(10))
			ctx, cancel := context.WithTimeout(context.Background(), 2500*time.Millisecond)
			defer cancel()
			_, err := s.Send(ctx, testAlarm(alarm.StateInsufficientData), testMessage("x"))
			checkUnanswered(t, err)
			srv.Close() // waits for the server to record the request it gave up on
			if n := len(srv.Messages()); n != 1 {
				t.Errorf("Slack got %d requests, want 1", n)
			}
		})
	}
}

// checkUnanswered checks that err is a retryable *Error that says no
// answer came.
func checkUnanswered(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || !e.Unanswered || !e.Retryable || e.Attempts != 1 {
		t.Fatalf("Send = %#v, want a retryable, unanswered *Error after 1 attempt", err)
	}
	if errors.Is(err, ErrPermanent) {
		t.Errorf("errors.Is(%v, ErrPermanent) = true, want false", err)
	}
	const want = "(no answer: the message may have been posted)"
	if got := err.Error(); len(got) < len(want) || got[len(got)-len(want):] != want {
		t.Errorf("error %q does not end with %q", got, want)
	}
}

// TestConnectionResetAfterWrite checks that a connection closed after the
// request was read is not retried: the message may have been posted.
func TestConnectionResetAfterWrite(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		io.Copy(io.Discard, r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	for _, kind := range []string{"webhook", "bot"} {
		t.Run(kind, func(t *testing.T) {
			requests.Store(0)
			var s Sender
			var err error
			if kind == "webhook" {
				s, err = NewWebhook(srv.URL+hookPath, WithPacing(0, 0))
			} else {
				s, err = NewBot(testToken, "#alerts", WithAPIURL(srv.URL), WithPacing(0, 0))
			}
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.Send(context.Background(), testAlarm(alarm.StateInsufficientData), testMessage("x"))
			checkUnanswered(t, err)
			if n := requests.Load(); n != 1 {
				t.Errorf("server got %d requests, want 1", n)
			}
		})
	}
}

// timedTransport records when each request started.
type timedTransport struct {
	mu    sync.Mutex
	start []time.Time
}

func (tt *timedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	tt.mu.Lock()
	tt.start = append(tt.start, time.Now())
	tt.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

// TestPatientRetries plays a small storm: five senders that share no
// pacer (five processes) post at once to a Slack that allows one message
// a second. On 429 they wait Retry-After plus jitter and keep trying
// while the budget lasts, past the attempt limit, so every message gets
// through; and no request starts after the deadline.
func TestPatientRetries(t *testing.T) {
	t.Parallel()
	srv := slacktest.NewServer()
	defer srv.Close()
	srv.SetRateLimit(1, 1)
	const senders = 5
	budget := 9 * time.Second
	deadline := time.Now().Add(budget)
	tr := &timedTransport{}
	var wg sync.WaitGroup
	errs := make([]error, senders)
	for i := range senders {
		s := newStormSender(t, "webhook", srv, WithHTTPClient(&http.Client{Transport: tr}), WithMaxAttempts(2))
		wg.Go(func() {
			ctx, cancel := context.WithDeadline(context.Background(), deadline)
			defer cancel()
			_, errs[i] = s.Send(ctx, testAlarm(alarm.StateAlarm), testMessage("x"))
		})
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("sender %d: %v", i, err)
		}
	}
	limited := 0
	for _, m := range srv.Messages() {
		if m.Status == http.StatusTooManyRequests {
			limited++
		}
	}
	t.Logf("%d senders: %d requests, %d answered 429", senders, len(tr.start), limited)
	for _, st := range tr.start {
		if st.After(deadline) {
			t.Errorf("a request started %v after the deadline", st.Sub(deadline))
		}
	}
}

// TestJitterSpreadsRetries checks that senders told to wait one second do
// not come back together: their waits are spread over [1 s, 2 s).
func TestJitterSpreadsRetries(t *testing.T) {
	r := newRetrier()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	seen := map[time.Duration]bool{}
	lo, hi := time.Hour, time.Duration(0)
	for range 200 {
		wait, ok := r.next(ctx, &Error{Status: 429, Retryable: true, RetryAfter: time.Second}, 0, 1)
		if !ok {
			t.Fatal("next refused to retry a 429 with a minute left")
		}
		seen[wait.Truncate(50*time.Millisecond)] = true
		lo, hi = min(lo, wait), max(hi, wait)
	}
	if lo < time.Second || hi >= 2*time.Second {
		t.Errorf("waits range over [%v, %v], want within [1s, 2s)", lo, hi)
	}
	if len(seen) < 10 {
		t.Errorf("200 waits fall into %d buckets of 50 ms, want them spread over at least 10", len(seen))
	}
}

// TestDigestStorm posts a 200-alarm storm as a digest through one
// Webhook, paced by default, to a Slack that allows one message a second
// after a burst of 3: a handful of posts, no 429, one mention, every
// alarm named.
func TestDigestStorm(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	srv.SetRateLimit(1, 3)
	w := newTestWebhook(t, srv.WebhookURL()+"/"+t.Name())
	var alarms []*alarm.Alarm
	for i := range 200 {
		a := testAlarm([]alarm.StateValue{alarm.StateAlarm, alarm.StateOK, alarm.StateInsufficientData}[i%3])
		a.Name = fmt.Sprintf("storm-%03d", i)
		a.ConsoleURL = "https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/" + a.Name
		alarms = append(alarms, a)
	}
	msgs := slackfmt.BuildDigest(alarms, slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>")))
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	start := time.Now()
	for _, m := range msgs {
		if _, err := w.Send(ctx, nil, m); err != nil {
			t.Fatalf("Send: %v", err)
		}
	}
	got := srv.Messages()
	mentions, text := 0, ""
	for _, m := range got {
		if m.Status != http.StatusOK {
			t.Errorf("a post was answered %d %s", m.Status, m.Error)
		}
		mentions += len(m.Mentions())
		text += m.PlainText()
	}
	t.Logf("200 alarms: %d posts in %v, %d mentions", len(got), time.Since(start), mentions)
	if len(got) != len(msgs) || len(got) > 6 || mentions != 1 {
		t.Errorf("%d posts (want %d, at most 6), %d mentions (want 1)", len(got), len(msgs), mentions)
	}
	for _, a := range alarms {
		if !strings.Contains(text, a.Name) {
			t.Errorf("%s is not named in the channel", a.Name)
		}
	}
}
