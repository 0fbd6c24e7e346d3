package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/transport/http/protocol/awsjson"
	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
	"github.com/cwslack/cwslack/alarm/graph/cwtest"
)

// TestDrawProtocols draws an alarm with clients that speak each protocol
// CloudWatch offers: the stand-in must receive the same widget, in the
// alarm's region, and the client must return its PNG.
func TestDrawProtocols(t *testing.T) {
	a := fixture(t, "alarm-message__metric-math-alarm-three-queries")
	widget, err := graph.Widget(a, graph.WithSize(640, 320))
	if err != nil {
		t.Fatal(err)
	}
	protocols := []struct {
		name   string
		optFns []func(*cloudwatch.Options)
	}{
		{cwtest.ProtocolCBOR, nil},
		{cwtest.ProtocolQuery, []func(*cloudwatch.Options){cwtest.QueryProtocol}},
		{cwtest.ProtocolJSON, []func(*cloudwatch.Options){func(o *cloudwatch.Options) {
			o.Protocol = awsjson.New10(schemas.GraniteServiceVersion20100801)
		}}},
	}
	for _, p := range protocols {
		t.Run(p.name, func(t *testing.T) {
			s := newStandIn(t)
			img, err := graph.NewClient(s.Client(p.optFns...), graph.WithSize(640, 320)).Draw(context.Background(), a)
			if err != nil {
				t.Fatalf("Draw = %v", err)
			}
			if got := pngSize(t, img); got != "PNG 640×320" {
				t.Errorf("Draw gave a %s, want PNG 640×320", got)
			}
			want := []cwtest.Request{{
				Protocol: p.name, Operation: "GetMetricWidgetImage", Region: "eu-central-1", Service: "monitoring",
				MetricWidget: string(widget), OutputFormat: "png", Status: 200,
			}}
			if diff := cmp.Diff(want, s.Requests()); diff != "" {
				t.Errorf("requests mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

// TestChildrenProtocols describes a composite alarm's children in each
// protocol: the SDK must decode the stand-in's alarms the same way. The
// triggering child has no state of its own, so that the child's state and
// its time come from DescribeAlarms.
func TestChildrenProtocols(t *testing.T) {
	a := new(*fixture(t, "alarm-message__composite-alarm-triggering-children"))
	a.TriggeringChildren = []alarm.Child{{ARN: a.TriggeringChildren[0].ARN}}
	var first []*alarm.Alarm
	for i, optFns := range [][]func(*cloudwatch.Options){nil, {cwtest.QueryProtocol}, {func(o *cloudwatch.Options) {
		o.Protocol = awsjson.New10(schemas.GraniteServiceVersion20100801)
	}}} {
		s := newStandIn(t)
		children, err := graph.NewClient(s.Client(optFns...)).Children(context.Background(), a)
		if err != nil {
			t.Fatalf("protocol %d: Children = %v", i, err)
		}
		if i == 0 {
			first = children
			continue
		}
		if diff := cmp.Diff(first, children); diff != "" {
			t.Errorf("protocol %d: children differ from RPC v2 CBOR's (-cbor +got):\n%s", i, diff)
		}
		if r := s.Requests(); len(r) != 1 || !cmp.Equal(r[0].AlarmNames, []string{"checkout-5xx"}) || r[0].Region != "us-east-1" {
			t.Errorf("protocol %d: requests %+v, want one DescribeAlarms of checkout-5xx in us-east-1", i, r)
		}
	}
	want := &alarm.Alarm{
		Name: "checkout-5xx", Description: "Share of checkout requests that fail with 5xx",
		ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:checkout-5xx", AccountID: "111122223333",
		Region: "us-east-1", Partition: "aws", Kind: alarm.KindMetricMath,
		State: alarm.State{
			Value:     alarm.StateAlarm,
			Timestamp: time.Date(2024, 5, 14, 9, 58, 2, 911_000_000, time.UTC),
			Reason:    "Threshold Crossed: 2 out of the last 3 datapoints [7.9 (14/05/24 09:57:00), 6.2 (14/05/24 09:56:00)] were greater than the threshold (5.0) (minimum 2 datapoints for OK -> ALARM transition).",
		},
		Condition: &alarm.Condition{
			ComparisonOperator: alarm.GreaterThanThreshold, Threshold: new(5.0), EvaluationPeriods: 3,
			DatapointsToAlarm: new(2), TreatMissingData: alarm.TreatMissingData("notBreaching"),
		},
		Metrics: []alarm.Metric{
			{ID: "e1", Label: "5xx %", Expression: "100 * m1 / m2", ReturnData: true},
			{ID: "m1", Namespace: "AWS/ApplicationELB", MetricName: "HTTPCode_Target_5XX_Count", Stat: "Sum", Period: time.Minute,
				Dimensions: []alarm.Dimension{{Name: "LoadBalancer", Value: "app/checkout/50dc6c495c0c9188"}}},
			{ID: "m2", Namespace: "AWS/ApplicationELB", MetricName: "RequestCount", Stat: "Sum", Period: time.Minute,
				Dimensions: []alarm.Dimension{{Name: "LoadBalancer", Value: "app/checkout/50dc6c495c0c9188"}}},
		},
		ConsoleURL: "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#alarmsV2:alarm/checkout-5xx",
	}
	if diff := cmp.Diff([]*alarm.Alarm{want}, first); diff != "" {
		t.Errorf("Children mismatch (-want +got):\n%s", diff)
	}
}

func TestDrawErrors(t *testing.T) {
	metric := fixture(t, "lambda-action__metric-alarm")
	tests := []struct {
		name    string
		failure cwtest.Failure
		code    string
	}{
		{"throttled", cwtest.Failure{Operation: "GetMetricWidgetImage", Code: "Throttling", Message: "Rate exceeded"}, "Throttling"},
		{"access denied", cwtest.Failure{Code: "AccessDenied", Status: 403, Message: "not authorized to perform: cloudwatch:GetMetricWidgetImage"}, "AccessDenied"},
		{"server error", cwtest.Failure{Status: 500}, "InternalServiceError"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStandIn(t)
			s.Fail(tt.failure)
			img, err := graph.NewClient(s.Client()).Draw(context.Background(), metric)
			checkCloudWatchError(t, img, err, "GetMetricWidgetImage")
			var api smithy.APIError
			if !errors.As(err, &api) || api.ErrorCode() != tt.code {
				t.Errorf("Draw = %v, want the SDK's API error %s", err, tt.code)
			}
		})
	}
}

// checkCloudWatchError fails t unless err is an *Error of op matching
// ErrCloudWatch only, returned without an image.
func checkCloudWatchError(t *testing.T, img []byte, err error, op string) {
	t.Helper()
	var e *graph.Error
	if !errors.As(err, &e) || !errors.Is(err, graph.ErrCloudWatch) || errors.Is(err, graph.ErrNotDrawable) {
		t.Fatalf("err = %v (%T), want a *graph.Error matching ErrCloudWatch only", err, err)
	}
	if e.Op != op || !strings.HasPrefix(err.Error(), "graph: "+op) || img != nil {
		t.Errorf("err = %q (%+v) with %d bytes, want Op %s and no image", err, e, len(img), op)
	}
}

// fakeAPI answers with fixed outputs, for answers the stand-in does not
// give.
type fakeAPI struct {
	image  *cloudwatch.GetMetricWidgetImageOutput
	alarms *cloudwatch.DescribeAlarmsOutput
	calls  int
}

func (f *fakeAPI) GetMetricWidgetImage(context.Context, *cloudwatch.GetMetricWidgetImageInput, ...func(*cloudwatch.Options)) (*cloudwatch.GetMetricWidgetImageOutput, error) {
	f.calls++
	return f.image, nil
}

func (f *fakeAPI) DescribeAlarms(context.Context, *cloudwatch.DescribeAlarmsInput, ...func(*cloudwatch.Options)) (*cloudwatch.DescribeAlarmsOutput, error) {
	f.calls++
	return f.alarms, nil
}

func TestDrawBadAnswers(t *testing.T) {
	metric := fixture(t, "lambda-action__metric-alarm")
	for _, out := range []*cloudwatch.GetMetricWidgetImageOutput{nil, {}, {MetricWidgetImage: []byte("<html>")}} {
		img, err := graph.NewClient(&fakeAPI{image: out}).Draw(context.Background(), metric)
		checkCloudWatchError(t, img, err, "GetMetricWidgetImage")
		if !strings.HasSuffix(err.Error(), "response is not a PNG image") {
			t.Errorf("Draw = %v, want it to say the response is not a PNG", err)
		}
	}
	var nilClient *cloudwatch.Client
	for _, api := range []graph.API{nil, nilClient} {
		img, err := graph.NewClient(api).Draw(context.Background(), metric)
		checkCloudWatchError(t, img, err, "GetMetricWidgetImage")
		_, err = graph.NewClient(api).Children(context.Background(), fixture(t, "eventbridge__composite-alarm-suppressor"))
		checkCloudWatchError(t, nil, err, "DescribeAlarms")
	}
}

func TestDrawContext(t *testing.T) {
	s := newStandIn(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	img, err := graph.NewClient(s.Client()).Draw(ctx, fixture(t, "lambda-action__metric-alarm"))
	checkCloudWatchError(t, img, err, "GetMetricWidgetImage")
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Draw = %v, want it to wrap context.Canceled", err)
	}
}

// TestDrawPartitions checks which partitions are drawn: those where
// GetMetricWidgetImage exists, whether the partition is given or taken
// from the region, and never a call to CloudWatch for the others.
func TestDrawPartitions(t *testing.T) {
	tests := []struct {
		partition, region, reason string
	}{
		{"aws", "eu-west-1", ""},
		{"aws-cn", "cn-north-1", ""},
		{"", "cn-northwest-1", ""},
		{"", "ap-southeast-7", ""},
		{"", "", "unknown partition"},
		{"aws-us-gov", "us-gov-west-1", "not available in AWS GovCloud (US)"},
		{"", "us-gov-east-1", "not available in AWS GovCloud (US)"},
		{"aws-iso-b", "us-isob-east-1", "not documented in partition aws-iso-b"},
		{"", "us-iso-west-1", "not documented in partition aws-iso"},
		{"", "eusc-de-east-1", "unknown partition aws-eusc"},
		{"aws-future", "xx-east-1", "unknown partition aws-future"},
	}
	for _, tt := range tests {
		a := with(func(a *alarm.Alarm) { a.Partition, a.Region = tt.partition, tt.region })
		fake := &fakeAPI{image: &cloudwatch.GetMetricWidgetImageOutput{MetricWidgetImage: []byte("\x89PNG\r\n\x1a\n...")}}
		_, err := graph.NewClient(fake).Draw(context.Background(), a)
		switch {
		case tt.reason == "" && (err != nil || fake.calls != 1):
			t.Errorf("Draw in %q/%q = %v after %d calls, want an image", tt.partition, tt.region, err, fake.calls)
		case tt.reason != "" && (!errors.Is(err, graph.ErrNotDrawable) || !strings.HasSuffix(err.Error(), tt.reason) || fake.calls != 0):
			t.Errorf("Draw in %q/%q = %v after %d calls, want ErrNotDrawable (%s) without a call", tt.partition, tt.region, err, fake.calls, tt.reason)
		}
	}
}

func TestChildren(t *testing.T) {
	composite := fixture(t, "alarm-message__composite-alarm-triggering-children")
	three := *composite
	three.TriggeringChildren = []alarm.Child{
		{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:gone", State: alarm.StateAlarm},
		{ARN: "not an ARN"},
		{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:batch-heartbeat", State: alarm.StateAlarm, Timestamp: changed},
		{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:batch-heartbeat", State: alarm.StateOK},
		{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:ServerCpuTooHigh"},
		{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:checkout-5xx"},
	}
	s := newStandIn(t)
	children, err := graph.NewClient(s.Client(), graph.WithMaxChildren(2)).Children(context.Background(), &three)
	if err != nil {
		t.Fatalf("Children = %v", err)
	}
	// gone is not found, "not an ARN" names nothing, the second
	// batch-heartbeat repeats the first, and the limit of 2 leaves
	// checkout-5xx out.
	if r := s.Requests(); len(r) != 1 || !cmp.Equal(r[0].AlarmNames, []string{"gone", "batch-heartbeat"}) {
		t.Fatalf("requests %+v, want one DescribeAlarms of gone and batch-heartbeat", r)
	}
	if len(children) != 1 || children[0].Name != "batch-heartbeat" || children[0].State.Value != alarm.StateAlarm || !children[0].State.Timestamp.Equal(changed) {
		t.Errorf("Children = %+v, want batch-heartbeat in ALARM since %v", children, changed)
	}
	// Without a state in the notification, the child's own is used.
	cpu := three
	cpu.TriggeringChildren = three.TriggeringChildren[4:5]
	children, err = graph.NewClient(s.Client()).Children(context.Background(), &cpu)
	if err != nil || len(children) != 1 || children[0].State.Value != alarm.StateOK ||
		!children[0].State.Timestamp.Equal(time.Date(2024, 5, 14, 10, 20, 45, 702_000_000, time.UTC)) {
		t.Errorf("Children = %+v, %v; want ServerCpuTooHigh in its own state", children, err)
	}
}

func TestChildrenErrors(t *testing.T) {
	composite := fixture(t, "alarm-message__composite-alarm-triggering-children")
	gone := *composite
	gone.TriggeringChildren = []alarm.Child{{ARN: "arn:aws:cloudwatch:us-east-1:111122223333:alarm:gone"}}
	gov := *composite
	gov.Partition, gov.Region = "aws-us-gov", "us-gov-west-1"
	tests := []struct {
		name   string
		alarm  *alarm.Alarm
		reason string
	}{
		{"nil", nil, "nil alarm"},
		{"metric alarm", fixture(t, "lambda-action__metric-alarm"), "not a composite alarm"},
		{"no triggering children", fixture(t, "lambda-sns__composite-ok-empty-triggering-children"), "no triggering children"},
		{"children not found", &gone, "no triggering child is a metric alarm"},
		{"GovCloud", &gov, "not available in AWS GovCloud (US)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newStandIn(t)
			children, err := graph.NewClient(s.Client()).Children(context.Background(), tt.alarm)
			if !errors.Is(err, graph.ErrNotDrawable) || !strings.HasSuffix(err.Error(), tt.reason) || children != nil {
				t.Errorf("Children = %v, %v; want ErrNotDrawable: %s", children, err, tt.reason)
			}
		})
	}
	s := newStandIn(t)
	s.Fail(cwtest.Failure{Operation: "DescribeAlarms", Code: "AccessDenied", Status: 403})
	children, err := graph.NewClient(s.Client()).Children(context.Background(), composite)
	checkCloudWatchError(t, nil, err, "DescribeAlarms")
	if children != nil {
		t.Errorf("Children = %v with an error", children)
	}
}
