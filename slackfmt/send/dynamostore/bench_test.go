package dynamostore

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// BenchmarkClaim measures a Claim (one conditional PutItem) and its Done
// (one PutItem) against the DynamoDB endpoint of the tests (dynalite in
// CI): the cost that deduplication adds to each alarm.
func BenchmarkClaim(b *testing.B) {
	s, _ := newStore(b)
	ctx := context.Background()
	until := time.Now().Add(time.Minute)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		key := changeKey + strconv.Itoa(i)
		if ok, err := s.Claim(ctx, key, until); !ok || err != nil {
			b.Fatalf("Claim = %v, %v", ok, err)
		}
		if err := s.Done(ctx, key); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkThreadGet measures the Get that a Bot makes before every post.
func BenchmarkThreadGet(b *testing.B) {
	s, _ := newStore(b)
	ctx := context.Background()
	if err := s.Put(ctx, threadKey, testThread()); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, ok, err := s.Get(ctx, threadKey); !ok || err != nil {
			b.Fatalf("Get = %v, %v", ok, err)
		}
	}
}
