package dynamostore

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"regexp"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// The tests run against a real DynamoDB-compatible server, dynalite, that
// .ci/run starts; these variables say where.
const (
	endpointVar = "CWSLACK_DYNAMODB_ENDPOINT" // such as http://127.0.0.1:8000
	ciVar       = "CWSLACK_CI"                // "1" in CI: a missing endpoint is a failure
)

// endpoint returns the DynamoDB endpoint for tests, skipping t when there
// is none (or failing it in CI).
func endpoint(t testing.TB) string {
	t.Helper()
	ep := os.Getenv(endpointVar)
	switch {
	case ep != "":
		return ep
	case os.Getenv(ciVar) == "1":
		t.Fatalf("%s is not set, and %s=1: .ci/run must start dynalite", endpointVar, ciVar)
	}
	t.Skipf("%s is not set: run dynalite (npm install dynalite@4.0.0; dynalite --host 127.0.0.1 --port 8000) "+
		"and set %s=http://127.0.0.1:8000, or run .ci/run", endpointVar, endpointVar)
	return ""
}

// newClient returns a DynamoDB client for ep with static credentials and
// a region, as tests need no AWS configuration and reach no network.
func newClient(ep string, opts ...func(*dynamodb.Options)) *dynamodb.Client {
	o := dynamodb.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(ep),
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDTEST", "SECRETTEST", ""),
		RetryMaxAttempts: 2,
		HTTPClient:       &http.Client{Timeout: 10 * time.Second},
	}
	for _, opt := range opts {
		opt(&o)
	}
	return dynamodb.New(o)
}

// tableName returns a table name of its own for t.
func tableName(t testing.TB) string {
	clean := regexp.MustCompile(`[^a-zA-Z0-9_.-]+`).ReplaceAllString(t.Name(), "-")
	return fmt.Sprintf("cwslack-%.100s-%08x", clean, rand.Uint32())
}

// newTable creates a table shaped as the package documentation says (a
// string partition key "pk"), waits until it is active, and deletes it
// when t ends. It returns a client and the table's name.
func newTable(t testing.TB) (*dynamodb.Client, string) {
	t.Helper()
	db := newClient(endpoint(t))
	name := tableName(t)
	if err := CreateTable(context.Background(), db, name); err != nil {
		t.Fatalf("CreateTable %s: %v", name, err)
	}
	t.Cleanup(func() { db.DeleteTable(context.Background(), &dynamodb.DeleteTableInput{TableName: aws.String(name)}) })
	return db, name
}

// newStore returns a Store on a table of its own, and the client and the
// table's name.
func newStore(t testing.TB, opts ...Option) (*Store, *dynamodb.Client) {
	t.Helper()
	db, name := newTable(t)
	s, err := New(db, name, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return s, db
}

// rawItem returns the item under pk as stored.
func rawItem(t testing.TB, db *dynamodb.Client, table, pk string) map[string]types.AttributeValue {
	t.Helper()
	out, err := db.GetItem(context.Background(), &dynamodb.GetItemInput{
		TableName: aws.String(table), Key: keyOf(pk), ConsistentRead: aws.Bool(true),
	})
	if err != nil {
		t.Fatalf("GetItem %s: %v", pk, err)
	}
	return out.Item
}

// clock is a settable clock for a Store.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

// withClock makes a Store read the time from c.
func withClock(c *clock) Option { return func(s *Store) { s.now = c.now } }
