package send

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Web API answers.
const (
	postedOK   = `{"ok":true,"channel":"C0ALERTS","ts":"1732500000.000100","message":{"text":"x"}}`
	repliedOK  = `{"ok":true,"channel":"C0ALERTS","ts":"1732500600.000200"}`
	updatedOK  = `{"ok":true,"channel":"C0ALERTS","ts":"1732500000.000100","text":"x"}`
	testToken  = "xoxb-1234-5678-s3cr3ttoken"
	testChanID = "C0ALERTS"
	alarmTS    = "1732500000.000100"
	replyTS    = "1732500600.000200"
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

// lifecycleAlarm returns HighCPU entering state from prev at 10:02:30
// plus after.
func lifecycleAlarm(state, prev alarm.StateValue, after time.Duration) *alarm.Alarm {
	a := testAlarm(state)
	a.PreviousState = alarm.State{Value: prev, Timestamp: time.Date(2026, 11, 25, 9, 50, 0, 0, time.UTC)}
	a.State.Timestamp = time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC).Add(after)
	return a
}

// testResolve is a resolver whose message says which alarms it was given,
// so that the lifecycle golden shows them without depending on how
// slackfmt renders a resolved alarm.
func testResolve(announced, ok *alarm.Alarm) *slackfmt.Message {
	return testMessage("Resolved: " + announced.Name + " announced " + string(announced.State.Value) + " at " +
		announced.State.Timestamp.Format(time.TimeOnly) + ", " + string(ok.State.Value) + " at " + ok.State.Timestamp.Format(time.TimeOnly))
}

// newTestBot returns a Bot posting to slackSrv on clock. Its pacing is
// off unless opts say otherwise: every test bot has the same token and
// channel, so they would share one pacer, whatever their clocks.
func newTestBot(t *testing.T, slackSrv *fakeSlack, clock *fakeClock, opts ...BotOption) *Bot {
	t.Helper()
	opts = append([]BotOption{withClock(clock), WithAPIURL(slackSrv.srv.URL), WithPacing(0, 0)}, opts...)
	b, err := NewBot(testToken, "#alerts", opts...)
	if err != nil {
		t.Fatalf("NewBot: %v", err)
	}
	return b
}

// send sends m about a with b, failing t on error.
func send(t *testing.T, s Sender, a *alarm.Alarm, m *slackfmt.Message) Receipt {
	t.Helper()
	r, err := s.Send(context.Background(), a, m)
	if err != nil {
		t.Fatalf("Send(%s): %v", a.State.Value, err)
	}
	return r
}

func TestBotLifecycle(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	store := NewMemoryStore(10)
	bot := newTestBot(t, slackSrv, newFakeClock(), WithThreadStore(store), WithResolve(testResolve))
	ctx := context.Background()
	announced := lifecycleAlarm(alarm.StateAlarm, alarm.StateOK, 0)
	if r := send(t, bot, announced, testMessage("ALARM: HighCPU")); r != (Receipt{Channel: testChanID, TS: alarmTS}) {
		t.Errorf("ALARM receipt = %+v, want the channel message", r)
	}
	th, ok, _ := store.Get(ctx, Key(announced))
	if !ok || th.Channel != testChanID || th.TS != alarmTS {
		t.Fatalf("after ALARM the store holds %+v, %v; want channel %s ts %s", th, ok, testChanID, alarmTS)
	}
	if diff := cmp.Diff(announced, th.Alarm); diff != "" {
		t.Errorf("stored alarm mismatch (-announced +stored):\n%s", diff)
	}
	ok12 := lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, 12*time.Minute)
	if r := send(t, bot, ok12, testMessage("OK: HighCPU")); r != (Receipt{Channel: testChanID, TS: replyTS, ThreadTS: alarmTS}) {
		t.Errorf("OK receipt = %+v, want the reply in the thread", r)
	}
	if _, ok, _ := store.Get(ctx, Key(announced)); ok {
		t.Errorf("after OK the store still holds the thread")
	}
	got := forms(t, slackSrv.requests())
	checkGolden(t, "bot_lifecycle", got)
	checkFields(t, got, []map[string]string{
		{"channel": "#alerts", "text": "ALARM: HighCPU"},
		{"channel": testChanID, "thread_ts": alarmTS, "text": "OK: HighCPU"},
		{"channel": testChanID, "ts": alarmTS, "text": "Resolved: HighCPU announced ALARM at 10:02:30, OK at 10:14:30"},
	})
}

