package send

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Web API answers.
const (
	postedOK   = `{"ok":true,"channel":"C0ALERTS","ts":"1732500000.000100","message":{"text":"x"}}`
	repliedOK  = `{"ok":true,"channel":"C0ALERTS","ts":"1732500600.000200"}`
	updatedOK  = `{"ok":true,"channel":"C0ALERTS","ts":"1732500000.000100","text":"x"}`
	testToken  = "xoxb-1234-5678-s3cr3ttoken"
	testChanID = "C0ALERTS"
)

// form is one Web API call as the fake Slack received it.
type form struct {
	Method string            `json:"method"`
	Fields map[string]string `json:"fields"`
}

// forms decodes the requests to a fake Web API, checking and dropping the
// token.
func forms(t *testing.T, reqs []request) []form {
	t.Helper()
	var out []form
	for _, r := range reqs {
		v, err := url.ParseQuery(r.Body)
		if err != nil {
			t.Fatalf("%s body %q: %v", r.Path, r.Body, err)
		}
		if got := v.Get("token"); got != testToken {
			t.Errorf("%s token = %q, want the bot token", r.Path, got)
		}
		v.Del("token")
		f := form{Method: filepath.Base(r.Path), Fields: map[string]string{}}
		for k := range v {
			f.Fields[k] = v.Get(k)
		}
		out = append(out, f)
	}
	return out
}

// lifecycleAlarm returns HighCPU in state, with fixed timestamps.
func lifecycleAlarm(state, prev alarm.StateValue) *alarm.Alarm {
	a := testAlarm(state)
	a.PreviousState = alarm.State{Value: prev, Timestamp: time.Date(2026, 11, 25, 9, 50, 0, 0, time.UTC)}
	a.State.Timestamp = time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC)
	return a
}

func newTestBot(t *testing.T, slackSrv *fakeSlack, clock *fakeClock, opts ...Option) *Bot {
	t.Helper()
	opts = append([]Option{withClock(clock), WithAPIURL(slackSrv.srv.URL)}, opts...)
	return NewBot(testToken, "#alerts", opts...)
}

func TestBotLifecycle(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	store := NewMemoryStore(10)
	bot := newTestBot(t, slackSrv, newFakeClock(), WithStore(store))
	ctx := context.Background()
	if err := bot.Send(ctx, lifecycleAlarm(alarm.StateAlarm, alarm.StateOK), testMessage("ALARM: HighCPU")); err != nil {
		t.Fatalf("Send(ALARM): %v", err)
	}
	th, ok, _ := store.Get(ctx, testAlarm(alarm.StateOK).ARN)
	if !ok || th.Channel != testChanID || th.TS != "1732500000.000100" {
		t.Fatalf("after ALARM the store holds %+v, %v; want channel %s ts 1732500000.000100", th, ok, testChanID)
	}
	if err := bot.Send(ctx, lifecycleAlarm(alarm.StateOK, alarm.StateAlarm), testMessage("OK: HighCPU")); err != nil {
		t.Fatalf("Send(OK): %v", err)
	}
	if n := store.Len(); n != 0 {
		t.Errorf("after OK the store holds %d threads, want 0", n)
	}
	got := forms(t, slackSrv.requests())
	checkGolden(t, "bot_lifecycle", got)
	checkFields(t, got, []map[string]string{
		{"channel": "#alerts", "text": "ALARM: HighCPU"},
		{"channel": testChanID, "thread_ts": "1732500000.000100", "text": "OK: HighCPU"},
		{"channel": testChanID, "ts": "1732500000.000100", "text": "Resolved: OK: HighCPU"},
	})
}

// TestBotKeepsTheAlarmThread checks that messages between ALARM and OK
// (INSUFFICIENT_DATA, the same ALARM delivered again) are replies in the
// ALARM's thread and leave it open, so that the OK resolves the message
// that announced the alarm.
func TestBotKeepsTheAlarmThread(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}, {200, repliedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	bot := newTestBot(t, slackSrv, newFakeClock(), WithStore(NewMemoryStore(10)))
	steps := []struct{ state, prev alarm.StateValue }{
		{alarm.StateAlarm, alarm.StateOK},
		{alarm.StateInsufficientData, alarm.StateAlarm},
		{alarm.StateAlarm, alarm.StateInsufficientData},
		{alarm.StateOK, alarm.StateAlarm},
	}
	for _, st := range steps {
		if err := bot.Send(context.Background(), lifecycleAlarm(st.state, st.prev), testMessage(string(st.state))); err != nil {
			t.Fatalf("Send(%s): %v", st.state, err)
		}
	}
	const alarmTS = "1732500000.000100"
	checkFields(t, forms(t, slackSrv.requests()), []map[string]string{
		{"channel": "#alerts", "text": "ALARM", "thread_ts": ""},
		{"channel": testChanID, "text": "INSUFFICIENT_DATA", "thread_ts": alarmTS},
		{"channel": testChanID, "text": "ALARM", "thread_ts": alarmTS},
		{"channel": testChanID, "text": "OK", "thread_ts": alarmTS},
		{"channel": testChanID, "ts": alarmTS},
	})
}

