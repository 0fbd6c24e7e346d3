// Command http serves CloudWatch alarm notifications from SNS HTTPS
// subscriptions (POST /sns) and EventBridge API destinations
// (POST /eventbridge) and posts them to Slack. See README.md.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm/snsverify"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, log); err != nil {
		log.Error("exiting", slog.Any("error", err))
		os.Exit(1)
	}
}

// run reads the flags and the environment (cwslack.ConfigFromEnv's
// variables; SNS_TOPIC_ARNS, the topics to accept, comma-separated, or "*"
// for any; EVENTBRIDGE_API_KEY, without which /eventbridge refuses every
// request), then serves until ctx is done.
func run(ctx context.Context, args []string, getenv func(string) string, log *slog.Logger) error {
	fs := flag.NewFlagSet("http", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (\":8080\" for every interface)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := cwslack.ConfigFromEnv(getenv)
	if err != nil {
		return err
	}
	n, err := cfg.Notifier(cwslack.WithLogger(log))
	if err != nil {
		return err
	}
	topics := strings.FieldsFunc(getenv("SNS_TOPIC_ARNS"), func(r rune) bool { return r == ',' || r == ' ' })
	topicOpt := snsverify.WithTopics(topics...)
	if len(topics) == 1 && topics[0] == "*" {
		topicOpt = snsverify.WithAnyTopic()
	}
	mux := http.NewServeMux()
	mux.Handle("/sns", cwslack.NewSNSHandler(n, snsverify.New(topicOpt)))
	mux.Handle("/eventbridge", cwslack.NewEventBridgeHandler(n, strings.TrimSpace(getenv("EVENTBRIDGE_API_KEY"))))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("listening", slog.String("addr", ln.Addr().String()), slog.String("slack", cfg.String()), slog.Any("topics", topics))
	return serve(ctx, mux, ln)
}

// serve serves h on ln until ctx is done, then lets the requests in
// flight finish, for up to 25 seconds. The timeouts keep slow clients from
// holding connections; a response may take as long as a delivery.
func serve(ctx context.Context, h http.Handler, ln net.Listener) error {
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second}
	stopped := make(chan error, 1)
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 25*time.Second)
		defer cancel()
		stopped <- srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return <-stopped
}
