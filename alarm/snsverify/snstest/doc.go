// Package snstest publishes signed SNS messages for tests: it makes a
// throwaway RSA key and certificate, serves the certificate and a
// subscription confirmation endpoint from a local TLS server, and signs
// messages the way Amazon SNS does. Code that verifies messages with
// package snsverify can then be tested offline with genuine signatures.
//
// A [Publisher] is for tests only. The options it gives a verifier accept
// its local host as a certificate host, which must never happen in
// production.
//
// # Usage
//
//	p, err := snstest.NewPublisher(time.Time{}, time.Time{})
//	if err != nil {
//		t.Fatal(err)
//	}
//	defer p.Close()
//	v := snsverify.New(p.VerifierOptions()...)
//	body, err := p.Publish(snsverify.Message{Type: snsverify.TypeNotification, ...})
//	// POST body to the handler under test, which verifies it with v.
package snstest
