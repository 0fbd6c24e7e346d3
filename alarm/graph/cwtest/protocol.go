package cwtest

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/aws/smithy-go/encoding/cbor"
)

// Names of the CloudWatch API on the wire.
const (
	serviceName  = "GraniteServiceVersion20100801"
	apiVersion   = "2010-08-01"
	xmlNamespace = "http://monitoring.amazonaws.com/doc/2010-08-01/"
	// shapeNamespace prefixes error types in CBOR and JSON answers.
	shapeNamespace = "com.amazonaws.cloudwatch#"
)

// maxBody is how much of a request body the server reads: the MetricWidget
// may have 100 KB, and form or JSON encoding adds to it.
const maxBody = 1 << 20

// input is what a request asked for, whatever its protocol.
type input struct {
	metricWidget, outputFormat string
	alarmNames                 []string
}

// result is an answer, whatever its protocol: the members of the output,
// or an error.
type result struct {
	output        []field
	status        int
	code, message string
}

// serveCBOR answers a Smithy RPC v2 CBOR request.
func (s *Server) serveCBOR(w http.ResponseWriter, r *http.Request) {
	req := Request{Protocol: ProtocolCBOR, Operation: r.PathValue("operation")}
	in, err := readCBOR(r)
	res := s.answer(&req, r, in, err)
	w.Header().Set("Smithy-Protocol", "rpc-v2-cbor")
	w.Header().Set("Content-Type", "application/cbor")
	if res.code != "" {
		writeQueryErrorHeader(w, res)
		w.WriteHeader(res.status)
		w.Write(cbor.Encode(cbor.Map{
			"__type":  cbor.String(shapeNamespace + res.code),
			"message": cbor.String(res.message),
		}))
		return
	}
	w.Write(cbor.Encode(toCBOR(res.output)))
}

// serveRoot answers a request to "/": AWS JSON 1.0 when it names its
// operation in X-Amz-Target, else the AWS Query protocol.
func (s *Server) serveRoot(w http.ResponseWriter, r *http.Request) {
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		s.serveJSON(w, r, target)
		return
	}
	s.serveQuery(w, r)
}

// serveJSON answers an AWS JSON 1.0 request.
func (s *Server) serveJSON(w http.ResponseWriter, r *http.Request, target string) {
	op, _ := strings.CutPrefix(target, serviceName+".")
	req := Request{Protocol: ProtocolJSON, Operation: op}
	in, err := readJSON(r)
	res := s.answer(&req, r, in, err)
	w.Header().Set("Content-Type", "application/x-amz-json-1.0")
	if res.code != "" {
		writeQueryErrorHeader(w, res)
		w.WriteHeader(res.status)
		json.NewEncoder(w).Encode(map[string]string{"__type": shapeNamespace + res.code, "message": res.message})
		return
	}
	json.NewEncoder(w).Encode(toJSON(res.output))
}

// serveQuery answers an AWS Query request.
func (s *Server) serveQuery(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, maxBody)
	err := r.ParseForm()
	req := Request{Protocol: ProtocolQuery, Operation: r.PostForm.Get("Action")}
	in := input{
		metricWidget: r.PostForm.Get("MetricWidget"),
		outputFormat: r.PostForm.Get("OutputFormat"),
		alarmNames:   queryList(r.PostForm, "AlarmNames"),
	}
	if err == nil && r.PostForm.Get("Version") != apiVersion {
		err = errorString("Version must be " + apiVersion)
	}
	res := s.answer(&req, r, in, err)
	w.Header().Set("Content-Type", "text/xml")
	var b bytes.Buffer
	if res.code != "" {
		w.WriteHeader(res.status)
		writeXMLError(&b, res)
	} else {
		writeXMLResult(&b, req.Operation, res.output)
	}
	w.Write(b.Bytes())
}

// writeQueryErrorHeader sets the header that a query-compatible service
// (CloudWatch is one) adds to an error: the Query protocol's code and
// whose fault it is.
func writeQueryErrorHeader(w http.ResponseWriter, res result) {
	w.Header().Set("X-Amzn-Query-Error", res.code+";"+fault(res.status))
}

// fault returns the Query protocol's Type of an error: Sender for 4xx.
func fault(status int) string {
	if status >= 500 {
		return "Receiver"
	}
	return "Sender"
}

// writeXMLResult writes the Query protocol's answer to op.
func writeXMLResult(b *bytes.Buffer, op string, output []field) {
	b.WriteString(`<` + op + `Response xmlns="` + xmlNamespace + `">`)
	enc := xml.NewEncoder(b)
	writeXML(enc, op+"Result", output)
	enc.Flush()
	b.WriteString(`<ResponseMetadata><RequestId>` + requestID + `</RequestId></ResponseMetadata></` + op + `Response>`)
}

