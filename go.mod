module github.com/cwslack/cwslack

go 1.26

require (
	github.com/aws/aws-lambda-go v1.55.1
	github.com/google/go-cmp v0.7.0
	github.com/slack-go/slack v0.35.0
)

require github.com/gorilla/websocket v1.5.3 // indirect
