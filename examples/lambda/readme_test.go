package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

// TestREADME builds every Go block of the repository's README.md, each a
// complete program, and runs the Lambda one (the block that calls
// lambda.Start) as a bootstrap inside the Runtime Interface Emulator,
// against a local Slack, with an event of every shape that Lambda
// delivers. A README that shows code that does not compile, or a Lambda
// handler that fails on a real event, fails here.
func TestREADME(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the README's programs")
	}
	blocks := goBlocks(t, filepath.Join("..", "..", "README.md"))
	if len(blocks) < 3 {
		t.Fatalf("README.md has %d Go blocks, want the Lambda, HTTP and pieces programs", len(blocks))
	}
	lambdas := 0
	for i, src := range blocks {
		t.Run(fmt.Sprintf("block%d", i+1), func(t *testing.T) {
			bin := buildSnippet(t, i, src)
			if strings.Contains(src, "lambda.Start(") {
				lambdas++
				runLambdaSnippet(t, bin)
			}
		})
	}
	if lambdas == 0 {
		t.Error("README.md shows no Lambda program (no block calls lambda.Start)")
	}
}

// goBlocks returns the contents of the ```go blocks of the Markdown file.
func goBlocks(t *testing.T, path string) []string {
	t.Helper()
	md := string(readFile(t, path))
	var out []string
	for _, m := range regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(md, -1) {
		out = append(out, m[1])
	}
	return out
}

// buildSnippet builds src as a program in the module, at a directory that
// exists only in a build overlay, and returns the executable.
func buildSnippet(t *testing.T, i int, src string) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "main.go")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	pkg := fmt.Sprintf(".readme/block%d", i+1)
	overlay, _ := json.Marshal(map[string]any{"Replace": map[string]string{filepath.Join(root, pkg, "main.go"): file}})
	ov := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(ov, overlay, 0o644); err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "bootstrap")
	cmd := exec.Command("go", "build", "-overlay", ov, "-tags", "lambda.norpc", "-o", bin, "./"+pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("README block %d does not build: %v\n%s\n%s", i+1, err, out, src)
	}
	return bin
}

// runLambdaSnippet runs bin in the emulator and invokes it with an event of
// every shape, each in a new instance (some fixtures carry the same state
// change, which one instance would post once): each must be posted, and
// none may fail.
func runLambdaSnippet(t *testing.T, bin string) {
	t.Helper()
	shapes := []string{
		"lambda-sns__metric-alarm-single-record.json",
		"sqs__metric-alarm-sns-envelope.json",
		"sqs-raw__metric-math-alarm-raw-delivery.json",
		"eventbridge__metric-alarm-two-dimensions-in-order.json",
		"lambda-action__metric-alarm.json",
	}
	for _, name := range shapes {
		s := slacktest.NewServer()
		defer s.Close()
		fn := startRIE(t, bin, 30*time.Second, "SLACK_WEBHOOK_URL="+s.WebhookURL())
		out, fnErr := fn.invoke(t, readFile(t, filepath.Join(fixtureDir, name)))
		if fnErr || strings.Contains(out, "itemIdentifier") {
			t.Errorf("%s: the README's Lambda answered %s", name, out)
		}
		if got := len(s.Messages()); got != 1 {
			t.Errorf("%s: the README's Lambda posted %d messages, want 1", name, got)
		}
	}
}
