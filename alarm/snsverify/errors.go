package snsverify

import "errors"

// Sentinel errors, for errors.Is. Every error that [Decode],
// [Verifier.Verify] and [Verifier.Confirm] return is a *VerifyError that
// matches exactly one of them.
var (
	// ErrMalformed means the body is not a JSON object of SNS message fields,
	// lacks a field that its Type requires, or has a field that cannot be
	// decoded (an unknown Type, a bad Timestamp, a Signature that is not
	// base64).
	ErrMalformed = errors.New("snsverify: malformed message")
	// ErrUnsupportedVersion means SignatureVersion is neither "1" (SHA1withRSA)
	// nor "2" (SHA256withRSA).
	ErrUnsupportedVersion = errors.New("snsverify: unsupported signature version")
	// ErrCertURL means SigningCertURL is not an https URL of a .pem file on an
	// Amazon SNS host, so the certificate is not fetched at all.
	ErrCertURL = errors.New("snsverify: signing certificate URL not allowed")
	// ErrCertFetch means the signing certificate could not be fetched or
	// parsed: a network error, a timeout, a status other than 200, or a body
	// that is not a PEM certificate with an RSA key. It may be transient.
	ErrCertFetch = errors.New("snsverify: cannot fetch signing certificate")
	// ErrCertInvalid means the signing certificate is outside its validity
	// period (expired or not yet valid) by the verifier's clock.
	ErrCertInvalid = errors.New("snsverify: signing certificate not valid now")
	// ErrBadSignature means the signature does not match the message: the
	// message was forged or altered in transit.
	ErrBadSignature = errors.New("snsverify: signature does not match")
	// ErrExpired means the message's Timestamp is older than the maximum age
	// (see [WithMaxAge]) or further in the future than the allowed clock skew.
	// It defeats the replay of old captured messages.
	ErrExpired = errors.New("snsverify: message timestamp outside accepted window")
	// ErrTopicNotAllowed means the message comes from a topic that is not on
	// the allow-list given with [WithTopics], or that the verifier was given
	// no topic at all.
	ErrTopicNotAllowed = errors.New("snsverify: topic not allowed")
	// ErrSubscribeURL means a confirmation's SubscribeURL is not an https URL
	// on an Amazon SNS host, so [Verifier.Confirm] does not visit it.
	ErrSubscribeURL = errors.New("snsverify: subscribe URL not allowed")
	// ErrConfirm means visiting SubscribeURL failed: a network error, a
	// timeout or a status other than 200. It may be transient.
	ErrConfirm = errors.New("snsverify: cannot confirm subscription")
)

// VerifyError reports why a message was refused. It matches its sentinel
// (Kind) with errors.Is, and its Unwrap returns the cause (Err), such as
// an *x509.CertificateInvalidError, an rsa.ErrVerification or a
// *url.Error, for errors.As.
type VerifyError struct {
	// Kind is one of the package's sentinel errors.
	Kind error
	// Reason is a short human-readable detail, such as the offending field.
	// It may be empty.
	Reason string
	// MessageID and TopicARN identify the refused message when the body
	// could be decoded far enough to read them; they are not verified and
	// are meant for logs only.
	MessageID string
	TopicARN  string
	// Err is the underlying cause, such as a network or crypto error, or nil.
	Err error
}

// Error returns the sentinel's message followed by the reason and the cause.
func (e *VerifyError) Error() string {
	msg := "snsverify: refused"
	if e.Kind != nil {
		msg = e.Kind.Error()
	}
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Is reports whether target is e's sentinel, Kind.
func (e *VerifyError) Is(target error) bool { return target == e.Kind }

// Unwrap returns the cause, Err, which may be nil.
func (e *VerifyError) Unwrap() error { return e.Err }

// refuse builds a *VerifyError for the message m, which may be nil.
func refuse(m *Message, kind error, reason string, cause error) *VerifyError {
	e := &VerifyError{Kind: kind, Reason: reason, Err: cause}
	if m != nil {
		e.MessageID, e.TopicARN = m.MessageID, m.TopicARN
	}
	return e
}
