package graph_test

import (
	"context"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
)

// BenchmarkWidget measures Widget for each kind of alarm that it draws;
// "child" is a composite alarm's child as Client.Children returns it.
func BenchmarkWidget(b *testing.B) {
	s := newStandIn(b)
	children, err := graph.NewClient(s.Client()).Children(context.Background(), fixture(b, "lambda-action__composite-ok"))
	if err != nil {
		b.Fatal(err)
	}
	kinds := []struct {
		name  string
		alarm *alarm.Alarm
	}{
		{"metric", fixture(b, "lambda-sns__metric-alarm-single-record")},
		{"metric-math", fixture(b, "alarm-message__metric-math-alarm-three-queries")},
		{"anomaly-detection", fixture(b, "sns-http__anomaly-detection-alarm-band")},
		{"metrics-insights", fixture(b, "eventbridge__metrics-insights-alarm-partial-data")},
		{"composite-child", children[0]},
	}
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := graph.Widget(k.alarm); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDraw measures Client.Draw of a metric alarm through the SDK
// client and the local stand-in: the cost on this side of the wire, with
// signing, CBOR and an 800×400 PNG, not CloudWatch's.
func BenchmarkDraw(b *testing.B) {
	s := newStandIn(b)
	c := graph.NewClient(s.Client())
	a := fixture(b, "lambda-sns__metric-alarm-single-record")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Draw(context.Background(), a); err != nil {
			b.Fatal(err)
		}
	}
}
