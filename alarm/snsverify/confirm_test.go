package snsverify_test

import (
	"context"
	"errors"
	"net/http"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm/snsverify"
)

// TestConfirm checks that a verified subscription confirmation is
// confirmed by visiting its SubscribeURL.
func TestConfirm(t *testing.T) {
	p, _, _ := publishers(t)
	v := verifier(p)
	before := len(p.Confirmations())
	m, err := v.Verify(context.Background(), publish(t, p, confirmation(p, snsverify.TypeSubscriptionConfirmation)))
	if err != nil {
		t.Fatalf("Verify: %v", err)
	}
	if err := v.Confirm(context.Background(), m); err != nil {
		t.Fatalf("Confirm: %v", err)
	}
	if diff := cmp.Diff([]string{m.Token}, p.Confirmations()[before:]); diff != "" {
		t.Errorf("confirmed tokens mismatch (-want +got):\n%s", diff)
	}
}

// TestConfirmRefuses checks that Confirm visits no URL it should not.
func TestConfirmRefuses(t *testing.T) {
	p, _, _ := publishers(t)
	var visits atomic.Int32
	failing := snsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		visits.Add(1)
		http.Error(w, "no", http.StatusInternalServerError)
	}))
	good := confirmation(p, snsverify.TypeSubscriptionConfirmation)
	with := func(change func(*snsverify.Message)) *snsverify.Message { m := good; change(&m); return &m }
	tests := []struct {
		name      string
		m         *snsverify.Message
		opts      []snsverify.Option
		want      error
		wantVisit bool
	}{
		{"nil message", nil, nil, snsverify.ErrSubscribeURL, false},
		{"notification", with(func(m *snsverify.Message) { m.Type = snsverify.TypeNotification }), nil, snsverify.ErrSubscribeURL, false},
		{"unsubscribe confirmation", with(func(m *snsverify.Message) { m.Type = snsverify.TypeUnsubscribeConfirmation }), nil, snsverify.ErrSubscribeURL, false},
		{"other host", with(func(m *snsverify.Message) { m.SubscribeURL = "https://evil.example/?Action=ConfirmSubscription" }), nil, snsverify.ErrSubscribeURL, false},
		{"other action", with(func(m *snsverify.Message) { m.SubscribeURL = snsBase + "/?Action=Unsubscribe" }), nil, snsverify.ErrSubscribeURL, false},
		{"other topic", with(func(m *snsverify.Message) { m.TopicARN = testTopic + "-other" }), nil, snsverify.ErrTopicNotAllowed, false},
		{"no topic configured", &good, []snsverify.Option{snsverify.WithHTTPClient(failing)}, snsverify.ErrTopicNotAllowed, false},
		{"server error", &good, []snsverify.Option{snsverify.WithTopics(testTopic)}, snsverify.ErrConfirm, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			opts := tt.opts
			if opts == nil {
				opts = []snsverify.Option{snsverify.WithTopics(testTopic)}
			}
			v := snsverify.New(append([]snsverify.Option{snsverify.WithHTTPClient(failing)}, opts...)...)
			before := visits.Load()
			if err := v.Confirm(context.Background(), tt.m); !errors.Is(err, tt.want) {
				t.Errorf("Confirm = %v, want %v", err, tt.want)
			}
			if visited := visits.Load() != before; visited != tt.wantVisit {
				t.Errorf("Confirm visited SubscribeURL: %v, want %v", visited, tt.wantVisit)
			}
		})
	}
}
