package snsverify_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/google/go-cmp/cmp"
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
	failing := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "no", http.StatusInternalServerError)
	}))
	defer failing.Close()
	good := confirmation(p, snsverify.TypeSubscriptionConfirmation)
	with := func(change func(*snsverify.Message)) *snsverify.Message { m := good; change(&m); return &m }
	tests := []struct {
		name string
		m    *snsverify.Message
		want error
	}{
		{"nil message", nil, snsverify.ErrSubscribeURL},
		{"notification", with(func(m *snsverify.Message) { m.Type = snsverify.TypeNotification }), snsverify.ErrSubscribeURL},
		{"unsubscribe confirmation", with(func(m *snsverify.Message) { m.Type = snsverify.TypeUnsubscribeConfirmation }), snsverify.ErrSubscribeURL},
		{"other host", with(func(m *snsverify.Message) { m.SubscribeURL = "https://evil.example/?Action=ConfirmSubscription" }), snsverify.ErrSubscribeURL},
		{"other action", with(func(m *snsverify.Message) { m.SubscribeURL = failing.URL + "/?Action=Unsubscribe" }), snsverify.ErrSubscribeURL},
		{"server error", with(func(m *snsverify.Message) { m.SubscribeURL = failing.URL + "/?Action=ConfirmSubscription" }), snsverify.ErrConfirm},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := snsverify.New(snsverify.WithHTTPClient(failing.Client()),
				snsverify.WithCertHost(func(h string) bool { return h == failing.Listener.Addr().String() }))
			before := len(p.Confirmations())
			if err := v.Confirm(context.Background(), tt.m); !errors.Is(err, tt.want) {
				t.Errorf("Confirm = %v, want %v", err, tt.want)
			}
			if len(p.Confirmations()) != before {
				t.Errorf("Confirm visited a refused URL")
			}
		})
	}
}
