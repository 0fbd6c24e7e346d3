package alarm

import "bytes"

// encoding/json decodes an object into a struct or a map; it has no way to
// list an object's members in order, or to look at a few of them without
// checking and walking the whole document. eachMember does both: it splits
// an object into its members without decoding them. It relies on the JSON
// grammar only as far as needed to find where each value ends, and leaves
// checking the values to encoding/json, which decodes them afterwards.

// eachMember calls f with the key and the value of each member of the JSON
// object obj, in order: key is a JSON string with its quotes, and value the
// JSON text of a value, both subslices of obj. It reports whether obj is an
// object as far as its keys, colons, commas and braces go; it does not
// check the values.
func eachMember(obj []byte, f func(key, value []byte)) bool {
	rest := skipSpace(obj)
	if len(rest) == 0 || rest[0] != '{' {
		return false
	}
	rest = skipSpace(rest[1:])
	if len(rest) > 0 && rest[0] == '}' {
		return true
	}
	for {
		if len(rest) == 0 || rest[0] != '"' {
			return false
		}
		key, after := splitValue(rest)
		after = skipSpace(after)
		if len(key) < 2 || len(after) == 0 || after[0] != ':' {
			return false
		}
		value, after := splitValue(skipSpace(after[1:]))
		if len(value) == 0 {
			return false
		}
		f(key, value)
		rest = skipSpace(after)
		switch {
		case len(rest) == 0:
			return false
		case rest[0] == '}':
			return true
		case rest[0] != ',':
			return false
		}
		rest = skipSpace(rest[1:])
	}
}

// splitValue splits b, which starts with a JSON value, after that value. A
// string ends at its closing quote, an object or array at the bracket that
// closes it, and a number or literal before the comma, colon, space or
// bracket that follows it.
func splitValue(b []byte) (value, rest []byte) {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			i += stringLen(b[i:]) - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
		case ',', ':', ' ', '\t', '\r', '\n':
			if depth == 0 {
				return b[:i], b[i:]
			}
			continue
		default:
			continue
		}
		switch {
		case depth == 0:
			return b[:i+1], b[i+1:]
		case depth < 0: // a number or literal, closed by its container
			return b[:i], b[i:]
		}
	}
	return b, nil
}

// stringLen returns the length of the JSON string at the start of b,
// quotes included, or len(b) when the string does not end.
func stringLen(b []byte) int {
	for i := 1; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(b)
}

// skipSpace returns b without its leading JSON white space.
func skipSpace(b []byte) []byte {
	return bytes.TrimLeft(b, " \t\r\n")
}

// objectPairs returns the members of the JSON object b in order, as
// name/value pairs: a value that is a string is decoded, any other keeps
// its JSON text. b is valid JSON, as the input of an UnmarshalJSON method
// is.
func objectPairs(b []byte) []Dimension {
	var ds []Dimension
	eachMember(b, func(key, value []byte) {
		ds = append(ds, Dimension{Name: jsonString(key), Value: jsonText(value)})
	})
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
