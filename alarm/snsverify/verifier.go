package snsverify

import (
	"context"
	"crypto/rsa"
	"net/http"
	"time"

	// Registered for SignatureVersion "1" and "2".
	_ "crypto/sha1"
	_ "crypto/sha256"
)

// Verifier authenticates SNS messages. It is safe for concurrent use and
// meant to be long-lived: it caches the certificates it fetches.
type Verifier struct {
	client    *http.Client
	topics    map[string]bool
	anyTopic  bool
	maxAge    time.Duration
	cacheSize int
	now       func() time.Time
	cache     *certCache
}

// New returns a Verifier configured by opts. It accepts messages from the
// topics given with [WithTopics] (or from any topic with [WithAnyTopic]:
// without either it refuses every message), up to [DefaultMaxAge] old,
// and fetches certificates from Amazon SNS hosts with a timeout of
// [DefaultTimeout].
func New(opts ...Option) *Verifier {
	v := &Verifier{
		client:    &http.Client{Timeout: DefaultTimeout},
		maxAge:    DefaultMaxAge,
		cacheSize: DefaultCacheSize,
		now:       time.Now,
	}
	for _, opt := range opts {
		opt(v)
	}
	c := *v.client
	c.CheckRedirect = noRedirects
	v.client = &c
	v.cache = newCertCache(v.cacheSize, v.fetchSigner)
	return v
}

// Verify decodes body, an SNS message as posted to an HTTP(S) subscriber
// (or a Lambda record's Sns object re-encoded as JSON), and authenticates
// it. It returns the message only when all of these hold, checked in this
// order:
//
//   - body decodes, with the fields its Type requires ([ErrMalformed]);
//   - SignatureVersion is "1" or "2" ([ErrUnsupportedVersion]);
//   - SigningCertURL is https, names a .pem file and is on an SNS host
//     ([ErrCertURL]);
//   - TopicARN is allowed ([ErrTopicNotAllowed]);
//   - Timestamp is at most the maximum age old and at most [MaxClockSkew]
//     in the future ([ErrExpired]);
//   - the certificate can be fetched, or is cached ([ErrCertFetch]), and is
//     within its validity period ([ErrCertInvalid]);
//   - the signature matches the message ([ErrBadSignature]).
//
// The cheap checks come first, so a message from a foreign topic or an old
// capture never causes a fetch. Every error is a *VerifyError; a canceled
// ctx yields one wrapping [ErrCertFetch] and the context's error. Verify
// never panics, whatever body holds.
func (v *Verifier) Verify(ctx context.Context, body []byte) (*Message, error) {
	m, err := Decode(body)
	if err != nil {
		return nil, err
	}
	if err := v.precheck(m); err != nil {
		return nil, err
	}
	if err := v.checkSignature(ctx, m); err != nil {
		return nil, err
	}
	return m, nil
}

// precheck runs the checks that need no certificate.
func (v *Verifier) precheck(m *Message) error {
	if _, ok := hashFor(m.SignatureVersion); !ok {
		return refuse(m, ErrUnsupportedVersion, "SignatureVersion "+quote(m.SignatureVersion), nil)
	}
	if _, reason := checkCertURL(m.SigningCertURL); reason != "" {
		return refuse(m, ErrCertURL, reason, nil)
	}
	if err := v.checkTopic(m); err != nil {
		return err
	}
	return v.checkAge(m)
}

// checkTopic refuses a message from a topic that is not allowed.
func (v *Verifier) checkTopic(m *Message) error {
	switch {
	case v.anyTopic || v.topics[m.TopicARN]:
		return nil
	case len(v.topics) == 0:
		return refuse(m, ErrTopicNotAllowed, m.TopicARN+" (no topic is allowed: see WithTopics)", nil)
	}
	return refuse(m, ErrTopicNotAllowed, m.TopicARN, nil)
}

// checkAge refuses a message published too long ago or too far ahead.
func (v *Verifier) checkAge(m *Message) error {
	if v.maxAge <= 0 {
		return nil
	}
	age := v.now().Sub(m.Timestamp)
	if age > v.maxAge {
		return refuse(m, ErrExpired, "published "+age.Round(time.Second).String()+" ago", nil)
	}
	if age < -MaxClockSkew {
		return refuse(m, ErrExpired, "published "+(-age).Round(time.Second).String()+" in the future", nil)
	}
	return nil
}

// checkSignature verifies m's signature with its (cached) certificate.
func (v *Verifier) checkSignature(ctx context.Context, m *Message) error {
	s, err := v.cache.get(ctx, m.SigningCertURL)
	if err != nil {
		return refuse(m, ErrCertFetch, m.SigningCertURL, err)
	}
	now := v.now()
	if now.Before(s.cert.NotBefore) || now.After(s.cert.NotAfter) {
		reason := "valid from " + s.cert.NotBefore.UTC().Format(time.RFC3339) +
			" to " + s.cert.NotAfter.UTC().Format(time.RFC3339)
		return refuse(m, ErrCertInvalid, reason, nil)
	}
	hash, _ := hashFor(m.SignatureVersion)
	h := hash.New()
	m.hashStringToSign(h)
	if err := rsa.VerifyPKCS1v15(s.key, hash, h.Sum(nil), m.Signature); err != nil {
		return refuse(m, ErrBadSignature, "", err)
	}
	return nil
}

// quote quotes s for an error message, bounding its length: the value
// comes from an untrusted body.
func quote(s string) string {
	const limit = 32
	if len(s) > limit {
		s = s[:limit] + "…"
	}
	return `"` + s + `"`
}
