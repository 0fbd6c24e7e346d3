package alarm

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode/utf16"
)

// Contributor is one time series of a multi-time-series alarm. A Metrics
// Insights alarm whose query groups by dimensions (GROUP BY), a log alarm
// whose aggregation groups by fields (a BY clause) and a PromQL alarm
// evaluate each group on its own, and CloudWatch notifies each group's
// changes between ALARM and OK: an EventBridge "CloudWatch Alarm
// Contributor State Change" event, an SNS message with AlarmContributorId
// and AlarmContributorAttributes, and a Lambda action payload with
// alarmData.alarmContributor. See
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html.
type Contributor struct {
	// ID identifies the contributor: sixteen hexadecimal digits that
	// CloudWatch derives from the attribute values, so two alarms that group
	// by the same values have contributors with the same ID. Only the alarm
	// ARN and the ID together identify a contributor.
	ID string `json:"id"`
	// Attributes are the values that make up the group, such as
	// InstanceId=i-0abc…, sorted by name.
	Attributes []Dimension `json:"attributes,omitempty"`
	// ConsoleURL links to the alarm in the AWS console, filtered to this
	// contributor at the time of the state change, in the form of the link
	// in CloudWatch's own contributor e-mails. It is empty when the alarm
	// has no console link or the contributor no ID or state time.
	ConsoleURL string `json:"consoleUrl,omitempty"`
}

// wireContributor is the alarmContributor of an EventBridge contributor
// event or Lambda action payload.
type wireContributor struct {
	ID         string       `json:"id"`
	Attributes attributeMap `json:"attributes"`
}

// contributor returns the model's contributor, or nil when the payload
// names none.
func contributor(id string, attrs attributeMap) *Contributor {
	if id == "" && len(attrs) == 0 {
		return nil
	}
	return &Contributor{ID: id, Attributes: attrs.model()}
}

// attributeMap decodes a contributor's attributes, a JSON object of
// strings, into name/value pairs sorted by name (then value, for the
// duplicate keys that JSON allows). A value of another shape decodes to no
// attributes rather than costing the alarm.
type attributeMap []Dimension

// UnmarshalJSON decodes an object of attributes.
func (m *attributeMap) UnmarshalJSON(b []byte) error {
	b = bytes.TrimLeft(b, " \t\r\n")
	if !isJSON(b, '{') {
		return nil
	}
	ds := objectPairs(b)
	slices.SortFunc(ds, func(x, y Dimension) int {
		return cmp.Or(strings.Compare(x.Name, y.Name), strings.Compare(x.Value, y.Value))
	})
	*m = ds
	return nil
}

// model returns the attributes, nil when there are none.
func (m attributeMap) model() []Dimension {
	if len(m) == 0 {
		return nil
	}
	return []Dimension(m)
}

// contributorConsoleURL returns the console link to contributor id of the
// alarm whose console link is alarmURL, at time t:
//
//	ALARMURL?~(contributorAttributesFilter~(tokens~(~(propertyKey~'ContributorId~operator~'*3d~value~'ID))~operation~'and)~timestamp~'2026-09-23T19*3a54*3a49.530Z)
//
// This is the link of CloudWatch's e-mail for a contributor's state
// change; the part after "?" is a JSURL-encoded object (strings start with
// "'", "*3d" is "="). It returns "" when any of the three is missing.
func contributorConsoleURL(alarmURL, id string, t time.Time) string {
	if alarmURL == "" || id == "" || t.IsZero() {
		return ""
	}
	var b strings.Builder
	b.WriteString(alarmURL)
	b.WriteString("?~(contributorAttributesFilter~(tokens~(~(propertyKey~'ContributorId~operator~'*3d~value~'")
	writeJSURL(&b, id)
	b.WriteString("))~operation~'and)~timestamp~'")
	writeJSURL(&b, t.UTC().Format("2006-01-02T15:04:05.000Z"))
	b.WriteString(")")
	return b.String()
}

// writeJSURL writes s as a JSURL string body (the encoding of the
// console's fragment state, github.com/Sage/jsurl): letters, digits and
// "-", ".", "_" as they are, "$" as "!", every other UTF-16 code unit as
// "*" and two lower-case hex digits, or "**" and four when it is above
// 0xFF.
func writeJSURL(b *strings.Builder, s string) {
	const hex = "0123456789abcdef"
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '.', r == '_':
			b.WriteRune(r)
		case r == '$':
			b.WriteByte('!')
		default:
			for _, u := range utf16.Encode([]rune{r}) {
				if u < 0x100 {
					b.WriteByte('*')
				} else {
					b.WriteString("**")
					b.WriteByte(hex[u>>12])
					b.WriteByte(hex[u>>8&0xF])
				}
				b.WriteByte(hex[u>>4&0xF])
				b.WriteByte(hex[u&0xF])
			}
		}
	}
}
