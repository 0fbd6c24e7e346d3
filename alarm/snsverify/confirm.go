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
// SubscribeURL with a GET. The URL must pass the same host rule as
// certificates and ask for the ConfirmSubscription action, or Confirm fails
// with [ErrSubscribeURL] without a request; a network error or a status
// other than 200 fails with [ErrConfirm]. Confirm does not verify m: call it
// only with a message that [Verifier.Verify] returned, which also applied
// the topic allow-list.
func (v *Verifier) Confirm(ctx context.Context, m *Message) error {
	if m == nil || m.Type != TypeSubscriptionConfirmation {
		return refuse(m, ErrSubscribeURL, "", errNotConfirmation)
	}
	u, reason := v.checkSubscribeURL(m.SubscribeURL)
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
