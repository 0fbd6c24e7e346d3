package snsverify_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// FuzzVerify checks that Verify never panics, that every error is a
// refusal with the package prefix, and that a message that verifies still
// verifies, unchanged, after re-encoding with Body.
func FuzzVerify(f *testing.F) {
	p, _, _ := publishers(f)
	f.Add(publish(f, p, notification()))
	f.Add(publish(f, p, confirmation(p, snsverify.TypeSubscriptionConfirmation)))
	f.Add(publish(f, p, confirmation(p, snsverify.TypeUnsubscribeConfirmation)))
	m := notification()
	m.Subject, m.SignatureVersion = nil, "2"
	f.Add(publish(f, p, m))
	seeds, _ := filepath.Glob("../../testdata/payloads/sns-http__*.json")
	for _, path := range seeds {
		if b, err := os.ReadFile(path); err == nil {
			f.Add(b)
		}
	}
	v := verifier(p)
	f.Fuzz(func(t *testing.T, body []byte) {
		got, err := v.Verify(context.Background(), body)
		if err != nil {
			if got != nil || !bytes.HasPrefix([]byte(err.Error()), []byte("snsverify: ")) {
				t.Fatalf("Verify = %v, %q", got, err)
			}
			return
		}
		again, err := v.Verify(context.Background(), got.Body())
		if err != nil {
			t.Fatalf("Verify(Body()) = %v after Verify succeeded", err)
		}
		if diff := cmp.Diff(got, again, cmpopts.IgnoreUnexported(snsverify.Message{})); diff != "" {
			t.Fatalf("Body round trip mismatch (-first +second):\n%s", diff)
		}
	})
}
