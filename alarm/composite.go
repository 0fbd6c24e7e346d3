package alarm

// wireChild is a child alarm of a composite: an SNS TriggeringChildren
// entry or a reasonData triggeringAlarms entry (same keys, other case).
type wireChild struct {
	ARN   string `json:"Arn"`
	State struct {
		Value     string `json:"Value"`
		Timestamp string `json:"Timestamp"`
	} `json:"State"`
}

// children converts the children of a composite alarm. An empty list
// (SetAlarmState) becomes nil, like an absent one.
func children(ws []wireChild) []Child {
	if len(ws) == 0 {
		return nil
	}
	cs := make([]Child, len(ws))
	for i := range ws {
		cs[i] = Child{ARN: ws[i].ARN, State: StateValue(ws[i].State.Value), Timestamp: optionalTime(ws[i].State.Timestamp)}
	}
	return cs
}
