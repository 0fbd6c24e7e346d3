package main

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

func TestWriteZip(t *testing.T) {
	data := bytes.Repeat([]byte("\x7fELF bootstrap"), 1000)
	var a, b bytes.Buffer
	if err := writeZip(&a, "bootstrap", data); err != nil {
		t.Fatal(err)
	}
	if err := writeZip(&b, "bootstrap", data); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("two zips of the same file differ: Terraform would redeploy an unchanged function")
	}
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != 1 {
		t.Fatalf("zip holds %d files, want 1", len(zr.File))
	}
	f := zr.File[0]
	if f.Name != "bootstrap" || f.Mode().Perm() != 0o755 || !f.Modified.Equal(zipTime) {
		t.Errorf("file %q mode %v time %v; want bootstrap, executable, %v", f.Name, f.Mode(), f.Modified, zipTime)
	}
	rc, err := f.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("content differs (%v)", err)
	}
}
