package snsverify

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// maxCertBytes bounds the certificate download. An SNS signing certificate
// is about 2 KiB of PEM; anything much larger is not one.
const maxCertBytes = 64 << 10

// errNotCert is the cause when a fetched body holds no usable certificate.
var errNotCert = errors.New("no PEM certificate with an RSA public key")

// fetchSigner downloads and parses the certificate at url, which the caller
// has already checked. The client does not follow redirects, so the host
// check cannot be bypassed by a redirect.
func (v *Verifier) fetchSigner(ctx context.Context, url string) (*signer, error) {
	body, err := get(ctx, v.client, url, maxCertBytes)
	if err != nil {
		return nil, err
	}
	return parseSigner(body)
}

// get performs a GET of url with client and returns at most limit bytes of
// a 200 response's body.
func get(ctx context.Context, client *http.Client, url string, limit int64) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %s", resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, limit))
}

// parseSigner parses the first PEM CERTIFICATE block of body, which must
// hold an RSA public key.
func parseSigner(body []byte) (*signer, error) {
	for {
		var block *pem.Block
		block, body = pem.Decode(body)
		if block == nil {
			return nil, errNotCert
		}
		if block.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		key, ok := cert.PublicKey.(*rsa.PublicKey)
		if !ok {
			return nil, errNotCert
		}
		return &signer{cert: cert, key: key}, nil
	}
}

// noRedirects makes a client return a redirect response as it is, instead
// of following it to a host that was never checked.
func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
