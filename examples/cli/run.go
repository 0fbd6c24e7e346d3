package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/send"
)

// Exit statuses.
const (
	exitOK    = 0
	exitFail  = 1
	exitUsage = 2
)

// env is everything run takes from the process, so that tests can run it.
type env struct {
	stdin    io.Reader
	stdinTTY bool
	stdout   io.Writer
	stderr   io.Writer
	getenv   func(string) string
	readFile func(string) ([]byte, error)
}

// input is one payload to decode and the name to report it by.
type input struct {
	name string
	data []byte
}

// run is the whole program; it returns the exit status.
func run(ctx context.Context, args []string, e env) int {
	fs := flag.NewFlagSet("cli", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	format := fs.String("format", "blocks", "output: blocks (webhook body), alarm (decoded model), text (fallback text) or preview (Block Kit Builder URL)")
	post := fs.Bool("post", false, "send each alarm to Slack with the sender configured in the environment")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	w, ok := writers[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "cli: unknown -format %q (want blocks, alarm, text or preview)\n", *format)
		return exitUsage
	}
	var sender send.Sender
	var opts []slackfmt.Option
	if *post {
		var err error
		if sender, opts, err = configure(e.getenv); err != nil {
			fmt.Fprintf(e.stderr, "cli: %v\n", err)
			return exitUsage
		}
	}
	inputs, ok := readInputs(fs.Args(), e)
	alarms := decode(inputs, e.stderr, &ok)
	if err := w(e.stdout, alarms, opts); err != nil {
		fmt.Fprintf(e.stderr, "cli: %v\n", err)
		return exitFail
	}
	if *post && !deliver(ctx, sender, alarms, opts, e.stderr) {
		ok = false
	}
	if !ok {
		return exitFail
	}
	return exitOK
}

// configure reads the Slack configuration from the environment.
func configure(getenv func(string) string) (send.Sender, []slackfmt.Option, error) {
	cfg, err := send.ConfigFromEnv(getenv)
	if err != nil {
		return nil, nil, err
	}
	opts, err := cfg.BuildOptions()
	if err != nil {
		return nil, nil, err
	}
	return cfg.Sender(), opts, nil
}

// readInputs reads the named files, or standard input, or the embedded
// sample when standard input is a terminal. It reports unreadable files on
// stderr and returns ok=false if there were any.
func readInputs(names []string, e env) ([]input, bool) {
	if len(names) == 0 {
		if e.stdinTTY {
			return []input{{"sample", sample}}, true
		}
		data, err := io.ReadAll(e.stdin)
		if err != nil {
			fmt.Fprintf(e.stderr, "cli: stdin: %v\n", err)
			return nil, false
		}
		return []input{{"stdin", data}}, true
	}
	ok := true
	inputs := make([]input, 0, len(names))
	for _, name := range names {
		data, err := e.readFile(name)
		if err != nil {
			fmt.Fprintf(e.stderr, "cli: %v\n", err)
			ok = false
			continue
		}
		inputs = append(inputs, input{name, data})
	}
	return inputs, ok
}

// decode parses every input, keeps the alarms and reports each problem as
// one line on stderr, clearing *ok.
func decode(inputs []input, stderr io.Writer, ok *bool) []*alarm.Alarm {
	var all []*alarm.Alarm
	for _, in := range inputs {
		alarms, err := alarm.Parse(in.data)
		all = append(all, alarms...)
		for _, line := range errorLines(err) {
			fmt.Fprintf(stderr, "cli: %s: %s\n", in.name, line)
			*ok = false
		}
	}
	return all
}

// errorLines splits a joined error into one line per record.
func errorLines(err error) []string {
	if err == nil {
		return nil
	}
	var lines []string
	if joined, ok := err.(interface{ Unwrap() []error }); ok {
		for _, e := range joined.Unwrap() {
			lines = append(lines, errorLines(e)...)
		}
		return lines
	}
	return []string{strings.ReplaceAll(err.Error(), "\n", " ")}
}

// deliver sends every alarm and reports each failure on stderr.
func deliver(ctx context.Context, s send.Sender, alarms []*alarm.Alarm, opts []slackfmt.Option, stderr io.Writer) bool {
	ok := true
	for _, a := range alarms {
		if err := s.Send(ctx, a, slackfmt.Build(a, opts...)); err != nil {
			fmt.Fprintf(stderr, "cli: %s: not delivered: %v\n", a.Name, err)
			ok = false
		}
	}
	return ok
}

// writers print the alarms in each -format.
var writers = map[string]func(io.Writer, []*alarm.Alarm, []slackfmt.Option) error{
	"alarm":   writeAlarms,
	"blocks":  writeBlocks,
	"text":    writeText,
	"preview": writePreview,
}

// writeAlarms prints the decoded alarms as one JSON array.
func writeAlarms(w io.Writer, alarms []*alarm.Alarm, _ []slackfmt.Option) error {
	if alarms == nil {
		alarms = []*alarm.Alarm{}
	}
	return indented(w, alarms)
}

// writeBlocks prints the webhook body of each alarm, one JSON document each.
func writeBlocks(w io.Writer, alarms []*alarm.Alarm, opts []slackfmt.Option) error {
	for _, a := range alarms {
		if err := indented(w, slackfmt.Build(a, opts...)); err != nil {
			return err
		}
	}
	return nil
}

// writeText prints the fallback text of each alarm, one line each.
func writeText(w io.Writer, alarms []*alarm.Alarm, opts []slackfmt.Option) error {
	for _, a := range alarms {
		if _, err := fmt.Fprintln(w, slackfmt.Build(a, opts...).Text); err != nil {
			return err
		}
	}
	return nil
}

// writePreview prints a Block Kit Builder link for each alarm.
func writePreview(w io.Writer, alarms []*alarm.Alarm, opts []slackfmt.Option) error {
	for _, a := range alarms {
		u, err := slackfmt.Build(a, opts...).PreviewURL()
		if err != nil {
			return err
		}
		if _, err := fmt.Fprintln(w, u); err != nil {
			return err
		}
	}
	return nil
}

// indented writes v as indented JSON without HTML escaping, so that what
// Slack receives (<, >, & already escaped as text) reads as it is.
func indented(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encoding output: %w", err)
	}
	return nil
}
