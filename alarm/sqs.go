package alarm

import "encoding/json"

// sqsMessage is an SQS message: a record of a Lambda SQS event (messageId,
// body) or a message of sqs receive-message output (MessageId, Body).
// encoding/json matches keys without regard to case, so one struct serves
// both.
type sqsMessage struct {
	MessageID string  `json:"messageId"`
	Body      *string `json:"body"`
}

// receiveOutput is the output of sqs receive-message.
type receiveOutput struct {
	Messages []sqsMessage `json:"Messages"`
}

// decodeReceiveOutput decodes the messages of sqs receive-message output.
func decodeReceiveOutput(data []byte) ([]*Alarm, error) {
	var out receiveOutput
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, decodeError(layerInput, shapeReceive.String(), err)
	}
	return decodeRecords(len(out.Messages), func(i int) (*Alarm, string, *DecodeError) {
		return out.Messages[i].alarm()
	})
}

// alarm decodes the alarm in the message body and returns the messageId.
func (m *sqsMessage) alarm() (*Alarm, string, *DecodeError) {
	if m.Body == nil {
		return nil, m.MessageID, unknown("SQS message without a body")
	}
	a, err := decodeSQSBody(*m.Body, m.MessageID)
	return a, m.MessageID, err
}

// decodeSQSBody decodes the body of the SQS message with messageId id. The
// body is an SNS notification (envelope "sqs"), or with SNS raw message
// delivery or an EventBridge rule targeting SQS, the alarm message or event
// itself (envelope "sqs-raw").
func decodeSQSBody(body, id string) (*Alarm, *DecodeError) {
	return decodeNested(body, layerSQSBody, &origin{sqsID: id})
}
