package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// BenchmarkSNSHandler measures POST /sns through the real handler, in
// parallel, with genuine signatures, a warm certificate cache and a Slack
// sender that does nothing: verification, alarm decoding and message
// building. Compare with BenchmarkRSAVerify in package snsverify.
func BenchmarkSNSHandler(b *testing.B) {
	p, _ := publishers(b)
	s := &server{
		verifier: snsverify.New(p.VerifierOptions()...),
		sender:   send.SenderFunc(func(context.Context, *alarm.Alarm, *slackfmt.Message) error { return nil }),
		log:      slog.New(slog.DiscardHandler),
	}
	h := s.handler()
	body := publish(b, p, alarmNotification())
	do := func() int {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/sns", bytes.NewReader(body)))
		return w.Code
	}
	if code := do(); code != http.StatusOK {
		b.Fatalf("status = %d, want 200", code)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if code := do(); code != http.StatusOK {
				b.Errorf("status = %d, want 200", code)
				return
			}
		}
	})
}
