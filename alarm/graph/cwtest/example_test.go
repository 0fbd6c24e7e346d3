package cwtest_test

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"

	"github.com/cwslack/cwslack/alarm/graph/cwtest"
)

func Example() {
	s := cwtest.NewServer()
	defer s.Close()

	cw := s.Client(func(o *cloudwatch.Options) { o.Region = "eu-west-1" })
	out, err := cw.GetMetricWidgetImage(context.Background(), &cloudwatch.GetMetricWidgetImageInput{
		MetricWidget: aws.String(`{"metrics":[["AWS/EC2","CPUUtilization"]],"width":320,"height":200}`),
		OutputFormat: aws.String("png"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q…\n", out.MetricWidgetImage[:4])
	for _, r := range s.Requests() {
		fmt.Println(r.Protocol, r.Operation, r.Region, r.Service, r.Status, r.MetricWidget)
	}
	// Output:
	// "\x89PNG"…
	// rpc-v2-cbor GetMetricWidgetImage eu-west-1 monitoring 200 {"metrics":[["AWS/EC2","CPUUtilization"]],"width":320,"height":200}
}
