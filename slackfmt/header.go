package slackfmt

import (
	"strings"

	"github.com/cwslack/cwslack/alarm"
	"github.com/slack-go/slack"
)

// header returns the header block: state emoji, state and alarm name,
// "🔴 ALARM: HighCPU", or "🔕 ALARM (muted): HighCPU", and the
// contributor, if any.
func (r *renderer) header() slack.Block {
	w := newWriter(maxHeaderText)
	w.text(r.headerEmoji() + " ")
	r.stateLabel(&w, modeLine)
	w.text(": ")
	title(&w, r.a, modeLine)
	return slack.NewHeaderBlock(plain(w.String()), slack.HeaderBlockOptionBlockID(r.id("header")))
}

// name writes the alarm name, or a placeholder when it has none.
func name(w *writer, a *alarm.Alarm, m mode) {
	if a.Name == "" {
		w.text("(unnamed alarm)")
		return
	}
	w.data(a.Name, m)
}

// summary returns the top-level text, which is all that a phone's push
// notification shows: "<!here> ALARM: HighCPU in eu-west-3: 93.61% ≥ 80%
// (was OK)", with the newest value against the threshold when the alarm
// says both. Slack parses <…> and emoji codes in it like mrkdwn, so the
// alarm's text is escaped here too.
func (r *renderer) summary() string {
	w := newWriter(budgetSummary + budgetMentions)
	r.mentions(&w, " ")
	r.stateLabel(&w, modeText)
	w.text(": ")
	r.nameIn(&w)
	r.verdict(&w, ": ", modeText)
	r.series(&w, ": ")
	if p := r.a.PreviousState.Value; p != "" {
		w.text(" (was ")
		state(&w, p, modeText)
		w.text(")")
	}
	return w.String()
}

// nameIn writes the alarm's name, its contributor, if any, and its region
// for the top-level text: "HighCPU in eu-west-3".
func (r *renderer) nameIn(w *writer) {
	if c := r.a.Contributor; c != nil {
		title(w, r.a, modeText)
	} else {
		w.data(clip(r.a.Name, 200), modeText)
	}
	if r.a.Name == "" && r.a.Contributor == nil {
		w.text("(unnamed alarm)")
	}
	if r.a.Region != "" {
		w.text(" in ")
		w.data(clip(r.a.Region, 40), modeText)
	}
}

// mentions writes the mentions configured for the alarm's state,
// separated by spaces, and then tail if there were any.
func (r *renderer) mentions(w *writer, tail string) {
	ms := r.o.mentions[r.a.State.Value]
	for i, m := range ms {
		if i > 0 {
			w.text(" ")
		}
		w.text(m.s)
	}
	if len(ms) > 0 {
		w.text(tail)
	}
}

// mentionBlock returns the section that carries the mentions, or nil.
func (r *renderer) mentionBlock() slack.Block {
	w := newWriter(budgetMentions)
	r.mentions(&w, "")
	return section(r.id("mentions"), &w)
}

// description returns the alarm description as plain_text, which Slack
// never parses, or nil when there is none.
func (r *renderer) description() slack.Block {
	if strings.TrimSpace(r.a.Description) == "" {
		return nil
	}
	w := newWriter(budgetDescription)
	w.data(r.a.Description, modePlain)
	return slack.NewSectionBlock(plain(w.String()), nil, nil, slack.SectionBlockOptionBlockID(r.id("description")))
}
