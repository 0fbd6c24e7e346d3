package slackfmt

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
)

// benchAlarms are the cases of the benchmarks: every kind, and a hostile
// alarm that hits every budget.
func benchAlarms() []struct {
	name  string
	alarm *alarm.Alarm
} {
	cases := []struct {
		name  string
		alarm *alarm.Alarm
	}{}
	for _, k := range kinds[:5] {
		cases = append(cases, struct {
			name  string
			alarm *alarm.Alarm
		}{k.name, k.alarm()})
	}
	h := hostile()
	for _, name := range []string{"injection", "1000 queries", "description 1 MB"} {
		cases = append(cases, struct {
			name  string
			alarm *alarm.Alarm
		}{"hostile " + name, h[name]})
	}
	return cases
}

func BenchmarkBuild(b *testing.B) {
	for _, c := range benchAlarms() {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Build(c.alarm)
			}
		})
	}
}

func BenchmarkEncode(b *testing.B) {
	for _, c := range benchAlarms() {
		m := Build(c.alarm)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := m.MarshalJSON(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPipeline measures Parse, Build and encoding of each decode
// fixture, and BenchmarkGenericJSON a plain decode into any and re-encode
// of the same bytes: the yardstick of the performance goal (the pipeline
// at most 3× the generic round trip).
func BenchmarkPipeline(b *testing.B) {
	for _, f := range benchPayloads(b) {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				alarms, _ := alarm.Parse(f.data)
				for _, a := range alarms {
					if _, err := Build(a).MarshalJSON(); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

func BenchmarkGenericJSON(b *testing.B) {
	for _, f := range benchPayloads(b) {
		b.Run(f.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(f.data)))
			for b.Loop() {
				var v any
				if err := json.Unmarshal(f.data, &v); err != nil {
					b.Fatal(err)
				}
				if _, err := json.Marshal(v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

type benchPayload struct {
	name string
	data []byte
}

// benchPayloads returns the decode fixtures that hold an alarm.
func benchPayloads(b *testing.B) []benchPayload {
	var out []benchPayload
	for _, file := range payloads(b) {
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		if alarms, _ := alarm.Parse(data); len(alarms) > 0 {
			out = append(out, benchPayload{strings.TrimSuffix(filepath.Base(file), ".json"), data})
		}
	}
	return out
}
