package snstest

import (
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
)

// CertPath is the path at which a Publisher's certificate is served by
// default. Every other path ending in .pem serves it too.
const CertPath = "/SimpleNotificationService-snstest.pem"

// Publisher signs SNS messages with its own key and serves its certificate
// over TLS. It is safe for concurrent use. Close it when done.
type Publisher struct {
	server *httptest.Server
	key    *rsa.PrivateKey
	cert   *x509.Certificate
	pem    []byte

	mu            sync.Mutex
	fetches       map[string]int
	confirmations []string
}

// NewPublisher makes a 2048-bit RSA key and a self-signed certificate valid
// from notBefore to notAfter, and starts a TLS server for it. Pass a zero
// notBefore and notAfter for a certificate valid from an hour ago until a
// day from now.
func NewPublisher(notBefore, notAfter time.Time) (*Publisher, error) {
	if notBefore.IsZero() && notAfter.IsZero() {
		notBefore, notAfter = time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "sns.snstest.invalid"},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	p := &Publisher{key: key, cert: cert, fetches: make(map[string]int)}
	p.pem = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	p.server = httptest.NewTLSServer(http.HandlerFunc(p.serve))
	return p, nil
}

// Close shuts the server down.
func (p *Publisher) Close() { p.server.Close() }

// URL returns the server's base URL, such as "https://127.0.0.1:41234".
func (p *Publisher) URL() string { return p.server.URL }

// CertURL returns the URL of the certificate: URL followed by [CertPath].
func (p *Publisher) CertURL() string { return p.server.URL + CertPath }

// SubscribeURL returns a URL on the server that confirms a subscription to
// topic with token, shaped like the SubscribeURL of SNS.
func (p *Publisher) SubscribeURL(topic, token string) string {
	q := url.Values{"Action": {"ConfirmSubscription"}, "TopicArn": {topic}, "Token": {token}}
	return p.server.URL + "/?" + q.Encode()
}

// VerifierOptions returns the options that make a snsverify.Verifier trust
// this publisher: its TLS client and its host (with snsverify.WithCertHost).
// Other hosts are refused, so tests of the host rule still work.
func (p *Publisher) VerifierOptions() []snsverify.Option {
	host := p.server.Listener.Addr().String()
	return []snsverify.Option{
		snsverify.WithHTTPClient(p.server.Client()),
		snsverify.WithCertHost(func(h string) bool { return h == host }),
	}
}

// Certificate returns the certificate the publisher serves.
func (p *Publisher) Certificate() *x509.Certificate { return p.cert }

// Fetches returns how many times the certificate was fetched at path, such
// as [CertPath].
func (p *Publisher) Fetches(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.fetches[path]
}

// Confirmations returns the tokens of the subscriptions confirmed so far,
// in order.
func (p *Publisher) Confirmations() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.confirmations...)
}

// serve answers certificate fetches and subscription confirmations.
func (p *Publisher) serve(w http.ResponseWriter, r *http.Request) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case strings.HasSuffix(r.URL.Path, ".pem"):
		p.fetches[r.URL.Path]++
		w.Write(p.pem)
	case r.URL.Query().Get("Action") == "ConfirmSubscription":
		p.confirmations = append(p.confirmations, r.URL.Query().Get("Token"))
		fmt.Fprint(w, "<ConfirmSubscriptionResponse/>")
	default:
		http.NotFound(w, r)
	}
}

// Publish signs m and returns it as the JSON body SNS would POST. Empty
// fields get defaults first: SignatureVersion "1", SigningCertURL
// [Publisher.CertURL], Timestamp the current time. Publish signs whatever
// the fields hold, including a SignatureVersion it does not know (with
// SHA-256), so tests can build invalid messages too. It fails only if
// signing fails.
func (p *Publisher) Publish(m snsverify.Message) ([]byte, error) {
	if m.SignatureVersion == "" {
		m.SignatureVersion = "1"
	}
	if m.SigningCertURL == "" {
		m.SigningCertURL = p.CertURL()
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = time.Now()
	}
	sig, err := p.Sign(StringToSign(&m), m.SignatureVersion)
	if err != nil {
		return nil, err
	}
	m.Signature = sig
	return m.Body(), nil
}

// Sign signs data with the publisher's key, hashing it with SHA-1 for
// version "1" and SHA-256 otherwise.
func (p *Publisher) Sign(data []byte, version string) ([]byte, error) {
	hash, sum := crypto.SHA256, sha256.Sum256(data)
	digest := sum[:]
	if version == "1" {
		s := sha1.Sum(data)
		hash, digest = crypto.SHA1, s[:]
	}
	sig, err := rsa.SignPKCS1v15(rand.Reader, p.key, hash, digest)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	return sig, nil
}

// StringToSign returns the canonical string SNS signs for m, with its
// Timestamp in SNS's format (milliseconds, UTC, "Z"). It is written apart
// from snsverify's own, as an independent check of it: each signed key that
// m's type includes, in byte order, as "Key\nValue\n".
func StringToSign(m *snsverify.Message) []byte {
	fields := map[string]string{
		"Message": m.Message, "MessageId": m.MessageID, "TopicArn": m.TopicARN,
		"Type": string(m.Type), "Timestamp": m.Timestamp.UTC().Format("2006-01-02T15:04:05.000Z"),
	}
	if m.Type == snsverify.TypeNotification {
		if m.Subject != nil {
			fields["Subject"] = *m.Subject
		}
	} else {
		fields["SubscribeURL"], fields["Token"] = m.SubscribeURL, m.Token
	}
	keys := make([]string, 0, len(fields))
	for k := range fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s\n%s\n", k, fields[k])
	}
	return []byte(b.String())
}
