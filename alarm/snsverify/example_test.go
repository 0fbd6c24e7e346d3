package snsverify_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/cwslack/cwslack/alarm/snsverify"
)

// A forged message whose certificate URL points anywhere but Amazon SNS is
// refused before anything is fetched.
func ExampleVerifier_Verify() {
	body := []byte(`{
		"Type": "Notification",
		"MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
		"TopicArn": "arn:aws:sns:us-west-2:123456789012:MyTopic",
		"Message": "{\"AlarmName\":\"forged\"}",
		"Timestamp": "2026-11-25T10:00:00.000Z",
		"SignatureVersion": "1",
		"Signature": "AAAA",
		"SigningCertURL": "https://attacker.example/SimpleNotificationService-x.pem"
	}`)
	v := snsverify.New(snsverify.WithTopics("arn:aws:sns:us-west-2:123456789012:MyTopic"))
	_, err := v.Verify(context.Background(), body)
	fmt.Println(err)
	fmt.Println(errors.Is(err, snsverify.ErrCertURL))

	var ve *snsverify.VerifyError
	if errors.As(err, &ve) {
		fmt.Println("refused message", ve.MessageID)
	}
	// Output:
	// snsverify: signing certificate URL not allowed: host is not an Amazon SNS host
	// true
	// refused message 22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324
}

func ExampleIsSNSHost() {
	for _, host := range []string{
		"sns.eu-west-1.amazonaws.com",
		"sns.cn-north-1.amazonaws.com.cn",
		"sns.eu-west-1.amazonaws.com.attacker.example",
		"s3.eu-west-1.amazonaws.com",
	} {
		fmt.Println(host, snsverify.IsSNSHost(host))
	}
	// Output:
	// sns.eu-west-1.amazonaws.com true
	// sns.cn-north-1.amazonaws.com.cn true
	// sns.eu-west-1.amazonaws.com.attacker.example false
	// s3.eu-west-1.amazonaws.com false
}

// Decode reads a message without verifying it, for logging or inspection.
func ExampleDecode() {
	m, err := snsverify.Decode([]byte(`{"Type":"Notification","MessageId":"m-1",
		"TopicArn":"arn:aws:sns:eu-west-1:123456789012:alarms","Message":"hello",
		"Timestamp":"2026-11-25T10:00:00.123Z","SignatureVersion":"2","Signature":"AAAA",
		"SigningCertUrl":"https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(m.Type, m.MessageID, m.Subject == nil, m.Timestamp.Format("15:04:05.000"), m.SigningCertURL)
	// Output:
	// Notification m-1 true 10:00:00.123 https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem
}
