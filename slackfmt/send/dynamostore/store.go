package dynamostore

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/cwslack/cwslack/slackfmt/send"
)

// API is the part of the DynamoDB client that a Store calls.
// *dynamodb.Client implements it.
type API interface {
	GetItem(ctx context.Context, in *dynamodb.GetItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.GetItemOutput, error)
	PutItem(ctx context.Context, in *dynamodb.PutItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.PutItemOutput, error)
	UpdateItem(ctx context.Context, in *dynamodb.UpdateItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.UpdateItemOutput, error)
	DeleteItem(ctx context.Context, in *dynamodb.DeleteItemInput, opts ...func(*dynamodb.Options)) (*dynamodb.DeleteItemOutput, error)
}

// Defaults of the options.
const (
	// DefaultThreadTTL is how long an open thread is kept.
	DefaultThreadTTL = 30 * 24 * time.Hour
	// DefaultResolvedGrace is how long a resolved thread stays in the
	// table.
	DefaultResolvedGrace = time.Hour
	// DefaultDoneTTL is how long a delivered state change is remembered.
	DefaultDoneTTL = 24 * time.Hour
	// DefaultMaxAlarmBytes caps the JSON of the alarm a thread keeps.
	DefaultMaxAlarmBytes = 32 << 10
	// DefaultTimeout bounds each call to DynamoDB.
	DefaultTimeout = 2 * time.Second
)

// Store is a send.ThreadStore and a send.DedupeStore on one DynamoDB
// table, as the package documentation describes. It is safe for
// concurrent use, and any number of Stores, in any number of processes,
// may share a table.
type Store struct {
	db       API
	table    string
	now      func() time.Time
	threadTT time.Duration
	grace    time.Duration
	doneTTL  time.Duration
	maxAlarm int
	timeout  time.Duration
}

// Compile-time checks that a Store is both stores.
var (
	_ send.ThreadStore = (*Store)(nil)
	_ send.DedupeStore = (*Store)(nil)
)

// Option configures a Store.
type Option func(*Store)

// New returns a Store on the table named table, through db (a
// *dynamodb.Client configured by the caller: region, credentials,
// endpoint, retries). It does not call DynamoDB; a table that does not
// exist shows in the first call's error, which matches ErrTableNotFound.
// It returns an *Error when db is nil or table is empty.
func New(db API, table string, opts ...Option) (*Store, error) {
	if db == nil || table == "" {
		return nil, &Error{Op: "New", Table: table, Reason: "needs a DynamoDB client and a table name"}
	}
	s := &Store{
		db: db, table: table, now: time.Now,
		threadTT: DefaultThreadTTL, grace: DefaultResolvedGrace, doneTTL: DefaultDoneTTL,
		maxAlarm: DefaultMaxAlarmBytes, timeout: DefaultTimeout,
	}
	for _, opt := range opts {
		if opt != nil {
			opt(s)
		}
	}
	return s, nil
}

// Table returns the name of the store's table.
func (s *Store) Table() string { return s.table }

// WithThreadTTL sets how long an open thread is kept when the alarm does
// not return to OK; the default is [DefaultThreadTTL], 30 days.
// Non-positive values keep the default.
func WithThreadTTL(d time.Duration) Option {
	return func(s *Store) {
		if d > 0 {
			s.threadTT = d
		}
	}
}

// WithResolvedGrace sets how long a resolved thread stays in the table,
// marked resolved, before it expires; the default is
// [DefaultResolvedGrace], an hour. Non-positive values keep the default.
func WithResolvedGrace(d time.Duration) Option {
	return func(s *Store) {
		if d > 0 {
			s.grace = d
		}
	}
}

// WithDoneTTL sets how long a delivered state change is remembered; the
// default is [DefaultDoneTTL], a day, longer than SNS, SQS or Lambda
// retry a message. Non-positive values keep the default.
func WithDoneTTL(d time.Duration) Option {
	return func(s *Store) {
		if d > 0 {
			s.doneTTL = d
		}
	}
}

// WithMaxAlarmBytes caps the JSON of the announced alarm that a thread
// keeps; the default is [DefaultMaxAlarmBytes], 32 KiB, far below
// DynamoDB's 400 KB item limit. Values below 1 KiB are 1 KiB.
func WithMaxAlarmBytes(n int) Option {
	return func(s *Store) { s.maxAlarm = max(n, 1<<10) }
}

// WithTimeout bounds each call to DynamoDB, the SDK's own retries
// included, within the caller's deadline; the default is
// [DefaultTimeout], two seconds, so that a slow or throttled table delays
// an alarm little. Non-positive values keep the default.
func WithTimeout(d time.Duration) Option {
	return func(s *Store) {
		if d > 0 {
			s.timeout = d
		}
	}
}

// call runs f with ctx bounded by the store's timeout.
func (s *Store) call(ctx context.Context, f func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	return f(ctx)
}
