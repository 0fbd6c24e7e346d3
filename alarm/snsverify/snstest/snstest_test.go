package snstest_test

import (
	"context"
	"flag"
	"io"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
)

// The -update flag rewrites golden files. This package has none, but it
// accepts the flag so that "go test ./... -update" runs in every package.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

var (
	publisherOnce sync.Once
	publisher     *snstest.Publisher
	publisherErr  error
)

// shared returns a Publisher made once per test binary: RSA key
// generation is slow.
func shared(t *testing.T) *snstest.Publisher {
	t.Helper()
	publisherOnce.Do(func() { publisher, publisherErr = snstest.NewPublisher(time.Time{}, time.Time{}) })
	if publisherErr != nil {
		t.Fatal(publisherErr)
	}
	return publisher
}

// TestClientReachesOnlySNS checks that the publisher's client sends
// requests for SNS hosts, in any region and partition, to the publisher,
// and nothing else anywhere.
func TestClientReachesOnlySNS(t *testing.T) {
	p := shared(t)
	tests := []struct {
		url    string
		wantOK bool
	}{
		{"https://sns.eu-west-1.amazonaws.com/x.pem", true},
		{"https://sns.cn-north-1.amazonaws.com.cn/x.pem", true},
		{"https://SNS.US-EAST-1.AMAZONAWS.COM:443/x.pem", true},
		{"http://sns.eu-west-1.amazonaws.com/x.pem", false},
		{"https://sns.eu-west-1.amazonaws.com:8443/x.pem", false},
		{"https://example.com/x.pem", false},
		{"https://127.0.0.1/x.pem", false},
		{"https://sns.eu-west-1.amazonaws.com.evil.example/x.pem", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			before := p.Fetches("/x.pem")
			resp, err := p.Client().Get(tt.url)
			if err == nil {
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
			reached := err == nil && resp.StatusCode == http.StatusOK
			if reached != tt.wantOK {
				t.Errorf("GET %s: %v, %v; want reached %v", tt.url, resp, err, tt.wantOK)
			}
			if fetched := p.Fetches("/x.pem") != before; fetched != tt.wantOK {
				t.Errorf("GET %s fetched the certificate: %v, want %v", tt.url, fetched, tt.wantOK)
			}
		})
	}
}

// TestConfirmationsAreGETs checks that only a GET of a SubscribeURL
// counts as a confirmation.
func TestConfirmationsAreGETs(t *testing.T) {
	p := shared(t)
	const topic = "arn:aws-cn:sns:cn-north-1:123456789012:alarms"
	u := p.SubscribeURL(topic, "tok-post")
	if want := "https://sns.cn-north-1.amazonaws.com.cn/?"; u[:len(want)] != want {
		t.Fatalf("SubscribeURL = %s, want it on %s", u, want)
	}
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, u, nil)
	if resp, err := p.Client().Do(req); err == nil {
		resp.Body.Close()
	}
	resp, err := p.Client().Get(p.SubscribeURL(topic, "tok-get"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	got := p.Confirmations()
	if len(got) != 1 || got[0] != "tok-get" {
		t.Errorf("Confirmations() = %v, want [tok-get]", got)
	}
}
