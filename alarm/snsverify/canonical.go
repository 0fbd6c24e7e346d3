package snsverify

import (
	"crypto"
	"hash"
	"slices"
	"sync"
)

// stringToSign returns the bytes that SNS signs for m: for each signed key
// in byte order, the key, a newline, the decoded value and a newline. A
// notification signs Subject only when it has one; confirmations sign
// SubscribeURL and Token instead. See
// https://docs.aws.amazon.com/sns/latest/dg/sns-verify-signature-of-message-verify-message-signature.html.
func (m *Message) stringToSign() []byte {
	return m.appendStringToSign(nil)
}

// appendStringToSign appends the string to sign to b.
func (m *Message) appendStringToSign(b []byte) []byte {
	b = slices.Grow(b, len(m.Message)+len(m.TopicARN)+len(m.SubscribeURL)+len(m.Token)+256)
	add := func(key, value string) {
		b = append(b, key...)
		b = append(b, '\n')
		b = append(b, value...)
		b = append(b, '\n')
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
	return b
}

// signBufs holds buffers for the string to sign, which is hashed and
// dropped: reusing them saves copying every message once more.
var signBufs = sync.Pool{New: func() any { return new([]byte) }}

// hashStringToSign writes the string to sign into h.
func (m *Message) hashStringToSign(h hash.Hash) {
	bp := signBufs.Get().(*[]byte)
	b := m.appendStringToSign((*bp)[:0])
	h.Write(b)
	if cap(b) <= 64<<10 {
		*bp = b[:0]
		signBufs.Put(bp)
	}
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