// TestBotInsufficientDataWithoutThread checks that a message that is not
// ALARM does not open a thread.
func TestBotInsufficientDataWithoutThread(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}}})
	store := NewMemoryStore(10)
	bot := newTestBot(t, slackSrv, newFakeClock(), WithStore(store))
	if err := bot.Send(context.Background(), lifecycleAlarm(alarm.StateInsufficientData, alarm.StateOK), testMessage("x")); err != nil {
		t.Fatal(err)
	}
	if n := store.Len(); n != 0 {
		t.Errorf("store holds %d threads after INSUFFICIENT_DATA, want 0", n)
	}
}

// TestBotReplyRefused checks that a reply Slack refuses for its content is
// an error, not a repost to the channel, which would be refused too.
func TestBotReplyRefused(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {{200, `{"ok":false,"error":"invalid_blocks"}`, nil}}})
	bot := newTestBot(t, slackSrv, newFakeClock(), WithStore(storeWith(Thread{Channel: testChanID, TS: "1732500000.000100"})))
	err := bot.Send(context.Background(), lifecycleAlarm(alarm.StateOK, alarm.StateAlarm), testMessage("x"))
	var e *Error
	if !errors.As(err, &e) || e.Reason != "invalid_blocks" {
		t.Fatalf("Send = %v, want an *Error with reason invalid_blocks", err)
	}
	if n := len(slackSrv.requests()); n != 1 {
		t.Errorf("Slack got %d requests, want 1", n)
	}
}

// checkFields checks some form fields of each call.
func checkFields(t *testing.T, got []form, want []map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d calls, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		for k, v := range w {
			if got[i].Fields[k] != v {
				t.Errorf("call %d (%s) %s = %q, want %q", i, got[i].Method, k, got[i].Fields[k], v)
			}
		}
	}
}

// checkGolden compares got, as indented JSON, with testdata/send/name.golden.
func checkGolden(t *testing.T, name string, got any) {
	t.Helper()
	b, err := json.MarshalIndent(got, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b = append(b, '\n')
	path := filepath.Join("..", "..", "testdata", "send", name+".golden")
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./... -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(b)); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func TestBotFormFields(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	bot := newTestBot(t, slackSrv, newFakeClock(), WithBroadcast())
	ctx := context.Background()
	alarmMsg := testMessage("ALARM: HighCPU")
	if err := bot.Send(ctx, lifecycleAlarm(alarm.StateAlarm, alarm.StateOK), alarmMsg); err != nil {
		t.Fatal(err)
	}
	if err := bot.Send(ctx, lifecycleAlarm(alarm.StateOK, alarm.StateAlarm), testMessage("OK: HighCPU")); err != nil {
		t.Fatal(err)
	}
	got := forms(t, slackSrv.requests())
	blocks, _ := json.Marshal(alarmMsg.Blocks)
	checkFields(t, got, []map[string]string{
		{"blocks": string(blocks), "unfurl_links": "false", "unfurl_media": "false",
			"metadata": `{"event_type":"cloudwatch_alarm","event_payload":{"alarm_arn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU","alarm_name":"HighCPU","state":"ALARM"}}`},
		{"reply_broadcast": "true", "thread_ts": "1732500000.000100"},
		{"ts": "1732500000.000100"},
	})
	for _, f := range got {
		for _, k := range []string{"parse", "link_names"} {
			if _, ok := f.Fields[k]; ok {
				t.Errorf("%s sets %s, which turns @here in alarm text into a mention", f.Method, k)
			}
		}
	}
}

func TestBotOKWithoutThread(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}}})
	bot := newTestBot(t, slackSrv, newFakeClock())
	if err := bot.Send(context.Background(), lifecycleAlarm(alarm.StateOK, alarm.StateAlarm), testMessage("OK: HighCPU")); err != nil {
		t.Fatal(err)
	}
	got := forms(t, slackSrv.requests())
	checkFields(t, got, []map[string]string{{"channel": "#alerts", "text": "OK: HighCPU", "thread_ts": ""}})
}

