// Package snsverify authenticates Amazon SNS messages delivered to an
// HTTP(S) endpoint, so that a server can trust a message's topic and content
// before acting on it.
//
// Anyone can POST a body that looks like an SNS message. SNS signs each
// message with an RSA key whose certificate it publishes at SigningCertURL;
// a [Verifier] checks that URL, fetches and caches the certificate, and
// checks the signature over the message's canonical string, then applies a
// topic allow-list and a maximum message age.
//
// A message with a good signature comes from some SNS topic, not
// necessarily from yours: see Topics below.
//
//	v := snsverify.New(snsverify.WithTopics("arn:aws:sns:eu-west-1:123456789012:alarms"))
//	m, err := v.Verify(ctx, body)
//	if err != nil {
//		// Refuse with a 4xx: see the sentinels for what went wrong.
//	}
//	switch m.Type {
//	case snsverify.TypeSubscriptionConfirmation:
//		err = v.Confirm(ctx, m)
//	case snsverify.TypeNotification:
//		// Use m.Message, or m.Body() with alarm.Parse.
//	}
//
// # Topics
//
// A valid signature proves only that Amazon SNS sent the message. Anyone
// with an AWS account can create a topic, subscribe your endpoint to it
// (SNS then posts a SubscriptionConfirmation, signed like any other
// message), and once the subscription is confirmed publish validly signed
// messages to it: fake alarms, say, whose text mentions @here. A
// verifier therefore refuses every message, and [Verifier.Confirm]
// confirms nothing, unless it is told which topics to trust with
// [WithTopics], or told explicitly that any topic will do with
// [WithAnyTopic].
//
// # What is checked
//
// [Verifier.Verify] documents the checks and their order. In short:
// SignatureVersion "1" is RSA PKCS #1 v1.5 with SHA-1 and "2" the same with
// SHA-256; any other version is refused. SigningCertURL must be https, end
// in .pem and be on a host such as sns.eu-west-1.amazonaws.com or
// sns.cn-north-1.amazonaws.com.cn (see [IsSNSHost]); redirects are never
// followed. The certificate is trusted because it came over TLS from an SNS
// host; its chain is not otherwise checked, but it must be within its
// validity period.
//
// # Expiry
//
// "Expired" means two different things, refused with two sentinels:
//
//   - [ErrExpired]: the message's Timestamp, which is when SNS published it
//     and is covered by the signature, is older than the maximum age
//     ([DefaultMaxAge], one hour, set with [WithMaxAge]) or more than
//     [MaxClockSkew] in the future. This stops the replay of captured
//     messages. SNS retries keep the original Timestamp and an HTTP delivery
//     policy retries for at most an hour, so genuine deliveries pass.
//   - [ErrCertInvalid]: the signing certificate is past its NotAfter (or
//     before its NotBefore) by the verifier's clock.
//
// # Caching and cost
//
// Certificates are fetched once per URL and kept parsed, with a bound
// ([WithCacheSize]); concurrent first uses of a URL share one fetch. A
// message with a cached certificate costs a JSON decode, a hash and one RSA
// verification.
//
// # Lambda records and SQS bodies
//
// The Sns object of a Lambda SNS record spells SigningCertUrl and
// UnsubscribeUrl, and has "Subject": null when there is no subject; the body
// of an SQS message from an SNS subscription uses the HTTP spellings. Verify
// accepts all of these, so either can be re-encoded as JSON and verified.
//
// # Non-goals
//
// The package does not parse the message payload (see package alarm), does
// not deduplicate retries (use [Message.MessageID]) and does not serve HTTP:
// it is meant to be called from any handler.
package snsverify
