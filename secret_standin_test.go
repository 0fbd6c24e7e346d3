package cwslack_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// awsStandIn is a local stand-in of the two AWS APIs that secret
// references use, as the AWS SDK speaks them (awsJson1_1: a POST to "/"
// whose X-Amz-Target names the operation): SSM GetParameter and Secrets
// Manager GetSecretValue. It serves on 127.0.0.1 and records every call.
type awsStandIn struct {
	srv *httptest.Server

	mu      sync.Mutex
	values  map[string][]string // "ssm:NAME" or "sm:ID" → values, the next read takes the first; the last stays
	errors  map[string]string   // same keys → the error code to answer
	delay   time.Duration
	calls   []awsCall
	binSecs map[string]bool // Secrets Manager IDs that hold a binary secret
}

// awsCall is one request the stand-in received.
type awsCall struct {
	Target  string // "AmazonSSM.GetParameter" or "secretsmanager.GetSecretValue"
	ID      string // the parameter name or secret ID
	Region  string // the region and service the request was signed for
	Service string
	Decrypt bool // GetParameter's WithDecryption
}

func newAWSStandIn(t *testing.T) *awsStandIn {
	t.Helper()
	a := &awsStandIn{values: map[string][]string{}, errors: map[string]string{}, binSecs: map[string]bool{}}
	a.srv = httptest.NewServer(http.HandlerFunc(a.serve))
	t.Cleanup(a.srv.Close)
	return a
}

// env returns a getenv for SecretsFromEnv and ConfigFromEnv that points the
// SDK at the stand-in, with more variables as name, value pairs.
func (a *awsStandIn) env(kv ...string) func(string) string {
	m := map[string]string{
		"AWS_REGION":                       "eu-west-1",
		"AWS_ACCESS_KEY_ID":                "AKIDEXAMPLE",
		"AWS_SECRET_ACCESS_KEY":            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
		"AWS_SESSION_TOKEN":                "session",
		"AWS_ENDPOINT_URL_SSM":             a.srv.URL,
		"AWS_ENDPOINT_URL_SECRETS_MANAGER": a.srv.URL,
	}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

// param sets the values that the next reads of a parameter return, in
// order.
func (a *awsStandIn) param(name string, values ...string) { a.set("ssm:"+name, values) }

// secret sets the values that the next reads of a secret return.
func (a *awsStandIn) secret(id string, values ...string) { a.set("sm:"+id, values) }

func (a *awsStandIn) set(key string, values []string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.values[key] = values
}

// fail makes reads of key ("ssm:NAME" or "sm:ID") answer the error code.
func (a *awsStandIn) fail(key, code string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.errors[key] = code
}

// Calls returns the calls received so far.
func (a *awsStandIn) Calls() []awsCall {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]awsCall(nil), a.calls...)
}

func (a *awsStandIn) serve(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name           string
		WithDecryption bool
		SecretId       string
	}
	target := r.Header.Get("X-Amz-Target")
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/x-amz-json-1.1" ||
		json.NewDecoder(r.Body).Decode(&in) != nil {
		answer(w, http.StatusBadRequest, map[string]any{"__type": "SerializationException"})
		return
	}
	region, service := signedFor(r.Header.Get("Authorization"))
	a.mu.Lock()
	a.calls = append(a.calls, awsCall{Target: target, ID: in.Name + in.SecretId, Region: region, Service: service, Decrypt: in.WithDecryption})
	delay := a.delay
	a.mu.Unlock()
	time.Sleep(delay)
	switch target {
	case "AmazonSSM.GetParameter":
		a.getParameter(w, in.Name, in.WithDecryption)
	case "secretsmanager.GetSecretValue":
		a.getSecretValue(w, in.SecretId)
	default:
		answer(w, http.StatusBadRequest, map[string]any{"__type": "UnknownOperationException"})
	}
}

// next returns the next value of key, and the error code to answer.
func (a *awsStandIn) next(key string) (string, string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if code := a.errors[key]; code != "" {
		return "", code, false
	}
	vs := a.values[key]
	if len(vs) == 0 {
		return "", "", false
	}
	if len(vs) > 1 {
		a.values[key] = vs[1:]
	}
	return vs[0], "", true
}

func (a *awsStandIn) getParameter(w http.ResponseWriter, name string, decrypt bool) {
	v, code, ok := a.next("ssm:" + name)
	switch {
	case code != "":
		answer(w, http.StatusBadRequest, map[string]any{"__type": code, "message": "User: arn:aws:sts::123456789012:assumed-role/cwslack/cwslack is not authorized to perform: ssm:GetParameter"})
		return
	case !ok:
		answer(w, http.StatusBadRequest, map[string]any{"__type": "ParameterNotFound"})
		return
	case !decrypt:
		v = "AQICAHhk2Cm5Pz2JxJ7encrypted=="
	}
	answer(w, http.StatusOK, map[string]any{"Parameter": map[string]any{
		"Name": name, "Type": "SecureString", "Value": v, "Version": 3,
		"ARN": "arn:aws:ssm:eu-west-1:123456789012:parameter" + name, "LastModifiedDate": 1.7955e9,
	}})
}

func (a *awsStandIn) getSecretValue(w http.ResponseWriter, id string) {
	v, code, ok := a.next("sm:" + id)
	switch {
	case code != "":
		answer(w, http.StatusBadRequest, map[string]any{"__type": code, "Message": "Access to KMS is not allowed"})
		return
	case a.binSecs[id]:
		answer(w, http.StatusOK, map[string]any{"Name": id, "SecretBinary": "AAEC", "VersionId": "v1"})
		return
	case !ok:
		answer(w, http.StatusBadRequest, map[string]any{"__type": "ResourceNotFoundException", "Message": "Secrets Manager can't find the specified secret."})
		return
	}
	answer(w, http.StatusOK, map[string]any{
		"ARN": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:" + id + "-AbCdEf", "Name": id,
		"SecretString": v, "VersionId": "v1", "VersionStages": []string{"AWSCURRENT"}, "CreatedDate": 1.7955e9,
	})
}

// answer writes an awsJson1_1 answer.
func answer(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/x-amz-json-1.1")
	w.Header().Set("X-Amzn-RequestId", "4d6f0c2e-1c5b-4b4e-9a8e-3b1f0e2d5c7a")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(body)
}

// signedFor returns the region and service of a SigV4 Authorization
// header: "AWS4-HMAC-SHA256 Credential=AKID/20261125/eu-west-1/ssm/aws4_request, …".
func signedFor(auth string) (region, service string) {
	_, cred, _ := strings.Cut(auth, "Credential=")
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(cred, "/")
	if len(parts) != 5 {
		return "", ""
	}
	return parts[2], parts[3]
}
