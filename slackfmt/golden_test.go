package slackfmt

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// payloads returns the decode fixtures, testdata/payloads/*.json.
func payloads(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../testdata/payloads/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in ../testdata/payloads")
	}
	return files
}

// TestGolden builds the message of every alarm in every decode fixture and
// compares its webhook body with testdata/slack/<fixture>.json (with
// "-<n>" before ".json" for the n-th alarm of a fixture with several).
// Fixtures that hold no alarm are the decode tests' business and are
// skipped here; every alarm is also checked with Validate.
func TestGolden(t *testing.T) {
	for _, file := range payloads(t) {
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		t.Run(name, func(t *testing.T) {
			if !*update {
				t.Parallel()
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			alarms, err := alarm.Parse(data)
			if len(alarms) == 0 {
				t.Skipf("no alarm: %v", err)
			}
			for i, a := range alarms {
				golden := filepath.Join("..", "testdata", "slack", name+".json")
				if len(alarms) > 1 {
					golden = filepath.Join("..", "testdata", "slack", name+"-"+strconv.Itoa(i)+".json")
				}
				checkGolden(t, golden, Build(a))
			}
		})
	}
	checkNoStaleGoldens(t)
}

func checkGolden(t *testing.T, golden string, m *Message) {
	t.Helper()
	if err := Validate(m); err != nil {
		t.Errorf("Validate = %v", err)
	}
	got := encode(t, m)
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("no golden file %s: run go test ./slackfmt -update", golden)
	}
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s mismatch (-want +got):\n%s", golden, cmp.Diff(string(want), string(got)))
	}
}

// checkNoStaleGoldens fails when testdata/slack holds a golden file whose
// fixture is gone, so that renamed fixtures do not leave orphans.
func checkNoStaleGoldens(t *testing.T) {
	goldens, _ := filepath.Glob("../testdata/slack/*.json")
	for _, g := range goldens {
		base := strings.TrimSuffix(filepath.Base(g), ".json")
		if _, err := os.Stat(filepath.Join("..", "testdata", "payloads", base+".json")); err == nil {
			continue
		}
		if i := strings.LastIndexByte(base, '-'); i > 0 {
			if _, err := os.Stat(filepath.Join("..", "testdata", "payloads", base[:i]+".json")); err == nil {
				continue
			}
		}
		if *update {
			os.Remove(g)
			continue
		}
		t.Errorf("golden file %s has no fixture in testdata/payloads: run go test ./slackfmt -update", g)
	}
}
