package alarm

import (
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
)

// FuzzParse feeds Parse arbitrary input, seeded with every fixture. Parse
// must not panic; every alarm it returns must have a name and a valid state
// and re-encode to JSON that decodes back; every error must be a
// *DecodeError, or a DecodeErrors of them, each of one of the four kinds.
func FuzzParse(f *testing.F) {
	for _, file := range fixtures(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		alarms, err := Parse(data)
		for _, a := range alarms {
			checkFuzzAlarm(t, a)
		}
		switch err := err.(type) {
		case nil:
		case *DecodeError:
			checkFuzzError(t, err)
		case DecodeErrors:
			if len(err) == 0 {
				t.Fatal("empty DecodeErrors")
			}
			for _, e := range err {
				checkFuzzError(t, e)
			}
		default:
			t.Fatalf("error %#v is neither a *DecodeError nor a DecodeErrors", err)
		}
	})
}

// checkFuzzAlarm checks one alarm that Parse returned for fuzz input.
func checkFuzzAlarm(t *testing.T, a *Alarm) {
	t.Helper()
	if a == nil || a.Name == "" || !a.State.Value.Valid() {
		t.Fatalf("Parse returned an alarm without a name or valid state: %+v", a)
	}
	b, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("alarm does not encode: %v", err)
	}
	var back Alarm
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("encoded alarm does not decode: %v\n%s", err, b)
	}
}

// checkFuzzError checks one *DecodeError that Parse returned.
func checkFuzzError(t *testing.T, e *DecodeError) {
	t.Helper()
	switch {
	case e == nil:
		t.Fatal("nil *DecodeError")
	case e.Kind != ErrNotAlarm && e.Kind != ErrMalformed && e.Kind != ErrInvalid && e.Kind != ErrUnknown:
		t.Fatalf("error %v has kind %v", e, e.Kind)
	case !errors.Is(e, e.Kind):
		t.Fatalf("error %v is not its kind", e)
	case !strings.HasPrefix(e.Error(), "alarm: "):
		t.Fatalf("error %q does not start with \"alarm: \"", e)
	}
}
