package dynamostore_test

import (
	"log"
	"os"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/send/dynamostore"
)

// Example wires a Store into a Bot and Deduplicate, so that every Lambda
// instance shares threads and deduplication. It needs AWS credentials and
// a table, so it is not run.
func Example() {
	// A program builds the client from its AWS configuration:
	// dynamodb.NewFromConfig(cfg), with cfg from config.LoadDefaultConfig
	// (AWS_REGION, the credentials, AWS_ENDPOINT_URL_DYNAMODB).
	var client *dynamodb.Client = newDynamoDBClient()
	store, err := dynamostore.New(client, os.Getenv("SLACK_STATE_TABLE"))
	if err != nil {
		log.Fatal(err)
	}
	bot, err := send.NewBot(os.Getenv("SLACK_BOT_TOKEN"), "#alerts", send.WithThreadStore(store))
	if err != nil {
		log.Fatal(err)
	}
	sender := send.Deduplicate(bot, store)
	_ = sender // sender.Send(ctx, alarm, slackfmt.Build(alarm)) for each alarm
}

// newDynamoDBClient stands for the program's own client.
func newDynamoDBClient() *dynamodb.Client {
	return dynamodb.New(dynamodb.Options{Region: os.Getenv("AWS_REGION")})
}
