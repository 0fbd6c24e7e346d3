package alarm

// decodeSQSBody decodes the body of an SQS message with messageId id. The
// body is the SNS envelope (envelope "sqs"), or with SNS raw message
// delivery or an EventBridge rule targeting SQS, the alarm message or event
// itself (envelope "sqs-raw").
func decodeSQSBody(body, id string) (*Alarm, error) {
	return decodeNested(body, &delivery{sqsID: id}, levelBody, "SQS body")
}
