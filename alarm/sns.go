package alarm

// snsNotification is an SNS message: the Sns object of a Lambda SNS
// record, the body SNS POSTs to an HTTP(S) subscriber, or the body it
// delivers to SQS without raw delivery. Lambda spells SigningCertUrl where
// HTTP spells SigningCertURL; neither is needed here, so the casing does not
// matter.
type snsNotification struct {
	Type      string `json:"Type"`
	MessageID string `json:"MessageId"`
	TopicARN  string `json:"TopicArn"`
	Message   string `json:"Message"`
}

// alarm decodes the alarm in the notification's Message, and refuses
// subscription and unsubscribe confirmations.
func (n *snsNotification) alarm(o *origin) (*Alarm, *DecodeError) {
	o.snsID, o.topicARN = n.MessageID, n.TopicARN
	switch n.Type {
	case "SubscriptionConfirmation":
		return nil, notAlarm("SNS subscription confirmation: topic " + n.TopicARN)
	case "UnsubscribeConfirmation":
		return nil, notAlarm("SNS unsubscribe confirmation: topic " + n.TopicARN)
	}
	return decodeNested(n.Message, layerSNSMessage, o)
}
