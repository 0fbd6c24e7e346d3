package alarm

import "encoding/json"

// lambdaEvent is a Lambda SNS or SQS event.
type lambdaEvent struct {
	Records []lambdaRecord `json:"Records"`
}

// lambdaRecord is a record of a Lambda SNS event (EventSource "aws:sns",
// Sns) or of a Lambda SQS event (eventSource "aws:sqs", messageId, body).
// The keys of the two kinds do not clash: EventSource and eventSource are
// one key to encoding/json, told apart by value.
type lambdaRecord struct {
	EventSource          string           `json:"EventSource"`
	EventSubscriptionARN string           `json:"EventSubscriptionArn"`
	SNS                  *snsNotification `json:"Sns"`
	sqsMessage
}

// alarm decodes the alarm in the record and returns the record's ID: the
// SNS MessageId or the SQS messageId.
func (r *lambdaRecord) alarm() (*Alarm, string, *DecodeError) {
	switch {
	case r.SNS != nil && (r.EventSource == "aws:sns" || r.EventSource == ""):
		a, err := r.SNS.alarm(&origin{envelope: EnvelopeLambdaSNS, subARN: r.EventSubscriptionARN})
		return a, r.SNS.MessageID, err
	case r.EventSource == "aws:sqs":
		return r.sqsMessage.alarm()
	}
	return nil, r.MessageID, unknown("record is neither an SNS nor an SQS record")
}

// decodeLambdaEvent decodes the records of a Lambda SNS or SQS event.
func decodeLambdaEvent(data []byte) ([]*Alarm, error) {
	var ev lambdaEvent
	if err := json.Unmarshal(data, &ev); err != nil {
		return nil, decodeError(layerInput, shapeRecords.String(), err)
	}
	return decodeRecords(len(ev.Records), func(i int) (*Alarm, string, *DecodeError) {
		return ev.Records[i].alarm()
	})
}

// decodeRecords decodes each of n records with decode, which returns the
// record's alarm and ID. The records fail one by one: the alarms of the
// others come back with a DecodeErrors that names each failed record.
func decodeRecords(n int, decode func(i int) (*Alarm, string, *DecodeError)) ([]*Alarm, error) {
	if n == 0 {
		return nil, notAlarm("event with no records")
	}
	alarms := make([]*Alarm, 0, n)
	var errs DecodeErrors
	for i := range n {
		a, id, err := decode(i)
		if err != nil {
			errs = append(errs, inRecord(err, i, id))
			continue
		}
		alarms = append(alarms, a)
	}
	switch {
	case errs == nil:
		return alarms, nil
	case len(alarms) == 0:
		return nil, errs
	}
	return alarms, errs
}
