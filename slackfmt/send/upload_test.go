package send_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

const uploadToken = "xoxb-1234-5678-s3cr3ttoken"

// graphPNG stands for an alarm's graph.
var graphPNG = append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{7}, 3000)...)

// uploadBot returns a Bot that talks to s and backs off for a
// millisecond only.
func uploadBot(t *testing.T, s *slacktest.Server, opts ...send.BotOption) *send.Bot {
	t.Helper()
	opts = append([]send.BotOption{send.WithAPIURL(s.APIURL()), send.WithBackoff(time.Millisecond, time.Millisecond)}, opts...)
	b, err := send.NewBot(uploadToken, "#alerts", opts...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newSlack starts a fake Slack that the test closes.
func newSlack(t *testing.T) *slacktest.Server {
	t.Helper()
	s := slacktest.NewServer()
	t.Cleanup(s.Close)
	return s
}

// uploadAlarm returns HighCPU in state.
func uploadAlarm(state alarm.StateValue) *alarm.Alarm {
	return &alarm.Alarm{
		Name: "HighCPU", ARN: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU", Region: "eu-west-1",
		State: alarm.State{Value: state, Timestamp: time.Date(2026, 11, 25, 10, 2, 30, 0, time.UTC)},
	}
}

// methods returns the methods of the requests s received.
func methods(s *slacktest.Server) []string {
	var out []string
	for _, m := range s.Messages() {
		out = append(out, m.Method)
	}
	return out
}

// TestUploadInThread posts an ALARM, uploads its graph, then the OK and
// its graph: both files go to the thread the ALARM opened, never to a
// reply's own ts.
func TestUploadInThread(t *testing.T) {
	s := newSlack(t)
	bot := uploadBot(t, s)
	ctx := context.Background()
	var receipts []send.Receipt
	for _, state := range []alarm.StateValue{alarm.StateAlarm, alarm.StateOK} {
		r, err := bot.Send(ctx, uploadAlarm(state), &slackfmt.Message{Text: string(state) + ": HighCPU"})
		if err != nil {
			t.Fatalf("Send(%s) = %v", state, err)
		}
		receipts = append(receipts, r)
		if err := bot.Upload(ctx, r, "HighCPU-"+strings.ToLower(string(state))+".png", "HighCPU "+string(state), graphPNG); err != nil {
			t.Fatalf("Upload after %s = %v", state, err)
		}
	}
	alarmTS := receipts[0].TS
	if receipts[1].ThreadTS != alarmTS || receipts[1].TS == alarmTS {
		t.Fatalf("receipts %+v, want the OK as a reply to the ALARM", receipts)
	}
	want := []slacktest.File{
		{ID: "F00000001", Name: "HighCPU-alarm.png", Size: len(graphPNG), AltText: "HighCPU ALARM", Data: graphPNG,
			Title: "HighCPU ALARM", Channel: receipts[0].Channel, ThreadTS: alarmTS},
		{ID: "F00000002", Name: "HighCPU-ok.png", Size: len(graphPNG), AltText: "HighCPU OK", Data: graphPNG,
			Title: "HighCPU OK", Channel: receipts[0].Channel, ThreadTS: alarmTS},
	}
	if diff := cmp.Diff(want, s.Files(), cmpopts.IgnoreUnexported(slacktest.File{})); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	upload := []string{"files.getUploadURLExternal", slacktest.MethodUpload, "files.completeUploadExternal"}
	wantMethods := append(append([]string{"chat.postMessage"}, upload...), "chat.postMessage", "chat.update")
	wantMethods = append(wantMethods, upload...)
	if diff := cmp.Diff(wantMethods, methods(s)); diff != "" {
		t.Errorf("requests mismatch (-want +got):\n%s", diff)
	}
}

// TestUploadRetries fails each step once, in ways that a retry mends.
func TestUploadRetries(t *testing.T) {
	s := newSlack(t)
	s.Fail(slacktest.Failure{Method: "files.getUploadURLExternal", Status: http.StatusTooManyRequests})
	s.Fail(slacktest.Failure{Method: slacktest.MethodUpload, Status: http.StatusInternalServerError})
	s.Fail(slacktest.Failure{Method: slacktest.MethodUpload, Delay: time.Minute}) // no answer: the bytes are sent again
	s.Fail(slacktest.Failure{Method: "files.completeUploadExternal", Error: "internal_error"})
	bot := uploadBot(t, s, send.WithHTTPClient(&http.Client{Timeout: 300 * time.Millisecond}))
	r := send.Receipt{Channel: "C0ALERTS", TS: "1700000000.000100"}
	if err := bot.Upload(context.Background(), r, "g.png", "graph", graphPNG); err != nil {
		t.Fatalf("Upload = %v", err)
	}
	s.Close() // waits for the request the client gave up on, which may be recorded late
	want := []string{
		"files.completeUploadExternal", "files.completeUploadExternal",
		"files.getUploadURLExternal", "files.getUploadURLExternal",
		slacktest.MethodUpload, slacktest.MethodUpload, slacktest.MethodUpload,
	}
	if diff := cmp.Diff(want, methods(s), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("requests mismatch (-want +got):\n%s", diff)
	}
	if f := s.Files(); len(f) != 1 || !bytes.Equal(f[0].Data, graphPNG) || f[0].ThreadTS != r.TS {
		t.Errorf("files %+v, want the graph in the thread of %s", f, r.TS)
	}
}

func TestUploadErrors(t *testing.T) {
	posted := send.Receipt{Channel: "C0ALERTS", TS: "1700000000.000100"}
	tests := []struct {
		name      string
		receipt   send.Receipt
		filename  string
		data      []byte
		failures  []slacktest.Failure
		want      send.Error
		permanent bool
		requests  int
	}{
		{name: "webhook receipt", filename: "g.png", data: graphPNG,
			want: send.Error{Op: "Upload", Reason: "receipt names no message"}, permanent: true},
		{name: "no file name", receipt: posted, data: graphPNG,
			want: send.Error{Op: "Upload", Reason: "empty file name"}, permanent: true},
		{name: "no data", receipt: posted, filename: "g.png",
			want: send.Error{Op: "Upload", Reason: "empty file"}, permanent: true},
		{name: "missing scope", receipt: posted, filename: "g.png", data: graphPNG,
			failures:  []slacktest.Failure{{Method: "files.getUploadURLExternal", Error: "missing_scope"}},
			want:      send.Error{Op: "files.getUploadURLExternal", Status: 200, Reason: "missing_scope", Attempts: 1},
			permanent: true, requests: 1},
		{name: "upload refused", receipt: posted, filename: "g.png", data: graphPNG,
			failures:  []slacktest.Failure{{Method: slacktest.MethodUpload, Status: http.StatusBadRequest}},
			want:      send.Error{Op: "upload", Status: 400, Attempts: 1},
			permanent: true, requests: 2},
		{name: "bot not in channel", receipt: posted, filename: "g.png", data: graphPNG,
			failures:  []slacktest.Failure{{Method: "files.completeUploadExternal", Error: "not_in_channel"}},
			want:      send.Error{Op: "files.completeUploadExternal", Status: 200, Reason: "not_in_channel", Attempts: 1},
			permanent: true, requests: 3},
		{name: "completion unanswered is not repeated", receipt: posted, filename: "g.png", data: graphPNG,
			failures: []slacktest.Failure{{Method: "files.completeUploadExternal", Delay: time.Minute}},
			want:     send.Error{Op: "files.completeUploadExternal", Retryable: true, Unanswered: true, Attempts: 1},
			requests: 3},
		{name: "server errors until the attempts run out", receipt: posted, filename: "g.png", data: graphPNG,
			failures: []slacktest.Failure{{Method: "files.getUploadURLExternal", Status: 503, Times: 5}},
			want:     send.Error{Op: "files.getUploadURLExternal", Status: 503, Reason: "service_unavailable", Retryable: true, Attempts: 5},
			requests: 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSlack(t)
			for _, f := range tt.failures {
				s.Fail(f)
			}
			bot := uploadBot(t, s, send.WithHTTPClient(&http.Client{Timeout: 300 * time.Millisecond}))
			err := bot.Upload(context.Background(), tt.receipt, tt.filename, "graph", tt.data)
			var got *send.Error
			if !errors.As(err, &got) {
				t.Fatalf("Upload = %v (%T), want a *send.Error", err, err)
			}
			if diff := cmp.Diff(tt.want, *got, cmpopts.IgnoreFields(send.Error{}, "Err")); diff != "" {
				t.Errorf("error mismatch (-want +got):\n%s", diff)
			}
			if errors.Is(err, send.ErrPermanent) != tt.permanent || strings.Contains(err.Error(), "s3cr3t") {
				t.Errorf("Upload = %q: permanent %v, want %v, and no token", err, errors.Is(err, send.ErrPermanent), tt.permanent)
			}
			s.Close() // waits for the requests the client gave up on
			if n := len(s.Messages()); n != tt.requests || len(s.Files()) != 0 {
				t.Errorf("Slack got %d requests and shared %d files, want %d and none", n, len(s.Files()), tt.requests)
			}
		})
	}
}

func TestUploadDeadline(t *testing.T) {
	s := newSlack(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Nanosecond)
	defer cancel()
	<-ctx.Done()
	err := uploadBot(t, s).Upload(ctx, send.Receipt{Channel: "C0ALERTS", TS: "1700000000.000100"}, "g.png", "graph", graphPNG)
	if !errors.Is(err, context.DeadlineExceeded) || len(s.Files()) != 0 {
		t.Errorf("Upload = %v, want it to wrap context.DeadlineExceeded and share nothing", err)
	}
}

// A graph follows the alarm's message into its thread.
func ExampleBot_Upload() {
	s := slacktest.NewServer()
	defer s.Close()
	bot, err := send.NewBot("xoxb-example", "#alerts", send.WithAPIURL(s.APIURL()))
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	a := uploadAlarm(alarm.StateAlarm)
	r, err := bot.Send(ctx, a, slackfmt.Build(a))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := bot.Upload(ctx, r, "HighCPU-alarm.png", "HighCPU, last 3 hours", graphPNG); err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range s.Files() {
		fmt.Printf("%s %q in %s, thread %s (the alarm's message %s)\n", f.Name, f.Title, f.Channel, f.ThreadTS, r.TS)
	}
	// Output:
	// HighCPU-alarm.png "HighCPU, last 3 hours" in C00000001, thread 1700000000.000100 (the alarm's message 1700000000.000100)
}
