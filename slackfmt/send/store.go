package send

import (
	"context"
	"strings"
	"time"

	"github.com/cwslack/cwslack/alarm"
)

// ThreadStore remembers where the message announcing an alarm was posted,
// under the alarm's [Key], so that a Bot can reply in its thread and
// resolve it when the alarm returns to OK. MemoryStore is the in-process
// implementation; the package documentation describes what a shared
// store (DynamoDB, Redis …) must do.
//
// Implementations must be safe for concurrent use.
type ThreadStore interface {
	// Get returns the thread stored under key. It reports false, with a
	// nil error, when there is none; the error is for a store that could
	// not answer.
	Get(ctx context.Context, key string) (Thread, bool, error)
	// Put stores t under key, replacing anything stored there before. (A
	// Bot puts a thread only when Get found none open.)
	Put(ctx context.Context, key string, t Thread) error
	// Delete removes the thread under key, but only if it is still t
	// (same Channel and TS): a newer ALARM message stored meanwhile by
	// another instance must survive. Deleting what is absent is not an
	// error.
	Delete(ctx context.Context, key string, t Thread) error
}

// Thread is where the message announcing an alarm was posted, and what it
// announced.
type Thread struct {
	// Channel is the channel ID, as chat.postMessage returned it: chat.update
	// accepts only IDs, not names.
	Channel string `json:"channel"`
	// TS is the message's timestamp, its ID within the channel.
	TS string `json:"ts"`
	// Posted is when the message was posted, by the Bot's clock.
	Posted time.Time `json:"posted"`
	// Alarm is the alarm as announced, from which the resolved message is
	// rendered when the alarm is OK again. It is nil in threads stored by
	// older versions; the OK alarm is used instead.
	Alarm *alarm.Alarm `json:"alarm,omitempty"`
}

// DedupeStore records which state changes were delivered, under
// [StateChangeKey], for [Deduplicate]. A delivery claims its key first,
// and then marks it done or releases it. MemoryStore is the in-process
// implementation; a shared one (a DynamoDB conditional write, Redis SET
// NX) catches the copies that reach different processes.
//
// Implementations must be safe for concurrent use.
type DedupeStore interface {
	// Claim reserves key for one delivery until until. It reports false
	// when key was delivered already (Done) or when another claim that
	// has not expired holds it; the error is for a store that could not
	// answer.
	Claim(ctx context.Context, key string, until time.Time) (bool, error)
	// Done records that key was delivered: later claims fail. It should
	// be kept for about a day, longer than any source retries a message.
	Done(ctx context.Context, key string) error
	// Release drops the claim on key made with until, after a delivery
	// that failed, so that a retry can claim it at once. A claim made
	// since by someone else (with another until) stays.
	Release(ctx context.Context, key string, until time.Time) error
}

// Key returns the ThreadStore key of an alarm: its ARN. When the payload
// carried no ARN (messages from before 2020) the ARN is rebuilt from the
// partition, region, account and name, so that the same alarm gets the
// same key either way; a missing partition is taken to be "aws". It is ""
// for a nil alarm.
//
// A notification about one contributor of a multi-time-series alarm (a
// Contributor) has a key of its own, the ARN, a tab, "contributor " and
// the contributor's ID, such as
// "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cpu-by-instance	contributor 9f2c4e6a8b0d1f35",
// so that each contributor has its own thread and its return to OK
// resolves its own ALARM. Alarm names cannot hold a tab (CloudWatch
// refuses control characters in them), so no alarm's key is another's.
// A contributor without an ID, which CloudWatch does not send, is keyed
// by its attributes instead.
func Key(a *alarm.Alarm) string {
	if a == nil {
		return ""
	}
	key := a.ARN
	if key == "" {
		partition := a.Partition
		if partition == "" {
			partition = "aws"
		}
		key = "arn:" + partition + ":cloudwatch:" + a.Region + ":" + a.AccountID + ":alarm:" + a.Name
	}
	if c := a.Contributor; c != nil {
		key += "\tcontributor " + contributorKey(c)
	}
	return key
}

// contributorKey returns what identifies contributor c within its alarm:
// its ID, or, when it has none, its attributes, "name=value" joined by
// tabs after "attributes ", which no ID looks like.
func contributorKey(c *alarm.Contributor) string {
	if c.ID != "" {
		return c.ID
	}
	var b strings.Builder
	b.WriteString("attributes")
	for _, d := range c.Attributes {
		b.WriteString("\t" + d.Name + "=" + d.Value)
	}
	return b.String()
}

// StateChangeKey returns the DedupeStore key of one state change of an
// alarm: its [Key], the state it entered and when, such as
// "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:HighCPU ALARM 2026-11-25T10:02:30.123Z".
// For a contributor the Key includes the contributor's ID, so that two
// contributors that change state at the same moment (CloudWatch evaluates
// them together) are two state changes. It is "" when the alarm has no
// state-change time.
func StateChangeKey(a *alarm.Alarm) string {
	if a == nil || a.State.Timestamp.IsZero() {
		return ""
	}
	return Key(a) + " " + string(a.State.Value) + " " + a.State.Timestamp.UTC().Format(time.RFC3339Nano)
}
