package slackfmt

import (
	"strconv"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// Bounds of a contributor's parts.
const (
	// maxTitleName bounds the alarm name in a title that also names a
	// contributor, so that the contributor still fits in the header.
	maxTitleName = 80
	// maxTitleAttributes bounds the attributes named in a title.
	maxTitleAttributes = 3
	// maxAttributes bounds the attributes listed in the contributor
	// section; the rest are counted.
	maxAttributes = 10
	// maxAttributeText bounds the characters of an attribute's name and of
	// its value.
	maxAttributeText = 120
)

// title writes what the message is about: the alarm's name and, for a
// contributor of a multi-time-series alarm, its attributes
// ("cpu-by-instance — InstanceId=i-0abc…"), with the name cut short when
// both would not fit.
func title(w *writer, a *alarm.Alarm, m mode) {
	c := a.Contributor
	if c == nil {
		name(w, a, m)
		return
	}
	if a.Name == "" {
		w.text("(unnamed alarm)")
	} else {
		w.span("", "", a.Name, m, maxTitleName)
	}
	w.text(" — ")
	contributorLabel(w, c, m)
}

// contributorLabel writes a contributor as its readers know it: its first
// attributes, "AutoScalingGroupName=web, InstanceId=i-0abc +1 more", or,
// without attributes, "contributor" and its ID.
func contributorLabel(w *writer, c *alarm.Contributor, m mode) {
	if len(c.Attributes) == 0 {
		w.text("contributor ")
		w.span("", "", c.ID, m, maxAttributeText)
		return
	}
	attributes(w, c.Attributes, maxTitleAttributes, m)
}

// attributes writes up to limit name=value pairs, separated by commas, and
// "+N more" for the rest.
func attributes(w *writer, ds []alarm.Dimension, limit int, m mode) {
	for i := range ds[:min(len(ds), limit)] {
		if i > 0 {
			w.text(", ")
		}
		w.span("", "", ds[i].Name, m, maxAttributeText)
		w.text("=")
		w.span("", "", ds[i].Value, m, maxAttributeText)
	}
	if n := len(ds) - limit; n > 0 {
		w.text(" +" + strconv.Itoa(n) + " more")
	}
}

// contributor returns the section that names the contributor whose state
// changed, with all its attributes and its ID, or nil for a notification
// about the alarm as a whole.
func (r *renderer) contributor() slack.Block {
	c := r.a.Contributor
	if c == nil {
		return nil
	}
	w := newWriter(budgetContributor)
	w.text("*Contributor:* ")
	if len(c.Attributes) > 0 {
		attributes(&w, c.Attributes, maxAttributes, modeMrkdwn)
		w.text(" · ")
	}
	w.text("ID ")
	w.span("`", "`", c.ID, modeCode, maxAttributeText)
	return section(r.id("contributor"), &w)
}

// series writes prefix and how many of a multi-time-series alarm's time
// series are in ALARM, as its reason says ("1 of 2 time series in ALARM",
// "100+ time series in ALARM", "no time series returned by the query"),
// or nothing when the alarm does not say.
func (r *renderer) series(w *writer, prefix string) {
	s := r.a.Series
	if s == nil {
		return
	}
	w.text(prefix)
	switch {
	case s.AtLeast:
		w.text(strconv.Itoa(s.InAlarm) + "+ time series in ALARM")
	case s.Total > 0:
		w.text(strconv.Itoa(s.InAlarm) + " of " + strconv.Itoa(s.Total) + " time series in ALARM")
	case s.InAlarm > 0:
		w.text(strconv.Itoa(s.InAlarm) + " time series in ALARM")
	default:
		w.text("no time series returned by the query")
	}
}
