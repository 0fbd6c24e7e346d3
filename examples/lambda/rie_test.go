package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests of this package run the real artefact: the bootstrap
// executable, built as for Lambda but for the host platform, inside the
// AWS Lambda Runtime Interface Emulator (RIE), which gives it the real
// Runtime API and invokes it over HTTP as Lambda would. .ci/run installs
// the emulator; elsewhere install it with
//
//	go install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@v0.0.0-20261030222936-bef5c4ba774d
//
// or point CWSLACK_RIE at it. Without it the tests skip, unless
// CWSLACK_CI=1, when they fail.

// rieBinary returns the path of aws-lambda-rie, or skips the test.
func rieBinary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("CWSLACK_RIE"); p != "" {
		return p
	}
	if p, err := exec.LookPath("aws-lambda-rie"); err == nil {
		return p
	}
	if gopath, err := exec.Command("go", "env", "GOPATH").Output(); err == nil {
		p := filepath.Join(strings.TrimSpace(string(gopath)), "bin", "aws-lambda-rie")
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if os.Getenv("CWSLACK_CI") == "1" {
		t.Fatal("aws-lambda-rie not found, and CWSLACK_CI=1: .ci/run should have installed it")
	}
	t.Skip("aws-lambda-rie not found (set CWSLACK_RIE, or go install it)")
	return ""
}

// buildBootstrap builds the Go program in dir (a package path or
// directory) as Lambda's "bootstrap" executable for the host platform and
// returns its path.
func buildBootstrap(t testing.TB, dir string) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "bootstrap")
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-trimpath", "-o", bin, dir)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", dir, err, out)
	}
	return bin
}

// rie is one function instance: a bootstrap process inside an emulator.
type rie struct {
	url string // the invoke URL
	out *syncBuffer
	cmd *exec.Cmd
}

// startRIE runs bin inside the emulator with the environment env (plus the
// emulator's own settings) and stops it when the test ends. The
// function's timeout is timeout. Its output is logged if the test fails.
func startRIE(t testing.TB, bin string, timeout time.Duration, env ...string) *rie {
	t.Helper()
	addr, api := freeAddr(t), freeAddr(t)
	cmd := exec.Command(rieBinary(t), "--runtime-interface-emulator-address", addr, "--runtime-api-address", api, bin)
	cmd.Dir = filepath.Dir(bin)
	cmd.Env = append([]string{
		"PATH=" + os.Getenv("PATH"), "TZ=UTC", "AWS_REGION=eu-west-3",
		"AWS_LAMBDA_FUNCTION_NAME=cwslack", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=128",
		fmt.Sprintf("AWS_LAMBDA_FUNCTION_TIMEOUT=%d", int(timeout.Seconds())),
		"AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=secret", "AWS_SESSION_TOKEN=token",
	}, env...)
	r := &rie{url: "http://" + addr + "/2015-03-31/functions/function/invocations", out: new(syncBuffer), cmd: cmd}
	cmd.Stdout, cmd.Stderr = r.out, r.out
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting aws-lambda-rie: %v", err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		if t.Failed() {
			t.Logf("emulator and function output:\n%s", r.out.String())
		}
	})
	waitListening(t, addr)
	return r
}

// invoke invokes the function with payload and returns its response, and
// whether the function reported an error (the emulator answers 200 either
// way, with {"errorMessage":…,"errorType":…} for an error).
func (r *rie) invoke(t testing.TB, payload []byte) (body string, fnErr bool) {
	t.Helper()
	resp, err := http.Post(r.url, "application/json", bytes.NewReader(payload))
	if err != nil {
		t.Fatalf("invoking the function: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var e struct {
		ErrorType string `json:"errorType"`
	}
	json.Unmarshal(b, &e)
	return string(b), e.ErrorType != ""
}

// freeAddr returns a free loopback address.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// waitListening waits until something accepts connections on addr.
func waitListening(t testing.TB, addr string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return
		}
	}
	t.Fatalf("nothing listens on %s", addr)
}

// syncBuffer is a bytes.Buffer that processes may write to concurrently.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
