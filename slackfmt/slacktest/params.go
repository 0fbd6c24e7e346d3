package slacktest

import (
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// maxBody bounds the body of a request the server reads.
const maxBody = 8 << 20

// errNotObject is the error of a JSON body that is not an object.
var errNotObject = errors.New("slacktest: body is not a JSON object")

// params are the arguments of a request: the fields of a form, or of a
// JSON object, and the token.
type params struct {
	form  url.Values
	json  map[string]json.RawMessage
	token string
}

// readParams reads the arguments of a Web API request: a form
// (application/x-www-form-urlencoded or multipart/form-data) with the
// token in it or in the Authorization header, or a JSON object
// (application/json) with the token in the Authorization header.
func readParams(r *http.Request) (params, error) {
	token, _ := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if isJSON(r) {
		p, err := readJSON(r)
		p.token = token
		return p, err
	}
	if err := parseForm(r); err != nil {
		return params{}, err
	}
	if t := r.PostForm.Get("token"); t != "" {
		token = t
	}
	return params{form: r.PostForm, token: token}, nil
}

// readWebhookParams reads the body of an incoming-webhook request: a JSON
// object, or a form whose "payload" field holds one.
func readWebhookParams(r *http.Request) (params, error) {
	if isJSON(r) || r.Header.Get("Content-Type") == "" {
		return readJSON(r)
	}
	if err := parseForm(r); err != nil {
		return params{}, err
	}
	return decodeObject([]byte(r.PostForm.Get("payload")))
}

func isJSON(r *http.Request) bool {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	return mt == "application/json"
}

func parseForm(r *http.Request) error {
	r.Body = http.MaxBytesReader(nil, r.Body, maxBody)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return r.ParseMultipartForm(maxBody)
	}
	return r.ParseForm()
}

func readJSON(r *http.Request) (params, error) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return params{}, err
	}
	return decodeObject(body)
}

func decodeObject(body []byte) (params, error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return params{}, err
	}
	if obj == nil {
		return params{}, errNotObject
	}
	return params{json: obj}, nil
}

// has reports whether the request has the argument key.
func (p params) has(key string) bool {
	if p.json != nil {
		_, ok := p.json[key]
		return ok
	}
	return p.form.Has(key)
}

// str returns the argument key as text: a form value, or a JSON string
// (other JSON values as they are written). It returns "" when absent.
func (p params) str(key string) string {
	if p.json == nil {
		return p.form.Get(key)
	}
	raw := p.json[key]
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	if isNull(raw) {
		return ""
	}
	return string(raw)
}

// raw returns the argument key as JSON: a form value, which holds JSON, or
// a JSON value (a string that holds JSON, as a form would send it, is
// unquoted). It returns nil when absent or null.
func (p params) raw(key string) json.RawMessage {
	if p.json == nil {
		if !p.form.Has(key) {
			return nil
		}
		return json.RawMessage(p.form.Get(key))
	}
	raw := p.json[key]
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return json.RawMessage(s)
	}
	if isNull(raw) {
		return nil
	}
	return raw
}

// flag returns the argument key as a bool ("true" or "1" in a form, or a
// JSON bool), or nil when absent.
func (p params) flag(key string) *bool {
	if !p.has(key) {
		return nil
	}
	v, err := strconv.ParseBool(p.str(key))
	if err != nil {
		v = false
	}
	return &v
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || string(raw) == "null"
}
