package slacktest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"slices"
	"strconv"
	"strings"
)

// File is a file uploaded with files.getUploadURLExternal, the upload URL
// and files.completeUploadExternal.
type File struct {
	// ID is the file's ID, given by files.getUploadURLExternal.
	ID string
	// Name is the file name and Size the length in bytes that
	// files.getUploadURLExternal was given; AltText its alt_txt.
	Name    string
	Size    int
	AltText string
	// Data is what was uploaded to the upload URL.
	Data []byte
	// Title is the title that files.completeUploadExternal gave the file.
	Title string
	// Channel is the ID of the channel it was shared to, ThreadTS the
	// thread, and InitialComment the message that goes with it.
	Channel, ThreadTS, InitialComment string

	uploaded bool
}

// Files returns the files shared with files.completeUploadExternal, in
// the order they were shared.
func (s *Server) Files() []File {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]File, 0, len(s.shared))
	for _, id := range s.shared {
		f := *s.files[id]
		f.Data = slices.Clone(f.Data)
		out = append(out, f)
	}
	return out
}

// getUploadURL registers a file to upload and answers its ID and upload
// URL.
func (s *Server) getUploadURL(p params, _ *Message) answer {
	name := p.str("filename")
	size, err := strconv.Atoi(p.str("length"))
	if name == "" || err != nil || size <= 0 {
		return refused("invalid_arguments", false)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id := fmt.Sprintf("F%08d", len(s.files)+1)
	s.files[id] = &File{ID: id, Name: name, Size: size, AltText: p.str("alt_txt")}
	return succeeded(map[string]any{"file_id": id, "upload_url": s.srv.URL + "/upload/" + id})
}

// serveUpload answers an upload to the URL of a file.
func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	m := Message{Method: MethodUpload}
	a := s.upload(r)
	a.note(&m)
	s.record(m)
	a.writeText(w)
}

// upload stores the file that r uploads, a multipart form's file or the
// raw body, and returns the answer: "OK - <length>", as Slack's.
func (s *Server) upload(r *http.Request) answer {
	data, err := readUpload(r)
	if a := s.scripted(r, MethodUpload, true); a != nil {
		return *a
	}
	if err != nil {
		return answer{status: http.StatusBadRequest, code: "invalid_upload"}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	f, ok := s.files[r.PathValue("file")]
	if !ok {
		return answer{status: http.StatusNotFound, code: "file_not_found"}
	}
	f.Data, f.uploaded = data, true
	return answer{status: http.StatusOK, text: "OK - " + strconv.Itoa(len(data))}
}

// readUpload returns the uploaded bytes: the first file of a multipart
// form, or the body.
func readUpload(r *http.Request) ([]byte, error) {
	body := io.LimitReader(r.Body, maxBody)
	mt, ps, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if !strings.HasPrefix(mt, "multipart/") {
		return io.ReadAll(body)
	}
	mr := multipart.NewReader(body, ps["boundary"])
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, err
		}
		if part.FileName() != "" {
			var b bytes.Buffer
			_, err := b.ReadFrom(part)
			return b.Bytes(), err
		}
	}
}

func decodeComplete(p params, m *Message) *refusal {
	m.Channel = p.str("channel_id")
	if m.Channel == "" {
		m.Channel, _, _ = strings.Cut(p.str("channels"), ",")
	}
	m.ThreadTS, m.Text = p.str("thread_ts"), p.str("initial_comment")
	return decodeBlocks(p.raw("blocks"), m)
}

// completeUpload shares uploaded files to m's channel and thread and
// answers their IDs and titles.
func (s *Server) completeUpload(p params, m *Message) answer {
	var files []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if json.Unmarshal(p.raw("files"), &files) != nil || len(files) == 0 {
		return refused("invalid_arguments", false)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, f := range files {
		if got, ok := s.files[f.ID]; !ok || !got.uploaded {
			return refused("file_not_found", false)
		}
	}
	m.Channel = s.channelID(m.Channel)
	summaries := make([]map[string]any, 0, len(files))
	for _, sf := range files {
		f := s.files[sf.ID]
		f.Title, f.Channel, f.ThreadTS, f.InitialComment = sf.Title, m.Channel, m.ThreadTS, m.Text
		s.shared = append(s.shared, f.ID)
		summaries = append(summaries, map[string]any{"id": f.ID, "title": f.Title})
	}
	return succeeded(map[string]any{"files": summaries})
}
