package cwtest_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm/graph/cwtest"
)

// newServer starts a server that is closed at the end of the test.
func newServer(t *testing.T) *cwtest.Server {
	t.Helper()
	s := cwtest.NewServer()
	t.Cleanup(s.Close)
	return s
}

// image asks s for the image of widget with each protocol's client and
// returns the error code of each answer ("" for an image). The SDK turns
// the InvalidParameterValue code into a *types.InvalidParameterValueException
// in both protocols, but its ErrorCode keeps the Query code only in RPC v2
// CBOR, where the X-Amzn-Query-Error header gives it; the code returned is
// the Query code.
func image(t *testing.T, s *cwtest.Server, widget string) []string {
	t.Helper()
	var codes []string
	for _, optFns := range [][]func(*cloudwatch.Options){nil, {cwtest.QueryProtocol}} {
		out, err := s.Client(optFns...).GetMetricWidgetImage(context.Background(), &cloudwatch.GetMetricWidgetImageInput{
			MetricWidget: aws.String(widget), OutputFormat: aws.String("png"),
		})
		var api smithy.APIError
		var invalid *types.InvalidParameterValueException
		switch {
		case errors.As(err, &invalid):
			codes = append(codes, "InvalidParameterValue")
		case errors.As(err, &api):
			codes = append(codes, api.ErrorCode())
		case err != nil:
			t.Fatalf("GetMetricWidgetImage(%s) = %v, want an API error", widget, err)
		case !strings.HasPrefix(string(out.MetricWidgetImage), "\x89PNG"):
			t.Fatalf("GetMetricWidgetImage(%s) gave no PNG", widget)
		default:
			codes = append(codes, "")
		}
	}
	return codes
}

