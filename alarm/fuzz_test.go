package alarm

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse feeds Parse arbitrary input, seeded with every fixture. Parse
// must not panic; every alarm it returns must have a name and a valid state
// and re-encode to JSON that decodes back; every error must be a
// *DecodeError wrapping one of the sentinels.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "payloads", "*.json"))
	for _, file := range files {
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
		if err == nil {
			return
		}
		var de *DecodeError
		if !errors.As(err, &de) {
			t.Fatalf("error %v is not a *DecodeError", err)
		}
		if !errors.Is(err, ErrNotAlarm) && !errors.Is(err, ErrMalformed) && !errors.Is(err, ErrInvalid) && !errors.Is(err, ErrUnknown) {
			t.Fatalf("error %v wraps no sentinel", err)
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
