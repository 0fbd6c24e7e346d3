package dynamostore

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

const changeKey = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU ALARM 2026-11-25T10:02:30Z"

// TestClaimLifecycle walks one state change through claims, a release
// and a delivery, on a settable clock.
func TestClaimLifecycle(t *testing.T) {
	c := &clock{t: time.Now().Truncate(time.Second)}
	s, _ := newStore(t, withClock(c))
	ctx := context.Background()
	until := c.t.Add(30 * time.Second)
	type step struct {
		what string
		do   func() (bool, error)
		want bool
	}
	claim := func(u time.Time) func() (bool, error) {
		return func() (bool, error) { return s.Claim(ctx, changeKey, u) }
	}
	steps := []step{
		{"first claim", claim(until), true},
		{"second claim while the first holds", claim(until.Add(time.Second)), false},
		{"release with another until", func() (bool, error) { return false, s.Release(ctx, changeKey, until.Add(time.Second)) }, false},
		{"claim after a release that was not ours", claim(until.Add(time.Second)), false},
		{"release with our until", func() (bool, error) { return false, s.Release(ctx, changeKey, until) }, false},
		{"claim after the release", claim(until), true},
		{"claim after the claim expired", func() (bool, error) {
			c.t = until.Add(time.Millisecond)
			return s.Claim(ctx, changeKey, c.t.Add(30*time.Second))
		}, true},
		{"done", func() (bool, error) { return false, s.Done(ctx, changeKey) }, false},
		{"claim after done", claim(c.t.Add(time.Hour)), false},
		{"release after done keeps it", func() (bool, error) {
			if err := s.Release(ctx, changeKey, c.t.Add(30*time.Second)); err != nil {
				return false, err
			}
			return s.Claim(ctx, changeKey, c.t.Add(time.Hour))
		}, false},
		{"claim a day after done, before DynamoDB deleted the item", func() (bool, error) {
			c.t = c.t.Add(DefaultDoneTTL + time.Second)
			return s.Claim(ctx, changeKey, c.t.Add(30*time.Second))
		}, true},
	}
	for _, st := range steps {
		got, err := st.do()
		if err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		if got != st.want {
			t.Errorf("%s = %v, want %v", st.what, got, st.want)
		}
	}
}

// TestClaimRace has 32 goroutines on each of two clients (two instances)
// claim the same state change at once, many times over: exactly one
// claim wins each time.
func TestClaimRace(t *testing.T) {
	s1, _ := newStore(t)
	s2, err := New(newClient(endpoint(t)), s1.Table())
	if err != nil {
		t.Fatal(err)
	}
	const rounds, perClient = 5, 32
	for round := range rounds {
		key := changeKey + " round " + string(rune('0'+round))
		until := time.Now().Add(time.Minute)
		var wins, failures atomic.Int32
		var wg sync.WaitGroup
		start := make(chan struct{})
		for _, s := range []*Store{s1, s2} {
			for range perClient {
				wg.Go(func() {
					<-start
					ok, err := s.Claim(context.Background(), key, until)
					if err != nil {
						failures.Add(1)
						t.Errorf("Claim: %v", err)
					}
					if ok {
						wins.Add(1)
					}
				})
			}
		}
		close(start)
		wg.Wait()
		if w := wins.Load(); w != 1 {
			t.Errorf("round %d: %d of %d concurrent claims won, want exactly 1", round, w, 2*perClient)
		}
	}
}

// TestChangeExpiry checks the TTL attributes of a claim and a done mark.
func TestChangeExpiry(t *testing.T) {
	c := &clock{t: time.Now().Truncate(time.Second)}
	s, db := newStore(t, withClock(c), WithDoneTTL(6*time.Hour))
	ctx := context.Background()
	until := c.t.Add(30 * time.Second)
	if ok, err := s.Claim(ctx, changeKey, until); !ok || err != nil {
		t.Fatalf("Claim = %v, %v", ok, err)
	}
	item := rawItem(t, db, s.Table(), changePrefix+changeKey)
	got := map[string]any{"status": getS(item, attrStatus), "until": getN(item, attrUntil), "ttl": getN(item, attrTTL)}
	want := map[string]any{"status": "claimed", "until": until.UnixNano(), "ttl": until.Add(6 * time.Hour).Unix()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("claim item mismatch (-want +got):\n%s", diff)
	}
	c.t = c.t.Add(5 * time.Second)
	if err := s.Done(ctx, changeKey); err != nil {
		t.Fatal(err)
	}
	item = rawItem(t, db, s.Table(), changePrefix+changeKey)
	got = map[string]any{"status": getS(item, attrStatus), "until": getN(item, attrUntil), "ttl": getN(item, attrTTL)}
	want = map[string]any{"status": "done", "until": int64(0), "ttl": c.t.Add(6 * time.Hour).Unix()}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("done item mismatch (-want +got):\n%s", diff)
	}
}

// TestMissingTable checks that every method names the table when it does
// not exist.
func TestMissingTable(t *testing.T) {
	s, err := New(newClient(endpoint(t)), "cwslack-no-such-table")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, _, getErr := s.Get(ctx, "k")
	_, claimErr := s.Claim(ctx, "k", time.Now().Add(time.Minute))
	for _, err := range []error{getErr, claimErr, s.Put(ctx, "k", testThread()), s.Done(ctx, "k"), s.Release(ctx, "k", time.Now()), s.Delete(ctx, "k", testThread())} {
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrTableNotFound) {
			t.Errorf("%v: want an *Error matching ErrTableNotFound", err)
			continue
		}
		if want := `in table "cwslack-no-such-table": table not found`; !contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}
