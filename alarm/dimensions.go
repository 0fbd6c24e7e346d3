package alarm

import (
	"bytes"
	"encoding/json"
)

// dimensionList decodes a metric's dimensions from either wire shape: the
// SNS list [{"value": …, "name": …}] or the EventBridge object map
// {"InstanceId": "i-…"}. Both keep payload order. A value of any other
// shape decodes to no dimensions rather than costing the alarm.
type dimensionList []Dimension

// UnmarshalJSON decodes either shape.
func (l *dimensionList) UnmarshalJSON(b []byte) error {
	b = bytes.TrimLeft(b, " \t\r\n")
	switch {
	case isJSON(b, '['):
		var ds []Dimension
		if json.Unmarshal(b, &ds) == nil {
			*l = ds
		}
	case isJSON(b, '{'):
		*l = objectPairs(b)
	}
	return nil
}

// model returns the dimensions, nil when there are none.
func (l dimensionList) model() []Dimension {
	if len(l) == 0 {
		return nil
	}
	return []Dimension(l)
}

// objectPairs returns the members of the JSON object b in order, reading
// it token by token because a Go map would lose the order. A value that is
// not a string keeps its JSON text. It stops at the first error.
func objectPairs(b []byte) []Dimension {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var ds []Dimension
	for dec.More() {
		k, err := dec.Token()
		key, ok := k.(string)
		var raw json.RawMessage
		if err != nil || !ok || dec.Decode(&raw) != nil {
			break
		}
		ds = append(ds, Dimension{Name: key, Value: jsonText(raw)})
	}
	return ds
}

// jsonText returns the string that raw holds, or raw's JSON text when it
// is not a string.
func jsonText(raw json.RawMessage) string {
	if isJSON(raw, '"') {
		return jsonString(raw)
	}
	return string(raw)
}