func TestBotErrors(t *testing.T) {
	invalidBlocks := `{"ok":false,"error":"invalid_blocks","errors":["must be less than 151 characters [json-pointer:/blocks/0/text/text]"],` +
		`"response_metadata":{"messages":["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]"]}}`
	tests := []struct {
		name      string
		replies   []reply
		want      *Error
		wantCalls int
		wantSleep []time.Duration
	}{
		{
			name:      "channel_not_found",
			replies:   []reply{{200, `{"ok":false,"error":"channel_not_found"}`, nil}},
			want:      &Error{Op: opPost, Status: 200, Reason: "channel_not_found", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:    "invalid_blocks keeps the pointers",
			replies: []reply{{200, invalidBlocks, nil}},
			want: &Error{Op: opPost, Status: 200, Reason: "invalid_blocks", Attempts: 1,
				Details: []string{"must be less than 151 characters [json-pointer:/blocks/0/text/text]"}},
			wantCalls: 1,
		},
		{
			name:      "ok false without error",
			replies:   []reply{{200, `{"ok":false}`, nil}},
			want:      &Error{Op: opPost, Status: 200, Reason: "response has no ts", Attempts: 1},
			wantCalls: 1,
		},
		{
			name:      "not JSON",
			replies:   []reply{{200, `<html>`, nil}},
			want:      &Error{Op: opPost, Status: 200, Reason: "invalid response", Attempts: 1},
			wantCalls: 1,
		},
		{
			name: "ratelimited 429 honours retry-after",
			replies: []reply{
				{429, `{"ok":false,"error":"ratelimited"}`, map[string]string{"Retry-After": "2"}},
				{200, postedOK, nil},
			},
			wantCalls: 2,
			wantSleep: []time.Duration{2 * time.Second},
		},
		{
			name:      "ratelimited 429 until attempts run out",
			replies:   []reply{{429, `{"ok":false,"error":"ratelimited"}`, map[string]string{"Retry-After": "1"}}},
			want:      &Error{Op: opPost, Status: 429, Reason: "ratelimited", Retryable: true, RetryAfter: time.Second, Attempts: 5},
			wantCalls: 5,
			wantSleep: []time.Duration{time.Second, time.Second, time.Second, time.Second},
		},
		{
			name:      "500 then ok",
			replies:   []reply{{500, "", nil}, {200, postedOK, nil}},
			wantCalls: 2,
			wantSleep: []time.Duration{250*time.Millisecond - 1},
		},
		{
			name:      "internal_error is retried",
			replies:   []reply{{200, `{"ok":false,"error":"internal_error"}`, nil}, {200, postedOK, nil}},
			wantCalls: 2,
			wantSleep: []time.Duration{250*time.Millisecond - 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clock := newFakeClock()
			slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": tt.replies})
			bot := newTestBot(t, slackSrv, clock)
			err := bot.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("ALARM: HighCPU"))
			checkError(t, err, tt.want)
			if got := len(slackSrv.requests()); got != tt.wantCalls {
				t.Errorf("Slack got %d requests, want %d", got, tt.wantCalls)
			}
			if diff := cmp.Diff(tt.wantSleep, clock.slept()); diff != "" {
				t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
			}
			if err != nil && (strings.Contains(err.Error(), "s3cr3t") || strings.Contains(bot.String(), "s3cr3t")) {
				t.Errorf("error %q or bot %q shows the token", err, bot)
			}
		})
	}
}

func TestBotHTTPDateRetryAfter(t *testing.T) {
	clock := newFakeClock()
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {
		{429, `{"ok":false,"error":"ratelimited"}`, map[string]string{"Retry-After": clock.now().Add(4 * time.Second).Format(http.TimeFormat)}},
		{200, postedOK, nil},
	}})
	if err := newTestBot(t, slackSrv, clock).Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x")); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]time.Duration{4 * time.Second}, clock.slept()); diff != "" {
		t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
	}
}

// failingStore is a Store whose every method fails.
type failingStore struct{}

var errStoreDown = errors.New("store down")