// TestBotDefaultResolve checks that without WithResolve the original is
// replaced by the default resolver's message for the alarm as announced.
func TestBotDefaultResolve(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	bot := newTestBot(t, slackSrv, newFakeClock())
	announced := lifecycleAlarm(alarm.StateAlarm, alarm.StateOK, 0)
	announced.State.Reason = "Threshold Crossed: 1 datapoint [93.6] was greater than the threshold (80.0)."
	ok := lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, 12*time.Minute)
	ok.State.Reason = "Threshold Crossed: 1 datapoint [12.0] was not greater than the threshold (80.0)."
	send(t, bot, announced, slackfmt.Build(announced))
	send(t, bot, ok, slackfmt.Build(ok))

	want := defaultResolve(announced, ok)
	wantJSON, _ := want.MarshalJSON()
	wrongJSON, _ := defaultResolve(ok, ok).MarshalJSON()
	if string(wantJSON) == string(wrongJSON) {
		t.Fatalf("defaultResolve renders the same message from either alarm: the test cannot tell which the Bot passed")
	}
	blocks, err := json.Marshal(want.Blocks)
	if err != nil {
		t.Fatal(err)
	}
	got := forms(t, slackSrv.requests())
	checkFields(t, got[2:], []map[string]string{{"ts": alarmTS, "text": want.Text, "blocks": string(blocks)}})
}

// TestDefaultResolveSafe checks that an alarm name made of emoji codes is
// never rendered as emoji in the resolved message: every plain_text
// object showing it has emoji off.
func TestDefaultResolveSafe(t *testing.T) {
	const name = ":large_green_circle: OK: db"
	announced := lifecycleAlarm(alarm.StateAlarm, alarm.StateOK, 0)
	announced.Name = name
	ok := lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, time.Minute)
	ok.Name = name
	body, err := defaultResolve(announced, ok).MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	shown := 0
	walkJSON(doc, func(obj map[string]any) {
		text, _ := obj["text"].(string)
		if obj["type"] != "plain_text" || !strings.Contains(text, "large_green_circle") {
			return
		}
		shown++
		if obj["emoji"] != false {
			t.Errorf("plain_text %q has emoji %v, want false", text, obj["emoji"])
		}
	})
	if shown == 0 {
		t.Errorf("no plain_text object shows the alarm name: %s", body)
	}
}

// walkJSON calls f with every object in v, a decoded JSON value.
func walkJSON(v any, f func(map[string]any)) {
	switch v := v.(type) {
	case map[string]any:
		f(v)
		for _, x := range v {
			walkJSON(x, f)
		}
	case []any:
		for _, x := range v {
			walkJSON(x, f)
		}
	}
}

// TestBotResolveOlderThread checks that a thread stored without the
// announced alarm is resolved from the OK alarm.
func TestBotResolveOlderThread(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	var gotAnnounced, gotOK *alarm.Alarm
	resolve := func(announced, ok *alarm.Alarm) *slackfmt.Message {
		gotAnnounced, gotOK = announced, ok
		return testMessage("resolved")
	}
	bot := newTestBot(t, slackSrv, newFakeClock(), WithResolve(resolve),
		WithThreadStore(storeWith(Thread{Channel: testChanID, TS: alarmTS})))
	ok := lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, time.Minute)
	send(t, bot, ok, testMessage("OK"))
	if gotAnnounced != ok || gotOK != ok {
		t.Errorf("resolver got (%p, %p), want the OK alarm %p twice", gotAnnounced, gotOK, ok)
	}
	checkFields(t, forms(t, slackSrv.requests()), []map[string]string{{"thread_ts": alarmTS}, {"ts": alarmTS, "text": "resolved"}})
}

