package cwslack

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Notifier posts alarms to Slack: it routes each alarm to its
// destinations, drops the copies of state changes it has posted already,
// builds each message with [slackfmt.Build] and sends it with the
// destination's sender.
//
// A Notifier is safe for concurrent use. The Lambda and HTTP handlers of
// this package share one between all the requests they serve.
type Notifier struct {
	router *Router
	seen   send.DedupeStore
	log    *slog.Logger
	graphs Grapher
}

// Option configures a Notifier.
type Option func(*Notifier)

// WithDedupeStore makes the Notifier record in s which state changes it
// delivered to which destination, so that each is posted once however many
// copies arrive: SNS, SQS, EventBridge and Lambda all deliver at least
// once, and an alarm wired to both SNS and EventBridge arrives twice. The
// default is a [send.MemoryStore], which sees only the copies that reach
// the same process; a store shared by every instance, such as a DynamoDB
// table, sees them all. A nil s turns deduplication off.
func WithDedupeStore(s send.DedupeStore) Option {
	return func(n *Notifier) { n.seen = s }
}

// WithLogger makes the Notifier, and the handlers built on it, log to l
// with log/slog: one record per alarm delivered, dropped or not delivered,
// and one per input that held no alarm. The default discards the records.
func WithLogger(l *slog.Logger) Option {
	return func(n *Notifier) {
		if l != nil {
			n.log = l
		}
	}
}

