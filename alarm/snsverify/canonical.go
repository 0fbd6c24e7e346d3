package snsverify

import (
	"crypto"
	"strings"
)

// stringToSign returns the bytes that SNS signs for m: for each signed key
// in byte order, the key, a newline, the decoded value and a newline. A
// notification signs Subject only when it has one; confirmations sign
// SubscribeURL and Token instead. See
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html.
func (m *Message) stringToSign() []byte {
	var b strings.Builder
	b.Grow(len(m.Message) + len(m.TopicARN) + len(m.SubscribeURL) + len(m.Token) + 256)
	add := func(key, value string) {
		b.WriteString(key)
		b.WriteByte('\n')
		b.WriteString(value)
		b.WriteByte('\n')
	}
	add("Message", m.Message)
	add("MessageId", m.MessageID)
	if m.Type == TypeNotification {
		if m.Subject != nil {
			add("Subject", *m.Subject)
		}
	} else {
		add("SubscribeURL", m.SubscribeURL)
	}
	add("Timestamp", m.timestamp())
	if m.Type != TypeNotification {
		add("Token", m.Token)
	}
	add("TopicArn", m.TopicARN)
	add("Type", string(m.Type))
	return []byte(b.String())
}

// hashFor returns the hash that SignatureVersion names, or false for a
// version this package does not support.
func hashFor(version string) (crypto.Hash, bool) {
	switch version {
	case "1":
		return crypto.SHA1, true
	case "2":
		return crypto.SHA256, true
	}
	return 0, false
}
