package dynamostore

import (
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Attribute names. "pk" and "ttl" are the table's; the others are this
// package's own. Expressions always refer to them through placeholders
// (TTL, for one, is a reserved word of DynamoDB).
const (
	attrPK       = "pk"
	attrTTL      = "ttl"
	attrKind     = "kind"     // "thread" or "change"
	attrChannel  = "channel"  // thread: channel ID
	attrTS       = "ts"       // thread: message ts
	attrPosted   = "posted"   // thread: RFC 3339 time
	attrAlarm    = "alarm"    // thread: the announced alarm, JSON
	attrResolved = "resolved" // thread: BOOL
	attrStatus   = "status"   // change: "claimed" or "done"
	attrUntil    = "until"    // change: a claim's until, Unix nanoseconds
)

// Key prefixes, so that threads and state changes share the table.
const (
	threadPrefix = "thread#"
	changePrefix = "change#"
)

// Values of attrStatus.
const (
	statusClaimed = "claimed"
	statusDone    = "done"
)

// names are the placeholders of every attribute, for expressions.
var names = map[string]string{
	"#pk": attrPK, "#ttl": attrTTL, "#ch": attrChannel, "#ts": attrTS,
	"#res": attrResolved, "#st": attrStatus, "#until": attrUntil,
}

// namesFor returns the placeholders that expr uses.
func namesFor(placeholders ...string) map[string]string {
	m := make(map[string]string, len(placeholders))
	for _, p := range placeholders {
		m[p] = names[p]
	}
	return m
}

func str(s string) types.AttributeValue { return &types.AttributeValueMemberS{Value: s} }

func num(n int64) types.AttributeValue {
	return &types.AttributeValueMemberN{Value: strconv.FormatInt(n, 10)}
}

func boolean(b bool) types.AttributeValue { return &types.AttributeValueMemberBOOL{Value: b} }

// epoch returns t as a TTL value: Unix seconds.
func epoch(t time.Time) types.AttributeValue { return num(t.Unix()) }

// keyOf returns the item key pk.
func keyOf(pk string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{attrPK: str(pk)}
}

// getS returns the string attribute name of item, or "".
func getS(item map[string]types.AttributeValue, name string) string {
	if v, ok := item[name].(*types.AttributeValueMemberS); ok {
		return v.Value
	}
	return ""
}

// getN returns the number attribute name of item, or 0.
func getN(item map[string]types.AttributeValue, name string) int64 {
	if v, ok := item[name].(*types.AttributeValueMemberN); ok {
		n, _ := strconv.ParseInt(v.Value, 10, 64)
		return n
	}
	return 0
}

// getBool returns the boolean attribute name of item, or false.
func getBool(item map[string]types.AttributeValue, name string) bool {
	v, ok := item[name].(*types.AttributeValueMemberBOOL)
	return ok && v.Value
}
