package alarm

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update rewrites the goldens: go test ./alarm -update.
var update = flag.Bool("update", false, "rewrite golden files")

// golden is the content of a golden file: what Parse returned for one
// fixture.
type golden struct {
	Alarms []*Alarm `json:"alarms"`
	Error  string   `json:"error"`
}

// fixtures returns every payload fixture; a test over them fails when
// there are none, so that a moved directory cannot pass silently.
func fixtures(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "payloads", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in ../testdata/payloads (err %v)", err)
	}
	return files
}

// encodeGolden encodes g deterministically: indented, HTML left
// unescaped, trailing newline. Map keys (tags) are sorted by encoding/json.
func encodeGolden(t *testing.T, g golden) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatalf("encoding golden: %v", err)
	}
	return b.Bytes()
}

// TestParseGolden decodes every fixture in testdata/payloads and compares
// the result with testdata/alarm/<same name>. Run with -update to rewrite
// the goldens, then read the diff: the goldens are the spec.
func TestParseGolden(t *testing.T) {
	for _, file := range fixtures(t) {
		name := filepath.Base(file)
		t.Run(strings.TrimSuffix(name, ".json"), func(t *testing.T) {
			if !*update {
				t.Parallel()
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			alarms, perr := Parse(data)
			g := golden{Alarms: alarms}
			if perr != nil {
				g.Error = perr.Error()
			}
			got := encodeGolden(t, g)
			path := filepath.Join("..", "testdata", "alarm", name)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("missing golden (run go test ./alarm -update): %v", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("Parse(%s) mismatch (-want +got):\n%s", name, diff)
			}
			checkRoundTrip(t, want, alarms)
		})
	}
}

// checkRoundTrip decodes the golden back into the model and compares it
// with what Parse returned, so that no field is lost by the JSON encoding.
func checkRoundTrip(t *testing.T, goldenJSON []byte, alarms []*Alarm) {
	t.Helper()
	var g golden
	if err := json.Unmarshal(goldenJSON, &g); err != nil {
		t.Fatalf("golden does not decode: %v", err)
	}
	if diff := cmp.Diff(alarms, g.Alarms); diff != "" {
		t.Errorf("JSON round trip mismatch (-parsed +decoded golden):\n%s", diff)
	}
}
