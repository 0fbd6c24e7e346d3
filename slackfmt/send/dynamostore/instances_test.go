package dynamostore

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// errorLog collects what a Bot passes to its error handler.
type errorLog struct {
	mu   sync.Mutex
	errs []error
}

func (l *errorLog) add(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

func (l *errorLog) all() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.errs...)
}

// instance is one "Lambda instance": a Bot on its own DynamoDB client and
// Store, sharing the table and the Slack with the others.
type instance struct {
	bot    *send.Bot
	store  *Store
	sender send.Sender // Deduplicate(bot, store)
	errs   *errorLog
}

// newInstance returns an instance posting to srv and keeping its state in
// table through db.
func newInstance(t *testing.T, srv *slacktest.Server, db API, table string, opts ...Option) *instance {
	t.Helper()
	store, err := New(db, table, opts...)
	if err != nil {
		t.Fatal(err)
	}
	log := &errorLog{}
	bot, err := send.NewBot("xoxb-test-token", "#alerts", send.WithAPIURL(srv.APIURL()),
		send.WithThreadStore(store), send.WithErrorHandler(log.add), send.WithPacing(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	return &instance{bot: bot, store: store, sender: send.Deduplicate(bot, store), errs: log}
}

// stateChange returns HighCPU entering state at 10:02:30 plus after.
func stateChange(state, prev alarm.StateValue, after time.Duration) *alarm.Alarm {
	a := testAlarm()
	a.State = alarm.State{Value: state, Reason: "Threshold Crossed", Timestamp: time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC).Add(after)}
	a.PreviousState = alarm.State{Value: prev}
	return a
}

// TestThreadAcrossInstances posts an ALARM through one instance and its
// OK through another: the OK is a reply in the ALARM's thread, and the
// ALARM message is replaced by the resolved one.
func TestThreadAcrossInstances(t *testing.T) {
	_, table := newTable(t)
	srv := slacktest.NewServer()
	defer srv.Close()
	ep := endpoint(t)
	one := newInstance(t, srv, newClient(ep), table)
	two := newInstance(t, srv, newClient(ep), table)
	ctx := context.Background()
	firing := stateChange(alarm.StateAlarm, alarm.StateOK, 0)
	r1, err := one.sender.Send(ctx, firing, slackfmt.Build(firing))
	if err != nil || r1.TS == "" {
		t.Fatalf("ALARM on instance one: %+v, %v", r1, err)
	}
	ok := stateChange(alarm.StateOK, alarm.StateAlarm, 12*time.Minute)
	r2, err := two.sender.Send(ctx, ok, slackfmt.Build(ok))
	if err != nil {
		t.Fatalf("OK on instance two: %v", err)
	}
	if r2.ThreadTS != r1.TS || r2.Channel != r1.Channel {
		t.Errorf("OK went to %+v, want a reply in the thread of %+v", r2, r1)
	}
	orig, found := srv.Posted(r1.Channel, r1.TS)
	if !found || !strings.HasPrefix(orig.Text, "Resolved: HighCPU") {
		t.Errorf("the ALARM message now reads %q, want the resolved message", orig.Text)
	}
	if _, open, err := one.store.Get(ctx, send.Key(firing)); open || err != nil {
		t.Errorf("after the OK the thread is still open (%v, %v)", open, err)
	}
	for _, in := range []*instance{one, two} {
		if errs := in.errs.all(); len(errs) > 0 {
			t.Errorf("errors handled: %v", errs)
		}
	}
}

// TestDuplicateAcrossInstances gives the same state change to two
// instances at once, 8 times each (SNS and EventBridge, retries): it is
// posted once.
func TestDuplicateAcrossInstances(t *testing.T) {
	_, table := newTable(t)
	srv := slacktest.NewServer()
	defer srv.Close()
	ep := endpoint(t)
	instances := []*instance{newInstance(t, srv, newClient(ep), table), newInstance(t, srv, newClient(ep), table)}
	firing := stateChange(alarm.StateAlarm, alarm.StateOK, 0)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range 16 {
		in := instances[i%2]
		wg.Go(func() {
			<-start
			if _, err := in.sender.Send(context.Background(), firing, slackfmt.Build(firing)); err != nil {
				t.Errorf("Send: %v", err)
			}
		})
	}
	close(start)
	wg.Wait()
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("Slack got %d messages, want 1", n)
	}
}

