package alarm

import "strings"

// origin is what the layers around an alarm say about it: the envelope
// that carried it, the IDs of the delivery, the SNS topic and subscription,
// and what an EventBridge event or alarm action says of the alarm outside
// its detail. Decoding fills it from the outside in.
type origin struct {
	envelope Envelope
	snsID    string // SNS MessageId
	sqsID    string // SQS messageId
	eventID  string // EventBridge event id
	topicARN string // SNS TopicArn
	subARN   string // Lambda EventSubscriptionArn
	alarmARN string // EventBridge resources, alarm action alarmArn
	account  string // EventBridge account, alarm action accountId
	region   string // EventBridge or alarm action region code
}

// messageID returns the ID that identifies the delivery: the SNS
// MessageId, else the EventBridge event id, else the SQS messageId.
func (o *origin) messageID() string {
	switch {
	case o.snsID != "":
		return o.snsID
	case o.eventID != "":
		return o.eventID
	}
	return o.sqsID
}

// locate fills the alarm's region, partition, account (when the payload
// lacks it) and console link from its ARN and what o says. regionName is
// the region's display name that an SNS alarm message carries. The region
// comes from the alarm ARN, then the event's region code, then the SNS
// topic or subscription ARN, then the display name; the partition from the
// alarm ARN, then the topic or subscription ARN, then the region.
func (o *origin) locate(a *Alarm, regionName string) {
	alarm, _ := parseARN(a.ARN)
	topic, _ := parseARN(o.topicARN)
	sub, _ := parseARN(o.subARN)
	a.Region = firstRegion(alarm.Region, o.region, topic.Region, sub.Region, regionName, regionFromDisplayName(regionName))
	a.Partition = firstPartition(alarm.Partition, topic.Partition, sub.Partition, partitionForRegion(a.Region))
	if a.AccountID == "" {
		a.AccountID = alarm.Account
	}
	a.ConsoleURL = consoleURL(a.Partition, a.Region, a.Name)
	if c := a.Contributor; c != nil {
		c.ConsoleURL = contributorConsoleURL(a.ConsoleURL, c.ID, a.State.Timestamp)
	}
}

// firstRegion returns the first of rs that looks like a region code, so
// that placeholders such as "REGION" in fixtures are skipped.
func firstRegion(rs ...string) string {
	for _, r := range rs {
		if looksLikeRegion(r) {
			return r
		}
	}
	return ""
}

// looksLikeRegion reports whether r looks like a region code: lower-case
// letters, digits and at least one hyphen.
func looksLikeRegion(r string) bool {
	return strings.Contains(r, "-") && isRegionCode(r)
}

// firstPartition returns the first of ps that names an AWS partition.
func firstPartition(ps ...string) string {
	for _, p := range ps {
		if p == "aws" || strings.HasPrefix(p, "aws-") {
			return p
		}
	}
	return ""
}
