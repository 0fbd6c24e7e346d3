package alarm

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// decodedPairs is what objectPairs must return for the JSON object b,
// computed with encoding/json's token reader.
func decodedPairs(t *testing.T, b []byte) []Dimension {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(b))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("%s is not a JSON object", b)
	}
	var ds []Dimension
	for dec.More() {
		k, err := dec.Token()
		var raw json.RawMessage
		if err != nil || dec.Decode(&raw) != nil {
			t.Fatalf("reading %s: %v", b, err)
		}
		value := string(raw)
		if raw[0] == '"' {
			if err := json.Unmarshal(raw, &value); err != nil {
				t.Fatal(err)
			}
		}
		ds = append(ds, Dimension{Name: k.(string), Value: value})
	}
	return ds
}

// TestObjectPairs checks that objectPairs reads the members of objects in
// order, their values as encoding/json decodes them (strings) or as their
// JSON text (anything else).
func TestObjectPairs(t *testing.T) {
	for _, obj := range []string{
		`{}`,
		` { } `,
		`{"InstanceId":"i-0a1b2c3d4e5f67890","AutoScalingGroupName":"web-asg"}`,
		`{ "a" : "x" , "b":"y" }`,
		"{\n\t\"a\": \"x\",\n\t\"b\": \"y\"\n}",
		`{"n":1.5e3,"t":true,"f":false,"z":null,"neg":-0}`,
		`{"o":{"a":[1,"]",{"b":"}"}]},"a":[],"e":{}}`,
		`{"q":"say \"hi\"","s":"a\\b","u":"\u00e9\ud83d\udea8","k\"ey":"v"}`,
		"{\"bad\":\"a\xffb\"}",
		`{"a":"x","a":"y"}`,
	} {
		got := objectPairs(bytes.TrimSpace([]byte(obj)))
		if diff := cmp.Diff(decodedPairs(t, []byte(obj)), got); diff != "" {
			t.Errorf("objectPairs(%s) mismatch (-want +got):\n%s", obj, diff)
		}
	}
}

// FuzzObjectPairs checks objectPairs, whose strings are read without
// encoding/json when they need no unescaping, against encoding/json on any
// valid JSON object.
func FuzzObjectPairs(f *testing.F) {
	f.Add([]byte(`{"a":"x","b":[1,{"c":"]"}],"d":-1.5}`))
	f.Add([]byte(`{"q":"\"}\\","r":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.TrimSpace(b)
		if !json.Valid(b) || !isJSON(b, '{') {
			return
		}
		if diff := cmp.Diff(decodedPairs(t, b), objectPairs(b)); diff != "" {
			t.Errorf("objectPairs(%q) mismatch (-want +got):\n%s", b, diff)
		}
	})
}

// TestEachMemberMalformed checks that eachMember refuses what is not an
// object as far as its keys, colons, commas and braces go, and never calls
// back with a member it could not split.
func TestEachMemberMalformed(t *testing.T) {
	for _, obj := range []string{
		``, `[1]`, `"{}"`, `{`, `{"a`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{"a":1 "b":2}`,
		`{a:1}`, `{"a":1`, `{"a" 1}`, `{,}`, `{"a":1,,"b":2}`, `{"\"}`,
	} {
		var keys [][]byte
		ok := eachMember([]byte(obj), func(key, value []byte) {
			if len(key) < 2 || len(value) == 0 {
				t.Errorf("eachMember(%s) called back with key %q, value %q", obj, key, value)
			}
			keys = append(keys, key)
		})
		if ok {
			t.Errorf("eachMember(%s) = true after %q, want false", obj, keys)
		}
	}
}
