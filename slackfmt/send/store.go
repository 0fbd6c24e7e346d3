package send

import (
	"context"
	"time"

	"github.com/cwslack/cwslack/alarm"
)

// Store remembers where the message announcing an alarm was posted, so
// that a Bot can reply in its thread and mark it resolved when the alarm
// returns to OK (keys from Key), and which state changes were delivered,
// for Deduplicate (keys from StateChangeKey). MemoryStore is the
// in-process implementation; the package documentation describes what a
// shared store (DynamoDB, Redis …) must do.
//
// Implementations must be safe for concurrent use.
type Store interface {
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

// Thread is where a message was posted.
type Thread struct {
	// Channel is the channel ID, as chat.postMessage returned it: chat.update
	// accepts only IDs, not names.
	Channel string `json:"channel"`
	// TS is the message's timestamp, its ID within the channel.
	TS string `json:"ts"`
	// Posted is when the message was posted, by the Bot's clock.
	Posted time.Time `json:"posted"`
}

// Key returns the Store key of an alarm: its ARN. When the payload carried
// no ARN (messages from before 2020) the ARN is rebuilt from the
// partition, region, account and name, so that the same alarm gets the
// same key either way; a missing partition is taken to be "aws". It is ""
// for a nil alarm.
func Key(a *alarm.Alarm) string {
	if a == nil {
		return ""
	}
	if a.ARN != "" {
		return a.ARN
	}
	partition := a.Partition
	if partition == "" {
		partition = "aws"
	}
	return "arn:" + partition + ":cloudwatch:" + a.Region + ":" + a.AccountID + ":alarm:" + a.Name
}
