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
