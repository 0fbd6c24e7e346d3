package slackfmt

import (
	"errors"
	"testing"
)

func TestParseMention(t *testing.T) {
	valid := []string{"<!here>", "<!channel>", "<!everyone>", "<@U024BE7LH>", "<@W012A3CDE>", "<!subteam^SAZ94GDB8>"}
	invalid := []string{
		"", "@here", "@channel", "here", "<!here", "!here>", "<!here> ", " <!here>", "<!here|here>", "<!HERE>",
		"@U024BE7LH>", "!subteam^SAZ94GDB8>", // no opening bracket
		"<@u024be7lh>", "<@B024BE7LH>", "<@U>", "<@U1>", "<@U024BE7LH|bob>", "<@U024 BE7LH>", "<@U024BE7LH><!channel>",
		"<!subteam^S>", "<!subteam^s123>", "<!subteam^T123>", "<!subteam^SAZ94GDB8|@team>", "<#C024BE7LR>",
		"<https://evil.example|x>", "<!date^1^{time}|x>", "<@U" + string(make([]byte, 40)) + ">",
		"<@UABCDEFGHIJKLMNOPQRSTUVWXYZ0123456>",
	}
	for _, s := range valid {
		m, err := ParseMention(s)
		if err != nil || m.String() != s {
			t.Errorf("ParseMention(%q) = %q, %v; want %q, nil", s, m, err, s)
		}
	}
	for _, s := range invalid {
		m, err := ParseMention(s)
		var e *Error
		if !errors.Is(err, ErrInvalidMention) || errors.Is(err, ErrInvalidMessage) || !errors.As(err, &e) || m != (Mention{}) {
			t.Errorf("ParseMention(%q) = %q, %v; want an *Error of kind ErrInvalidMention", s, m, err)
			continue
		}
		if e.Mention != clip(s, 80) || e.Unwrap() != nil {
			t.Errorf("ParseMention(%q): Mention %q, cause %v; want %q and none", s, e.Mention, e.Unwrap(), clip(s, 80))
		}
	}
}

func TestMustParseMentionPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustParseMention(\"@here\") did not panic")
		}
	}()
	MustParseMention("@here")
}

func TestWithMentionIgnoresZeroAndInvalid(t *testing.T) {
	o := newOptions([]Option{WithMention("BOGUS", MustParseMention("<!here>")), WithMention("ALARM", Mention{}), nil})
	if len(o.mentions) != 0 {
		t.Errorf("mentions = %v, want none", o.mentions)
	}
}
