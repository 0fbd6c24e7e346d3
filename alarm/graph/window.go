package graph

import (
	"strconv"
	"time"

	"github.com/cwslack/cwslack/alarm"
)

// Shape of the time window.
const (
	// windowPeriods is how many of the alarm's periods a graph shows at
	// least, so that an alarm on hourly or daily data shows its trend.
	windowPeriods = 20
	// tail is how long after the state change a graph ends: the change is
	// near the right edge, where the eye looks for "now", with a little
	// room after it; AWS's own sample (alarm-context-tool) does the same.
	tail = 5 * time.Minute
	// maxIncident is the longest stretch in ALARM that widens a graph of
	// the alarm's recovery: beyond it the graph keeps its usual span,
	// since a day of one-minute datapoints is as much as an 800-pixel
	// graph can show.
	maxIncident = 24 * time.Hour
	// isoMillis is the layout of the absolute times of a MetricWidget, as
	// its documentation writes them: 2018-04-25T12:00:00.000Z.
	isoMillis = "2006-01-02T15:04:05.000Z"
	// maxSpan is the longest window: CloudWatch keeps datapoints for 15
	// months, so a longer graph would be empty on the left.
	maxSpan = 455 * 24 * time.Hour
)

// window is the time span of a graph. A zero end means "now": the alarm
// had no state-change time, so the span is relative.
type window struct {
	start, end time.Time
	span       time.Duration
	// change is when the alarm entered its state, and alarmStart when it
	// entered ALARM if it is leaving ALARM now; either may be zero.
	change, alarmStart time.Time
}

// newWindow returns the window of a's graph: the last max(minSpan, 20
// periods) before the state change and 5 minutes after it, in whole
// minutes. When a leaves ALARM and the payload says since when (EventBridge
// and the Lambda action do), the window reaches back to show the whole
// stretch in ALARM, and a third of the usual span before it, if that
// stretch lasted at most a day.
func newWindow(a *alarm.Alarm, period int64, minSpan time.Duration) window {
	span := minSpan
	if p := time.Duration(period) * time.Second; p > 0 {
		span = max(span, min(p, maxSpan/windowPeriods)*windowPeriods)
	}
	w := window{change: a.State.Timestamp.UTC()}
	if prev := a.PreviousState; prev.Value == alarm.StateAlarm && a.State.Value != alarm.StateAlarm &&
		!prev.Timestamp.IsZero() && prev.Timestamp.Before(w.change) {
		w.alarmStart = prev.Timestamp.UTC()
		if incident := w.change.Sub(w.alarmStart); incident <= maxIncident {
			span = max(span, incident+span/3)
		}
	}
	w.span = ceilMinute(min(span, maxSpan))
	if w.change.IsZero() {
		return w
	}
	w.end = w.change.Add(tail).Truncate(time.Minute)
	if w.end.Before(w.change.Add(tail)) {
		w.end = w.end.Add(time.Minute)
	}
	w.start = w.end.Add(-w.span)
	return w
}

// startParam returns the window's start as a MetricWidget writes it.
func (w window) startParam() string {
	if w.end.IsZero() {
		return "-PT" + strconv.FormatInt(int64(w.span/time.Minute), 10) + "M"
	}
	return w.start.Format(isoMillis)
}

// endParam returns the window's end as a MetricWidget writes it, or ""
// for "now", the default.
func (w window) endParam() string {
	if w.end.IsZero() {
		return ""
	}
	return w.end.Format(isoMillis)
}

// ceilMinute rounds d up to a whole number of minutes.
func ceilMinute(d time.Duration) time.Duration {
	if r := d % time.Minute; r != 0 {
		d += time.Minute - r
	}
	return d
}
