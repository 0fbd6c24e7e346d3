// Command http serves CloudWatch alarm notifications from SNS HTTPS
// subscriptions (POST /sns) and EventBridge API destinations
// (POST /eventbridge) and posts them to Slack. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cwslack/cwslack/alarm/snsverify"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Environment variables read besides the Slack ones of send.ConfigFromEnv.
const (
	envTopics = "SNS_TOPIC_ARNS"      // comma-separated allow-list; empty allows every topic
	envAPIKey = "EVENTBRIDGE_API_KEY" // empty refuses every EventBridge request
)

// shutdownGrace is how long in-flight requests get to finish on SIGTERM.
const shutdownGrace = 25 * time.Second

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, log); err != nil {
		log.Error("exiting", slog.Any("error", err))
		os.Exit(1)
	}
}

// run reads the flags and environment, then serves until ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, log *slog.Logger) error {
	fs := flag.NewFlagSet("http", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addr := fs.String("addr", ":8080", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("http: %w", err)
	}
	s, err := newServer(getenv, log, extra{})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("http: %w", err)
	}
	log.Info("listening", slog.String("addr", ln.Addr().String()))
	return serve(ctx, newHTTPServer(s.handler()), ln)
}

// extra holds options that tests add to the ones read from the
// environment; main adds none.
type extra struct {
	verifier []snsverify.Option
	sender   []send.Option
}

// newServer builds the server from the environment.
func newServer(getenv func(string) string, log *slog.Logger, x extra) (*server, error) {
	cfg, err := send.ConfigFromEnv(getenv)
	if err != nil {
		return nil, err
	}
	opts, err := cfg.BuildOptions()
	if err != nil {
		return nil, err
	}
	topics := splitList(getenv(envTopics))
	apiKey := strings.TrimSpace(getenv(envAPIKey))
	log.Info("configured", slog.String("slack", cfg.String()), slog.Any("topics", topics),
		slog.Bool("eventbridge", apiKey != ""))
	if len(topics) == 0 {
		log.Warn(envTopics + " is empty: messages from every SNS topic are accepted")
	}
	return &server{
		verifier: snsverify.New(append([]snsverify.Option{snsverify.WithTopics(topics...)}, x.verifier...)...),
		apiKey:   apiKey, sender: send.Deduplicate(cfg.Sender(x.sender...), nil), buildOpts: opts, log: log,
	}, nil
}

// splitList splits a comma-separated list, dropping spaces and empty items.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ",") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// newHTTPServer returns a server with timeouts: slow clients cannot hold
// connections open, and a response may take as long as a Slack delivery
// with its retries.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      deliveryTimeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
	}
}

// serve serves on ln until ctx is done, then shuts down gracefully,
// letting in-flight requests finish for up to shutdownGrace.
func serve(ctx context.Context, srv *http.Server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http: %w", err)
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), shutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("http: shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("http: %w", err)
	}
	return nil
}
