package graph

import (
	"bytes"
	"context"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"

	"github.com/cwslack/cwslack/alarm"
)

// API is the part of the CloudWatch client of the AWS SDK for Go v2 that a
// Client calls; *cloudwatch.Client implements it, and so can a test's
// fake. Draw calls GetMetricWidgetImage, Children calls DescribeAlarms.
type API interface {
	GetMetricWidgetImage(ctx context.Context, in *cloudwatch.GetMetricWidgetImageInput, optFns ...func(*cloudwatch.Options)) (*cloudwatch.GetMetricWidgetImageOutput, error)
	DescribeAlarms(ctx context.Context, in *cloudwatch.DescribeAlarmsInput, optFns ...func(*cloudwatch.Options)) (*cloudwatch.DescribeAlarmsOutput, error)
}

// Client draws alarms with CloudWatch's GetMetricWidgetImage. It uses the
// CloudWatch client it is given, with that client's credentials, retries
// and endpoint (the caller builds it, for example with
// cloudwatch.NewFromConfig); each call is made in the alarm's region.
//
// The IAM identity behind the client needs cloudwatch:GetMetricWidgetImage
// for Draw, and cloudwatch:DescribeAlarms for Children. GetMetricWidgetImage
// names no resource, so the statement that allows it has "Resource": "*":
//
//	{"Effect": "Allow",
//	 "Action": ["cloudwatch:GetMetricWidgetImage", "cloudwatch:DescribeAlarms"],
//	 "Resource": "*"}
//
// A Client is safe for concurrent use.
type Client struct {
	api  API
	opts []Option
	max  int
}

// NewClient returns a Client that calls api, drawing graphs as opts say
// (see Widget). A nil api makes every call fail with an *Error matching
// ErrCloudWatch.
func NewClient(api API, opts ...Option) *Client {
	if cw, ok := api.(*cloudwatch.Client); ok && cw == nil {
		api = nil
	}
	return &Client{api: api, opts: opts, max: newSettings(opts).maxChildren}
}

// Draw returns the graph of a as a PNG image: the Widget of a, drawn by
// GetMetricWidgetImage in a's region. An alarm that cannot be drawn gives
// an *Error matching ErrNotDrawable, without calling CloudWatch: one that
// Widget refuses, or one in a partition without the API (AWS GovCloud
// (US), the ISO partitions, a partition this package does not know). Any
// other failure is an *Error matching ErrCloudWatch whose Unwrap gives the
// SDK's error. The context bounds the call, the SDK's retries included.
func (c *Client) Draw(ctx context.Context, a *alarm.Alarm) ([]byte, error) {
	if a == nil {
		return nil, notDrawable(opImage, "", "nil alarm")
	}
	if reason := unavailable(a); reason != "" {
		return nil, notDrawable(opImage, a.Name, reason)
	}
	w, err := Widget(a, c.opts...)
	if err != nil {
		return nil, err
	}
	if c.api == nil {
		return nil, &Error{Op: opImage, Alarm: a.Name, Kind: ErrCloudWatch, Reason: "no CloudWatch client"}
	}
	out, err := c.api.GetMetricWidgetImage(ctx, &cloudwatch.GetMetricWidgetImageInput{
		MetricWidget: new(string(w)),
		OutputFormat: new("png"), // the only format the SDKs can use: the PNG comes in MetricWidgetImage
	}, inRegion(a.Region))
	if err != nil {
		return nil, &Error{Op: opImage, Alarm: a.Name, Kind: ErrCloudWatch, Err: err}
	}
	if out == nil || !isPNG(out.MetricWidgetImage) {
		return nil, &Error{Op: opImage, Alarm: a.Name, Kind: ErrCloudWatch, Reason: "response is not a PNG image"}
	}
	return out.MetricWidgetImage, nil
}

// pngSignature starts every PNG file.
var pngSignature = []byte("\x89PNG\r\n\x1a\n")

// isPNG reports whether b starts like a PNG file.
func isPNG(b []byte) bool { return bytes.HasPrefix(b, pngSignature) }

// inRegion returns the per-call option that sends a request to region, so
// that one Client serves alarms of every region; "" keeps the client's.
func inRegion(region string) func(*cloudwatch.Options) {
	return func(o *cloudwatch.Options) {
		if region != "" {
			o.Region = region
		}
	}
}
