package main

import (
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/cwslack/cwslack"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	// The configuration is read once, at start-up, with no network access:
	// a cold start waits on nothing.
	cfg, err := cwslack.ConfigFromEnv(os.Getenv)
	if err != nil {
		// Exiting before lambda.Start makes Lambda report an init error on
		// every invocation, and retry them, until the configuration is
		// fixed: nothing is silently dropped.
		log.Error("invalid configuration", slog.Any("error", err))
		os.Exit(1)
	}
	n, err := cfg.Notifier(cwslack.WithLogger(log))
	if err != nil {
		log.Error("invalid configuration", slog.Any("error", err))
		os.Exit(1)
	}
	log.Info("configured", slog.String("slack", cfg.String()))
	lambda.Start(cwslack.NewLambdaHandler(n))
}