func TestGetMetricWidgetImageChecks(t *testing.T) {
	metric := `["AWS/EC2","CPUUtilization","InstanceId","i-1"]`
	tests := []struct {
		name, widget string
		ok           bool
	}{
		{"minimal", `{"metrics":[` + metric + `]}`, true},
		{"expression", `{"metrics":[[{"expression":"SELECT AVG(CPUUtilization) FROM SCHEMA(\"AWS/EC2\")","id":"q1"}]]}`, true},
		{"everything", `{"metrics":[` + metric + `],"width":2000,"height":1,"period":3600,"start":"2024-05-14T07:00:00.000Z","end":"2024-05-14T10:00:00.000Z",
			"annotations":{"vertical":[{"value":"2024-05-14T09:00:00Z"},[{"value":"2024-05-14T08:00:00Z"},{"value":"2024-05-14T09:00:00Z"}]]}}`, true},
		{"relative window", `{"metrics":[` + metric + `],"start":"-PT3H","end":"P0D"}`, true},
		{"empty", ``, false},
		{"not JSON", `FAIL`, false},
		{"no metrics", `{"metrics":[]}`, false},
		{"metric without name", `{"metrics":[["AWS/EC2"]]}`, false},
		{"odd dimensions", `{"metrics":[["AWS/EC2","CPUUtilization","InstanceId"]]}`, false},
		{"options without expression", `{"metrics":[[{"id":"m1"}]]}`, false},
		{"empty entry", `{"metrics":[[]]}`, false},
		{"too wide", `{"metrics":[` + metric + `],"width":2001}`, false},
		{"bad period", `{"metrics":[` + metric + `],"period":20}`, false},
		{"start after end", `{"metrics":[` + metric + `],"start":"2024-05-14T10:00:00Z","end":"2024-05-14T09:00:00Z"}`, false},
		{"bad time", `{"metrics":[` + metric + `],"start":"yesterday"}`, false},
		{"relative vertical annotation", `{"metrics":[` + metric + `],"annotations":{"vertical":[{"value":"-PT1H"}]}}`, false},
		{"too large", `{"metrics":[` + metric + `],"title":"` + strings.Repeat("x", 100<<10) + `"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := []string{"InvalidParameterValue", "InvalidParameterValue"}
			if tt.ok {
				want = []string{"", ""}
			}
			if diff := cmp.Diff(want, image(t, newServer(t), tt.widget)); diff != "" {
				t.Errorf("answers (CBOR, Query) mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFailAndRecord(t *testing.T) {
	s := newServer(t)
	s.Fail(cwtest.Failure{Operation: "DescribeAlarms", Code: "AccessDenied", Status: 403})
	s.Fail(cwtest.Failure{Operation: "GetMetricWidgetImage", Times: 2, Code: "Throttling", Message: "Rate exceeded"})
	widget := `{"metrics":[["N","M"]]}`
	if diff := cmp.Diff([]string{"Throttling", "Throttling"}, image(t, s, widget)); diff != "" {
		t.Errorf("throttled answers mismatch (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"", ""}, image(t, s, widget)); diff != "" {
		t.Errorf("answers after the failures mismatch (-want +got):\n%s", diff)
	}
	_, err := s.Client(func(o *cloudwatch.Options) { o.Region = "eu-west-1" }).DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"a"}})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "AccessDenied" {
		t.Errorf("DescribeAlarms = %v, want AccessDenied", err)
	}
	want := []cwtest.Request{
		{Protocol: cwtest.ProtocolCBOR, Operation: "GetMetricWidgetImage", Region: "us-east-1", Service: "monitoring", MetricWidget: widget, OutputFormat: "png", Status: 400, Error: "Throttling"},
		{Protocol: cwtest.ProtocolQuery, Operation: "GetMetricWidgetImage", Region: "us-east-1", Service: "monitoring", MetricWidget: widget, OutputFormat: "png", Status: 400, Error: "Throttling"},
		{Protocol: cwtest.ProtocolCBOR, Operation: "GetMetricWidgetImage", Region: "us-east-1", Service: "monitoring", MetricWidget: widget, OutputFormat: "png", Status: 200},
		{Protocol: cwtest.ProtocolQuery, Operation: "GetMetricWidgetImage", Region: "us-east-1", Service: "monitoring", MetricWidget: widget, OutputFormat: "png", Status: 200},
		{Protocol: cwtest.ProtocolCBOR, Operation: "DescribeAlarms", Region: "eu-west-1", Service: "monitoring", AlarmNames: []string{"a"}, Status: 403, Error: "AccessDenied"},
	}
	if diff := cmp.Diff(want, s.Requests()); diff != "" {
		t.Errorf("requests mismatch (-want +got):\n%s", diff)
	}
}

func TestPutAlarms(t *testing.T) {
	s := newServer(t)
	s.PutAlarms(
		types.MetricAlarm{AlarmName: aws.String("a"), Threshold: aws.Float64(1)},
		types.MetricAlarm{AlarmName: aws.String("b"), Period: aws.Int32(60)},
	)
	s.PutAlarms(types.MetricAlarm{AlarmName: aws.String("a"), Threshold: aws.Float64(-2.5), EvaluationPeriods: aws.Int32(-1)})
	for _, optFns := range [][]func(*cloudwatch.Options){nil, {cwtest.QueryProtocol}} {
		all, err := s.Client(optFns...).DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, a := range all.MetricAlarms {
			got = append(got, aws.ToString(a.AlarmName))
		}
		if diff := cmp.Diff([]string{"b", "a"}, got); diff != "" {
			t.Errorf("alarms mismatch (-want +got):\n%s", diff)
		}
		if a := all.MetricAlarms[1]; aws.ToFloat64(a.Threshold) != -2.5 || aws.ToInt32(a.EvaluationPeriods) != -1 {
			t.Errorf("alarm a = %+v, want the one put last", a)
		}
		none, err := s.Client(optFns...).DescribeAlarms(context.Background(), &cloudwatch.DescribeAlarmsInput{AlarmNames: []string{"c"}})
		if err != nil || len(none.MetricAlarms) != 0 {
			t.Errorf("DescribeAlarms(c) = %+v, %v; want no alarm", none, err)
		}
	}
}

func TestRawRequests(t *testing.T) {
	s := newServer(t)
	const auth = "AWS4-HMAC-SHA256 Credential=AKID/20240514/eu-west-1/monitoring/aws4_request, SignedHeaders=host, Signature=00"
	tests := []struct {
		name, path, contentType, auth, target, body string
		status                                      int
		code                                        string
	}{
		{"no signature", "/", "application/x-www-form-urlencoded", "", "", "Action=DescribeAlarms&Version=2010-08-01", 403, "MissingAuthenticationToken"},
		{"unknown action", "/", "application/x-www-form-urlencoded", auth, "", "Action=PutMetricData&Version=2010-08-01", 400, "InvalidAction"},
		{"wrong version", "/", "application/x-www-form-urlencoded", auth, "", "Action=DescribeAlarms&Version=2009", 400, "SerializationException"},
		{"JSON", "/", "application/x-amz-json-1.0", auth, "GraniteServiceVersion20100801.DescribeAlarms", `{"AlarmNames":["x"]}`, 200, ""},
		{"bad JSON", "/", "application/x-amz-json-1.0", auth, "GraniteServiceVersion20100801.DescribeAlarms", `{`, 400, "SerializationException"},
		{"bad CBOR", "/service/GraniteServiceVersion20100801/operation/DescribeAlarms", "application/cbor", auth, "", "\xff", 400, "SerializationException"},
		{"CBOR that is no map", "/service/GraniteServiceVersion20100801/operation/DescribeAlarms", "application/cbor", auth, "", "\x01", 400, "SerializationException"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodPost, s.URL()+tt.path, strings.NewReader(tt.body))
			if err != nil {
				t.Fatal(err)
			}
			req.Header.Set("Content-Type", tt.contentType)
			if tt.auth != "" {
				req.Header.Set("Authorization", tt.auth)
			}
			if tt.target != "" {
				req.Header.Set("X-Amz-Target", tt.target)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			reqs := s.Requests()
			last := reqs[len(reqs)-1]
			if resp.StatusCode != tt.status || last.Status != tt.status || last.Error != tt.code {
				t.Errorf("answer %d, recorded %+v; want %d %q", resp.StatusCode, last, tt.status, tt.code)
			}
		})
	}
}
