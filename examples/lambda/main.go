package main

import (
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/cwslack/cwslack/slackfmt/send"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	h, err := newHandlerFromEnv(os.Getenv, log)
	if err != nil {
		// Exiting before lambda.Start makes Lambda report an init error
		// (Runtime.ExitError) on every invocation until the configuration
		// is fixed, and retry them; nothing is silently dropped.
		log.Error("invalid configuration", slog.Any("error", err))
		os.Exit(1)
	}
	lambda.Start(h)
}

// newHandlerFromEnv reads the configuration once, at start-up. It does no
// I/O beyond getenv: a cold start should not wait on the network.
func newHandlerFromEnv(getenv func(string) string, log *slog.Logger) (*Handler, error) {
	cfg, err := send.ConfigFromEnv(getenv)
	if err != nil {
		return nil, err
	}
	opts, err := cfg.BuildOptions()
	if err != nil {
		return nil, err
	}
	// A warm instance drops the copies of a state change it has delivered
	// already: SNS's and Lambda's retries, and the same alarm arriving by
	// SNS and by EventBridge.
	return NewHandler(send.Deduplicate(cfg.Sender(), nil), log, opts...), nil
}
