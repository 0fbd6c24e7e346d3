package alarm

import (
	"encoding/json"
	"fmt"
	"strings"
)

// The EventBridge detail types that CloudWatch sends for alarms.
const (
	detailStateChange  = "CloudWatch Alarm State Change"
	detailConfigChange = "CloudWatch Alarm Configuration Change"
)

// ebEvent is an EventBridge event, as it arrives bare or in an SNS Message
// or SQS body. Its time is not needed: the state says when it changed.
type ebEvent struct {
	ID         string          `json:"id"`
	DetailType string          `json:"detail-type"`
	Source     string          `json:"source"`
	Account    string          `json:"account"`
	Region     string          `json:"region"` // a region code
	Resources  []string        `json:"resources"`
	Detail     json.RawMessage `json:"detail"`
}

// ebDetail is the detail of a "CloudWatch Alarm State Change" event, and
// also the alarmData of a direct Lambda alarm action, which has the same
// fields. Dimensions are an object map here, not a list.
type ebDetail struct {
	AlarmName     string   `json:"alarmName"`
	State         ebState  `json:"state"`
	PreviousState ebState  `json:"previousState"`
	Configuration ebConfig `json:"configuration"`
	AlarmTags     tagSet   `json:"alarmTags"`
}

// ebState is a state of an EventBridge event or alarm action. reasonData
// is JSON inside a string; an object is accepted too.
type ebState struct {
	Value                   string          `json:"value"`
	Reason                  string          `json:"reason"`
	ReasonData              json.RawMessage `json:"reasonData"`
	Timestamp               string          `json:"timestamp"`
	ActionsSuppressedBy     string          `json:"actionsSuppressedBy"`
	ActionsSuppressedReason string          `json:"actionsSuppressedReason"`
	EvaluationState         string          `json:"evaluationState"`
}

// ebConfig is the alarm's configuration: metric queries for a metric
// alarm, the rule and actions suppressor for a composite alarm. It carries
// no threshold, operator or evaluation periods.
type ebConfig struct {
	Description                      string      `json:"description"`
	Metrics                          []wireQuery `json:"metrics"`
	AlarmRule                        string      `json:"alarmRule"`
	ActionsSuppressor                string      `json:"actionsSuppressor"`
	ActionsSuppressorWaitPeriod      int64       `json:"actionsSuppressorWaitPeriod"`
	ActionsSuppressorExtensionPeriod int64       `json:"actionsSuppressorExtensionPeriod"`
}

// meta is what the envelope of an EventBridge event or alarm action says
// about the alarm.
type meta struct {
	source  Source
	id      string // EventBridge event id
	arn     string
	account string
	region  string
}

// decodeEvent decodes a "CloudWatch Alarm State Change" event and refuses
// any other event. w is the event's detail when the caller has decoded it
// already; when w is nil, decodeEvent decodes e.Detail.
func decodeEvent(e *ebEvent, w *ebDetail, d *delivery) (*Alarm, error) {
	switch {
	case e.Source == "aws.cloudwatch" && e.DetailType == detailConfigChange:
		return nil, newError(ErrNotAlarm, FoundConfigurationChange, "")
	case e.Source != "aws.cloudwatch" || e.DetailType != detailStateChange:
		return nil, newError(ErrNotAlarm, FoundOtherEvent, fmt.Sprintf("source %q, detail-type %q", e.Source, e.DetailType))
	case w == nil && !isJSON(e.Detail, '{'):
		return nil, errNoDetail()
	}
	if w == nil {
		w = new(ebDetail)
		if err := json.Unmarshal(e.Detail, w); err != nil {
			return nil, typeError("EventBridge detail", err)
		}
	}
	m := meta{source: SourceEventBridge, id: e.ID, arn: alarmARN(e.Resources), account: e.Account, region: e.Region}
	return w.alarm(&m, d)
}

// alarmARN returns the first CloudWatch alarm ARN in resources.
func alarmARN(resources []string) string {
	for _, r := range resources {
		if strings.Contains(r, ":alarm:") {
			return r
		}
	}
	return ""
}

// alarm converts the detail to the model.
func (w *ebDetail) alarm(m *meta, d *delivery) (*Alarm, error) {
	if w.AlarmName == "" {
		return nil, invalidError("alarm has an empty alarmName")
	}
	state, err := w.State.model("state", false)
	if err != nil {
		return nil, err
	}
	prev, err := w.PreviousState.model("previousState", true)
	if err != nil {
		return nil, err
	}
	a := &Alarm{
		Source: m.source, Envelope: d.envelope, MessageID: d.messageID(m.id), TopicARN: d.topicARN,
		Name: w.AlarmName, Description: w.Configuration.Description, ARN: m.arn, AccountID: m.account,
		State: state, PreviousState: prev, AlarmRule: w.Configuration.AlarmRule, Tags: w.AlarmTags.model(),
		Metrics: queries(w.Configuration.Metrics),
	}
	w.fillEvaluation(a)
	locate(a, &origin{arn: m.arn, region: m.region, d: d})
	return a, nil
}

// fillEvaluation fills the kind, condition, children, suppressor and
// datapoints. The payload carries no trigger, so the condition comes from
// reasonData (threshold, period) and the reason text (operator, M out of
// N).
func (w *ebDetail) fillEvaluation(a *Alarm) {
	rd := a.State.ReasonData
	if w.Configuration.AlarmRule != "" || (rd != nil && rd.TriggeringAlarms != nil) {
		a.Kind = KindComposite
		if rd != nil {
			a.TriggeringChildren = rd.TriggeringAlarms
		}
		a.Suppressor = w.Configuration.suppressor()
		return
	}
	facts := parseReason(a.State.Reason)
	if facts.Operator == "" {
		facts.fillFrom(a.PreviousState)
	}
	a.Kind = kindOf("", a.Metrics)
	a.Condition = eventCondition(rd, &facts, a.Metrics)
	if a.Kind == KindAnomalyDetection && a.Condition != nil {
		a.Condition.ThresholdMetricID = bandQueryID(a.Metrics)
	}
	a.Datapoints = datapoints(rd, &facts, a.Condition)
}

// suppressor returns the composite alarm's actions suppressor, or nil.
func (c *ebConfig) suppressor() *Suppressor {
	if c.ActionsSuppressor == "" {
		return nil
	}
	return &Suppressor{
		Alarm:           c.ActionsSuppressor,
		WaitPeriod:      fromSeconds(c.ActionsSuppressorWaitPeriod),
		ExtensionPeriod: fromSeconds(c.ActionsSuppressorExtensionPeriod),
	}
}

// model converts the state; field names it in errors. A missing state is
// accepted only when optional is set.
func (s *ebState) model(field string, optional bool) (State, error) {
	st, err := newState(field, s.Value, s.Reason, s.Timestamp, optional)
	if err != nil {
		return State{}, err
	}
	st.ReasonData = decodeReasonData(s.ReasonData)
	st.ActionsSuppressedBy, st.ActionsSuppressedReason = s.ActionsSuppressedBy, s.ActionsSuppressedReason
	st.EvaluationState = s.EvaluationState
	return st, nil
}
