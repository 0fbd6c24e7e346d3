package alarm

import (
	"encoding/json"
	"fmt"
	"strings"
)

// The source and detail types of CloudWatch's alarm events.
const (
	sourceCloudWatch   = "aws.cloudwatch"
	detailStateChange  = "CloudWatch Alarm State Change"
	detailContributor  = "CloudWatch Alarm Contributor State Change"
	detailConfigChange = "CloudWatch Alarm Configuration Change"
)

// eventShape says which kind of EventBridge event has the source and
// detail type given, and whether it has a detail object.
func eventShape(source, detailType string, hasDetail bool) shape {
	switch {
	case source == sourceCloudWatch && detailType == detailConfigChange:
		return shapeConfigChange
	case source != sourceCloudWatch || detailType != detailStateChange && detailType != detailContributor:
		return shapeOtherEvent
	case !hasDetail:
		return shapeNoDetail
	}
	return shapeStateChange
}

// refuseEvent returns the error for an event of shape sh that carries no
// alarm, or nil for a state change.
func refuseEvent(sh shape, source, detailType string) *DecodeError {
	switch sh {
	case shapeConfigChange:
		return notAlarm("CloudWatch alarm configuration change event")
	case shapeOtherEvent:
		return notAlarm(fmt.Sprintf("EventBridge event that is not an alarm state change: source %q, detail-type %q", source, detailType))
	case shapeNoDetail:
		return unknown("EventBridge envelope without detail: an event with a detail-type needs a detail object")
	}
	return nil
}

// ebEvent is an EventBridge "CloudWatch Alarm State Change" or "CloudWatch
// Alarm Contributor State Change" event, as it arrives bare or in an SNS
// Message or SQS body. Its source and detail-type
// were checked by the discriminator; its time is not needed, as the state
// says when it changed.
type ebEvent struct {
	ID        string   `json:"id"`
	Account   string   `json:"account"`
	Region    string   `json:"region"` // a region code
	Resources []string `json:"resources"`
	Detail    ebDetail `json:"detail"`
}

// ebDetail is the detail of a "CloudWatch Alarm State Change" event, and
// also the alarmData of a direct Lambda alarm action, which has the same
// fields. Dimensions are an object map here, not a list. The detail of a
// contributor's state change, and the alarmData of a contributor's Lambda
// action, add alarmContributor and have no previousState.
type ebDetail struct {
	AlarmName        string           `json:"alarmName"`
	AlarmContributor *wireContributor `json:"alarmContributor"`
	State            ebState          `json:"state"`
	PreviousState    ebState          `json:"previousState"`
	Configuration    ebConfig         `json:"configuration"`
	AlarmTags        tagSet           `json:"alarmTags"`
	MuteDetail       *wireMute        `json:"muteDetail"`
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
// alarm, the rule and actions suppressor for a composite alarm, the query
// of a log or PromQL alarm (named as in the API, which no published event
// shows yet). It carries no threshold, operator or evaluation periods.
type ebConfig struct {
	Description                      string        `json:"description"`
	Metrics                          []wireQuery   `json:"metrics"`
	ScheduledQueryConfiguration      *wireLogQuery `json:"scheduledQueryConfiguration"`
	EvaluationCriteria               *wireCriteria `json:"evaluationCriteria"`
	EvaluationInterval               int64         `json:"evaluationInterval"`
	AlarmRule                        string        `json:"alarmRule"`
	ActionsSuppressor                string        `json:"actionsSuppressor"`
	ActionsSuppressorWaitPeriod      int64         `json:"actionsSuppressorWaitPeriod"`
	ActionsSuppressorExtensionPeriod int64         `json:"actionsSuppressorExtensionPeriod"`
}

// alarm converts the event to the model.
func (e *ebEvent) alarm(o *origin) (*Alarm, *DecodeError) {
	o.eventID, o.alarmARN, o.account, o.region = e.ID, alarmARN(e.Resources), e.Account, e.Region
	return e.Detail.alarm(SourceEventBridge, o)
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

// alarm converts the detail, which source delivered, to the model.
func (w *ebDetail) alarm(source Source, o *origin) (*Alarm, *DecodeError) {
	if w.AlarmName == "" {
		return nil, invalid("alarm has an empty alarmName")
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
		Source: source, Envelope: o.envelope, MessageID: o.messageID(), TopicARN: o.topicARN,
		Name: w.AlarmName, Description: w.Configuration.Description, ARN: o.alarmARN, AccountID: o.account,
		State: state, PreviousState: prev, AlarmRule: w.Configuration.AlarmRule, Tags: w.AlarmTags.model(),
		Metrics: queries(w.Configuration.Metrics), Mute: w.MuteDetail.model(),
	}
	if c := w.AlarmContributor; c != nil {
		a.Contributor = contributor(c.ID, c.Attributes)
	}
	w.fillEvaluation(a)
	o.locate(a, "")
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
	cfg := &w.Configuration
	a.LogQuery, a.PromQL = cfg.ScheduledQueryConfiguration.model(), promQL(cfg.EvaluationCriteria, cfg.EvaluationInterval)
	a.Kind = queryKind(kindOf("", a.Metrics), a.LogQuery, a.PromQL)
	a.Condition = eventCondition(rd, &facts, a.Metrics, a.LogQuery)
	if a.Kind == KindAnomalyDetection && a.Condition != nil {
		a.Condition.ThresholdMetricID = bandQueryID(a.Metrics)
	}
	a.Datapoints, a.Series = datapoints(rd, &facts, a.Condition), facts.Series
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
func (s *ebState) model(field string, optional bool) (State, *DecodeError) {
	st, err := newState(field, s.Value, s.Reason, s.Timestamp, optional)
	if err != nil {
		return State{}, err
	}
	st.ReasonData = decodeReasonData(s.ReasonData)
	st.ActionsSuppressedBy, st.ActionsSuppressedReason = s.ActionsSuppressedBy, s.ActionsSuppressedReason
	st.EvaluationState = s.EvaluationState
	return st, nil
}
