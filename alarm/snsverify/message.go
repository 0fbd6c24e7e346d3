package snsverify

import (
	"encoding/base64"
	"encoding/json"
	"time"
)

// Type is the kind of an SNS message, from its Type field.
type Type string

// The message types that SNS posts to an HTTP(S) subscriber.
const (
	// TypeNotification carries a published message.
	TypeNotification Type = "Notification"
	// TypeSubscriptionConfirmation asks the endpoint to confirm a new
	// subscription by visiting SubscribeURL (see [Verifier.Confirm]).
	TypeSubscriptionConfirmation Type = "SubscriptionConfirmation"
	// TypeUnsubscribeConfirmation tells the endpoint that its subscription
	// was deleted; visiting SubscribeURL would subscribe it again.
	TypeUnsubscribeConfirmation Type = "UnsubscribeConfirmation"
)

// Valid reports whether t is one of the three message types.
func (t Type) Valid() bool {
	return t == TypeNotification || t == TypeSubscriptionConfirmation || t == TypeUnsubscribeConfirmation
}

// Message is an SNS message as posted to an HTTP(S) subscriber, or as found
// in a Lambda SNS record or an SQS body. After [Verifier.Verify] returns it,
// every field that the signature covers is authentic.
//
// The format is documented at
// https://docs.aws.amazon.com/sns/latest/dg/sns-message-and-json-formats.html.
type Message struct {
	// Type is the message type.
	Type Type
	// MessageID is the SNS MessageId. SNS retries reuse it, so it is a
	// deduplication key.
	MessageID string
	// TopicARN is the ARN of the topic the message was published to.
	TopicARN string
	// Subject is the subject given when the message was published. It is nil
	// when the body has no Subject key or a null one, which SNS signs
	// differently from an empty subject.
	Subject *string
	// Message is the payload: the published text for a notification, an
	// English explanation for a confirmation.
	Message string
	// Timestamp is when SNS published the message (not when it was
	// delivered: retries keep the original time).
	Timestamp time.Time
	// Token is the confirmation token of a confirmation message.
	Token string
	// SubscribeURL confirms the subscription, for confirmation messages.
	SubscribeURL string
	// UnsubscribeURL deletes the subscription, for notifications. It is not
	// covered by the signature.
	UnsubscribeURL string
	// SignatureVersion is "1" (SHA1withRSA) or "2" (SHA256withRSA).
	SignatureVersion string
	// Signature is the decoded RSA PKCS #1 v1.5 signature.
	Signature []byte
	// SigningCertURL is where the signing certificate is published.
	SigningCertURL string

	// rawTimestamp is Timestamp exactly as the body spelled it: the
	// signature covers these bytes, not a reformatting of the time.
	rawTimestamp string
}

// wireMessage is the JSON body. encoding/json matches keys
// case-insensitively, so the "SigningCertUrl" and "UnsubscribeUrl" spellings
// of Lambda records decode too.
type wireMessage struct {
	Type             string  `json:"Type"`
	MessageID        string  `json:"MessageId"`
	TopicARN         string  `json:"TopicArn"`
	Subject          *string `json:"Subject,omitempty"` // nil only: "" is kept
	Message          string  `json:"Message"`
	Timestamp        string  `json:"Timestamp"`
	Token            string  `json:"Token,omitempty"`
	SubscribeURL     string  `json:"SubscribeURL,omitempty"`
	UnsubscribeURL   string  `json:"UnsubscribeURL,omitempty"`
	SignatureVersion string  `json:"SignatureVersion"`
	Signature        string  `json:"Signature"`
	SigningCertURL   string  `json:"SigningCertURL"`
}

// Decode decodes an SNS message body without verifying it. It checks that
// the fields the message's Type requires are present and well formed; any
// error is a *VerifyError wrapping [ErrMalformed]. Use [Verifier.Verify] to
// decode and authenticate in one step.
func Decode(body []byte) (*Message, error) {
	var w wireMessage
	if err := json.Unmarshal(body, &w); err != nil {
		return nil, refuse(nil, ErrMalformed, "not a JSON object of SNS fields", err)
	}
	m := &Message{
		Type: Type(w.Type), MessageID: w.MessageID, TopicARN: w.TopicARN,
		Subject: w.Subject, Message: w.Message, Token: w.Token,
		SubscribeURL: w.SubscribeURL, UnsubscribeURL: w.UnsubscribeURL,
		SignatureVersion: w.SignatureVersion, SigningCertURL: w.SigningCertURL,
		rawTimestamp: w.Timestamp,
	}
	if missing := missingField(&w); missing != "" {
		return nil, refuse(m, ErrMalformed, "missing or empty "+missing, nil)
	}
	return m, m.decodeValues(&w)
}

// missingField returns the name of the first field that w's type requires
// but lacks, or "" when none is missing.
func missingField(w *wireMessage) string {
	if !Type(w.Type).Valid() {
		return "Type (or unknown type)"
	}
	fields := []struct{ name, value string }{
		{"MessageId", w.MessageID}, {"TopicArn", w.TopicARN},
		{"Message", w.Message}, {"Timestamp", w.Timestamp},
		{"SignatureVersion", w.SignatureVersion}, {"Signature", w.Signature},
		{"SigningCertURL", w.SigningCertURL},
	}
	if Type(w.Type) != TypeNotification {
		fields = append(fields, struct{ name, value string }{"SubscribeURL", w.SubscribeURL},
			struct{ name, value string }{"Token", w.Token})
	}
	for _, f := range fields {
		if f.value == "" {
			return f.name
		}
	}
	return ""
}

// decodeValues parses the Timestamp and Signature of w into m.
func (m *Message) decodeValues(w *wireMessage) error {
	ts, err := time.Parse(time.RFC3339, w.Timestamp)
	if err != nil {
		return refuse(m, ErrMalformed, "bad Timestamp", err)
	}
	m.Timestamp = ts
	sig, err := base64.StdEncoding.DecodeString(w.Signature)
	if err != nil {
		return refuse(m, ErrMalformed, "Signature is not base64", err)
	}
	m.Signature = sig
	return nil
}

// timestamp returns the Timestamp as signed: the original spelling when m
// was decoded, else SNS's own format.
func (m *Message) timestamp() string {
	if m.rawTimestamp != "" {
		return m.rawTimestamp
	}
	return m.Timestamp.UTC().Format("2006-01-02T15:04:05.000Z")
}

// Body returns m encoded as the JSON body that SNS posts to an HTTP(S)
// subscriber, with the "URL" key spellings. It holds only the fields of m,
// so a verified message re-encoded with Body carries nothing that the
// signature did not cover except UnsubscribeURL and the signature fields.
// Pass Body, not the raw request body, to a decoder such as alarm.Parse:
// then duplicate or differently cased keys in the raw body cannot smuggle in
// content that was never verified.
func (m *Message) Body() []byte {
	w := wireMessage{
		Type: string(m.Type), MessageID: m.MessageID, TopicARN: m.TopicARN,
		Subject: m.Subject, Message: m.Message, Timestamp: m.timestamp(),
		Token: m.Token, SubscribeURL: m.SubscribeURL, UnsubscribeURL: m.UnsubscribeURL,
		SignatureVersion: m.SignatureVersion,
		Signature:        base64.StdEncoding.EncodeToString(m.Signature),
		SigningCertURL:   m.SigningCertURL,
	}
	b, err := json.Marshal(w)
	if err != nil {
		// A struct of strings always marshals; this is unreachable.
		return nil
	}
	return b
}
