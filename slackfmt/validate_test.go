package slackfmt

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/slack-go/slack"
)

func TestValidate(t *testing.T) {
	long := func(n int) string { return strings.Repeat("é", n) }
	section := func(s string) slack.Block { return slack.NewSectionBlock(mrkdwn(s), nil, nil) }
	msg := func(bs ...slack.Block) *Message { return &Message{Text: "t", Blocks: slack.Blocks{BlockSet: bs}} }
	fields := func(n, size int) []*slack.TextBlockObject {
		fs := make([]*slack.TextBlockObject, n)
		for i := range fs {
			fs[i] = plain(long(size))
		}
		return fs
	}
	tests := []struct {
		name string
		msg  *Message
		want []Violation
	}{
		{"nil", nil, []Violation{{"", "message is nil"}}},
		{"no text", &Message{}, []Violation{{"/text", "must be set: notifications and screen readers use it"}}},
		{"text only", &Message{Text: "hello"}, nil},
		{"long top-level text", &Message{Text: long(4001)}, []Violation{{"/text", "must be at most 4000 characters (has 4001)"}}},
		{"limits exactly", msg(
			slack.NewHeaderBlock(plain(long(150))),
			slack.NewSectionBlock(mrkdwn(long(3000)), fields(10, 200), nil),
			slack.NewActionBlock("a", slack.NewButtonBlockElement(strings.Repeat("i", 255), "", plain(long(75))).WithURL("https://x/"+long(2990))),
		), nil},
		{"header", msg(
			slack.NewHeaderBlock(plain(long(151))),
			slack.NewHeaderBlock(mrkdwn("x")),
			slack.NewHeaderBlock(nil),
		), []Violation{
			{"/blocks/0/text/text", "must be at most 150 characters (has 151)"},
			{"/blocks/1/text/type", "must be plain_text"},
			{"/blocks/2/text", "must be a text object"},
		}},
		{"section", msg(
			section(long(3001)),
			slack.NewSectionBlock(nil, nil, nil),
			slack.NewSectionBlock(nil, fields(11, 2001)[:11], nil),
			slack.NewSectionBlock(&slack.TextBlockObject{Type: "mrkdwn", Text: " ", Emoji: new(bool)}, nil, nil),
		), append(append([]Violation{
			{"/blocks/0/text/text", "must be at most 3000 characters (has 3001)"},
			{"/blocks/1", "must have text or fields"},
			{"/blocks/2/fields", "must have at most 10 items (has 11)"},
		}, repeatViolation("/blocks/2/fields/", "/text", "must be at most 2000 characters (has 2001)", 11)...),
			Violation{"/blocks/3/text/emoji", "must not be set on mrkdwn"},
			Violation{"/blocks/3/text/text", "must not be empty"},
			Violation{"", "blocks must hold at most 12000 characters of text in all (have 25012): Slack answers msg_blocks_too_long"},
		)},
		{"context and actions", msg(
			slack.NewContextBlock("c"),
			slack.NewContextBlock("d", plain("1"), plain("2"), plain("3"), plain("4"), plain("5"), plain("6"), plain("7"), plain("8"), plain("9"), plain("10"), plain("11")),
			slack.NewContextBlock("e", slack.NewImageBlockElement("", "")),
			slack.NewActionBlock("f", slack.NewButtonBlockElement("", strings.Repeat("v", 2001), plain(long(76))).WithStyle("blue")),
		), []Violation{
			{"/blocks/0/elements", "must have at least one item"},
			{"/blocks/1/elements", "must have at most 10 items (has 11)"},
			{"/blocks/2/elements/0/image_url", "must be set"},
			{"/blocks/2/elements/0/alt_text", "must be set"},
			{"/blocks/3/elements/0/text/text", "must be at most 75 characters (has 76)"},
			{"/blocks/3/elements/0/value", "must be at most 2000 characters (has 2001)"},
			{"/blocks/3/elements/0/style", "must be primary or danger"},
		}},
		{"block ids", msg(
			slack.NewSectionBlock(mrkdwn("a"), nil, nil, slack.SectionBlockOptionBlockID("x")),
			slack.NewSectionBlock(mrkdwn("b"), nil, nil, slack.SectionBlockOptionBlockID("x")),
			slack.NewSectionBlock(mrkdwn("c"), nil, nil, slack.SectionBlockOptionBlockID(strings.Repeat("y", 256))),
		), []Violation{
			{"/blocks/1/block_id", "must be unique: /blocks/0 has the same one"},
			{"/blocks/2/block_id", "must be at most 255 characters (has 256)"},
		}},
		{"51 blocks", msg(repeatBlock(section("x"), 51)...), []Violation{{"", "must have at most 50 blocks (has 51)"}}},
		{"attachments count with blocks", &Message{
			Text:        "t",
			Blocks:      slack.Blocks{BlockSet: repeatBlock(section("x"), 30)},
			Attachments: []slack.Attachment{{Blocks: slack.Blocks{BlockSet: append(repeatBlock(section("x"), 20), slack.NewHeaderBlock(plain(long(151))))}}},
		}, []Violation{
			{"/attachments/0/blocks/20/text/text", "must be at most 150 characters (has 151)"},
			{"", "must have at most 50 blocks (has 51)"},
		}},
		{"total text", msg(section(long(3000)), section(long(3000)), section(long(3000)), section(long(3000)), section("x")),
			[]Violation{{"", "blocks must hold at most 12000 characters of text in all (have 12001): Slack answers msg_blocks_too_long"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Validate(tt.msg)
			if tt.want == nil {
				if err != nil {
					t.Errorf("Validate = %v, want nil", err)
				}
				return
			}
			var ve *Error
			if !errors.As(err, &ve) || !errors.Is(err, ErrInvalidMessage) {
				t.Fatalf("Validate = %v, want a *Error wrapping ErrInvalidMessage", err)
			}
			if diff := cmp.Diff(tt.want, ve.Violations); diff != "" {
				t.Errorf("violations mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func repeatBlock(b slack.Block, n int) []slack.Block {
	bs := make([]slack.Block, n)
	for i := range bs {
		bs[i] = b
	}
	return bs
}

func repeatViolation(prefix, suffix, problem string, n int) []Violation {
	vs := make([]Violation, n)
	for i := range vs {
		vs[i] = Violation{prefix + itoa(i) + suffix, problem}
	}
	return vs
}

func TestValidateJSON(t *testing.T) {
	for _, tt := range []struct {
		body string
		want string
	}{
		{`{"text":"a","blocks":[{"type":"alert","text":{"type":"plain_text","text":"x"}}]}`, "slackfmt: invalid message: /blocks/0/type: alert blocks are for modals only; Slack rejects them in messages"},
		{`{"text":"a","blocks":[{"text":{"type":"plain_text","text":"x"}}]}`, "slackfmt: invalid message: /blocks/0/type: must be set"},
		{`{"text":"a","blocks":[{"type":"markdown","text":""}]}`, "slackfmt: invalid message: /blocks/0/text: must be a non-empty string"},
		{`[1]`, "slackfmt: invalid message: not a JSON message object: json: cannot unmarshal array into Go value of type slackfmt.wireMessage"},
		{`{"text":"a","blocks":[1,{"type":"divider"},{"type":"context","elements":[{"type":"button"}]}]}`, "slackfmt: invalid message: /blocks/0: must be a block object: /blocks/2/elements/0/type: context elements must be text or images"},
		{`{"blocks":[{"type":"divider"},{"type":"divider"},{"type":"divider"},{"type":"divider","block_id":""}]}`, "slackfmt: invalid message: /text: must be set: notifications and screen readers use it: /blocks/3/block_id: must not be empty when set"},
	} {
		err := ValidateJSON([]byte(tt.body))
		if err == nil || err.Error() != tt.want {
			t.Errorf("ValidateJSON(%s) = %v, want %s", tt.body, err, tt.want)
		}
	}
}

func TestValidateErrorCauses(t *testing.T) {
	var syntax *json.SyntaxError
	err := ValidateJSON([]byte(`{"text":`))
	if !errors.Is(err, ErrInvalidMessage) || !errors.As(err, &syntax) {
		t.Errorf("ValidateJSON(truncated) = %v, want ErrInvalidMessage with a *json.SyntaxError cause", err)
	}
	bad := &Message{Text: "t", Blocks: slack.Blocks{BlockSet: []slack.Block{unencodable{}}}}
	var me *json.MarshalerError
	err = Validate(bad)
	if !errors.Is(err, ErrInvalidMessage) || !errors.As(err, &me) {
		t.Errorf("Validate(unencodable) = %v, want ErrInvalidMessage with a *json.MarshalerError cause", err)
	}
	if errors.Is(err, ErrInvalidMention) {
		t.Errorf("Validate(unencodable) = %v matches ErrInvalidMention", err)
	}
	if got, want := err.Error(), "slackfmt: invalid message: cannot be encoded: "; !strings.HasPrefix(got, want) {
		t.Errorf("Validate(unencodable) = %q, want it to start with %q", got, want)
	}
}

// unencodable is a block whose JSON encoding fails.
type unencodable struct{}

func (unencodable) BlockType() slack.MessageBlockType { return "section" }

func (unencodable) ID() string { return "" }

func (unencodable) MarshalJSON() ([]byte, error) { return nil, errors.New("cannot") }
