package slacktest

import (
	"errors"
	"net/http"
)

// apiMethod is a Web API method: decode fills the message of a request
// from its arguments and returns Slack's refusal of them, if any; apply
// does what the method does and returns the answer.
type apiMethod struct {
	decode func(p params, m *Message) *refusal
	apply  func(s *Server, p params, m *Message) answer
}

// apiMethods are the methods the server serves.
var apiMethods = map[string]apiMethod{
	"chat.postMessage":             {decodePost, (*Server).postMessage},
	"chat.update":                  {decodeUpdate, (*Server).update},
	"files.getUploadURLExternal":   {decodeNothing, (*Server).getUploadURL},
	"files.completeUploadExternal": {decodeComplete, (*Server).completeUpload},
}

// serveAPI answers a Web API request.
func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	m := Message{Method: r.PathValue("method")}
	a := s.api(r, &m)
	a.note(&m)
	s.record(m)
	a.writeJSON(w)
}

// api handles a Web API request, filling m, and returns the answer.
func (s *Server) api(r *http.Request, m *Message) answer {
	meth, known := apiMethods[m.Method]
	p, err := readParams(r)
	var ref *refusal
	if err == nil && known {
		ref = meth.decode(p, m)
	}
	if a := s.scripted(r, m.Method, false); a != nil {
		return *a
	}
	switch {
	case err != nil && (isJSON(r) || errors.Is(err, errNotObject)):
		return refused("invalid_json", false)
	case err != nil:
		return refused("invalid_form_data", false)
	case !known:
		return refused("unknown_method", false)
	case p.token == "":
		return refused("not_authed", false)
	case ref != nil:
		return refusedWith(ref, false)
	}
	return meth.apply(s, p, m)
}

func decodeNothing(params, *Message) *refusal { return nil }

func decodePost(p params, m *Message) *refusal {
	m.Channel = p.str("channel")
	return decodeMessage(p, m)
}

func decodeUpdate(p params, m *Message) *refusal {
	m.Channel, m.TS = p.str("channel"), p.str("ts")
	return decodeMessage(p, m)
}

// postMessage posts m to its channel and answers its channel ID and ts.
func (s *Server) postMessage(_ params, m *Message) answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	if m.Channel == "" {
		return refused("channel_not_found", false)
	}
	if isEmpty(m) {
		return refused("no_text", false)
	}
	m.Channel = s.channelID(m.Channel)
	if ok, after := s.allow(m.Channel); !ok {
		return rateLimited(after, false)
	}
	m.TS = s.newTS()
	posted := *m
	posted.Status = http.StatusOK
	s.posted[postKey{m.Channel, m.TS}] = posted
	return succeeded(map[string]any{
		"channel": m.Channel,
		"ts":      m.TS,
		"message": map[string]any{"type": "message", "text": m.Text, "ts": m.TS},
	})
}

// update replaces the message at m's channel and ts as chat.update does:
// the text, blocks, attachments and metadata that m gives replace the
// message's, and a new text without blocks removes the message's blocks.
func (s *Server) update(p params, m *Message) answer {
	s.mu.Lock()
	defer s.mu.Unlock()
	m.Channel = s.channelID(m.Channel)
	key := postKey{m.Channel, m.TS}
	old, ok := s.posted[key]
	switch {
	case !ok:
		return refused("message_not_found", false)
	case m.Text == "" && m.BlocksJSON == nil && m.Attachments == nil:
		return refused("no_text", false)
	}
	if p.has("text") {
		old.Text, old.Blocks, old.BlocksJSON = m.Text, nil, nil
	}
	if m.BlocksJSON != nil {
		old.Blocks, old.BlocksJSON = m.Blocks, m.BlocksJSON
	}
	if p.has("attachments") {
		old.Attachments = m.Attachments
	}
	if p.has("metadata") {
		old.Metadata = m.Metadata
	}
	s.posted[key] = old
	return succeeded(map[string]any{"channel": m.Channel, "ts": m.TS, "text": old.Text})
}