// writeXMLError writes the Query protocol's error answer.
func writeXMLError(b *bytes.Buffer, res result) {
	b.WriteString(`<ErrorResponse xmlns="` + xmlNamespace + `"><Error><Type>` + fault(res.status) + `</Type><Code>`)
	xml.EscapeText(b, []byte(res.code))
	b.WriteString(`</Code><Message>`)
	xml.EscapeText(b, []byte(res.message))
	b.WriteString(`</Message></Error><RequestId>` + requestID + `</RequestId></ErrorResponse>`)
}

// requestID is the request ID of every answer.
const requestID = "6f0d4192-4d42-11e8-82c1-f539a07e0e3b"

// readCBOR decodes the CBOR map of a request body.
func readCBOR(r *http.Request) (input, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil || len(body) == 0 {
		return input{}, err
	}
	v, err := cbor.Decode(body)
	if err != nil {
		return input{}, err
	}
	m, ok := v.(cbor.Map)
	if !ok {
		return input{}, errorString("body is not a CBOR map")
	}
	in := input{metricWidget: cborString(m["MetricWidget"]), outputFormat: cborString(m["OutputFormat"])}
	if l, ok := m["AlarmNames"].(cbor.List); ok {
		for _, e := range l {
			in.alarmNames = append(in.alarmNames, cborString(e))
		}
	}
	return in, nil
}

// cborString returns v if it is a text string, else "".
func cborString(v cbor.Value) string {
	s, _ := v.(cbor.String)
	return string(s)
}

// readJSON decodes the JSON object of a request body.
func readJSON(r *http.Request) (input, error) {
	var body struct {
		MetricWidget, OutputFormat string
		AlarmNames                 []string
	}
	err := json.NewDecoder(io.LimitReader(r.Body, maxBody)).Decode(&body)
	if err == io.EOF {
		err = nil
	}
	return input{metricWidget: body.MetricWidget, outputFormat: body.OutputFormat, alarmNames: body.AlarmNames}, err
}

// queryList returns the list that a Query form encodes as name.member.1,
// name.member.2 …
func queryList(form url.Values, name string) []string {
	var out []string
	for i := 1; form.Has(name + ".member." + strconv.Itoa(i)); i++ {
		out = append(out, form.Get(name+".member."+strconv.Itoa(i)))
	}
	return out
}

// answer handles a request decoded into in (err when it could not be),
// fills req and records it, and returns the answer.
func (s *Server) answer(req *Request, r *http.Request, in input, err error) result {
	req.Region, req.Service = credentialScope(r.Header.Get("Authorization"))
	req.MetricWidget, req.OutputFormat, req.AlarmNames = in.metricWidget, in.outputFormat, in.alarmNames
	var res result
	switch {
	case req.Region == "":
		res = failed(http.StatusForbidden, "MissingAuthenticationToken", "Request is missing Authentication Token")
	case err != nil:
		res = failed(http.StatusBadRequest, "SerializationException", err.Error())
	default:
		res = s.operation(req.Operation, in)
	}
	req.Status, req.Error = http.StatusOK, res.code
	if res.code != "" {
		req.Status = res.status
	}
	s.record(*req)
	return res
}

// operation runs op, unless a scripted failure answers it.
func (s *Server) operation(op string, in input) result {
	if f := s.takeFailure(op); f != nil {
		return scripted(f)
	}
	switch op {
	case "GetMetricWidgetImage":
		img, reason := draw(in.metricWidget, in.outputFormat)
		if reason != "" {
			return failed(http.StatusBadRequest, "InvalidParameterValue", reason)
		}
		return result{output: []field{{"MetricWidgetImage", img}}}
	case "DescribeAlarms":
		alarms, _ := tree(reflect.ValueOf(s.describe(in.alarmNames)))
		if alarms == nil {
			alarms = []any{}
		}
		return result{output: []field{{"MetricAlarms", alarms}, {"CompositeAlarms", []any{}}}}
	}
	return failed(http.StatusBadRequest, "InvalidAction", "The action "+op+" is not valid for this web service.")
}

// scripted returns the answer a Failure scripts.
func scripted(f *Failure) result {
	status, code := f.Status, f.Code
	if status == 0 {
		status = http.StatusBadRequest
	}
	if code == "" {
		code = "InternalServiceError"
	}
	return failed(status, code, f.Message)
}

// failed returns an error answer.
func failed(status int, code, message string) result {
	return result{status: status, code: code, message: message}
}

// credentialScope returns the region and service of a SigV4 Authorization
// header: "AWS4-HMAC-SHA256 Credential=AKID/20261208/eu-west-1/monitoring/aws4_request, …".
func credentialScope(auth string) (region, service string) {
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok || !strings.HasPrefix(auth, "AWS4-HMAC-SHA256 ") {
		return "", ""
	}
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(cred, "/")
	if len(parts) != 5 || parts[4] != "aws4_request" {
		return "", ""
	}
	return parts[2], parts[3]
}

// errorString is a plain error.
type errorString string

func (e errorString) Error() string { return string(e) }