// New returns a Notifier that delivers alarms where r routes them. Use
// [To] for a single destination.
func New(r *Router, opts ...Option) *Notifier {
	n := &Notifier{
		router: r,
		seen:   send.NewMemoryStore(0),
		log:    slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	for _, opt := range opts {
		if opt != nil {
			opt(n)
		}
	}
	return n
}

// Logger returns the logger the Notifier logs to.
func (n *Notifier) Logger() *slog.Logger { return n.log }

// Notify delivers each alarm to the destinations its route names, one
// message per alarm and destination, in the order given within each
// destination; destinations are served concurrently. It returns nil when
// every alarm reached every destination (or was a copy of a state change
// delivered before), and otherwise a *DeliveryError listing each alarm and
// destination that failed. Nil alarms are ignored.
//
// A delivery that fails is not recorded as delivered, so a retry of the
// whole call (by Lambda, SQS or SNS) posts exactly what is missing.
func (n *Notifier) Notify(ctx context.Context, alarms ...*alarm.Alarm) error {
	plan := n.plan(ctx, alarms)
	failures := make([][]Failure, len(plan))
	var wg sync.WaitGroup
	for i, b := range plan {
		wg.Go(func() { failures[i] = n.deliverBatch(ctx, b) })
	}
	wg.Wait()
	var all []Failure
	for _, fs := range failures {
		all = append(all, fs...)
	}
	if len(all) == 0 {
		return nil
	}
	sortFailures(all, alarms)
	return &DeliveryError{Failures: all}
}

// batch is what one destination receives from one call of Notify.
type batch struct {
	name  string
	dest  Destination
	items []item
}

// item is one alarm for a destination, with the mention it carries.
type item struct {
	alarm   *alarm.Alarm
	mention slackfmt.Mention
}

// plan routes the alarms and groups them by destination, in the order of
// the router's destination names.
func (n *Notifier) plan(ctx context.Context, alarms []*alarm.Alarm) []*batch {
	byName := make(map[string]*batch)
	for _, a := range alarms {
		if a == nil {
			continue
		}
		targets := n.router.Route(a)
		if len(targets) == 0 {
			n.log.InfoContext(ctx, "alarm dropped by route", alarmAttrs(ctx, a)...)
		}
		for _, t := range targets {
			b := byName[t.Destination]
			if b == nil {
				d, _ := n.router.Destination(t.Destination)
				b = &batch{name: t.Destination, dest: d}
				byName[t.Destination] = b
			}
			b.items = append(b.items, item{alarm: a, mention: t.Mention})
		}
	}
	var out []*batch
	for _, name := range n.router.names {
		if b := byName[name]; b != nil {
			out = append(out, b)
		}
	}
	return out
}

// deliverBatch delivers the items of b one after the other, then their
// graphs, and returns the items that failed.
func (n *Notifier) deliverBatch(ctx context.Context, b *batch) []Failure {
	var failed []Failure
	var posted []postedItem
	for _, it := range b.items {
		r, err := n.deliver(ctx, b, it)
		if err != nil {
			failed = append(failed, Failure{Alarm: it.alarm, Destination: b.name, Err: err})
			continue
		}
		posted = append(posted, postedItem{it.alarm, r})
	}
	n.attachGraphs(ctx, b, posted)
	return failed
}

// deliver posts one alarm to one destination, unless its state change was
// delivered there already, and returns where Slack put it (nothing for a
// copy or a webhook).
func (n *Notifier) deliver(ctx context.Context, b *batch, it item) (send.Receipt, error) {
	log := n.log.With(append(alarmAttrs(ctx, it.alarm), slog.String("destination", b.name))...)
	key, until, ok := n.claim(ctx, log, b.name, it.alarm)
	if !ok {
		log.InfoContext(ctx, "alarm already delivered; copy dropped")
		return send.Receipt{}, nil
	}
	r, err := b.dest.Sender.Send(ctx, it.alarm, slackfmt.Build(it.alarm, buildOptions(b.dest, it)...))
	n.settle(ctx, log, key, until, err)
	if err != nil {
		log.ErrorContext(ctx, "alarm not delivered",
			slog.Bool("permanent", errors.Is(err, send.ErrPermanent)), slog.Any("error", err))
		return send.Receipt{}, err
	}
	log.InfoContext(ctx, "alarm delivered")
	return r, nil
}

// buildOptions returns the slackfmt options of it's message: the
// destination's, and its mention on ALARM.
func buildOptions(d Destination, it item) []slackfmt.Option {
	opts := d.Options
	if it.mention != (slackfmt.Mention{}) {
		opts = append(opts[:len(opts):len(opts)], slackfmt.WithMention(alarm.StateAlarm, it.mention))
	}
	return opts
}

// claim reserves the delivery of a's state change to the destination
// called dest until the context's deadline. It reports false when the
// state change was delivered there already or is being delivered by
// another instance. When the store cannot answer, the alarm is delivered:
// a duplicate is better than a lost alarm. key is "" when nothing was
// claimed.
func (n *Notifier) claim(ctx context.Context, log *slog.Logger, dest string, a *alarm.Alarm) (key string, until time.Time, ok bool) {
	sck := send.StateChangeKey(a)
	if n.seen == nil || sck == "" {
		return "", time.Time{}, true
	}
	key = dest + " " + sck
	until = claimUntil(ctx)
	claimed, err := n.seen.Claim(ctx, key, until)
	if err != nil {
		log.WarnContext(ctx, "deduplication store failed; delivering anyway", slog.Any("error", err))
		return "", time.Time{}, true
	}
	return key, until, claimed
}

// claimUntil returns when a claim made now should lapse: at the context's
// deadline, by which the delivery has ended one way or the other, or after
// send.DefaultTimeout when there is none.
func claimUntil(ctx context.Context) time.Time {
	if d, ok := ctx.Deadline(); ok {
		return d
	}
	return time.Now().Add(send.DefaultTimeout)
}

// settle records the outcome of a claimed delivery: done, or released so
// that a retry can claim it again. Its errors cost at most a duplicate,
// so they are logged and otherwise ignored.
func (n *Notifier) settle(ctx context.Context, log *slog.Logger, key string, until time.Time, sendErr error) {
	if key == "" {
		return
	}
	// The delivery's own context may be over; recording the outcome
	// still matters.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
	defer cancel()
	var err error
	if sendErr == nil {
		err = n.seen.Done(ctx, key)
	} else {
		err = n.seen.Release(ctx, key, until)
	}
	if err != nil {
		log.WarnContext(ctx, "deduplication store failed", slog.Any("error", err))
	}
}

// sortFailures orders failures by the position of their alarm in alarms,
// then by destination, so that the error reads in input order.
func sortFailures(fs []Failure, alarms []*alarm.Alarm) {
	pos := make(map[*alarm.Alarm]int, len(alarms))
	for i, a := range alarms {
		pos[a] = i
	}
	slices.SortStableFunc(fs, func(x, y Failure) int {
		if d := pos[x.Alarm] - pos[y.Alarm]; d != 0 {
			return d
		}
		return strings.Compare(x.Destination, y.Destination)
	})
}
