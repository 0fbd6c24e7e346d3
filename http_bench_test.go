package cwslack_test

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// The two benchmarks run side by side, on the same notification, to give
// the share of the bare RSA verification rate that the SNS handler
// reaches:
//
//	go test -run '^$' -bench 'RSAVerify|SNSHandler' -count 8 . | tee http.txt
//	go run golang.org/x/perf/cmd/benchstat@latest http.txt

// benchNotification is a signed alarm notification and its publisher.
func benchNotification(b *testing.B) (*snstest.Publisher, snsverify.Message, []byte) {
	b.Helper()
	p, err := snstest.NewPublisher(time.Time{}, time.Time{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(p.Close)
	m := snsverify.Message{
		Type: snsverify.TypeNotification, MessageID: "5c4a3a1b-0b5e-5f7e-9a51-bench", TopicARN: allowedTopic,
		Message: gen{name: "checkout-latency-high", dims: 2}.snsMessage(), Timestamp: time.Now().UTC(),
	}
	body, err := p.Publish(m)
	if err != nil {
		b.Fatal(err)
	}
	return p, m, body
}

// BenchmarkRSAVerify measures the bare signature check of the
// notification that BenchmarkSNSHandler posts: hashing its canonical
// string and one rsa.VerifyPKCS1v15, in parallel.
func BenchmarkRSAVerify(b *testing.B) {
	p, m, _ := benchNotification(b)
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

// BenchmarkSNSHandler measures a POST through the SNS handler, in
// parallel, with genuine signatures, a warm certificate cache and a sender
// that does nothing: reading the body, verification, decoding and
// building the message. Deduplication is off, as every request carries
// the same state change.
func BenchmarkSNSHandler(b *testing.B) {
	p, _, body := benchNotification(b)
	nop := send.SenderFunc(func(_ context.Context, _ *alarm.Alarm, m *slackfmt.Message) (send.Receipt, error) {
		_, err := m.MarshalJSON()
		return send.Receipt{}, err
	})
	n := cwslack.New(cwslack.To(cwslack.Destination{Sender: nop}), cwslack.WithDedupeStore(nil))
	h := cwslack.NewSNSHandler(n, snsverify.New(snsverify.WithHTTPClient(p.Client()), snsverify.WithTopics(allowedTopic)))
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
