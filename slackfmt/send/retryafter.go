package send

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// parseRetryAfter decodes a Retry-After header value, which RFC 9110
// §10.2.3 allows to be either a number of seconds or an HTTP date. A date
// is turned into a wait relative to now; a date in the past means no wait.
// It reports false when the value is absent or malformed.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	secs, err := strconv.ParseInt(v, 10, 64)
	switch {
	case err == nil:
		return secondsToDuration(secs)
	case errors.Is(err, strconv.ErrRange) && v[0] != '-':
		return secondsToDuration(maxRetryAfterSeconds) // digits beyond int64: a very long wait
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// maxRetryAfterSeconds keeps a Retry-After in seconds from overflowing
// time.Duration: a day is more than any wait this package will honour.
const maxRetryAfterSeconds = 24 * 60 * 60

// secondsToDuration converts a Retry-After in seconds, rejecting negative
// values and clamping absurdly large ones.
func secondsToDuration(secs int64) (time.Duration, bool) {
	if secs < 0 {
		return 0, false
	}
	return time.Duration(min(secs, maxRetryAfterSeconds)) * time.Second, true
}
