package snstest

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
)

// CertPath is the path of a Publisher's certificate in the SigningCertURL
// that Publish fills in. Every other path ending in .pem serves it too.
const CertPath = "/SimpleNotificationService-snstest.pem"

// tlsName is the name in the certificate of the publisher's TLS server.
// The client from Client asks for it whatever SNS host it was sent to.
const tlsName = "sns.snstest.invalid"

// Publisher signs SNS messages with its own key and serves its
// certificate, and a subscription confirmation endpoint, from a local TLS
// server that stands in for every Amazon SNS host. It is safe for
// concurrent use. Close it when done.
type Publisher struct {
	server    *httptest.Server
	transport *http.Transport
	key       *rsa.PrivateKey
	cert      *x509.Certificate
	pem       []byte

	mu            sync.Mutex
	fetches       map[string]int
	confirmations []string
}

// NewPublisher makes a 2048-bit RSA key and a self-signed signing
// certificate valid from notBefore to notAfter, and starts a TLS server
// on 127.0.0.1 that serves it. Pass a zero notBefore and notAfter for a
// certificate valid from an hour ago until a day from now.
func NewPublisher(notBefore, notAfter time.Time) (*Publisher, error) {
	if notBefore.IsZero() && notAfter.IsZero() {
		notBefore, notAfter = time.Now().Add(-time.Hour), time.Now().Add(24*time.Hour)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	signing, err := selfSigned(key, &x509.Certificate{
		SerialNumber: big.NewInt(1),
		Subject:      pkix.Name{CommonName: "sns.snstest.invalid signing"},
		NotBefore:    notBefore,
		NotAfter:     notAfter,
	})
	if err != nil {
		return nil, err
	}
	p := &Publisher{key: key, cert: signing, fetches: make(map[string]int)}
	p.pem = pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: signing.Raw})
	if err := p.start(); err != nil {
		return nil, err
	}
	return p, nil
}

// start starts the TLS server, with a certificate for tlsName valid now
// whatever the signing certificate's period, and the transport that
// reaches it.
func (p *Publisher) start() error {
	serving, err := selfSigned(p.key, &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: tlsName},
		DNSNames:     []string{tlsName},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	if err != nil {
		return err
	}
	p.server = httptest.NewUnstartedServer(http.HandlerFunc(p.serve))
	p.server.TLS = &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{serving.Raw}, PrivateKey: p.key}}}
	p.server.StartTLS()
	roots := x509.NewCertPool()
	roots.AddCert(serving)
	p.transport = &http.Transport{
		DialContext:    refusePlain,
		DialTLSContext: p.dialTLS(&tls.Config{RootCAs: roots, ServerName: tlsName}),
	}
	return nil
}

// selfSigned makes a certificate from tmpl signed by key.
func selfSigned(key *rsa.PrivateKey, tmpl *x509.Certificate) (*x509.Certificate, error) {
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("snstest: %w", err)
	}
	return cert, nil
}

// errNotSNS is what the client from Client answers for any host but an
// SNS one.
var errNotSNS = errors.New("snstest: the publisher's client reaches only https://sns.<region>.amazonaws.com[.cn] hosts")

// dialTLS returns the DialTLSContext of the client: an SNS host on port
// 443 is the publisher's server, whose certificate is checked with cfg.
func (p *Publisher) dialTLS(cfg *tls.Config) func(ctx context.Context, network, addr string) (net.Conn, error) {
	dialer := &tls.Dialer{Config: cfg}
	local := p.server.Listener.Addr().String()
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, port, err := net.SplitHostPort(addr)
		if err != nil || port != "443" || !snsverify.IsSNSHost(host) {
			return nil, errNotSNS
		}
		return dialer.DialContext(ctx, network, local)
	}
}

// refusePlain is the DialContext of the client: nothing is reached over
// plain HTTP.
func refusePlain(context.Context, string, string) (net.Conn, error) { return nil, errNotSNS }

// Close shuts the server down and closes the client's idle connections.
func (p *Publisher) Close() {
	p.transport.CloseIdleConnections()
	p.server.Close()
}

// Client returns an HTTP client that sends every request for an Amazon SNS
// host (https://sns.eu-west-1.amazonaws.com/…, see [snsverify.IsSNSHost])
// to the publisher's server, and trusts its certificate; it reaches
// nothing else. Give it to the verifier under test with
// snsverify.WithHTTPClient: the verifier's own host rules stay in force,
// and certificate fetches and subscription confirmations stay on this
// machine. Its timeout is 5 seconds.
func (p *Publisher) Client() *http.Client {
	return &http.Client{Transport: p.transport, Timeout: 5 * time.Second}
}

// CertURL returns the SigningCertURL that Publish gives a message from
// topicARN: [CertPath] on the SNS host of the topic's region, such as
// "https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-snstest.pem".
func (p *Publisher) CertURL(topicARN string) string {
	return "https://" + snsHost(topicARN) + CertPath
}

// SubscribeURL returns the SubscribeURL that SNS would put in the
// confirmation of a subscription to topicARN with token, on the SNS host
// of the topic's region. Visiting it with the client from Client records
// token as confirmed.
func (p *Publisher) SubscribeURL(topicARN, token string) string {
	q := url.Values{"Action": {"ConfirmSubscription"}, "TopicArn": {topicARN}, "Token": {token}}
	return "https://" + snsHost(topicARN) + "/?" + q.Encode()
}

// snsHost returns the SNS host of the region and partition of topicARN,
// "arn:aws:sns:eu-west-1:123456789012:alarms", or of us-east-1 when the
// ARN names none.
func snsHost(topicARN string) string {
	parts := strings.SplitN(topicARN, ":", 6)
	region, suffix := "us-east-1", ".amazonaws.com"
	if len(parts) == 6 && parts[3] != "" {
		region = parts[3]
	}
	if len(parts) > 1 && parts[1] == "aws-cn" {
		suffix += ".cn"
	}
	return "sns." + region + suffix
}

// Certificate returns the signing certificate the publisher serves.
func (p *Publisher) Certificate() *x509.Certificate { return p.cert }

// Fetches returns how many times the certificate was fetched at path, such
// as [CertPath], on any SNS host.
func (p *Publisher) Fetches(path string) int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.fetches[path]
}

// Confirmations returns the tokens of the subscriptions confirmed so far
// (GET requests of a SubscribeURL), in order.
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
	case r.Method != http.MethodGet:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
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
// [Publisher.CertURL] of m's topic, Timestamp the current time. Publish
// signs whatever the fields hold, including a SignatureVersion it does not
// know (with SHA-256), so tests can build invalid messages too. It fails
// only if signing fails.
func (p *Publisher) Publish(m snsverify.Message) ([]byte, error) {
	if m.SignatureVersion == "" {
		m.SignatureVersion = "1"
	}
	if m.SigningCertURL == "" {
		m.SigningCertURL = p.CertURL(m.TopicARN)
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
