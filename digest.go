package cwslack

import (
	"context"
	"log/slog"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
)

// DefaultDigestThreshold is the number of alarms for one destination in
// one call of Notify above which they are posted as a digest.
const DefaultDigestThreshold = 5

// WithDigestThreshold makes the Notifier post the alarms of one call of
// Notify as a digest ([slackfmt.BuildDigest]: counts by state, then every
// alarm by name with its state, value against threshold and console link,
// in as few messages as Block Kit allows, with one mention at most) to
// each destination that gets more than n of them, instead of a message
// each; [DefaultDigestThreshold] by default. n below 1 turns digests off.
//
// A storm reaches a function as large SQS batches, so a digest keeps the
// channel readable and within Slack's rate limit; alarms that arrive one
// at a time are posted one at a time. Digests open no threads and carry
// no graphs; each alarm of a digest counts as delivered, for
// deduplication, once the message that lists it is posted.
func WithDigestThreshold(n int) Option {
	return func(nt *Notifier) { nt.digestAt = max(n, 0) }
}

// WithDropMuted makes the Notifier post nothing for alarms that changed
// state inside the window of an alarm mute rule ([alarm.Alarm].Mute);
// they are logged instead. By default they are posted, marked muted and
// without mentions.
func WithDropMuted() Option {
	return func(n *Notifier) { n.dropMuted = true }
}

// deliverDigest posts the claimed alarms as one digest and returns those
// of its messages that failed. Its mention is the first that the routes
// give an alarm entering ALARM.
func (n *Notifier) deliverDigest(ctx context.Context, b *batch, cs []claimed) []Failure {
	alarms := make([]*alarm.Alarm, len(cs))
	byAlarm := make(map[*alarm.Alarm]claimed, len(cs))
	var mention slackfmt.Mention
	for i, c := range cs {
		alarms[i], byAlarm[c.alarm] = c.alarm, c
		if mention == (slackfmt.Mention{}) && c.alarm.State.Value == alarm.StateAlarm && c.alarm.Mute == nil {
			mention = c.mention
		}
	}
	var failed []Failure
	msgs := slackfmt.BuildDigest(alarms, buildOptions(b.dest, mention)...)
	for i, m := range msgs {
		_, err := b.dest.Sender.Send(ctx, nil, m)
		attrs := []any{slog.String("destination", b.name), slog.Int("part", i+1), slog.Int("parts", len(msgs)), slog.Int("alarms", len(m.Alarms))}
		if err != nil {
			n.log.ErrorContext(ctx, "digest not delivered", append(attrs, slog.Any("error", err))...)
		} else {
			n.log.InfoContext(ctx, "digest delivered", attrs...)
		}
		for _, a := range m.Alarms {
			c := byAlarm[a]
			n.settle(ctx, c, err)
			if err != nil {
				failed = append(failed, Failure{Alarm: a, Destination: b.name, Err: err})
			}
		}
	}
	return failed
}
