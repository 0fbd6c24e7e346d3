package slackfmt

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

func TestMessageJSON(t *testing.T) {
	m := Build(metricAlarm())
	body, err := m.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(decodeAny(t, body), decodeAny(t, mustMarshal(t, m))); diff != "" {
		t.Errorf("json.Marshal(m) and m.MarshalJSON() differ (-MarshalJSON +json.Marshal):\n%s", diff)
	}
	var got struct {
		Text        string            `json:"text"`
		Blocks      []json.RawMessage `json:"blocks"`
		Attachments []json.RawMessage `json:"attachments"`
		Metadata    struct {
			EventType    string            `json:"event_type"`
			EventPayload map[string]string `json:"event_payload"`
		} `json:"metadata"`
		UnfurlLinks *bool `json:"unfurl_links"`
		UnfurlMedia *bool `json:"unfurl_media"`
	}
	if err := json.Unmarshal(body, &got); err != nil {
		t.Fatal(err)
	}
	wantPayload := map[string]string{
		"alarm_arn": "arn:aws:cloudwatch:eu-west-3:123456789012:alarm:HighCPU", "alarm_name": "HighCPU",
		"state": "ALARM", "previous_state": "OK", "region": "eu-west-3", "account_id": "123456789012",
	}
	if got.Text != m.Text || len(got.Blocks) != len(m.Blocks.BlockSet) || got.Attachments != nil {
		t.Errorf("body %s does not carry the text and blocks alone", body)
	}
	if got.Metadata.EventType != "cloudwatch_alarm" {
		t.Errorf("metadata event_type = %q, want cloudwatch_alarm", got.Metadata.EventType)
	}
	if diff := cmp.Diff(wantPayload, got.Metadata.EventPayload); diff != "" {
		t.Errorf("metadata mismatch (-want +got):\n%s", diff)
	}
	if got.UnfurlLinks == nil || *got.UnfurlLinks || got.UnfurlMedia == nil || *got.UnfurlMedia {
		t.Errorf("body %s does not turn unfurling off", body)
	}
}

func TestPostMessageOptions(t *testing.T) {
	for _, tt := range []struct {
		name string
		opts []Option
		want map[string]bool // form keys that must be present
	}{
		{"blocks", nil, map[string]bool{"text": true, "blocks": true, "metadata": true, "unfurl_links": true, "unfurl_media": true, "attachments": false}},
		{"colour bar", []Option{WithColorBar(true)}, map[string]bool{"text": true, "attachments": true, "blocks": false}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(metricAlarm(), append(tt.opts, WithMention(alarm.StateAlarm, MustParseMention("<!here>")))...)
			values := postMessage(t, m)
			for key, present := range tt.want {
				if _, ok := values[key]; ok != present {
					t.Errorf("form value %q present = %v, want %v", key, ok, present)
				}
			}
			if got := values.Get("text"); got != m.Text {
				t.Errorf("text = %q, want %q (never escaped again)", got, m.Text)
			}
			for _, key := range []string{"parse", "link_names"} {
				if values.Has(key) {
					t.Errorf("form sets %s=%q", key, values.Get(key))
				}
			}
		})
	}
}

// postMessage sends m with chat.postMessage to a local server and returns
// the form that the server received.
func postMessage(t *testing.T, m *Message) url.Values {
	t.Helper()
	var got url.Values
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			t.Errorf("ParseForm: %v", err)
		}
		got = r.PostForm
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true,"channel":"C123","ts":"1700000000.000100"}`)
	}))
	defer srv.Close()
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"))
	if _, _, err := api.PostMessage("C123", m.PostMessageOptions()...); err != nil {
		t.Fatalf("PostMessage: %v", err)
	}
	return got
}
