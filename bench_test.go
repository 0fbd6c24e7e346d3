package cwslack_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// Issue 5 compares the pipeline with a floor, side by side in one run:
//
//	go test -run '^$' -bench 'Floor|Pipeline' -benchmem -count 10 . | tee bench.txt
//	benchstat -col /kind bench.txt
//
// The floor is what it costs just to touch the payload's bytes: a generic
// encoding/json decode of every JSON layer (the SNS Message, the SQS body
// and the reasonData are JSON inside strings) and a generic re-encode of
// what was decoded. The pipeline is alarm.Parse, slackfmt.Build for each
// alarm, and the encoding of the webhook body.

// pipeline is the work a Lambda does for one payload, without the POST.
func pipeline(data []byte) (int, error) {
	alarms, err := alarm.Parse(data)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, a := range alarms {
		body, err := json.Marshal(slackfmt.Build(a))
		if err != nil {
			return 0, err
		}
		n += len(body)
	}
	return n, nil
}

// floor decodes every JSON layer of data generically and re-encodes it.
func floor(data []byte) (int, error) {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return 0, err
	}
	v = expand(v)
	out, err := json.Marshal(v)
	return len(out), err
}

// expand replaces every string that holds a JSON object with its decoded
// value, recursively.
func expand(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			v[k] = expand(e)
		}
	case []any:
		for i, e := range v {
			v[i] = expand(e)
		}
	case string:
		if strings.HasPrefix(v, "{") {
			var inner any
			if json.Unmarshal([]byte(v), &inner) == nil {
				return expand(inner)
			}
		}
	}
	return v
}

// cases are the benchmark inputs: every shape with a typical alarm, and the
// SNS shape with growing numbers of queries and dimensions.
func cases() []struct {
	name string
	data []byte
} {
	var cs []struct {
		name string
		data []byte
	}
	add := func(name string, data []byte) {
		cs = append(cs, struct {
			name string
			data []byte
		}{name, data})
	}
	typical := gen{queries: 3, dims: 2, description: "p99 latency of the prod API is above 250 ms."}
	for _, s := range shapes {
		add("shape="+s.name, s.wrap(typical))
	}
	for _, q := range []int{1, 10, 50} {
		add(fmt.Sprintf("queries=%d", q), shapes[0].wrap(gen{queries: q, dims: 2}))
	}
	for _, d := range []int{1, 10, 30} {
		add(fmt.Sprintf("dims=%d", d), shapes[0].wrap(gen{queries: 1, dims: d}))
	}
	return cs
}

func BenchmarkFloor(b *testing.B) { benchmark(b, floor) }

func BenchmarkPipeline(b *testing.B) { benchmark(b, pipeline) }

func benchmark(b *testing.B, f func([]byte) (int, error)) {
	for _, c := range cases() {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := f(c.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestBenchmarkPayloadsDecode makes sure that every generated payload is an
// alarm the pipeline handles, so that no benchmark measures an error path.
func TestBenchmarkPayloadsDecode(t *testing.T) {
	for _, c := range cases() {
		alarms, err := alarm.Parse(c.data)
		if err != nil || len(alarms) != 1 {
			t.Fatalf("%s: Parse = %d alarms, %v; want 1 alarm", c.name, len(alarms), err)
		}
		a := alarms[0]
		if a.Name != "bench-api-latency" || a.Region != "eu-west-3" || len(a.Metrics) == 0 {
			t.Errorf("%s: decoded %q in %q with %d metrics", c.name, a.Name, a.Region, len(a.Metrics))
		}
		if err := slackfmt.Validate(slackfmt.Build(a)); err != nil {
			t.Errorf("%s: Validate: %v", c.name, err)
		}
		if _, err := floor(c.data); err != nil {
			t.Errorf("%s: floor: %v", c.name, err)
		}
		t.Logf("%s: %d bytes", c.name, len(c.data))
	}
}
