package cwslack

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Grapher draws alarms as images. *graph.Client is one: it draws with
// CloudWatch's GetMetricWidgetImage.
type Grapher interface {
	// Draw returns the PNG image of a's metrics.
	Draw(ctx context.Context, a *alarm.Alarm) ([]byte, error)
	// Children returns the child alarms of the composite alarm a that made
	// it change state, for Draw.
	Children(ctx context.Context, a *alarm.Alarm) ([]*alarm.Alarm, error)
}

// uploader is a sender that can post a file in a message's thread, as
// *send.Bot does.
type uploader interface {
	Upload(ctx context.Context, r send.Receipt, filename, title string, data []byte) error
}

var _ uploader = (*send.Bot)(nil)

// WithGraphs makes the Notifier post the graph of each alarm it delivers
// to a destination that can take files (a [send.Bot], with the
// files:write scope), in the thread of the alarm's message: the graph
// of the alarm's metrics as the CloudWatch console draws it, or for a
// composite alarm the graphs of the children that triggered it. The
// message never waits for its graph: the graphs of a call are drawn and
// posted after all its messages, within a quarter of the time left (at
// most maxGraphTime). A graph that cannot be drawn or posted is logged
// and changes nothing else. Webhooks take no files and get no graphs.
func WithGraphs(g Grapher) Option {
	return func(n *Notifier) { n.graphs = g }
}

// maxGraphTime bounds the graphs of one call of Notify.
const maxGraphTime = 10 * time.Second

// postedItem is an alarm posted to a destination, and where.
type postedItem struct {
	alarm   *alarm.Alarm
	receipt send.Receipt
}

// attachGraphs posts the graphs of the alarms posted to b, if graphs are on
// and b's sender takes files.
func (n *Notifier) attachGraphs(ctx context.Context, b *batch, posted []postedItem) {
	up, ok := b.dest.Sender.(uploader)
	if n.graphs == nil || !ok || len(posted) == 0 {
		return
	}
	ctx, cancel := graphContext(ctx)
	defer cancel()
	for _, p := range posted {
		if p.receipt.TS == "" || ctx.Err() != nil {
			continue
		}
		n.attachGraph(ctx, up, b.name, p)
	}
}

// graphContext returns a context that ends after a quarter of the time
// left in ctx, and at most maxGraphTime.
func graphContext(ctx context.Context) (context.Context, context.CancelFunc) {
	budget := maxGraphTime
	if d, ok := ctx.Deadline(); ok {
		budget = min(budget, time.Until(d)/4)
	}
	return context.WithTimeout(ctx, budget)
}

// attachGraph draws the graphs of one posted alarm and posts them in its
// thread.
func (n *Notifier) attachGraph(ctx context.Context, up uploader, dest string, p postedItem) {
	log := n.log.With(append(alarmAttrs(ctx, p.alarm), slog.String("destination", dest))...)
	drawn := []*alarm.Alarm{p.alarm}
	if p.alarm.Kind == alarm.KindComposite {
		children, err := n.graphs.Children(ctx, p.alarm)
		if err != nil {
			logGraphError(ctx, log, err)
			return
		}
		drawn = children
	}
	for _, a := range drawn {
		png, err := n.graphs.Draw(ctx, a)
		if err == nil {
			err = up.Upload(ctx, p.receipt, graph.Filename(a), "Graph of "+a.Name, png)
		}
		if err != nil {
			logGraphError(ctx, log, err)
			continue
		}
		log.InfoContext(ctx, "graph posted", slog.String("graph", a.Name))
	}
}

// logGraphError logs a graph that was not posted: at level Debug when the
// alarm cannot be drawn at all, else Warn.
func logGraphError(ctx context.Context, log *slog.Logger, err error) {
	level := slog.LevelWarn
	if errors.Is(err, graph.ErrNotDrawable) {
		level = slog.LevelDebug
	}
	log.Log(ctx, level, "graph not posted", slog.Any("error", err))
}
