// Command cli decodes CloudWatch alarm notifications from files or standard
// input and prints them as Slack messages, as the decoded model, as the
// fallback text or as Block Kit Builder links; with -post it delivers them.
//
// Usage:
//
//	go run ./examples/cli [-format blocks|alarm|text|preview] [-post] [FILE ...]
//
// With no FILE it reads standard input; when standard input is a terminal it
// renders an embedded sample alarm instead, so that one command shows a real
// message. -post sends each alarm with the sender configured by the same
// environment variables as the Lambda example (SLACK_WEBHOOK_URL, or
// SLACK_BOT_TOKEN with SLACK_CHANNEL; SLACK_MENTION; SLACK_ACCOUNT_ALIASES).
//
// Exit status: 0 when every input decoded (and, with -post, every alarm was
// delivered); 1 when an input was not an alarm, was broken, or a delivery
// failed; 2 on usage errors.
package main

import (
	"context"
	_ "embed"
	"os"
	"os/signal"
	"syscall"
)

//go:embed sample.json
var sample []byte

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], env{
		stdin:    os.Stdin,
		stdinTTY: isTerminal(os.Stdin),
		stdout:   os.Stdout,
		stderr:   os.Stderr,
		getenv:   os.Getenv,
		readFile: os.ReadFile,
	})
	stop()
	os.Exit(code)
}

// isTerminal reports whether f is a character device, which is how a
// terminal looks without a terminal library.
func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
