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
	var s string
	if isJSON(raw, '"') && json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}

// tagSet decodes the tags that an alarm with tag propagation puts in its
// notifications. EventBridge documents alarmTags as an object of key-value
// pairs; no sample of the SNS AlarmTags was found, so a list of
// {"Key": …, "Value": …} (either case) is accepted too. Other shapes decode
// to no tags.
type tagSet map[string]string

// UnmarshalJSON decodes either shape.
func (t *tagSet) UnmarshalJSON(b []byte) error {
	b = bytes.TrimLeft(b, " \t\r\n")
	var pairs []Dimension
	switch {
	case isJSON(b, '{'):
		pairs = objectPairs(b)
	case isJSON(b, '['):
		var kv []struct{ Key, Value string }
		if json.Unmarshal(b, &kv) == nil {
			for _, p := range kv {
				pairs = append(pairs, Dimension{Name: p.Key, Value: p.Value})
			}
		}
	}
	if len(pairs) == 0 {
		return nil
	}
	m := make(tagSet, len(pairs))
	for _, p := range pairs {
		m[p.Name] = p.Value
	}
	*t = m
	return nil
}

// model returns the tags, nil when there are none.
func (t tagSet) model() map[string]string {
	if len(t) == 0 {
		return nil
	}
	return t
}
