package cwtest

import (
	"encoding/base64"
	"encoding/xml"
	"math"
	"reflect"
	"strconv"
	"time"

	"github.com/aws/smithy-go/encoding/cbor"
)

// field is one member of a structure, in a tree.
type field struct {
	name  string
	value any
}

// tree turns an SDK value (an output member such as []types.MetricAlarm)
// into what the three protocols encode: []field for a structure, []any
// for a list, and string, int64, float64, bool, []byte or time.Time. Nil
// pointers and slices and empty enums (unset members) are left out, as are
// unexported fields and unions (interfaces), which the stand-in does not
// need.
func tree(v reflect.Value) (any, bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil, false
		}
		return tree(v.Elem())
	case reflect.Struct:
		if t, ok := v.Interface().(time.Time); ok {
			return t, true
		}
		return structTree(v), true
	case reflect.Slice:
		return sliceTree(v)
	case reflect.String:
		return v.String(), v.Len() > 0
	case reflect.Bool:
		return v.Bool(), true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int(), true
	case reflect.Float32, reflect.Float64:
		return v.Float(), true
	}
	return nil, false
}

// structTree returns the members of a structure that are set.
func structTree(v reflect.Value) []field {
	var fs []field
	for i := 0; i < v.NumField(); i++ {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		if x, ok := tree(v.Field(i)); ok {
			fs = append(fs, field{v.Type().Field(i).Name, x})
		}
	}
	return fs
}

// sliceTree returns a list, or the bytes of a blob.
func sliceTree(v reflect.Value) (any, bool) {
	if v.IsNil() {
		return nil, false
	}
	if v.Type().Elem().Kind() == reflect.Uint8 {
		return v.Bytes(), true
	}
	list := make([]any, 0, v.Len())
	for i := 0; i < v.Len(); i++ {
		if x, ok := tree(v.Index(i)); ok {
			list = append(list, x)
		}
	}
	return list, true
}

// toCBOR encodes a tree as RPC v2 CBOR does: timestamps as tag 1 with
// epoch seconds, blobs as byte strings.
func toCBOR(x any) cbor.Value {
	switch x := x.(type) {
	case []field:
		m := make(cbor.Map, len(x))
		for _, f := range x {
			m[f.name] = toCBOR(f.value)
		}
		return m
	case []any:
		l := make(cbor.List, len(x))
		for i, e := range x {
			l[i] = toCBOR(e)
		}
		return l
	case string:
		return cbor.String(x)
	case []byte:
		return cbor.Slice(x)
	case bool:
		return cbor.Bool(x)
	case int64:
		if x < 0 {
			return cbor.NegInt(uint64(-(x + 1)) + 1)
		}
		return cbor.Uint(uint64(x))
	case float64:
		return cbor.Float64(x)
	case time.Time:
		return &cbor.Tag{ID: 1, Value: cbor.Float64(epoch(x))}
	}
	return &cbor.Nil{}
}

// toJSON converts a tree into what encoding/json writes as AWS JSON 1.0
// does: timestamps as epoch seconds, blobs as base64 (json's []byte).
func toJSON(x any) any {
	switch x := x.(type) {
	case []field:
		m := make(map[string]any, len(x))
		for _, f := range x {
			m[f.name] = toJSON(f.value)
		}
		return m
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = toJSON(e)
		}
		return l
	case time.Time:
		return epoch(x)
	}
	return x
}

// writeXML writes a tree as the Query protocol does: a structure's members
// as elements, a list's entries as <member> elements, timestamps in ISO
// 8601, blobs in base64.
func writeXML(enc *xml.Encoder, name string, x any) error {
	start := xml.StartElement{Name: xml.Name{Local: name}}
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	var err error
	switch x := x.(type) {
	case []field:
		for _, f := range x {
			if err = writeXML(enc, f.name, f.value); err != nil {
				return err
			}
		}
	case []any:
		for _, e := range x {
			if err = writeXML(enc, "member", e); err != nil {
				return err
			}
		}
	default:
		err = enc.EncodeToken(xml.CharData(xmlText(x)))
	}
	if err != nil {
		return err
	}
	return enc.EncodeToken(start.End())
}

// xmlText returns a scalar as the Query protocol writes it.
func xmlText(x any) string {
	switch x := x.(type) {
	case string:
		return x
	case []byte:
		return base64.StdEncoding.EncodeToString(x)
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	case time.Time:
		return x.UTC().Format("2006-01-02T15:04:05.000Z")
	}
	return ""
}

// epoch returns t in seconds since 1970, with its milliseconds.
func epoch(t time.Time) float64 {
	return math.Round(float64(t.UnixMilli())) / 1000
}
