package alarm

import (
	"bytes"
	"encoding/json"
)

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
