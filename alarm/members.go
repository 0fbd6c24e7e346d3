package alarm

import (
	"bytes"
	"encoding/json"
)

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
func jsonText(raw []byte) string {
	if isJSON(raw, '"') {
		return jsonString(raw)
	}
	return string(raw)
}
