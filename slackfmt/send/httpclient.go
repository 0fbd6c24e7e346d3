package send

import (
	"net"
	"net/http"
	"time"
)

// Timeouts of the default HTTP client. Each bounds one attempt; the
// context passed to Send bounds the whole delivery, retries included.
const (
	requestTimeout = 10 * time.Second
	dialTimeout    = 5 * time.Second
	tlsTimeout     = 5 * time.Second
)

// defaultHTTPClient returns the client used unless WithHTTPClient says
// otherwise. http.DefaultClient has no timeout at all, so a Slack that
// accepts the connection and never answers would hang a sender until its
// context ends.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.DialContext = (&net.Dialer{Timeout: dialTimeout, KeepAlive: 30 * time.Second}).DialContext
	t.TLSHandshakeTimeout = tlsTimeout
	t.ResponseHeaderTimeout = requestTimeout
	return &http.Client{Timeout: requestTimeout, Transport: t}
}
