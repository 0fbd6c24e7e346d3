package slackfmt_test

import (
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// TestDigestMutedAlarmsPageNobody checks that a digest whose only ALARMs
// are muted carries no mention, and says which alarms are muted.
func TestDigestMutedAlarmsPageNobody(t *testing.T) {
	mute := &alarm.Mute{RuleARN: "arn:aws:cloudwatch:eu-west-1:123456789012:alarm-mute-rule:deploys", End: time.Now().Add(time.Hour)}
	var alarms []*alarm.Alarm
	for _, name := range []string{"a", "b", "c"} {
		alarms = append(alarms, &alarm.Alarm{Name: name, State: alarm.State{Value: alarm.StateAlarm}, Mute: mute})
	}
	here := slackfmt.WithMention(alarm.StateAlarm, slackfmt.MustParseMention("<!here>"))
	for _, m := range slackfmt.BuildDigest(alarms, here) {
		body, _ := m.MarshalJSON()
		if strings.Contains(string(body), "<!here>") {
			t.Errorf("digest of muted alarms mentions @here: %s", body)
		}
		if !strings.Contains(string(body), "ALARM (muted)") {
			t.Errorf("digest does not say the alarms are muted: %s", body)
		}
	}
	alarms[1].Mute = nil
	if body, _ := slackfmt.BuildDigest(alarms, here)[0].MarshalJSON(); !strings.Contains(string(body), "<!here>") {
		t.Errorf("digest with an ALARM that is not muted does not mention @here: %s", body)
	}
}
