package send

import (
	"crypto/sha256"
	"sync"
	"time"
)

// Slack allows about one message a second to each incoming webhook and to
// each channel through chat.postMessage, with short bursts above it
// ("Incoming webhooks: 1 per second, short bursts allowed";
// https://docs.slack.dev/apis/web-api/rate-limits and
// https://docs.slack.dev/reference/methods/chat.postMessage, "Rate
// limits"). These defaults keep one process within that limit.
const (
	// DefaultPostsPerSecond is the default pace of the posts to one
	// destination: one a second.
	DefaultPostsPerSecond = 1.0
	// DefaultBurst is how many posts to one destination may go at once
	// before the pace applies.
	DefaultBurst = 3
)

// pacing is the pace that WithPacing sets: perSecond posts a second after
// a burst of burst; none when perSecond is 0.
type pacing struct {
	perSecond float64
	burst     int
}

// defaultPacing is the pacing of a sender given no WithPacing.
var defaultPacing = pacing{perSecond: DefaultPostsPerSecond, burst: DefaultBurst}

// pacer spaces the posts to one destination, for every sender of the
// process: a token bucket kept as the theoretical arrival time of the
// next post (the generic cell rate algorithm), so that a post can reserve
// its slot and wait for it. It is safe for concurrent use.
type pacer struct {
	mu       sync.Mutex
	interval time.Duration // between two posts at the pace
	burst    int
	tat      time.Time // when the next post would be due at the pace
}

// pacers holds the pacer of every destination that a sender of the
// process posted to, keyed by a hash of the destination (a webhook URL, a
// token and a channel) so that no secret is kept as a key.
var pacers sync.Map // [sha256.Size]byte → *pacer

// pacerFor returns the pacer shared by the senders of destination, with
// pace p, or nil when p sets no pace. When senders of one destination ask
// for different paces, the slowest interval and the smallest burst
// apply to all of them.
func pacerFor(destination string, p pacing) *pacer {
	if p.perSecond <= 0 {
		return nil
	}
	interval := time.Duration(float64(time.Second) / p.perSecond)
	key := sha256.Sum256([]byte(destination))
	v, _ := pacers.LoadOrStore(key, &pacer{interval: interval, burst: p.burst})
	pc := v.(*pacer)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	pc.interval = max(pc.interval, interval)
	pc.burst = min(pc.burst, p.burst)
	return pc
}

// slot is a reserved time to post at.
type slot struct {
	at  time.Time // when to post
	tat time.Time // the pacer's tat right after the reservation
}

// reserve reserves the first slot at or after now, unless it is after
// latest: then it reserves nothing and reports false.
func (pc *pacer) reserve(now, latest time.Time) (slot, bool) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	tolerance := time.Duration(pc.burst-1) * pc.interval
	at := now
	if earliest := pc.tat.Add(-tolerance); earliest.After(at) {
		at = earliest
	}
	if at.After(latest) {
		return slot{}, false
	}
	pc.tat = laterOf(pc.tat, at).Add(pc.interval)
	return slot{at: at, tat: pc.tat}, true
}

// cancel gives back s, reserved with reserve, when no later slot was
// reserved since, so that a sender that gave up does not delay the
// others.
func (pc *pacer) cancel(s slot) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.tat.Equal(s.tat) {
		pc.tat = pc.tat.Add(-pc.interval)
	}
}

// hold keeps every sender of the destination from posting before until,
// when Slack asked to wait until then, and lets one post go at until.
func (pc *pacer) hold(until time.Time) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	tolerance := time.Duration(pc.burst-1) * pc.interval
	pc.tat = laterOf(pc.tat, until.Add(tolerance))
}

// laterOf returns the later of a and b.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// WithPacing sets how fast the senders of one destination (a webhook URL,
// or a bot token and channel) post, together, within this process: at
// most burst posts at once, and then perSecond a second, as a token
// bucket that every sender of the destination shares. The default is
// [DefaultPostsPerSecond] after a burst of [DefaultBurst], Slack's
// documented limit, so that a storm of alarms in one process does not
// hammer Slack into answering 429. A post waits for its slot as long as
// the context's deadline allows; when the slot comes too late, Send
// returns a retryable *Error matching ErrRateLimited without posting.
// When senders of one destination are given different paces, the slowest
// and the smallest burst apply to all of them. A perSecond of 0 or less
// turns pacing off; a burst below 1 is 1. chat.update is not paced: it
// posts no message.
func WithPacing(perSecond float64, burst int) Option {
	return sharedOption(func(s *settings) {
		s.pacing = pacing{perSecond: max(perSecond, 0), burst: max(burst, 1)}
	})
}
