package cwslack_test

import (
	"runtime"
	"strings"
	"testing"
)

// TestLargestAlarmHeap checks issue 5's memory bound: an alarm as large as
// SNS allows (256 KB) goes through the whole pipeline with less than 32 MB
// of Go heap. It counts every byte allocated while handling the payload
// (runtime.MemStats.TotalAlloc), which bounds the heap it can have used.
func TestLargestAlarmHeap(t *testing.T) {
	const snsMax = 256 * 1024
	const limit = 32 << 20
	for _, s := range shapes {
		data := sized(s, snsMax)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		if _, err := pipeline(data); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		runtime.ReadMemStats(&after)
		used := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: %d KB payload, %.1f MB allocated", s.name, len(data)>>10, float64(used)/(1<<20))
		if used >= limit {
			t.Errorf("%s: handling a %d KB payload allocated %d bytes; want < %d", s.name, len(data)>>10, used, limit)
		}
	}
}

// sized returns a payload of the shape, just under max bytes, whose alarm
// has many queries and dimensions and a hostile description filling the
// rest.
func sized(s shape, max int) []byte {
	const unit = "<!channel> & ünïcødé 🚨 "
	g := gen{queries: 10, dims: 30}
	base := len(s.wrap(g))
	g.description = unit
	per := len(s.wrap(g)) - base // bytes one unit adds, escaping included
	g.description = strings.Repeat(unit, (max-base)/per)
	return s.wrap(g)
}
