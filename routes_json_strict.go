package cwslack

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// The routing document is decoded strictly, one level at a time, so that
// every error names the place it was found at ("routes[2].match.stat"):
// an unknown key, a duplicate key, a value of the wrong type or a
// document with anything after it is an error, never ignored.

// member is one member of a JSON object.
type member struct {
	key   string
	value json.RawMessage
}

// members returns the members of the JSON object data, in order. where
// names data in errors. A key given twice is an error: encoding/json would
// keep the last one silently.
func members(data json.RawMessage, where string) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, wantType(where, "an object", data)
	}
	var out []member
	seen := make(map[string]bool)
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, wantType(where, "an object", data)
		}
		key, _ := tok.(string)
		if seen[key] {
			return nil, configError(place(where, key), "given twice")
		}
		seen[key] = true
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, wantType(where, "an object", data)
		}
		out = append(out, member{key: key, value: raw})
	}
	return out, nil
}

// elements returns the elements of the JSON array data.
func elements(data json.RawMessage, where string) ([]json.RawMessage, error) {
	var out []json.RawMessage
	if err := json.Unmarshal(data, &out); err != nil || out == nil {
		return nil, wantType(where, "a list", data)
	}
	return out, nil
}

// decodeString decodes the JSON string data.
func decodeString(data json.RawMessage, where string) (string, error) {
	var s string
	if len(data) == 0 || data[0] != '"' || json.Unmarshal(data, &s) != nil {
		return "", wantType(where, "a string", data)
	}
	return s, nil
}

// decodeBool decodes the JSON boolean data.
func decodeBool(data json.RawMessage, where string) (bool, error) {
	switch string(data) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, wantType(where, "true or false", data)
}

// decodeStrings decodes a list of strings, or a single string when one is
// true, and reports the place of each value: where[i] for a list, where
// for a single string.
func decodeStrings(data json.RawMessage, where string, one bool) ([]string, []string, error) {
	if one && len(data) > 0 && data[0] == '"' {
		s, err := decodeString(data, where)
		return []string{s}, []string{where}, err
	}
	want := "a list of strings"
	if one {
		want = "a string or a list of strings"
	}
	if len(data) == 0 || data[0] != '[' {
		return nil, nil, wantType(where, want, data)
	}
	elems, err := elements(data, where)
	if err != nil {
		return nil, nil, err
	}
	if len(elems) == 0 {
		return nil, nil, configError(where, "empty list")
	}
	out, places := make([]string, len(elems)), make([]string, len(elems))
	for i, e := range elems {
		places[i] = fmt.Sprintf("%s[%d]", where, i)
		if out[i], err = decodeString(e, places[i]); err != nil {
			return nil, nil, err
		}
	}
	return out, places, nil
}

// place returns the place of key within where; an empty key is where
// itself.
func place(where, key string) string {
	switch {
	case where == "":
		return key
	case key == "":
		return where
	}
	return where + "." + key
}

// unknownKey is the error of a key that has no meaning at where.
func unknownKey(where, key, want string) *ConfigError {
	return configError(place(where, key), "unknown key; want "+want)
}

// wantType is the error of a value of the wrong JSON type.
func wantType(where, want string, got json.RawMessage) *ConfigError {
	return configError(where, fmt.Sprintf("want %s, not %s", want, jsonKind(got)))
}

// jsonKind names the JSON type of data, for errors. It never shows the
// value, which may be a secret.
func jsonKind(data json.RawMessage) string {
	data = bytes.TrimSpace(data)
	if len(data) == 0 {
		return "nothing"
	}
	switch data[0] {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// syntaxError is the error of a document that is not JSON, with the line
// and column of the problem.
func syntaxError(where string, data []byte, err error) *ConfigError {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &ConfigError{Where: where, Problem: "not JSON: " + err.Error(), Err: err}
	}
	// Offset counts the bytes read, the offending one included.
	before := data[:min(max(int(se.Offset)-1, 0), len(data))]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	msg := strings.TrimPrefix(se.Error(), "json: ")
	return &ConfigError{Where: where, Problem: fmt.Sprintf("not JSON: line %d, column %d: %s", line, col, msg), Err: err}
}
