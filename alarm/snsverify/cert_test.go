package snsverify_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"math/big"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
)

// TestVerifyCertificateValidity checks the certificate's validity period
// against the verifier's clock, apart from the message age.
func TestVerifyCertificateValidity(t *testing.T) {
	p, exp, _ := publishers(t)
	day := 24 * time.Hour
	tests := []struct {
		name    string
		expired bool // sign with the expired certificate
		now     time.Time
		want    error
	}{
		{"expired certificate", true, published, snsverify.ErrCertInvalid},
		{"valid certificate", false, published, nil},
		{"valid certificate, clock after NotAfter", false, published.Add(2 * day), snsverify.ErrCertInvalid},
		{"valid certificate, clock before NotBefore", false, published.Add(-2 * day), snsverify.ErrCertInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pub := p
			if tt.expired {
				pub = exp
			}
			body := publish(t, pub, notification())
			v := verifier(pub, snsverify.WithMaxAge(0), snsverify.WithClock(func() time.Time { return tt.now }))
			_, err := v.Verify(context.Background(), body)
			if !errors.Is(err, tt.want) || (tt.want == nil) != (err == nil) {
				t.Errorf("Verify at %v = %v, want %v", tt.now, err, tt.want)
			}
		})
	}
}

// TestVerifyCertFetchFailures checks that a certificate that cannot be
// fetched or used fails with ErrCertFetch, and that redirects are not
// followed.
func TestVerifyCertFetchFailures(t *testing.T) {
	p, _, _ := publishers(t)
	ecCert := ecdsaCertPEM(t)
	var mu sync.Mutex
	var paths []string
	client := snsServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		paths = append(paths, r.URL.Path)
		mu.Unlock()
		switch r.URL.Path {
		case "/garbage.pem":
			w.Write([]byte("-----BEGIN NOTHING-----\nAAAA\n-----END NOTHING-----\n"))
		case "/ecdsa.pem":
			w.Write(ecCert)
		case "/redirect.pem":
			http.Redirect(w, r, snsBase+"/redirected.pem", http.StatusFound)
		case "/redirected.pem":
			w.Write([]byte("not reached"))
		default:
			http.NotFound(w, r)
		}
	}))
	for _, path := range []string{"/missing.pem", "/garbage.pem", "/ecdsa.pem", "/redirect.pem"} {
		t.Run(path, func(t *testing.T) {
			m := notification()
			m.SigningCertURL = snsBase + path
			body := publish(t, p, m)
			v := snsverify.New(snsverify.WithHTTPClient(client), snsverify.WithTopics(testTopic),
				snsverify.WithClock(func() time.Time { return published }))
			if _, err := v.Verify(context.Background(), body); !errors.Is(err, snsverify.ErrCertFetch) {
				t.Errorf("Verify = %v, want %v", err, snsverify.ErrCertFetch)
			}
		})
	}
	mu.Lock()
	defer mu.Unlock()
	if slices.Contains(paths, "/redirected.pem") {
		t.Errorf("a redirect was followed: requests %v", paths)
	}
}

// TestVerifyCanceled checks that a canceled context stops the wait for a
// certificate.
func TestVerifyCanceled(t *testing.T) {
	p, _, _ := publishers(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := verifier(p).Verify(ctx, publish(t, p, notification()))
	if !errors.Is(err, snsverify.ErrCertFetch) || !errors.Is(err, context.Canceled) {
		t.Errorf("Verify with canceled context = %v, want ErrCertFetch and context.Canceled", err)
	}
}

// ecdsaCertPEM returns a self-signed certificate with an ECDSA key, which
// SNS never uses.
func ecdsaCertPEM(t *testing.T) []byte {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(2), NotBefore: published.Add(-time.Hour), NotAfter: published.Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
}
