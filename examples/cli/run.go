package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/slackfmt"
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

// usage is printed by -h, before the flags.
const usage = `Usage: cli [-format blocks|alarm|text|preview] [-post] [FILE ...]

Decodes CloudWatch alarm notifications, in any shape AWS delivers them (an SNS,
SQS or EventBridge event, an SNS HTTPS body, the alarm's Lambda action, the bare
alarm message), and prints each alarm as a Slack message.

FILE arguments are read in order; with none, standard input is read. When
standard input is a terminal, an embedded sample alarm is rendered instead.

With -post, each alarm is also posted to Slack, configured by the environment:
SLACK_WEBHOOK_URL, or SLACK_BOT_TOKEN and SLACK_CHANNEL; SLACK_MENTION;
SLACK_ACCOUNT_ALIASES.

Flags:
`

// run is the whole program; it returns the exit status.
func run(ctx context.Context, args []string, e env) int {
	fs := flag.NewFlagSet("cli", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() { fmt.Fprint(e.stderr, usage); fs.PrintDefaults() }
	format := fs.String("format", "blocks", "output: blocks (the webhook body), alarm (the decoded model), text (the message as read in Slack) or preview (a Block Kit Builder link)")
	post := fs.Bool("post", false, "post each alarm to Slack as the environment configures it")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	w, ok := writers[*format]
	if !ok {
		fmt.Fprintf(e.stderr, "cli: unknown -format %q (want blocks, alarm, text or preview)\n", *format)
		return exitUsage
	}
	var cfg *cwslack.Config
	if *post {
		var err error
		if cfg, err = cwslack.ConfigFromEnv(e.getenv); err != nil {
			fmt.Fprintf(e.stderr, "cli: %v\n", err)
			return exitUsage
		}
	}
	inputs, ok := readInputs(fs.Args(), e)
	alarms := decode(inputs, e.stderr, &ok)
	var opts []slackfmt.Option
	if cfg != nil {
		d, _ := cfg.Destination()
		opts = d.Options
	}
	if err := w(e.stdout, alarms, opts); err != nil {
		fmt.Fprintf(e.stderr, "cli: %v\n", err)
		return exitFail
	}
	if cfg != nil && !deliver(ctx, cfg, alarms, e.stderr) {
		ok = false
	}
	if len(inputs) == 1 && inputs[0].name == "sample" {
		fmt.Fprintf(e.stderr, sampleNote, formats[*format])
	}
	if !ok {
		return exitFail
	}
	return exitOK
}

// sampleNote is what a run on the embedded sample says about what it
// printed, given the description of the format from formats.
const sampleNote = `cli: that was the embedded sample, a metric-math ALARM delivered by SNS, printed as %s.
     Try -format text (as read in Slack), -format preview (a Block Kit Builder link),
     -format alarm (the decoded model), your own payloads (cli FILE ... or stdin),
     or -post with SLACK_WEBHOOK_URL set; -h for more.
`

// formats describes what each -format prints.
var formats = map[string]string{
	"blocks":  "the JSON body of a Slack incoming-webhook POST",
	"alarm":   "the decoded alarm model",
	"text":    "the text of the message as read in Slack",
	"preview": "a Block Kit Builder link",
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

// deliver posts every alarm as cfg says and reports on stderr what was
// posted and what failed.
func deliver(ctx context.Context, cfg *cwslack.Config, alarms []*alarm.Alarm, stderr io.Writer) bool {
	n, err := cfg.Notifier(cwslack.WithDedupeStore(nil))
	if err != nil {
		fmt.Fprintf(stderr, "cli: %v\n", err)
		return false
	}
	failed := map[*alarm.Alarm]error{}
	var de *cwslack.DeliveryError
	if err := n.Notify(ctx, alarms...); errors.As(err, &de) {
		for _, f := range de.Failures {
			failed[f.Alarm] = f.Err
		}
	}
	for _, a := range alarms {
		if err := failed[a]; err != nil {
			fmt.Fprintf(stderr, "cli: %s: not posted: %v\n", a.Name, err)
			continue
		}
		fmt.Fprintf(stderr, "cli: posted %s (%s) to %s\n", a.Name, a.State.Value, cfg)
	}
	return len(failed) == 0
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

// writeText prints each message as a person reads it in Slack: its text
// and the text of its blocks, with Slack's escaping undone, and a blank
// line after each.
func writeText(w io.Writer, alarms []*alarm.Alarm, opts []slackfmt.Option) error {
	for _, a := range alarms {
		if _, err := fmt.Fprintf(w, "%s\n\n", readable(slackfmt.Build(a, opts...))); err != nil {
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

// readable returns m as a person reads it in Slack: the top-level text,
// then every text object of the blocks, in order, one per line, with
// mrkdwn through slackfmt.PlainText.
func readable(m *slackfmt.Message) string {
	lines := []string{slackfmt.PlainText(m.Text)}
	body, err := m.MarshalJSON()
	if err != nil {
		return lines[0]
	}
	var v struct {
		Blocks      []any `json:"blocks"`
		Attachments []any `json:"attachments"`
	}
	json.Unmarshal(body, &v)
	walkText(append(v.Blocks, v.Attachments...), func(typ, text string) {
		if typ == "mrkdwn" {
			text = slackfmt.PlainText(text)
		}
		lines = append(lines, text)
	})
	return strings.Join(lines, "\n")
}

// walkText calls f with the type and text of every Block Kit text object
// in v, depth first, in order.
func walkText(v any, f func(typ, text string)) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			walkText(e, f)
		}
	case map[string]any:
		typ, _ := v["type"].(string)
		if text, ok := v["text"].(string); ok && (typ == "mrkdwn" || typ == "plain_text") {
			f(typ, text)
			return
		}
		for _, k := range []string{"text", "fields", "elements", "blocks"} {
			walkText(v[k], f)
		}
	}
}
