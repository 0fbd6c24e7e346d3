package graph_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph/cwtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

// payloads returns the decode fixtures, testdata/payloads/*.json.
func payloads(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob("../../testdata/payloads/*.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no fixtures in ../../testdata/payloads")
	}
	return files
}

// fixtureAlarm is an alarm of a decode fixture, named as its golden file
// is: the fixture's name, with "-<n>" for the n-th alarm of a fixture
// with several.
type fixtureAlarm struct {
	name  string
	alarm *alarm.Alarm
}

// fixtureAlarms returns every alarm of every decode fixture. Fixtures that
// hold no alarm are the decode tests' business and are left out.
func fixtureAlarms(t testing.TB) []fixtureAlarm {
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

// fixture returns the alarm of the named fixture.
func fixture(t testing.TB, name string) *alarm.Alarm {
	t.Helper()
	for _, f := range fixtureAlarms(t) {
		if f.name == name {
			return f.alarm
		}
	}
	t.Fatalf("no fixture alarm %s", name)
	return nil
}

// childAlarms returns the metric alarms that the stand-in describes, from
// testdata/graph/describe-alarms.json (aws cloudwatch describe-alarms
// output, whose keys encoding/json matches to the SDK's field names). It
// panics when the file is broken and t is nil (in an example).
func childAlarms(t testing.TB) []types.MetricAlarm {
	var out struct{ MetricAlarms []types.MetricAlarm }
	if err := json.Unmarshal(readFile("../../testdata/graph/describe-alarms.json"), &out); err != nil {
		if t == nil {
			panic(err)
		}
		t.Fatal(err)
	}
	return out.MetricAlarms
}

// readFile returns the content of a test file, or nil when it cannot be
// read (which the caller's checks then report).
func readFile(name string) []byte {
	data, _ := os.ReadFile(name)
	return data
}

// newStandIn starts a CloudWatch stand-in that knows the child alarms and
// is closed at the end of the test.
func newStandIn(t testing.TB) *cwtest.Server {
	t.Helper()
	s := cwtest.NewServer()
	t.Cleanup(s.Close)
	s.PutAlarms(childAlarms(t)...)
	return s
}

// pngSize decodes img and returns its size, such as "PNG 800×400".
func pngSize(t testing.TB, img []byte) string {
	t.Helper()
	cfg, err := png.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		t.Fatalf("the image is not a PNG: %v", err)
	}
	return "PNG " + strconv.Itoa(cfg.Width) + "×" + strconv.Itoa(cfg.Height)
}

// decodeWidget decodes a MetricWidget into generic JSON values.
func decodeWidget(t testing.TB, w []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(w, &m); err != nil {
		t.Fatalf("widget is not a JSON object: %v\n%s", err, w)
	}
	return m
}
