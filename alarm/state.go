package alarm

import "time"

// newState builds a state, checking its value and timestamp; field names
// the value in errors. An empty value is accepted only when optional.
func newState(field, value, reason, timestamp string, optional bool) (State, *DecodeError) {
	v := StateValue(value)
	if !v.Valid() && (value != "" || !optional) {
		return State{}, invalid("%s: value %q is not OK, ALARM or INSUFFICIENT_DATA", field, value)
	}
	st := State{Value: v, Reason: reason}
	if timestamp == "" {
		return st, nil
	}
	t, err := parseTime(timestamp)
	if err != nil {
		return State{}, badTimestamp(field, timestamp, err)
	}
	st.Timestamp = t
	return st, nil
}

// optionalTime parses a timestamp whose loss does not matter enough to
// refuse the alarm: a bad one becomes the zero time.
func optionalTime(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := parseTime(s)
	if err != nil {
		return time.Time{}
	}
	return t
}
