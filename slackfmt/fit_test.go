package slackfmt

import (
	"testing"

	"github.com/cwslack/cwslack/alarm"
	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

// blockIDs returns the block_id of every block of m, "" for none.
func blockIDs(m *Message) []string {
	var ids []string
	for _, b := range m.Blocks.BlockSet {
		ids = append(ids, b.ID())
	}
	return ids
}

func TestBuildHookDuplicateBlockIDs(t *testing.T) {
	const header = "cw-header-1700000000"
	ctx := func(id, text string) slack.Block { return slack.NewContextBlock(id, plain(text)) }
	tests := []struct {
		name string
		hook func(a *alarm.Alarm, bs []slack.Block) []slack.Block
		want []string
	}{{
		name: "copy of the header's ID",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], ctx(header, "spoof"))
		},
		want: []string{header, droppedNoteID},
	}, {
		name: "two blocks of the hook with one ID",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], ctx("mine", "a"), ctx("mine", "b"), ctx("other", "c"))
		},
		want: []string{header, "mine", "other", droppedNoteID},
	}, {
		name: "the note's own ID taken",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], ctx(droppedNoteID, "a"), ctx(droppedNoteID, "b"))
		},
		want: []string{header, droppedNoteID, ""},
	}, {
		name: "no ID is not a duplicate",
		hook: func(_ *alarm.Alarm, bs []slack.Block) []slack.Block {
			return append(bs[:1], ctx("", "a"), ctx("", "b"))
		},
		want: []string{header, "", ""},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := Build(metricAlarm(), WithBlocks(tt.hook))
			if err := Validate(m); err != nil {
				t.Errorf("Validate(Build(…)) = %v", err)
			}
			if diff := cmp.Diff(tt.want, blockIDs(m)); diff != "" {
				t.Errorf("block IDs mismatch (-want +got):\n%s", diff)
			}
		})
	}
}
