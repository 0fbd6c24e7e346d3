package snsverify

import "testing"

// TestCheckCertURL checks the default certificate URL rule on URLs that
// must pass and URLs that must not.
func TestCheckCertURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://sns.us-east-1.amazonaws.com/SimpleNotificationService-010a507c1833636cd94bdb98bd93083a.pem", true},
		{"https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-3250158c6506d40f628c21ed8dad1787.pem", true},
		{"https://sns.us-gov-west-1.amazonaws.com/x.pem", true},
		{"https://SNS.EU-SOUTH-1.AMAZONAWS.COM/x.pem", true},
		{"https://sns.eu-west-1.amazonaws.com:443/x.pem", true},
		{"http://sns.us-east-1.amazonaws.com/x.pem", false},
		{"https://sns.us-east-1.amazonaws.com/x.pem.txt", false},
		{"https://sns.us-east-1.amazonaws.com/x", false},
		{"https://sns.us-east-1.amazonaws.com.evil.example/x.pem", false},
		{"https://sns.us-east-1.amazonaws.com@evil.example/x.pem", false},
		{"https://user@sns.us-east-1.amazonaws.com/x.pem", false},
		{"https://sns.us-east-1.amazonaws.com:8443/x.pem", false},
		{"https://evil.example/sns.us-east-1.amazonaws.com/x.pem", false},
		{"https://sns.amazonaws.com/x.pem", false},
		{"https://sns.a.amazonaws.com/x.pem", false},
		{"https://xsns.us-east-1.amazonaws.com/x.pem", false},
		{"https://sns.us_east.amazonaws.com/x.pem", false},
		{"https://s3.us-east-1.amazonaws.com/x.pem", false},
		{"https://sns.us-east-1.amazonaws.com.cn.evil/x.pem", false},
		{"https://sns.us-iso-east-1.amazonaws.com/x.pem", true},
		{"https://sns.ap-southeast-5.amazonaws.com/x.pem", true},
		{"https://sns.eusc-de-east-1.amazonaws.com/x.pem", true},
		// An S3 bucket named "sns" is served on hosts like these.
		{"https://sns.s3-us-west-2.amazonaws.com/x.pem", false},
		{"https://sns.s3-external-1.amazonaws.com/x.pem", false},
		{"https://sns.s3-accelerate.amazonaws.com/x.pem", false},
		{"https://sns.execute-api.amazonaws.com/x.pem", false},
		{"https://sns.us-east-1.amazonaws.com./x.pem", false},
		{"https://127.0.0.1/x.pem", false},
		{"https:sns.us-east-1.amazonaws.com/x.pem", false},
		{"//sns.us-east-1.amazonaws.com/x.pem", false},
		{"", false},
		{"https://sns.us-east-1.amazonaws.com/%zz.pem", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, reason := checkCertURL(tt.url)
			if got := reason == ""; got != tt.want {
				t.Errorf("checkCertURL(%q) accepted = %v (%s), want %v", tt.url, got, reason, tt.want)
			}
		})
	}
}

// TestCheckSubscribeURL checks the SubscribeURL rule: an SNS host and the
// ConfirmSubscription action.
func TestCheckSubscribeURL(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37", true},
		{"https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=x", false},
		{"http://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription", false},
		{"https://evil.example/?Action=ConfirmSubscription", false},
		{"https://169.254.169.254/?Action=ConfirmSubscription", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			_, reason := checkSubscribeURL(tt.url)
			if got := reason == ""; got != tt.want {
				t.Errorf("checkSubscribeURL(%q) accepted = %v (%s), want %v", tt.url, got, reason, tt.want)
			}
		})
	}
}

// TestCanonicalString pins the string to sign for each message type
// against hand-written expectations.
func TestCanonicalString(t *testing.T) {
	subject := "S"
	tests := []struct {
		name string
		m    Message
		want string
	}{
		{"notification with Subject", Message{Type: TypeNotification, MessageID: "id", TopicARN: "arn", Subject: &subject, Message: "a\nb", rawTimestamp: "T", Token: "ignored", SubscribeURL: "ignored"},
			"Message\na\nb\nMessageId\nid\nSubject\nS\nTimestamp\nT\nTopicArn\narn\nType\nNotification\n"},
		{"notification without Subject", Message{Type: TypeNotification, MessageID: "id", TopicARN: "arn", Message: "m", rawTimestamp: "T"},
			"Message\nm\nMessageId\nid\nTimestamp\nT\nTopicArn\narn\nType\nNotification\n"},
		{"unsubscribe confirmation", Message{Type: TypeUnsubscribeConfirmation, MessageID: "id", TopicARN: "arn", Subject: &subject, Message: "m", rawTimestamp: "T", Token: "tok", SubscribeURL: "u"},
			"Message\nm\nMessageId\nid\nSubscribeURL\nu\nTimestamp\nT\nToken\ntok\nTopicArn\narn\nType\nUnsubscribeConfirmation\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(tt.m.stringToSign()); got != tt.want {
				t.Errorf("stringToSign() = %q, want %q", got, tt.want)
			}
		})
	}
}
