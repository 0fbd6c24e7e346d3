package slacktest

import (
	"math"
	"time"
)

// rateLimit is the limit of messages per webhook or channel: perSecond
// tokens a second into buckets of burst tokens; none when perSecond is 0.
type rateLimit struct {
	perSecond float64
	burst     int
}

// bucket holds the tokens of one webhook or channel.
type bucket struct {
	tokens float64
	last   time.Time
}

// SetRateLimit limits the messages that each webhook and each channel
// (chat.postMessage) may get: a burst of burst messages at once, and then
// perSecond a second, as a token bucket. A message over the limit gets
// HTTP 429 with a Retry-After header (the whole seconds until the bucket
// has a token again, at least 1) and, as Slack answers,
// {"ok":false,"error":"rate_limited","retry_after":1} from a webhook or
// {"ok":false,"error":"ratelimited"} from the Web API; it is not posted.
// Slack allows about one message a second per channel, with short bursts:
// SetRateLimit(1, 3) is close. A perSecond of 0 or less removes the limit;
// a burst below 1 is 1. Setting the limit refills every bucket.
func (s *Server) SetRateLimit(perSecond float64, burst int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limit = rateLimit{perSecond: max(perSecond, 0), burst: max(burst, 1)}
	clear(s.buckets)
}

// allow takes a token from key's bucket, and reports whether there was
// one; if not, it returns how long until there is, in whole seconds. The
// caller holds s.mu.
func (s *Server) allow(key string) (bool, time.Duration) {
	l := s.limit
	if l.perSecond == 0 {
		return true, 0
	}
	now := s.now()
	b, ok := s.buckets[key]
	if !ok {
		b = &bucket{tokens: float64(l.burst), last: now}
		s.buckets[key] = b
	}
	b.tokens = min(float64(l.burst), b.tokens+now.Sub(b.last).Seconds()*l.perSecond)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	secs := math.Ceil((1 - b.tokens) / l.perSecond)
	return false, time.Duration(max(secs, 1)) * time.Second
}
