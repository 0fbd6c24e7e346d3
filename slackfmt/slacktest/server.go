package slacktest

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"
)

// Server is a fake of Slack's incoming webhooks and Web API on a local
// httptest server. Its zero value is not usable: make one with NewServer
// and Close it when done. All its methods are safe for concurrent use.
type Server struct {
	srv  *httptest.Server
	done chan struct{} // closed by Close, to end scripted delays
	now  func() time.Time

	mu       sync.Mutex
	log      []Message           // every request, in the order answered
	posted   map[postKey]Message // messages as they stand after updates
	channels map[string]string   // channel name → the ID the server gave it
	nextTS   int                 // messages posted so far
	files    map[string]*File    // by ID
	shared   []string            // IDs of the files shared, in order
	failures []*Failure          // scripted answers, in order
	limit    rateLimit
	buckets  map[string]*bucket // by webhook path or channel ID
}

// postKey identifies a posted message.
type postKey struct{ channel, ts string }

// NewServer starts a Server on 127.0.0.1 and returns it.
func NewServer() *Server {
	s := &Server{
		done:     make(chan struct{}),
		now:      time.Now,
		posted:   make(map[postKey]Message),
		channels: make(map[string]string),
		files:    make(map[string]*File),
		buckets:  make(map[string]*bucket),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /services/", s.serveWebhook)
	mux.HandleFunc("POST /api/{method}", s.serveAPI)
	mux.HandleFunc("POST /upload/{file}", s.serveUpload)
	s.srv = httptest.NewServer(mux)
	return s
}

// Close ends scripted delays and shuts the server down, waiting for the
// requests in flight to finish.
func (s *Server) Close() {
	s.mu.Lock()
	select {
	case <-s.done:
	default:
		close(s.done)
	}
	s.mu.Unlock()
	s.srv.Close()
}

// URL returns the server's base URL, such as "http://127.0.0.1:40000".
func (s *Server) URL() string { return s.srv.URL }

// WebhookURL returns the URL of an incoming webhook. Any other path under
// /services/ is a webhook too, with its own rate limit.
func (s *Server) WebhookURL() string {
	return s.srv.URL + "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"
}

// APIURL returns the base URL of the Web API, with the trailing slash
// that slack.OptionAPIURL needs: methods are served at APIURL() +
// "chat.postMessage" and so on.
func (s *Server) APIURL() string { return s.srv.URL + "/api/" }

// Client returns an HTTP client for the server, as httptest.Server.Client
// does.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Messages returns every request the server received, in the order it
// answered them, failed ones included (their Error says why).
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// Posted returns the message with the given channel ID and ts as it stands
// after every chat.update, and whether it was posted. Its Method is
// "chat.postMessage".
func (s *Server) Posted(channel, ts string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	m, ok := s.posted[postKey{channel, ts}]
	return m, ok
}

// record adds m to the log.
func (s *Server) record(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = append(s.log, m)
}

// newTS returns the ts of the next message posted. The ts are unique and
// increasing, in Slack's "seconds.microseconds" form, from
// 1700000000.000100 on; the caller holds s.mu.
func (s *Server) newTS() string {
	s.nextTS++
	micros := s.nextTS * 100
	return fmt.Sprintf("%d.%06d", 1700000000+micros/1_000_000, micros%1_000_000)
}

// channelID returns the ID of the channel given as ch: ch itself when it
// looks like an ID, or else the ID the server gave (or now gives) the
// channel of that name. It returns "" for "". The caller holds s.mu.
func (s *Server) channelID(ch string) string {
	if ch == "" || isChannelID(ch) {
		return ch
	}
	name := ch
	if name[0] == '#' {
		name = name[1:]
	}
	id, ok := s.channels[name]
	if !ok {
		id = fmt.Sprintf("C%08d", len(s.channels)+1)
		s.channels[name] = id
	}
	return id
}

// isChannelID reports whether s looks like a conversation ID: C, G or D
// and then upper-case letters and digits.
func isChannelID(s string) bool {
	if len(s) < 3 || (s[0] != 'C' && s[0] != 'G' && s[0] != 'D') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if (s[i] < 'A' || s[i] > 'Z') && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}