// TestBotWithoutTable checks that a Bot whose table does not exist still
// posts, without threading, and reports errors that name the table.
func TestBotWithoutTable(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	in := newInstance(t, srv, newClient(endpoint(t)), "cwslack-missing-table")
	ctx := context.Background()
	firing := stateChange(alarm.StateAlarm, alarm.StateOK, 0)
	if _, err := in.sender.Send(ctx, firing, slackfmt.Build(firing)); err != nil {
		t.Fatalf("ALARM: %v", err)
	}
	ok := stateChange(alarm.StateOK, alarm.StateAlarm, time.Minute)
	r, err := in.sender.Send(ctx, ok, slackfmt.Build(ok))
	if err != nil {
		t.Fatalf("OK: %v", err)
	}
	if r.ThreadTS != "" {
		t.Errorf("OK went into a thread %s, without a table", r.ThreadTS)
	}
	if n := len(srv.Messages()); n != 2 {
		t.Errorf("Slack got %d messages, want 2", n)
	}
	errs := in.errs.all()
	if len(errs) == 0 {
		t.Fatal("no error reported")
	}
	for _, err := range errs {
		if !errors.Is(err, ErrTableNotFound) || !strings.Contains(err.Error(), `"cwslack-missing-table"`) {
			t.Errorf("handled error %v does not match ErrTableNotFound or name the table", err)
		}
	}
}

// throttlingProxy is a proxy in front of DynamoDB that answers
// ProvisionedThroughputExceededException to every request while on.
type throttlingProxy struct {
	on       atomic.Bool
	throttle atomic.Int32 // requests answered with the exception
	proxy    *httputil.ReverseProxy
}

func (p *throttlingProxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !p.on.Load() {
		p.proxy.ServeHTTP(w, r)
		return
	}
	p.throttle.Add(1)
	io.Copy(io.Discard, r.Body)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	w.WriteHeader(http.StatusBadRequest)
	io.Copy(w, bytes.NewBufferString(`{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",`+
		`"message":"The level of configured provisioned throughput for the table was exceeded."}`))
}

// TestThrottledTable checks that a Bot and Deduplicate whose table is
// throttled still post every alarm, and report errors matching
// ErrThrottled.
func TestThrottledTable(t *testing.T) {
	_, table := newTable(t)
	target, err := url.Parse(endpoint(t))
	if err != nil {
		t.Fatal(err)
	}
	p := &throttlingProxy{proxy: httputil.NewSingleHostReverseProxy(target)}
	proxy := httptest.NewServer(p)
	defer proxy.Close()
	srv := slacktest.NewServer()
	defer srv.Close()
	in := newInstance(t, srv, newClient(proxy.URL), table)
	p.on.Store(true)
	ctx := context.Background()
	firing := stateChange(alarm.StateAlarm, alarm.StateOK, 0)
	start := time.Now()
	if _, err := in.sender.Send(ctx, firing, slackfmt.Build(firing)); err != nil {
		t.Fatalf("ALARM with a throttled table: %v", err)
	}
	t.Logf("ALARM posted in %v with the table throttled (%d requests throttled)", time.Since(start), p.throttle.Load())
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("Slack got %d messages, want 1", n)
	}
	errs := in.errs.all()
	if len(errs) == 0 {
		t.Error("no error reported")
	}
	for _, err := range errs {
		if !errors.Is(err, ErrThrottled) {
			t.Errorf("handled error %v does not match ErrThrottled", err)
		}
	}
	p.on.Store(false)
	ok := stateChange(alarm.StateOK, alarm.StateAlarm, time.Minute)
	if _, err := in.sender.Send(ctx, ok, slackfmt.Build(ok)); err != nil {
		t.Fatalf("OK once the table answers again: %v", err)
	}
}
