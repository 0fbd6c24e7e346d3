package send

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// TestPacerReserve checks the slots of a pacer of one post a second after
// a burst of 3: three at once, then one a second, none past latest.
func TestPacerReserve(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	pc := &pacer{interval: time.Second, burst: 3}
	far := t0.Add(time.Hour)
	var got []time.Duration
	for range 6 {
		s, ok := pc.reserve(t0, far)
		if !ok {
			t.Fatalf("reserve refused a slot before %v", far)
		}
		got = append(got, s.at.Sub(t0))
	}
	want := []time.Duration{0, 0, 0, time.Second, 2 * time.Second, 3 * time.Second}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slots mismatch (-want +got):\n%s", diff)
	}
	if _, ok := pc.reserve(t0, t0.Add(3500*time.Millisecond)); ok {
		t.Errorf("reserve gave a slot after latest")
	}
	s, _ := pc.reserve(t0, far)
	if s.at != t0.Add(4*time.Second) {
		t.Errorf("after a refused reservation the next slot is at %v, want +4s: a refusal must reserve nothing", s.at.Sub(t0))
	}
	pc.cancel(s)
	if s2, _ := pc.reserve(t0, far); s2.at != s.at {
		t.Errorf("after cancel the next slot is at %v, want the cancelled one %v", s2.at.Sub(t0), s.at.Sub(t0))
	}
}

// TestPacerRefills checks that an idle pacer allows a burst again.
func TestPacerRefills(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	pc := &pacer{interval: time.Second, burst: 2}
	for range 4 {
		pc.reserve(t0, t0.Add(time.Hour))
	}
	later := t0.Add(time.Minute)
	for i := range 2 {
		if s, _ := pc.reserve(later, later.Add(time.Hour)); s.at != later {
			t.Errorf("post %d after a minute idle waits until %v, want none", i, s.at.Sub(later))
		}
	}
	if s, _ := pc.reserve(later, later.Add(time.Hour)); s.at != later.Add(time.Second) {
		t.Errorf("third post after the burst at +%v, want +1s", s.at.Sub(later))
	}
}

// TestPacerHold checks that after a 429 no sender of the destination
// posts before the Retry-After is over, and then one at a time.
func TestPacerHold(t *testing.T) {
	t0 := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	pc := &pacer{interval: time.Second, burst: 3}
	pc.hold(t0.Add(5 * time.Second))
	var got []time.Duration
	for range 3 {
		s, _ := pc.reserve(t0, t0.Add(time.Hour))
		got = append(got, s.at.Sub(t0))
	}
	want := []time.Duration{5 * time.Second, 6 * time.Second, 7 * time.Second}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("slots after hold mismatch (-want +got):\n%s", diff)
	}
}

// TestPacerForShares checks that senders of one destination share a
// pacer, that the slowest pace applies, and that no pace means no pacer.
func TestPacerForShares(t *testing.T) {
	dest := "webhook https://hooks.slack.com/services/" + t.Name()
	a := pacerFor(dest, pacing{perSecond: 2, burst: 5})
	b := pacerFor(dest, pacing{perSecond: 1, burst: 3})
	if a != b {
		t.Fatalf("two senders of %q got different pacers", dest)
	}
	if a.interval != time.Second || a.burst != 3 {
		t.Errorf("shared pacer has interval %v, burst %d; want the slowest: 1s, 3", a.interval, a.burst)
	}
	if pacerFor(dest+"/other", pacing{perSecond: 1, burst: 3}) == a {
		t.Errorf("another destination shares the pacer")
	}
	if pc := pacerFor(dest, pacing{}); pc != nil {
		t.Errorf("pacerFor without a pace = %p, want nil", pc)
	}
}

// TestWebhookPacingAvoids429 posts 24 messages at once through three
// Webhooks of one URL to a Slack that allows 20 a second after a burst of
// 3: paced a little slower (at the same rate, the order in which requests
// arrive can cost one a 429), they share one pace and all get through
// without a single 429, spread over more than a second.
func TestWebhookPacingAvoids429(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	srv.SetRateLimit(20, 3)
	var senders []Sender
	for range 3 {
		senders = append(senders, newTestWebhook(t, srv.WebhookURL(), WithPacing(16, 3)))
	}
	const posts = 24
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, posts)
	for i := range posts {
		wg.Go(func() {
			_, err := senders[i%3].Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("x"))
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Send: %v", err)
		}
	}
	elapsed := time.Since(start)
	msgs := srv.Messages()
	limited := 0
	for _, m := range msgs {
		if m.Status == 429 {
			limited++
		}
	}
	t.Logf("%d posts in %v, %d requests, %d answered 429", posts, elapsed, len(msgs), limited)
	if limited > 0 || len(msgs) != posts {
		t.Errorf("%d requests of which %d answered 429; want %d requests and no 429", len(msgs), limited, posts)
	}
	if min := time.Duration(posts-3) * time.Second / 16; elapsed < min-50*time.Millisecond {
		t.Errorf("%d posts took %v, want at least %v at 16 a second after a burst of 3", posts, elapsed, min)
	}
}

// TestPacingRespectsDeadline checks that a post whose slot would come too
// late to be made before the deadline is not made: Send returns at once a
// retryable error matching ErrRateLimited, and no request.
func TestPacingRespectsDeadline(t *testing.T) {
	srv := slacktest.NewServer()
	defer srv.Close()
	w := newTestWebhook(t, srv.WebhookURL()+"/"+t.Name(), WithPacing(1, 1))
	if _, err := w.Send(context.Background(), testAlarm(alarm.StateAlarm), testMessage("first")); err != nil {
		t.Fatalf("first Send: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 1500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := w.Send(ctx, testAlarm(alarm.StateAlarm), testMessage("second"))
	checkPaced(t, err)
	if elapsed := time.Since(start); elapsed > 100*time.Millisecond {
		t.Errorf("Send waited %v for a slot it could not use", elapsed)
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("Slack got %d requests, want 1", n)
	}
}

// checkPaced checks that err says the pacing had no slot: retryable, and
// matching ErrRateLimited.
func checkPaced(t *testing.T, err error) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) || e.Reason != reasonPaced || !e.Retryable || e.Attempts != 0 {
		t.Fatalf("Send = %#v, want a retryable *Error with reason %q and no attempt", err, reasonPaced)
	}
	if !errors.Is(err, ErrRateLimited) || errors.Is(err, ErrPermanent) {
		t.Errorf("errors.Is(%v, ErrRateLimited) = %v, ErrPermanent = %v; want true, false",
			err, errors.Is(err, ErrRateLimited), errors.Is(err, ErrPermanent))
	}
}
