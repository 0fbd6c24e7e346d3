package dynamostore

import (
	"encoding/json"

	"github.com/cwslack/cwslack/alarm"
)

// What an alarm keeps when its JSON is over the cap.
const (
	keptDatapoints = 20   // the newest datapoints
	keptItems      = 20   // the first metric queries and triggering children
	keptChars      = 1000 // of the description, the reasons and the rule
)

// capAlarm returns the JSON of a, or of a shortened copy of a when that
// is over max bytes, or nil when a is nil or even the shortened copy is
// over max.
func capAlarm(a *alarm.Alarm, max int) []byte {
	if a == nil {
		return nil
	}
	js, err := json.Marshal(a)
	if err == nil && len(js) <= max {
		return js
	}
	js, err = json.Marshal(shorten(a))
	if err != nil || len(js) > max {
		return nil
	}
	return js
}

// shorten returns a copy of a with its long parts cut, as the package
// documentation describes. a is not modified.
func shorten(a *alarm.Alarm) *alarm.Alarm {
	c := *a
	if n := len(c.Datapoints); n > keptDatapoints {
		c.Datapoints = c.Datapoints[n-keptDatapoints:]
	}
	c.Metrics = c.Metrics[:min(len(c.Metrics), keptItems)]
	c.TriggeringChildren = c.TriggeringChildren[:min(len(c.TriggeringChildren), keptItems)]
	c.Description = cut(c.Description)
	c.AlarmRule = cut(c.AlarmRule)
	c.State.Reason, c.State.ReasonData = cut(c.State.Reason), nil
	c.PreviousState.Reason, c.PreviousState.ReasonData = cut(c.PreviousState.Reason), nil
	return &c
}

// cut returns s cut to keptChars characters, with "…" when it was cut.
func cut(s string) string {
	if len(s) <= keptChars {
		return s
	}
	n := 0
	for i := range s {
		if n == keptChars {
			return s[:i] + "…"
		}
		n++
	}
	return s
}
