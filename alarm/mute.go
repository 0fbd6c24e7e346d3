package alarm

import (
	"strings"
	"time"
)

// Mute says that an alarm changed state inside the window of an alarm mute
// rule. While the rule is active CloudWatch keeps evaluating the alarm,
// which changes state as usual, but runs none of its actions; when the
// window ends, it runs the actions of the state the alarm is then in, if
// that is the state whose actions it muted. EventBridge events carry the
// rule in detail.muteDetail. See
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-mute-rules.html.
type Mute struct {
	// RuleARN is the mute rule's ARN,
	// arn:aws:cloudwatch:REGION:ACCOUNT:alarm-mute-rule:NAME; empty when the
	// payload does not name it.
	RuleARN string `json:"ruleArn,omitempty"`
	// Start and End bound the mute window; zero when the payload does not
	// say or says it in a form that cannot be read.
	Start time.Time `json:"start,omitzero"`
	End   time.Time `json:"end,omitzero"`
}

// RuleName returns the mute rule's name, taken from its ARN, or "" when
// RuleARN is not the ARN of an alarm mute rule.
func (m *Mute) RuleName() string {
	p, ok := parseARN(m.RuleARN)
	if !ok {
		return ""
	}
	name, ok := strings.CutPrefix(p.Resource, "alarm-mute-rule:")
	if !ok {
		return ""
	}
	return name
}

// wireMute is the muteDetail of an EventBridge event. Its times use the
// "+0000" offset in the AWS documentation; the "Z" form is read too.
type wireMute struct {
	MutedByARN      string `json:"mutedByArn"`
	MuteWindowStart string `json:"muteWindowStart"`
	MuteWindowEnd   string `json:"muteWindowEnd"`
}

// model converts the muteDetail; nil stays nil. A time that cannot be read
// is left zero rather than costing the alarm.
func (w *wireMute) model() *Mute {
	if w == nil {
		return nil
	}
	return &Mute{RuleARN: w.MutedByARN, Start: optionalTime(w.MuteWindowStart), End: optionalTime(w.MuteWindowEnd)}
}
