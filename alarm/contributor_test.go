package alarm

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestAttributeMap(t *testing.T) {
	tests := []struct {
		name, in string
		want     attributeMap
	}{
		{"sorted by name", `{"Team":"a","InstanceId":"i-0abc","AZ":"eu-west-1a"}`, attributeMap{{"AZ", "eu-west-1a"}, {"InstanceId", "i-0abc"}, {"Team", "a"}}},
		{"duplicate keys by value", `{"k":"b","k":"a"}`, attributeMap{{"k", "a"}, {"k", "b"}}},
		{"escaped and non-string values", `{"a\u0022b":1,"c":"<!here>"}`, attributeMap{{`a"b`, "1"}, {"c", "<!here>"}}},
		{"empty", `{}`, nil},
		{"a list is no attributes", `[{"Name":"k","Value":"v"}]`, nil},
		{"null", `null`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got attributeMap
			if err := json.Unmarshal([]byte(tt.in), &got); err != nil {
				t.Fatalf("Unmarshal(%s): %v", tt.in, err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Unmarshal(%s) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestContributorConsoleURL(t *testing.T) {
	const alarmURL = "https://us-west-2.console.aws.amazon.com/cloudwatch/home?region=us-west-2#alarmsV2:alarm/sd-mi-delivery-2e362f05286d-alarm"
	at := time.Date(2026, 9, 23, 19, 54, 49, 530e6, time.UTC)
	// The link of CloudWatch's e-mail for this contributor's state change.
	want := alarmURL + "?~(contributorAttributesFilter~(tokens~(~(propertyKey~'ContributorId~operator~'*3d~value~'a29eb44b20c4362e))~operation~'and)~timestamp~'2026-09-23T19*3a54*3a49.530Z)"
	if got := contributorConsoleURL(alarmURL, "a29eb44b20c4362e", at); got != want {
		t.Errorf("contributorConsoleURL = %q\nwant %q", got, want)
	}
	for _, tt := range []struct {
		url, id string
		at      time.Time
	}{{"", "a", at}, {alarmURL, "", at}, {alarmURL, "a", time.Time{}}} {
		if got := contributorConsoleURL(tt.url, tt.id, tt.at); got != "" {
			t.Errorf("contributorConsoleURL(%q, %q, %v) = %q, want \"\"", tt.url, tt.id, tt.at, got)
		}
	}
}

func TestWriteJSURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a29eb44b20c4362e", "a29eb44b20c4362e"},
		{"A-Z_a.z", "A-Z_a.z"},
		{"x=y:z", "x*3dy*3az"},
		{"$'~()", "!*27*7e*28*29"},
		{"é", "*e9"},
		{"€", "**20ac"},
		{"🔥", "**d83d**dd25"},
		{"<!here> a", "*3c*21here*3e*20a"},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeJSURL(&b, tt.in)
		if got := b.String(); got != tt.want {
			t.Errorf("writeJSURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
