package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// maxBody bounds request bodies. An SNS message is at most 256 KiB and an
// EventBridge event at most 256 KiB, so 1 MiB leaves room and no more.
const maxBody = 1 << 20

// The Slack delivery of one request, retries included, must end before
// the caller gives up on the request and sends it again, or both
// deliveries would post: SNS waits 15 seconds for an HTTP(S) subscriber,
// an EventBridge API destination 5 seconds.
const (
	snsDeliveryTimeout         = 12 * time.Second
	eventBridgeDeliveryTimeout = 4 * time.Second
	// deliveryTimeout is the longest of them.
	deliveryTimeout = snsDeliveryTimeout
)

// server turns SNS and EventBridge deliveries into Slack messages.
type server struct {
	verifier  *snsverify.Verifier
	apiKey    string // EventBridge API key; empty refuses every EventBridge request
	sender    send.Sender
	buildOpts []slackfmt.Option
	log       *slog.Logger
}

// handler routes the server's endpoints. Requests with another method get
// 405 from the mux.
func (s *server) handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /sns", s.handleSNS)
	mux.HandleFunc("POST /eventbridge", s.handleEventBridge)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, "ok\n")
	})
	return mux
}

// readBody reads the request body, refusing it with 413 when it exceeds
// maxBody or 400 when it cannot be read. It reports whether to go on; when
// it does, the caller calls release once it no longer uses the body, so
// that the buffer serves the next request. (Nothing decoded from the body
// keeps a reference to it: encoding/json copies what it decodes.)
func readBody(w http.ResponseWriter, r *http.Request) (body []byte, release func(), ok bool) {
	buf := bodies.Get().(*bytes.Buffer)
	buf.Reset()
	buf.Grow(bodySizeHint(r.ContentLength))
	release = func() {
		if buf.Cap() <= maxPooledBody {
			bodies.Put(buf)
		}
	}
	_, err := buf.ReadFrom(http.MaxBytesReader(w, r.Body, maxBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		http.Error(w, "body larger than 1 MiB", http.StatusRequestEntityTooLarge)
	case err != nil:
		http.Error(w, "cannot read body", http.StatusBadRequest)
	default:
		return buf.Bytes(), release, true
	}
	release()
	return nil, nil, false
}

// bodies holds the buffers that request bodies are read into.
var bodies = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBody is the largest body buffer kept for reuse.
const maxPooledBody = 64 << 10

// bodySizeHint returns how much room to make for a body of the declared
// length: all of it, and the bytes.MinRead more that bytes.Buffer wants
// free before each read, so that reading it needs no copy; a little when
// the length is unknown or over the limit.
func bodySizeHint(n int64) int {
	if n < 0 || n > maxBody {
		return 4 << 10
	}
	return int(n) + bytes.MinRead
}

// reply writes a short plain-text response.
func reply(w http.ResponseWriter, code int, text string) {
	if code >= 400 {
		http.Error(w, text, code)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	io.WriteString(w, text+"\n")
}

// deliveryContext bounds a delivery, detached from the request's own
// cancellation: once the message is accepted, a client that hangs up
// should not leave it half sent.
func deliveryContext(r *http.Request, timeout time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.WithoutCancel(r.Context()), timeout)
}