func (failingStore) Get(context.Context, string) (Thread, bool, error) {
	return Thread{}, false, errStoreDown
}
func (failingStore) Put(context.Context, string, Thread) error    { return errStoreDown }
func (failingStore) Delete(context.Context, string, Thread) error { return errStoreDown }

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

func TestBotSecondaryFailures(t *testing.T) {
	tests := []struct {
		name      string
		store     Store
		state     alarm.StateValue
		replies   map[string][]reply
		wantCalls []string // methods called, in order
		wantErrs  []string // errors passed to the handler
	}{
		{
			name:      "store put fails after posting",
			store:     failingStore{},
			state:     alarm.StateAlarm,
			replies:   map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}}},
			wantCalls: []string{"chat.postMessage"},
			wantErrs: []string{
				"send: store get arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU: store down",
				"send: store put arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU: store down",
			},
		},
		{
			name:      "store get fails: OK posted to the channel",
			store:     failingStore{},
			state:     alarm.StateOK,
			replies:   map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}}},
			wantCalls: []string{"chat.postMessage"},
			wantErrs:  []string{"send: store get arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU: store down"},
		},
		{
			name:  "update fails after the reply",
			store: storeWith(Thread{Channel: testChanID, TS: "1732500000.000100"}),
			state: alarm.StateOK,
			replies: map[string][]reply{
				"/chat.postMessage": {{200, repliedOK, nil}},
				"/chat.update":      {{200, `{"ok":false,"error":"message_not_found"}`, nil}},
			},
			wantCalls: []string{"chat.postMessage", "chat.update"},
			wantErrs:  []string{"send: chat.update: message_not_found"},
		},
		{
			name:  "reply fails for good: OK posted to the channel",
			store: storeWith(Thread{Channel: "CARCHIVED", TS: "1732500000.000100"}),
			state: alarm.StateOK,
			replies: map[string][]reply{"/chat.postMessage": {
				{200, `{"ok":false,"error":"is_archived"}`, nil}, {200, postedOK, nil},
			}},
			wantCalls: []string{"chat.postMessage", "chat.postMessage"},
			wantErrs:  []string{"send: chat.postMessage: is_archived"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			slackSrv := newFakeSlack(t, tt.replies)
			var log errorLog
			bot := newTestBot(t, slackSrv, newFakeClock(), WithStore(tt.store), WithErrorHandler(log.add))
			if err := bot.Send(context.Background(), testAlarm(tt.state), testMessage("msg")); err != nil {
				t.Fatalf("Send = %v, want nil: the message was delivered", err)
			}
			var calls, errs []string
			for _, f := range forms(t, slackSrv.requests()) {
				calls = append(calls, f.Method)
			}
			for _, err := range log.errs {
				errs = append(errs, err.Error())
			}
			if diff := cmp.Diff(tt.wantCalls, calls); diff != "" {
				t.Errorf("calls mismatch (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.wantErrs, errs); diff != "" {
				t.Errorf("handled errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// storeWith returns a MemoryStore holding t for the test alarm.
func storeWith(t Thread) *MemoryStore {
	s := NewMemoryStore(1)
	s.Put(context.Background(), testAlarm(alarm.StateOK).ARN, t)
	return s
}

func TestBotBadInput(t *testing.T) {
	slackSrv := newFakeSlack(t, nil)
	bot := newTestBot(t, slackSrv, newFakeClock())
	for _, tc := range []struct {
		a *alarm.Alarm
		m *slackfmt.Message
	}{{nil, testMessage("x")}, {testAlarm(alarm.StateAlarm), nil}} {
		if err := bot.Send(context.Background(), tc.a, tc.m); !errors.Is(err, ErrPermanent) {
			t.Errorf("Send(%v, %v) = %v, want a permanent error", tc.a, tc.m, err)
		}
	}
	if n := len(slackSrv.requests()); n != 0 {
		t.Errorf("Slack got %d requests, want 0", n)
	}
}

func TestBotString(t *testing.T) {
	got := NewBot(testToken, "#alerts").String()
	if want := "slack bot xoxb-… to #alerts"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestBotConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	clock := newFakeClock()
	bot := NewBot(testToken, "#alerts", withClock(clock), WithAPIURL("http://"+addr), WithMaxAttempts(2))
	err = bot.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
	checkError(t, err, &Error{Op: opPost, Retryable: true, Attempts: 2})
	if got := len(clock.slept()); got != 1 {
		t.Errorf("slept %d times, want 1", got)
	}
}
