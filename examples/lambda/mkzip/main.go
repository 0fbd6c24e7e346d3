// Command mkzip builds the Lambda function of ./examples/lambda for the
// provided.al2023 runtime on arm64 and packs it into the zip that the
// Terraform module deploys (its lambda_zip variable):
//
//	go run ./examples/lambda/mkzip -o dist/cwslack.zip
//
// The zip holds one file, "bootstrap", executable, with a fixed time, so
// that the same source and Go version give the same bytes: Terraform
// compares the zip's hash (filebase64sha256) and updates the function only
// when the code changed. It prints the path, the size and that hash.
//
// It needs nothing but Go: no zip program and no Terraform archive
// provider.
package main

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

func main() {
	out := flag.String("o", "cwslack.zip", "the zip to write")
	pkg := flag.String("pkg", "github.com/cwslack/cwslack/examples/lambda", "the package to build")
	arch := flag.String("arch", "arm64", "the Lambda architecture: arm64 or amd64")
	flag.Parse()
	if err := run(*out, *pkg, *arch); err != nil {
		fmt.Fprintln(os.Stderr, "mkzip:", err)
		os.Exit(1)
	}
}

// run builds pkg and writes the zip to out.
func run(out, pkg, arch string) error {
	dir, err := os.MkdirTemp("", "mkzip")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "bootstrap")
	cmd := exec.Command("go", "build", "-tags", "lambda.norpc", "-trimpath", "-ldflags=-s -w", "-o", bin, pkg)
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH="+arch, "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w", pkg, err)
	}
	data, err := os.ReadFile(bin)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := writeZip(&buf, "bootstrap", data); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	sum := sha256.Sum256(buf.Bytes())
	fmt.Printf("%s: %d bytes (bootstrap %d bytes), filebase64sha256 %s\n",
		out, buf.Len(), len(data), base64.StdEncoding.EncodeToString(sum[:]))
	return nil
}

// zipTime is the modification time of the file in the zip: fixed, so that
// the zip depends only on its content.
var zipTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// writeZip writes a zip holding one executable file.
func writeZip(w io.Writer, name string, data []byte) error {
	zw := zip.NewWriter(w)
	h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zipTime}
	h.SetMode(0o755)
	f, err := zw.CreateHeader(h)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		return err
	}
	return zw.Close()
}
