package alarm

// layer is where a document sits in a payload. It limits the shapes the
// document may have, and names the document in errors.
type layer int

const (
	layerInput       layer = iota // the input itself
	layerSNSMessage               // the Message of an SNS notification
	layerSQSBody                  // the body of an SQS message
	layerHistoryData              // the HistoryData of an alarm history item
	layerPublished                // the publishedMessage in HistoryData
	layerDefault                  // the default text of a per-protocol message
)

// String names the document.
func (l layer) String() string {
	switch l {
	case layerSNSMessage:
		return "SNS Message"
	case layerSQSBody:
		return "SQS body"
	case layerHistoryData:
		return "HistoryData"
	case layerPublished, layerDefault:
		return "publishedMessage"
	}
	return "input"
}

// allows reports whether a document of shape sh may sit at layer l. An SQS
// body holds an SNS notification, or with raw message delivery what SNS
// carries: an alarm message or an EventBridge event.
func (l layer) allows(sh shape) bool {
	switch sh {
	case shapeAlarm, shapeStateChange, shapeConfigChange, shapeOtherEvent:
		return l != layerHistoryData
	case shapeSNS:
		return l == layerInput || l == layerSQSBody
	case shapeHistory:
		return l == layerInput || l == layerHistoryData
	case shapePerProtocol:
		return l == layerPublished
	case shapeUnknown:
		return false
	}
	return l == layerInput
}

// envelope returns the envelope that a document of shape sh at layer l
// names, or "" when an outer layer names it.
func (l layer) envelope(sh shape) Envelope {
	switch {
	case l == layerSQSBody && sh == shapeSNS:
		return EnvelopeSQS
	case l == layerSQSBody:
		return EnvelopeSQSRaw
	case l != layerInput:
		return ""
	}
	switch sh {
	case shapeSNS:
		return EnvelopeSNSHTTP
	case shapeStateChange:
		return EnvelopeEventBridge
	case shapeAction:
		return EnvelopeLambdaAction
	case shapeHistory, shapeHistoryItem:
		return EnvelopeAlarmHistory
	}
	return EnvelopeAlarmMessage
}
