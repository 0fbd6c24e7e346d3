package alarm

import (
	"os"
	"path/filepath"
	"testing"
)

// benchShapes names the fixture benchmarked for each payload shape. The
// sub-benchmark names (BenchmarkParse/<shape>) are stable so that other
// benchmarks can be compared with them side by side.
var benchShapes = []struct{ shape, fixture string }{
	{"sns", "lambda-sns__metric-alarm-single-record.json"},
	{"snshttp", "sns-http__metric-ok-prefixed-treatmissing.json"},
	{"sqs", "sqs__metric-alarm-sns-envelope.json"},
	{"eventbridge", "eventbridge__metric-alarm-two-dimensions-in-order.json"},
	{"action", "lambda-action__metric-alarm.json"},
}

// BenchmarkParse measures Parse on one typical payload of each shape. Run
// with -benchmem.
func BenchmarkParse(b *testing.B) {
	for _, s := range benchShapes {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "payloads", s.fixture))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(s.shape, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := Parse(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
