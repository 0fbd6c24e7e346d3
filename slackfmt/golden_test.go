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
	"time"

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

// fixtureAlarm is an alarm of a decode fixture, named as its golden files
// are: the fixture's name, with "-<n>" for the n-th alarm of a fixture
// with several.
type fixtureAlarm struct {
	name  string
	alarm *alarm.Alarm
}

// fixtureAlarms returns every alarm of every decode fixture. Fixtures that
// hold no alarm are the decode tests' business and are left out.
func fixtureAlarms(t *testing.T) []fixtureAlarm {
	t.Helper()
	var out []fixtureAlarm
	for _, file := range payloads(t) {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		alarms, _ := alarm.Parse(data)
		name := strings.TrimSuffix(filepath.Base(file), ".json")
		for i, a := range alarms {
			n := name
			if len(alarms) > 1 {
				n += "-" + strconv.Itoa(i)
			}
			out = append(out, fixtureAlarm{n, a})
		}
	}
	return out
}

// TestGolden builds the message of every alarm of every decode fixture
// and compares its webhook body with testdata/slack/<name>.json; every
// message is also checked with Validate.
func TestGolden(t *testing.T) {
	var names []string
	for _, f := range fixtureAlarms(t) {
		names = append(names, f.name)
		t.Run(f.name, func(t *testing.T) {
			if !*update {
				t.Parallel()
			}
			checkGolden(t, filepath.Join("..", "testdata", "slack", f.name+".json"), Build(f.alarm))
		})
	}
	checkNoStaleGoldens(t, filepath.Join("..", "testdata", "slack"), names)
}

// TestGoldenResolved builds the resolved message of every alarm in ALARM
// of the decode fixtures and compares its webhook body with
// testdata/slack/resolved/<name>.json. The OK state change is the
// fixtures' own when one of them holds a later OK of the same alarm, else
// the announced alarm moved to OK 65 minutes later, without datapoints.
func TestGoldenResolved(t *testing.T) {
	all := fixtureAlarms(t)
	var names []string
	for _, f := range all {
		if f.alarm.State.Value != alarm.StateAlarm {
			continue
		}
		names = append(names, f.name)
		t.Run(f.name, func(t *testing.T) {
			if !*update {
				t.Parallel()
			}
			m := BuildResolved(f.alarm, okFor(all, f.alarm))
			checkGolden(t, filepath.Join("..", "testdata", "slack", "resolved", f.name+".json"), m)
		})
	}
	checkNoStaleGoldens(t, filepath.Join("..", "testdata", "slack", "resolved"), names)
}

// okFor returns the OK state change that resolves announced: the first
// fixture alarm with its ARN (and contributor) in OK after it, or else
// announced moved to OK 65 minutes later, without datapoints.
func okFor(all []fixtureAlarm, announced *alarm.Alarm) *alarm.Alarm {
	for _, f := range all {
		a := f.alarm
		if a.ARN != "" && a.ARN == announced.ARN && contributorID(a) == contributorID(announced) &&
			a.State.Value == alarm.StateOK && a.State.Timestamp.After(announced.State.Timestamp) {
			return a
		}
	}
	ok := *announced
	ok.PreviousState = announced.State
	ok.State = alarm.State{Value: alarm.StateOK, Timestamp: announced.State.Timestamp.Add(65 * time.Minute)}
	ok.Datapoints = nil
	return &ok
}

// contributorID returns the ID of a's contributor, or "" when a is about
// the alarm as a whole.
func contributorID(a *alarm.Alarm) string {
	if a.Contributor == nil {
		return ""
	}
	return a.Contributor.ID
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

// checkNoStaleGoldens fails when dir holds a golden file that is not one
// of names, such as the golden of a fixture that was renamed or removed;
// with -update, it removes it.
func checkNoStaleGoldens(t *testing.T, dir string, names []string) {
	t.Helper()
	goldens, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		if contains(names, strings.TrimSuffix(filepath.Base(g), ".json")) {
			continue
		}
		if *update {
			if err := os.Remove(g); err != nil {
				t.Error(err)
			}
			continue
		}
		t.Errorf("golden file %s belongs to no fixture alarm: run go test ./slackfmt -update", g)
	}
}
