package snsverify_test

import (
	"context"
	"testing"
)

// BenchmarkVerify measures Verify with a warm certificate cache, in
// parallel: the cost of a message is a decode, a hash and one RSA
// verification. BenchmarkRSAVerify in examples/http measures the bare RSA
// verification beside the /sns handler.
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
