package main

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// The two benchmarks here run side by side, on the same notification, to
// give the share of the bare RSA verification rate that the /sns handler
// reaches (issue 5 asks for at least 40%):
//
//	go test -run '^$' -bench 'RSAVerify|SNSHandler' -count 10 ./examples/http

// BenchmarkRSAVerify measures the bare signature check of the notification
// that BenchmarkSNSHandler posts: hashing its canonical string and one
// rsa.VerifyPKCS1v15, in parallel.
func BenchmarkRSAVerify(b *testing.B) {
	p, _ := publishers(b)
	m := alarmNotification()
	data := snstest.StringToSign(&m)
	sig, err := p.Sign(data, "1")
	if err != nil {
		b.Fatal(err)
	}
	key := p.Certificate().PublicKey.(*rsa.PublicKey)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			sum := sha1.Sum(data)
			if err := rsa.VerifyPKCS1v15(key, crypto.SHA1, sum[:], sig); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkSNSHandler measures POST /sns through the real handler, in
// parallel, with genuine signatures, a warm certificate cache and a Slack
// sender that does nothing: reading the body, verification, alarm decoding
// and message building.
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
		r, err := http.NewRequest(http.MethodPost, "/sns", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		h.ServeHTTP(w, r)
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
