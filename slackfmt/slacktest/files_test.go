package slacktest

import (
	"bytes"
	"context"
	"net/url"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/slack-go/slack"
)

func TestUploadFileWithSlackGo(t *testing.T) {
	s := newServer(t)
	png := bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 100)
	sum, err := client(s).UploadFileContext(context.Background(), slack.UploadFileParameters{
		Reader:          bytes.NewReader(png),
		FileSize:        len(png),
		Filename:        "cpu.png",
		Title:           "CPU, last 3 h",
		AltTxt:          "CPU graph",
		Channel:         "C0ALERTS",
		ThreadTimestamp: "1700000000.000100",
		InitialComment:  "graph of <!here>",
	})
	if err != nil {
		t.Fatalf("UploadFile: %v", err)
	}
	if sum.ID != "F00000001" || sum.Title != "CPU, last 3 h" {
		t.Errorf("UploadFile = %+v", sum)
	}
	want := []File{{
		ID: "F00000001", Name: "cpu.png", Size: len(png), AltText: "CPU graph", Data: png, Title: "CPU, last 3 h",
		Channel: "C0ALERTS", ThreadTS: "1700000000.000100", InitialComment: "graph of <!here>",
	}}
	if diff := cmp.Diff(want, s.Files(), cmpopts.IgnoreUnexported(File{})); diff != "" {
		t.Errorf("files mismatch (-want +got):\n%s", diff)
	}
	var methods []string
	for _, m := range s.Messages() {
		methods = append(methods, m.Method)
	}
	if diff := cmp.Diff([]string{"files.getUploadURLExternal", MethodUpload, "files.completeUploadExternal"}, methods); diff != "" {
		t.Errorf("requests mismatch (-want +got):\n%s", diff)
	}
	done := s.Messages()[2]
	if done.Channel != "C0ALERTS" || done.ThreadTS != "1700000000.000100" || done.Text != "graph of <!here>" {
		t.Errorf("completeUploadExternal recorded as %+v", done)
	}
}

func TestUploadErrors(t *testing.T) {
	s := newServer(t)
	if got := post(t, s.URL()+"/upload/F404", "application/octet-stream", "x"); got.status != 404 || got.body != "file_not_found" {
		t.Errorf("upload to an unknown file: %+v", got)
	}
	got := decodeAnswer(t, postForm(t, s, "files.getUploadURLExternal", url.Values{"token": {"x"}, "filename": {"a.txt"}, "length": {"3"}}))
	if !got.OK {
		t.Fatalf("getUploadURLExternal: %+v", got)
	}
	// Completing before the upload: the file has no data yet.
	notYet := decodeAnswer(t, postForm(t, s, "files.completeUploadExternal", url.Values{"token": {"x"}, "files": {`[{"id":"F00000001"}]`}}))
	if notYet.OK || notYet.Error != "file_not_found" {
		t.Errorf("complete before upload: %+v", notYet)
	}
	if got := post(t, s.URL()+"/upload/F00000001", "text/plain", "abc"); got.status != 200 || got.body != "OK - 3" {
		t.Errorf("raw upload: %+v", got)
	}
	done := decodeAnswer(t, postForm(t, s, "files.completeUploadExternal", url.Values{"token": {"x"}, "files": {`[{"id":"F00000001","title":"t"}]`}, "channels": {"#ops,#dev"}}))
	if !done.OK {
		t.Fatalf("complete: %+v", done)
	}
	if fs := s.Files(); len(fs) != 1 || string(fs[0].Data) != "abc" || fs[0].Channel != "C00000001" {
		t.Errorf("files %+v, want abc shared to the first channel", fs)
	}
}
