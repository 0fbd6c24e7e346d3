package dynamostore

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// claimCondition lets a claim overwrite nothing but an absent key, a claim
// whose until has passed, or an item whose TTL has passed (DynamoDB
// deletes expired items up to a few days late).
const claimCondition = "attribute_not_exists(#pk) OR (#st = :claimed AND #until < :now) OR #ttl < :nowsec"

// Claim reserves key for one delivery until until, with one conditional
// PutItem: it reports false, with a nil error, when key was delivered
// within the last day or holds a claim that has not expired. Of any
// number of callers claiming the same key at once, in any number of
// processes, exactly one gets true.
func (s *Store) Claim(ctx context.Context, key string, until time.Time) (bool, error) {
	now := s.now()
	item := map[string]types.AttributeValue{
		attrPK: str(changePrefix + key), attrKind: str("change"), attrStatus: str(statusClaimed),
		attrUntil: num(until.UnixNano()), attrTTL: epoch(laterOf(until, now).Add(s.doneTTL)),
	}
	err := s.call(ctx, func(ctx context.Context) error {
		_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: aws.String(s.table), Item: item,
			ConditionExpression:      aws.String(claimCondition),
			ExpressionAttributeNames: namesFor("#pk", "#st", "#until", "#ttl"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":claimed": str(statusClaimed), ":now": num(now.UnixNano()), ":nowsec": num(now.Unix()),
			},
		})
		return err
	})
	switch {
	case err == nil:
		return true, nil
	case conditionFailed(err):
		return false, nil
	}
	return false, s.fail("Claim", key, err)
}

// Done records that key was delivered: an unconditional PutItem of a
// "done" mark that expires after the done TTL (a day by default).
func (s *Store) Done(ctx context.Context, key string) error {
	item := map[string]types.AttributeValue{
		attrPK: str(changePrefix + key), attrKind: str("change"), attrStatus: str(statusDone),
		attrTTL: epoch(s.now().Add(s.doneTTL)),
	}
	err := s.call(ctx, func(ctx context.Context) error {
		_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(s.table), Item: item})
		return err
	})
	if err != nil {
		return s.fail("Done", key, err)
	}
	return nil
}

// Release deletes the claim on key made with until, on condition that it
// is still that claim: a claim made since with another until, or a done
// mark, stays. Releasing what is not there is not an error.
func (s *Store) Release(ctx context.Context, key string, until time.Time) error {
	err := s.call(ctx, func(ctx context.Context) error {
		_, err := s.db.DeleteItem(ctx, &dynamodb.DeleteItemInput{
			TableName: aws.String(s.table), Key: keyOf(changePrefix + key),
			ConditionExpression:      aws.String("#st = :claimed AND #until = :until"),
			ExpressionAttributeNames: namesFor("#st", "#until"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":claimed": str(statusClaimed), ":until": num(until.UnixNano()),
			},
		})
		return err
	})
	if err != nil && !conditionFailed(err) {
		return s.fail("Release", key, err)
	}
	return nil
}

// laterOf returns the later of a and b.
func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
