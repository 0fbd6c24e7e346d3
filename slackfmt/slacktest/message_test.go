package slacktest

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

func TestMessageTextAndMentions(t *testing.T) {
	blocks := `[
		{"type":"header","text":{"type":"plain_text","text":"🔴 ALARM: <!channel> db"}},
		{"type":"section","fields":[{"type":"mrkdwn","text":"*b* <@U024BE7LH|bob>"}],"text":{"type":"mrkdwn","text":"a &lt;!everyone&gt; <!here|here>"}},
		{"type":"context","elements":[{"type":"mrkdwn","text":"<https://e.example|Open> <!subteam^SAZ94GDB8|@oncall> <!date^1700000000^{time}|22:13>"}]},
		{"type":"actions","elements":[{"type":"button","text":{"type":"plain_text","text":"Runbook"},"url":"https://e.example"}]}
	]`
	var att slack.Attachment
	if err := json.Unmarshal([]byte(`{"color":"#D13212","blocks":[{"type":"section","text":{"type":"mrkdwn","text":"in the bar <!here>"}}]}`), &att); err != nil {
		t.Fatal(err)
	}
	m := Message{Text: "<!here> ALARM: db &amp; co", BlocksJSON: json.RawMessage(blocks), Attachments: []slack.Attachment{att}}
	wantText := "@here ALARM: db & co\n" +
		"🔴 ALARM: <!channel> db\n" +
		"a <!everyone> @here\n" +
		"*b* @bob\n" +
		"Open (https://e.example) @oncall 22:13\n" +
		"Runbook\n" +
		"in the bar @here"
	if diff := cmp.Diff(wantText, m.PlainText()); diff != "" {
		t.Errorf("PlainText mismatch (-want +got):\n%s", diff)
	}
	wantMentions := []string{"<!here>", "<@U024BE7LH>", "<!subteam^SAZ94GDB8>"}
	if diff := cmp.Diff(wantMentions, m.Mentions()); diff != "" {
		t.Errorf("Mentions mismatch (-want +got):\n%s", diff)
	}
	if got := (&Message{Text: "no <mention> <@> <!subteam^> <#C1|x> <<!here>"}).Mentions(); !cmp.Equal(got, []string{"<!here>"}) {
		t.Errorf("Mentions = %q, want only <!here>", got)
	}
}
