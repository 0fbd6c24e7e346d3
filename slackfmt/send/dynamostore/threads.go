package dynamostore

import (
	"context"
	"encoding/json"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Get returns the open thread under key: it reports false, with a nil
// error, when there is none, or only one that was resolved or has
// expired. It reads consistently, so that a thread put by another
// instance a moment ago is seen.
func (s *Store) Get(ctx context.Context, key string) (send.Thread, bool, error) {
	var out *dynamodb.GetItemOutput
	err := s.call(ctx, func(ctx context.Context) error {
		var err error
		out, err = s.db.GetItem(ctx, &dynamodb.GetItemInput{
			TableName: aws.String(s.table), Key: keyOf(threadPrefix + key), ConsistentRead: aws.Bool(true),
		})
		return err
	})
	if err != nil {
		return send.Thread{}, false, s.fail("Get", key, err)
	}
	item := out.Item
	if item == nil || getBool(item, attrResolved) || getN(item, attrTTL) < s.now().Unix() {
		return send.Thread{}, false, nil
	}
	t, err := decodeThread(item)
	if err != nil {
		return send.Thread{}, false, &Error{Op: "Get", Table: s.table, Key: key, Reason: "stored thread is not readable", Err: err}
	}
	return t, true, nil
}

// putCondition lets Put write nothing but an absent key, a resolved
// thread or an expired one: an open thread is kept.
const putCondition = "attribute_not_exists(#pk) OR #res = :true OR #ttl < :nowsec"

// Put stores t under key, on condition that no thread is open there: of
// two instances that announce the same alarm at once, the first thread is
// kept and the second Put does nothing (and returns nil), so that both
// agree on one thread. The thread expires after the thread TTL (30 days
// by default). The alarm is kept as JSON within the size cap, as the
// package documentation describes.
func (s *Store) Put(ctx context.Context, key string, t send.Thread) error {
	now := s.now()
	item := map[string]types.AttributeValue{
		attrPK: str(threadPrefix + key), attrKind: str("thread"), attrChannel: str(t.Channel), attrTS: str(t.TS),
		attrPosted: str(t.Posted.UTC().Format(time.RFC3339Nano)), attrResolved: boolean(false),
		attrTTL: epoch(now.Add(s.threadTT)),
	}
	if a := capAlarm(t.Alarm, s.maxAlarm); a != nil {
		item[attrAlarm] = str(string(a))
	}
	err := s.call(ctx, func(ctx context.Context) error {
		_, err := s.db.PutItem(ctx, &dynamodb.PutItemInput{
			TableName: aws.String(s.table), Item: item,
			ConditionExpression:      aws.String(putCondition),
			ExpressionAttributeNames: namesFor("#pk", "#res", "#ttl"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":true": boolean(true), ":nowsec": num(now.Unix()),
			},
		})
		return err
	})
	if err != nil && !conditionFailed(err) {
		return s.fail("Put", key, err)
	}
	return nil
}

// Delete marks the thread under key resolved, on condition that it is
// still t (same channel and ts) and open, and lets it expire after the
// resolved grace (an hour by default): Get no longer returns it. A thread
// announced since by another instance stays open; deleting what is
// absent is not an error.
func (s *Store) Delete(ctx context.Context, key string, t send.Thread) error {
	err := s.call(ctx, func(ctx context.Context) error {
		_, err := s.db.UpdateItem(ctx, &dynamodb.UpdateItemInput{
			TableName: aws.String(s.table), Key: keyOf(threadPrefix + key),
			UpdateExpression:         aws.String("SET #res = :true, #ttl = :ttl"),
			ConditionExpression:      aws.String("#ch = :ch AND #ts = :ts AND #res = :false"),
			ExpressionAttributeNames: namesFor("#res", "#ttl", "#ch", "#ts"),
			ExpressionAttributeValues: map[string]types.AttributeValue{
				":true": boolean(true), ":false": boolean(false), ":ttl": epoch(s.now().Add(s.grace)),
				":ch": str(t.Channel), ":ts": str(t.TS),
			},
		})
		return err
	})
	if err != nil && !conditionFailed(err) {
		return s.fail("Delete", key, err)
	}
	return nil
}

// decodeThread returns the thread that item holds.
func decodeThread(item map[string]types.AttributeValue) (send.Thread, error) {
	t := send.Thread{Channel: getS(item, attrChannel), TS: getS(item, attrTS)}
	if p := getS(item, attrPosted); p != "" {
		posted, err := time.Parse(time.RFC3339Nano, p)
		if err != nil {
			return send.Thread{}, err
		}
		t.Posted = posted
	}
	if js := getS(item, attrAlarm); js != "" {
		var a alarm.Alarm
		if err := json.Unmarshal([]byte(js), &a); err != nil {
			return send.Thread{}, err
		}
		t.Alarm = &a
	}
	return t, nil
}
