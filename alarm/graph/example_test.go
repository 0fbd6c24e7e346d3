package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image/png"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
	"github.com/cwslack/cwslack/alarm/graph/cwtest"
)

func ExampleWidget() {
	a := &alarm.Alarm{
		Name:  "web-cpu-high",
		State: alarm.State{Value: alarm.StateAlarm, Timestamp: time.Date(2024, 5, 14, 10, 0, 4, 0, time.UTC)},
		Condition: &alarm.Condition{
			ComparisonOperator: alarm.GreaterThanThreshold, Threshold: new(80.0),
			EvaluationPeriods: 1, Period: time.Minute,
		},
		Metrics: []alarm.Metric{{
			ReturnData: true, Namespace: "AWS/EC2", MetricName: "CPUUtilization", Stat: "Average",
			Dimensions: []alarm.Dimension{{Name: "InstanceId", Value: "i-0a1b2c3d"}},
		}},
	}
	w, err := graph.Widget(a, graph.WithSize(600, 300))
	if err != nil {
		fmt.Println(err)
		return
	}
	var b bytes.Buffer
	json.Indent(&b, w, "", "  ")
	fmt.Println(b.String())
	// Output:
	// {
	//   "title": "web-cpu-high",
	//   "view": "timeSeries",
	//   "metrics": [
	//     [
	//       "AWS/EC2",
	//       "CPUUtilization",
	//       "InstanceId",
	//       "i-0a1b2c3d",
	//       {
	//         "stat": "Average"
	//       }
	//     ]
	//   ],
	//   "period": 60,
	//   "start": "2024-05-14T07:06:00.000Z",
	//   "end": "2024-05-14T10:06:00.000Z",
	//   "timezone": "+0000",
	//   "annotations": {
	//     "horizontal": [
	//       {
	//         "value": 80,
	//         "label": "CPUUtilization > 80 for 1 datapoints within 1 minute",
	//         "color": "#d62728",
	//         "fill": "above"
	//       }
	//     ],
	//     "vertical": [
	//       {
	//         "value": "2024-05-14T10:00:04.000Z",
	//         "label": "ALARM",
	//         "color": "#d62728"
	//       }
	//     ]
	//   },
	//   "width": 600,
	//   "height": 300,
	//   "legend": {
	//     "position": "bottom"
	//   }
	// }
}

// The Client draws an alarm, or a composite alarm's triggering children,
// with the CloudWatch client the caller built; here, one pointed at the
// local stand-in of package cwtest instead of cloudwatch.NewFromConfig.
func ExampleClient_Draw() {
	s := cwtest.NewServer()
	defer s.Close()
	s.PutAlarms(childAlarms(nil)...)
	c := graph.NewClient(s.Client())
	ctx := context.Background()

	alarms, _ := alarm.Parse(readFile("../../testdata/payloads/alarm-message__composite-alarm-triggering-children.json"))
	for _, a := range alarms {
		drawn := []*alarm.Alarm{a}
		if a.Kind == alarm.KindComposite {
			children, err := c.Children(ctx, a)
			if err != nil {
				fmt.Println(err)
				continue
			}
			drawn = children
		}
		for _, d := range drawn {
			img, err := c.Draw(ctx, d)
			if err != nil {
				fmt.Println(err)
				continue
			}
			cfg, _ := png.DecodeConfig(bytes.NewReader(img))
			fmt.Printf("%s (child of %s): %d×%d PNG\n", graph.Filename(d), a.Name, cfg.Width, cfg.Height)
		}
	}
	// Output:
	// checkout-5xx-alarm.png (child of checkout-degraded): 800×400 PNG
}