// TestBotKeepsTheAlarmThread checks that messages between ALARM and OK
// (INSUFFICIENT_DATA, the same ALARM delivered again) are replies in the
// ALARM's thread and leave it open, so that the OK resolves the message
// that announced the alarm; and that only the OK reply is broadcast.
func TestBotKeepsTheAlarmThread(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}, {200, repliedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	bot := newTestBot(t, slackSrv, newFakeClock(), WithThreadStore(NewMemoryStore(10)), WithBroadcast())
	steps := []struct {
		state, prev alarm.StateValue
		want        Receipt
	}{
		{alarm.StateAlarm, alarm.StateOK, Receipt{testChanID, alarmTS, ""}},
		{alarm.StateInsufficientData, alarm.StateAlarm, Receipt{testChanID, replyTS, alarmTS}},
		{alarm.StateAlarm, alarm.StateInsufficientData, Receipt{testChanID, replyTS, alarmTS}},
		{alarm.StateOK, alarm.StateAlarm, Receipt{testChanID, replyTS, alarmTS}},
	}
	for i, st := range steps {
		r := send(t, bot, lifecycleAlarm(st.state, st.prev, time.Duration(i)*time.Minute), testMessage(string(st.state)))
		if r != st.want {
			t.Errorf("Send(%s) = %+v, want %+v", st.state, r, st.want)
		}
	}
	checkFields(t, forms(t, slackSrv.requests()), []map[string]string{
		{"channel": "#alerts", "text": "ALARM", "thread_ts": "", "reply_broadcast": ""},
		{"channel": testChanID, "text": "INSUFFICIENT_DATA", "thread_ts": alarmTS, "reply_broadcast": ""},
		{"channel": testChanID, "text": "ALARM", "thread_ts": alarmTS, "reply_broadcast": ""},
		{"channel": testChanID, "text": "OK", "thread_ts": alarmTS, "reply_broadcast": "true"},
		{"channel": testChanID, "ts": alarmTS},
	})
}

// TestBotInsufficientDataWithoutThread checks that a message that is not
// ALARM does not open a thread.
func TestBotInsufficientDataWithoutThread(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}}})
	store := NewMemoryStore(10)
	bot := newTestBot(t, slackSrv, newFakeClock(), WithThreadStore(store))
	a := lifecycleAlarm(alarm.StateInsufficientData, alarm.StateOK, 0)
	send(t, bot, a, testMessage("x"))
	if _, ok, _ := store.Get(context.Background(), Key(a)); ok {
		t.Errorf("store holds a thread after INSUFFICIENT_DATA")
	}
}

// TestBotReplyRefused checks that a reply Slack refuses for its content is
// an error, not a repost to the channel, which would be refused too.
func TestBotReplyRefused(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {{200, `{"ok":false,"error":"invalid_blocks"}`, nil}}})
	bot := newTestBot(t, slackSrv, newFakeClock(), WithThreadStore(storeWith(Thread{Channel: testChanID, TS: alarmTS})))
	_, err := bot.Send(context.Background(), lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, 0), testMessage("x"))
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

