package snsverify_test

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha1"
	"testing"

	"github.com/cwslack/cwslack/alarm/snsverify/snstest"
)

// BenchmarkVerify measures Verify with a warm certificate cache, in
// parallel: the cost of a message is a decode, a hash and one RSA
// verification. Compare with BenchmarkRSAVerify.
func BenchmarkVerify(b *testing.B) {
	p, _, _ := publishers(b)
	v := verifier(p)
	body := publish(b, p, notification())
	if _, err := v.Verify(context.Background(), body); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := v.Verify(context.Background(), body); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkRSAVerify measures the floor under BenchmarkVerify: hashing the
// same canonical string and one rsa.VerifyPKCS1v15, in parallel.
func BenchmarkRSAVerify(b *testing.B) {
	p, _, _ := publishers(b)
	m := notification()
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
