package cwtest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/schemas"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatch/types"
	"github.com/aws/smithy-go/transport/http/protocol/awsquery"
)

// The protocols a Request can arrive in.
const (
	ProtocolCBOR  = "rpc-v2-cbor"
	ProtocolQuery = "awsQuery"
	ProtocolJSON  = "awsJson1_0"
)

// Request is one request the server received, decoded.
type Request struct {
	// Protocol is ProtocolCBOR, ProtocolQuery or ProtocolJSON.
	Protocol string
	// Operation is "GetMetricWidgetImage", "DescribeAlarms", or the other
	// operation that was asked for.
	Operation string
	// Region and Service are those of the SigV4 credential scope, such as
	// "eu-west-1" and "monitoring".
	Region, Service string
	// MetricWidget and OutputFormat are GetMetricWidgetImage's input.
	MetricWidget, OutputFormat string
	// AlarmNames are DescribeAlarms' input.
	AlarmNames []string
	// Status is the HTTP status of the answer, and Error the error code
	// it carried ("" for a success).
	Status int
	Error  string
}

// Failure scripts the answer to some of the next requests. Give it to
// Server.Fail.
type Failure struct {
	// Operation names the requests it answers; "" answers any.
	Operation string
	// Times is how many requests it answers; 0 means one.
	Times int
	// Status is the HTTP status; 0 means 400.
	Status int
	// Code is the AWS error code, such as "Throttling", "AccessDenied" or
	// "InvalidParameterValue"; "" means "InternalServiceError".
	Code string
	// Message is the error message.
	Message string
}

// Server is a stand-in of the CloudWatch API on a local httptest server.
// Its zero value is not usable: make one with NewServer and Close it when
// done. All its methods are safe for concurrent use.
type Server struct {
	srv *httptest.Server

	mu       sync.Mutex
	requests []Request
	alarms   []types.MetricAlarm
	failures []*Failure
}

// NewServer starts a Server on 127.0.0.1 and returns it.
func NewServer() *Server {
	s := &Server{}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /service/"+serviceName+"/operation/{operation}", s.serveCBOR)
	mux.HandleFunc("POST /{$}", s.serveRoot)
	s.srv = httptest.NewServer(mux)
	return s
}

// Close shuts the server down.
func (s *Server) Close() { s.srv.Close() }

// URL returns the server's base URL, for cloudwatch.Options.BaseEndpoint
// or the AWS_ENDPOINT_URL_CLOUDWATCH environment variable.
func (s *Server) URL() string { return s.srv.URL }

// Client returns a CloudWatch client of the AWS SDK that calls the
// server: region us-east-1, static credentials, BaseEndpoint the server's
// URL, and one attempt per call (no retries), changed by optFns.
func (s *Server) Client(optFns ...func(*cloudwatch.Options)) *cloudwatch.Client {
	return cloudwatch.New(cloudwatch.Options{
		Region:           "us-east-1",
		Credentials:      staticCredentials,
		BaseEndpoint:     aws.String(s.srv.URL),
		RetryMaxAttempts: 1,
	}, optFns...)
}

// staticCredentials are the credentials of Client: any will do, the
// server reads only the credential scope.
var staticCredentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDEXAMPLE", SecretAccessKey: "secret", Source: "cwtest"}, nil
})

// QueryProtocol makes a CloudWatch client speak the AWS Query protocol,
// as clients before service/cloudwatch v1.53.0 did: give it to Client or
// cloudwatch.New.
func QueryProtocol(o *cloudwatch.Options) {
	o.Protocol = awsquery.New(schemas.GraniteServiceVersion20100801)
}

// PutAlarms adds metric alarms for DescribeAlarms to answer, replacing
// those of the same name.
func (s *Server) PutAlarms(alarms ...types.MetricAlarm) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, a := range alarms {
		s.alarms = slices.DeleteFunc(s.alarms, func(b types.MetricAlarm) bool {
			return aws.ToString(b.AlarmName) == aws.ToString(a.AlarmName)
		})
		s.alarms = append(s.alarms, a)
	}
}

// Requests returns every request the server received, in the order it
// answered them.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.requests)
}

// Fail makes the server answer the next requests that f's Operation names
// with f, Times times. Failures are used in the order they were given.
func (s *Server) Fail(f Failure) {
	if f.Times <= 0 {
		f.Times = 1
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &f)
}

// takeFailure returns the failure that answers a request for op, and uses
// it once, or nil.
func (s *Server) takeFailure(op string) *Failure {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.failures {
		if f.Operation != "" && f.Operation != op {
			continue
		}
		f.Times--
		if f.Times == 0 {
			s.failures = slices.Delete(s.failures, i, i+1)
		}
		return f
	}
	return nil
}

// record adds r to the log.
func (s *Server) record(r Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = append(s.requests, r)
}

// describe returns the alarms named, or all of them when names is empty.
func (s *Server) describe(names []string) []types.MetricAlarm {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []types.MetricAlarm
	for _, a := range s.alarms {
		if len(names) == 0 || slices.Contains(names, aws.ToString(a.AlarmName)) {
			out = append(out, a)
		}
	}
	return out
}
