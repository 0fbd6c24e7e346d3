package snsverify

import (
	"context"
	"errors"
)

// maxConfirmBytes bounds how much of the confirmation response is read; SNS
// answers with a short XML document that nothing here needs.
const maxConfirmBytes = 64 << 10

// Confirm confirms the subscription that m, a verified
// [TypeSubscriptionConfirmation] message, asks for, by visiting its
// SubscribeURL with a GET. Its topic must be allowed, as [Verifier.Verify]
// checks, or Confirm fails with [ErrTopicNotAllowed]: a verifier with no
// topic confirms nothing. The URL must pass the same host rule as
// certificates and ask for the ConfirmSubscription action, or Confirm
// fails with [ErrSubscribeURL]; either way without a request. A network
// error or a status other than 200 fails with [ErrConfirm]. Confirm does
// not verify m's signature: call it only with a message that Verify
// returned.
func (v *Verifier) Confirm(ctx context.Context, m *Message) error {
	if m == nil || m.Type != TypeSubscriptionConfirmation {
		return refuse(m, ErrSubscribeURL, "", errNotConfirmation)
	}
	if err := v.checkTopic(m); err != nil {
		return err
	}
	u, reason := checkSubscribeURL(m.SubscribeURL)
	if reason != "" {
		return refuse(m, ErrSubscribeURL, reason, nil)
	}
	if _, err := get(ctx, v.client, u.String(), maxConfirmBytes); err != nil {
		return refuse(m, ErrConfirm, "", err)
	}
	return nil
}

// errNotConfirmation is the cause when Confirm is given another type.
var errNotConfirmation = errors.New("message is not a SubscriptionConfirmation")
