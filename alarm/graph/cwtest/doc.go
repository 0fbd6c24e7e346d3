// Package cwtest is a local stand-in of the Amazon CloudWatch API for
// tests of code that draws alarm graphs: GetMetricWidgetImage and
// DescribeAlarms, served by an httptest server on 127.0.0.1 to the real
// CloudWatch client of the AWS SDK for Go v2, which it records:
//
//	s := cwtest.NewServer()
//	defer s.Close()
//	cw := s.Client() // a *cloudwatch.Client pointed at s, static credentials
//	// … run the code under test with cw …
//	for _, r := range s.Requests() {
//		fmt.Println(r.Operation, r.Region, r.MetricWidget)
//	}
//
// # Protocols
//
// The CloudWatch client of aws-sdk-go-v2 (service/cloudwatch v1.53.0 and
// later) speaks Smithy RPC v2 CBOR: POST
// /service/GraniteServiceVersion20100801/operation/<Operation>, a CBOR map
// in and out, errors as a CBOR map with "__type" and "message" and the
// X-Amzn-Query-Error header. Older clients, and other SDKs, speak the AWS
// Query protocol: POST / with a form (Action=GetMetricWidgetImage&…) and
// an XML answer. Some speak AWS JSON 1.0 (X-Amz-Target:
// GraniteServiceVersion20100801.<Operation>). The server answers all
// three; the SDK client uses another protocol when its Options.Protocol
// says so (see QueryProtocol).
//
// # What it checks and answers
//
// Every request must carry a SigV4 Authorization header, whose credential
// scope gives the Request's Region; the signature is not checked.
// GetMetricWidgetImage checks the MetricWidget as the API documents it (a
// JSON object of at most 100 KB, 1 to 100 metrics, width and height from 1
// to 2000, start before end) and answers a real PNG image of the size the
// widget asks for, or a 400 InvalidParameterValue. DescribeAlarms answers
// the metric alarms given to Server.PutAlarms whose names are asked for.
// Fail scripts errors (throttling, access denied …).
//
// A Server is safe for concurrent use. Non-goals: other operations,
// checking signatures, drawing the graph.
package cwtest
