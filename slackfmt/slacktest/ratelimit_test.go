package slacktest

import (
	"net/url"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestRateLimit(t *testing.T) {
	s := newServer(t)
	clock := &fakeClock{t: time.Date(2024, 5, 14, 10, 0, 0, 0, time.UTC)}
	s.now = clock.now
	s.SetRateLimit(1, 2)
	hook := func(path string) string {
		r := post(t, s.URL()+path, "application/json", `{"text":"a"}`)
		if r.status == 429 {
			return summary(r, decodeAnswer(t, r).Error)
		}
		return summary(r, r.body)
	}
	chat := func(ch string) string {
		r := postForm(t, s, "chat.postMessage", url.Values{"token": {"x"}, "channel": {ch}, "text": {"a"}})
		return summary(r, decodeAnswer(t, r).Error)
	}
	var got []string
	got = append(got, hook("/services/A"), hook("/services/A"), hook("/services/A"), hook("/services/B"))
	got = append(got, chat("C1"), chat("C1"), chat("C1"), chat("C2"))
	clock.advance(500 * time.Millisecond)
	got = append(got, hook("/services/A"), chat("C1"))
	clock.advance(500 * time.Millisecond)
	got = append(got, hook("/services/A"), hook("/services/A"), chat("C1"))
	want := []string{
		"200 ok", "200 ok", "429 rate_limited Retry-After 1", "200 ok",
		"200 ", "200 ", "429 ratelimited Retry-After 1", "200 ",
		"429 rate_limited Retry-After 1", "429 ratelimited Retry-After 1",
		"200 ok", "429 rate_limited Retry-After 1", "200 ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers mismatch (-want +got):\n%s", diff)
	}
	if n := len(s.posted); n != 4 {
		t.Errorf("%d messages posted, want 4 (the ones under the limit)", n)
	}

	s.SetRateLimit(0.25, 1)
	if got := chat("C9") + " | " + chat("C9"); got != "200  | 429 ratelimited Retry-After 4" {
		t.Errorf("at one message per 4 s: %s", got)
	}
	s.SetRateLimit(0, 0)
	for range 5 {
		if got := chat("C9"); got != "200 " {
			t.Fatalf("without a limit: %s", got)
		}
	}
}

// summary returns the status of r, what it says and its Retry-After
// header, on one line.
func summary(r response, says string) string {
	s := strconv.Itoa(r.status) + " " + says
	if r.retryAfter != "" {
		s += " Retry-After " + r.retryAfter
	}
	return s
}