func TestBotFormFields(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{
		"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}},
		"/chat.update":      {{200, updatedOK, nil}},
	})
	bot := newTestBot(t, slackSrv, newFakeClock(), WithBroadcast())
	alarmMsg := testMessage("ALARM: HighCPU")
	send(t, bot, lifecycleAlarm(alarm.StateAlarm, alarm.StateOK, 0), alarmMsg)
	send(t, bot, lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, time.Minute), testMessage("OK: HighCPU"))
	got := forms(t, slackSrv.requests())
	blocks, _ := json.Marshal(alarmMsg.Blocks)
	checkFields(t, got, []map[string]string{
		{"blocks": string(blocks), "unfurl_links": "false", "unfurl_media": "false",
			"metadata": `{"event_type":"cloudwatch_alarm","event_payload":{"alarm_arn":"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU","alarm_name":"HighCPU","state":"ALARM"}}`},
		{"reply_broadcast": "true", "thread_ts": alarmTS},
		{"ts": alarmTS},
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
	if r := send(t, bot, lifecycleAlarm(alarm.StateOK, alarm.StateAlarm, 0), testMessage("OK: HighCPU")); r != (Receipt{Channel: testChanID, TS: alarmTS}) {
		t.Errorf("Send = %+v, want the channel message", r)
	}
	checkFields(t, forms(t, slackSrv.requests()), []map[string]string{{"channel": "#alerts", "text": "OK: HighCPU", "thread_ts": ""}})
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
			wantSleep: []time.Duration{3*time.Second - 1},
		},
		{
			// 429s are retried past the attempt limit, until the next
			// wait would leave less than a second of the 9 s deadline:
			// attempts at 0, 2, 4, 6 and 8 s (less a few ns).
			name:      "ratelimited 429 until the deadline",
			replies:   []reply{{429, `{"ok":false,"error":"ratelimited"}`, map[string]string{"Retry-After": "1"}}},
			want:      &Error{Op: opPost, Status: 429, Reason: "ratelimited", Retryable: true, RetryAfter: time.Second, Attempts: 5},
			wantCalls: 5,
			wantSleep: []time.Duration{2*time.Second - 1, 2*time.Second - 1, 2*time.Second - 1, 2*time.Second - 1},
		},
		{
			name:      "ratelimited 429 beyond the deadline",
			replies:   []reply{{429, `{"ok":false,"error":"ratelimited"}`, map[string]string{"Retry-After": "20"}}},
			want:      &Error{Op: opPost, Status: 429, Reason: "ratelimited", Retryable: true, RetryAfter: 20 * time.Second, Attempts: 1},
			wantCalls: 1,
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
			t.Parallel()
			clock := newFakeClock()
			slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": tt.replies})
			bot := newTestBot(t, slackSrv, clock)
			// A deadline on the fake clock, so that the waits it allows do
			// not depend on how far the real clock is ahead.
			ctx, cancel := context.WithDeadline(context.Background(), clock.now().Add(9*time.Second))
			defer cancel()
			_, err := bot.Send(ctx, testAlarm(alarm.StateAlarm), testMessage("ALARM: HighCPU"))
			checkError(t, err, tt.want)
			if got := len(slackSrv.requests()); got != tt.wantCalls {
				t.Errorf("Slack got %d requests, want %d", got, tt.wantCalls)
			}
			if diff := cmp.Diff(tt.wantSleep, clock.slept()); diff != "" {
				t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
			}
			if strings.Contains(bot.String(), "s3cr3t") {
				t.Errorf("bot %q shows the token", bot)
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
	send(t, newTestBot(t, slackSrv, clock), testAlarm(alarm.StateAlarm), testMessage("x"))
	if diff := cmp.Diff([]time.Duration{5*time.Second - 1}, clock.slept()); diff != "" {
		t.Errorf("sleeps mismatch (-want +got):\n%s", diff)
	}
}

// TestBotHanging checks that a Web API that never answers costs no more
// than the timeout when the context has no deadline.
func TestBotHanging(t *testing.T) {
	srv := hangingServer(t)
	const timeout = 200 * time.Millisecond
	bot, err := NewBot(testToken, "#alerts", WithAPIURL(srv.URL), WithTimeout(timeout), WithPacing(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = bot.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
	elapsed := time.Since(start)
	checkError(t, err, &Error{Op: opPost, Retryable: true, Unanswered: true, Attempts: 1})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Send = %v, want it to wrap context.DeadlineExceeded", err)
	}
	if elapsed < timeout || elapsed > timeout+2*time.Second {
		t.Errorf("Send took %v, want about %v", elapsed, timeout)
	}
}

// failingStore is a ThreadStore and DedupeStore whose every method fails.
type failingStore struct{}

var errStoreDown = errors.New("store down")

func (failingStore) Get(context.Context, string) (Thread, bool, error) {
	return Thread{}, false, errStoreDown
}
func (failingStore) Put(context.Context, string, Thread) error    { return errStoreDown }
func (failingStore) Delete(context.Context, string, Thread) error { return errStoreDown }
func (failingStore) Claim(context.Context, string, time.Time) (bool, error) {
	return false, errStoreDown
}
func (failingStore) Done(context.Context, string) error               { return errStoreDown }
func (failingStore) Release(context.Context, string, time.Time) error { return errStoreDown }

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
	const arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU"
	tests := []struct {
		name      string
		store     ThreadStore
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
				"send: ThreadStore.Get " + arn + ": store down",
				"send: ThreadStore.Put " + arn + ": store down",
			},
		},
		{
			name:      "store get fails: OK posted to the channel",
			store:     failingStore{},
			state:     alarm.StateOK,
			replies:   map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}}},
			wantCalls: []string{"chat.postMessage"},
			wantErrs:  []string{"send: ThreadStore.Get " + arn + ": store down"},
		},
		{
			name:  "update fails after the reply",
			store: storeWith(Thread{Channel: testChanID, TS: alarmTS}),
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
			store: storeWith(Thread{Channel: "CARCHIVED", TS: alarmTS}),
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
			bot := newTestBot(t, slackSrv, newFakeClock(), WithThreadStore(tt.store), WithErrorHandler(log.add))
			if _, err := bot.Send(context.Background(), testAlarm(tt.state), testMessage("msg")); err != nil {
				t.Fatalf("Send = %v, want nil: the message was delivered", err)
			}
			var calls, errs []string
			for _, f := range forms(t, slackSrv.requests()) {
				calls = append(calls, f.Method)
			}
			for _, err := range log.errs {
				errs = append(errs, err.Error())
				var e *Error
				if !errors.As(err, &e) {
					t.Errorf("handler got %T, want a *Error", err)
				}
				if e != nil && strings.HasPrefix(e.Op, "ThreadStore.") && !errors.Is(err, errStoreDown) {
					t.Errorf("store error %v does not wrap the store's error", err)
				}
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
	s.Put(context.Background(), Key(testAlarm(alarm.StateOK)), t)
	return s
}

func TestBotBadInput(t *testing.T) {
	slackSrv := newFakeSlack(t, nil)
	bot := newTestBot(t, slackSrv, newFakeClock())
	if _, err := bot.Send(context.Background(), testAlarm(alarm.StateAlarm), nil); !errors.Is(err, ErrPermanent) {
		t.Errorf("Send(nil message) = %v, want a permanent error", err)
	}
	for _, r := range []Receipt{{}, {Channel: testChanID}, {TS: alarmTS}} {
		if _, err := bot.Reply(context.Background(), r, testMessage("x")); !errors.Is(err, ErrPermanent) {
			t.Errorf("Reply(%+v) = %v, want a permanent error", r, err)
		}
	}
	if n := len(slackSrv.requests()); n != 0 {
		t.Errorf("Slack got %d requests, want 0", n)
	}
}

// TestBotDigest checks that a message about no one alarm (nil, such as a
// digest) is posted to the channel as it is, without thread, store or
// metadata of the Bot's, and that Reply puts details in its thread.
func TestBotDigest(t *testing.T) {
	slackSrv := newFakeSlack(t, map[string][]reply{"/chat.postMessage": {{200, postedOK, nil}, {200, repliedOK, nil}, {200, repliedOK, nil}}})
	store := NewMemoryStore(10)
	bot := newTestBot(t, slackSrv, newFakeClock(), WithThreadStore(store), WithBroadcast())
	r := send(t, bot, nil, testMessage("digest"))
	if r != (Receipt{Channel: testChanID, TS: alarmTS}) {
		t.Errorf("digest receipt = %+v, want the channel message", r)
	}
	reply, err := bot.Reply(context.Background(), r, testMessage("details"))
	if err != nil || reply.ThreadTS != alarmTS {
		t.Fatalf("Reply = %+v, %v; want a reply in %s", reply, err, alarmTS)
	}
	if _, err := bot.Reply(context.Background(), reply, testMessage("more details")); err != nil {
		t.Fatal(err)
	}
	checkFields(t, forms(t, slackSrv.requests()), []map[string]string{
		{"channel": "#alerts", "text": "digest", "thread_ts": "", "metadata": ""},
		{"channel": testChanID, "text": "details", "thread_ts": alarmTS, "reply_broadcast": ""},
		{"channel": testChanID, "text": "more details", "thread_ts": alarmTS},
	})
	if store.threads.len() != 0 {
		t.Errorf("the digest left %d threads in the store", store.threads.len())
	}
}

func TestNewBotRefuses(t *testing.T) {
	tests := []struct {
		name           string
		token, channel string
		opts           []BotOption
		want           string
	}{
		{"empty token", "", "#alerts", nil, "send: NewBot: token is empty"},
		{"token with a space", "xoxb-1 s3cr3ttoken", "#alerts", nil, "send: NewBot: token contains spaces or control characters"},
		{"token with a newline", testToken + "\n", "#alerts", nil, "send: NewBot: token contains spaces or control characters"},
		{"empty channel", testToken, "", nil, "send: NewBot: channel is empty"},
		{"channel with a space", testToken, "# alerts", nil, "send: NewBot: channel contains spaces or control characters"},
		{"API URL in clear text", testToken, "#alerts", []BotOption{WithAPIURL("http://slack.example/api/")},
			"send: NewBot: API URL must be https, not http://slack.example/api/…"},
		{"API URL without scheme", testToken, "#alerts", []BotOption{WithAPIURL("slack.com/api")},
			"send: NewBot: API URL has no scheme: want https://…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := NewBot(tt.token, tt.channel, tt.opts...)
			if b != nil || err == nil || err.Error() != tt.want {
				t.Fatalf("NewBot = %v, %v; want nil, %q", b, err, tt.want)
			}
			if !errors.Is(err, ErrConfig) {
				t.Errorf("NewBot error %v does not match ErrConfig", err)
			}
		})
	}
}

func TestBotString(t *testing.T) {
	b, err := NewBot(testToken, "#alerts")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), "slack bot xoxb-… to #alerts"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestBotConnectionRefused(t *testing.T) {
	clock := newFakeClock()
	bot, err := NewBot(testToken, "#alerts", withClock(clock), WithAPIURL("http://"+closedAddr(t)), WithMaxAttempts(2), WithPacing(0, 0))
	if err != nil {
		t.Fatal(err)
	}
	_, err = bot.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
	checkError(t, err, &Error{Op: opPost, Retryable: true, Attempts: 2})
	if got := len(clock.slept()); got != 1 {
		t.Errorf("slept %d times, want 1", got)
	}
}
