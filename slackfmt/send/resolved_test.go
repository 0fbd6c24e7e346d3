package send

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

func TestKey(t *testing.T) {
	arn := "arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:a:b/c"
	tests := []struct {
		name string
		a    alarm.Alarm
		want string
	}{
		{"arn", alarm.Alarm{ARN: arn, Name: "ignored"}, arn},
		{"rebuilt", alarm.Alarm{Partition: "aws-cn", Region: "cn-north-1", AccountID: "123456789012", Name: "a:b/c"}, arn},
		{"default partition", alarm.Alarm{Region: "eu-west-1", AccountID: "123456789012", Name: "x"},
			"arn:aws:cloudwatch:eu-west-1:123456789012:alarm:x"},
	}
	for _, tt := range tests {
		if got := Key(&tt.a); got != tt.want {
			t.Errorf("%s: Key() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestResolvedLine(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 11, 25, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		state  alarm.State
		prev   alarm.State
		posted time.Time
		want   string
	}{
		{"no timestamps", alarm.State{}, alarm.State{}, time.Time{}, "Back to OK."},
		{"previous timestamp", alarm.State{Timestamp: at(10, 30)}, alarm.State{Value: alarm.StateAlarm, Timestamp: at(9, 0)}, time.Time{},
			"Back to OK at 2026-11-25 10:30 UTC, after 1h30m0s in ALARM."},
		{"posted instead (SNS)", alarm.State{Timestamp: at(10, 30)}, alarm.State{Value: alarm.StateInsufficientData}, at(10, 20),
			"Back to OK at 2026-11-25 10:30 UTC, after 10m0s in INSUFFICIENT_DATA."},
		{"clock skew", alarm.State{Timestamp: at(10, 30)}, alarm.State{}, at(11, 0), "Back to OK at 2026-11-25 10:30 UTC."},
	}
	for _, tt := range tests {
		a := &alarm.Alarm{State: tt.state, PreviousState: tt.prev}
		if got := resolvedLine(a, Thread{Posted: tt.posted}); got != tt.want {
			t.Errorf("%s: resolvedLine() = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestResolvedLimits(t *testing.T) {
	var blocks []slack.Block
	for range 60 {
		blocks = append(blocks, slack.NewDividerBlock())
	}
	ok := &slackfmt.Message{Text: "OK: x", Blocks: slack.Blocks{BlockSet: blocks}}
	a := &alarm.Alarm{Name: strings.Repeat("é", 300)}
	got := Resolved(a, ok, Thread{})
	if n := len(got.Blocks.BlockSet); n != maxBlocks {
		t.Errorf("Resolved has %d blocks, want %d", n, maxBlocks)
	}
	h, isHeader := got.Blocks.BlockSet[0].(*slack.HeaderBlock)
	if !isHeader {
		t.Fatalf("first block is %T, want a header", got.Blocks.BlockSet[0])
	}
	if n := utf8.RuneCountInString(h.Text.Text); n != maxHeaderText {
		t.Errorf("header has %d characters, want %d", n, maxHeaderText)
	}
	if len(ok.Blocks.BlockSet) != 60 {
		t.Errorf("Resolved changed the OK message's blocks")
	}
	if _, err := json.Marshal(got); err != nil {
		t.Errorf("json.Marshal(Resolved(…)): %v", err)
	}
}
