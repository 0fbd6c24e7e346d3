package send

import (
	"bytes"
	"context"
	"net/http"

	"github.com/slack-go/slack"
)

// Upload posts data, a file named filename (such as an alarm's graph,
// "HighCPU-alarm.png"), with title shown above it, as a reply in the
// thread of the message that r points at: the thread r is a reply in
// (r.ThreadTS), or the thread r's own message opens (r.TS). It follows
// Slack's external upload flow: files.getUploadURLExternal, a POST of the
// bytes to the URL it returns, then files.completeUploadExternal with
// channel_id and thread_ts, which shares the file in the thread. The token
// needs the files:write scope, besides chat:write.
//
// The file goes into the thread rather than into the message: a message
// cannot show an image until Slack has processed the upload, which
// completeUploadExternal does not wait for (an image block naming the
// file fails with invalid_blocks until then, and chat.update with such a
// block is reported to show a broken image), whereas a file shared in a
// thread needs nothing more than files:write, never holds back the alert,
// and serves the ALARM and the OK alike.
//
// Upload retries each request as Send does and within the same deadline
// (ctx's, or the Bot's timeout), except that it never repeats a
// completeUploadExternal that got no answer: Slack may have shared the
// file, and sharing it again would show it twice. The error is nil once
// Slack shared the file; otherwise it is an *Error whose Op is the step
// that failed: "files.getUploadURLExternal", "upload" (the POST of the
// bytes) or "files.completeUploadExternal"; or "Upload" for arguments it
// refuses: a Receipt without channel or ts (a webhook's, which cannot
// upload), an empty filename or no data.
func (b *Bot) Upload(ctx context.Context, r Receipt, filename, title string, data []byte) error {
	if err := checkUpload(r, filename, data); err != nil {
		return err
	}
	ctx, cancel := withDeadline(ctx, b.timeout)
	defer cancel()
	api, _, e := b.api.get(ctx)
	if e != nil {
		return e
	}
	id, uploadURL, err := b.uploadURL(ctx, api.client, filename, title, len(data))
	if err != nil {
		return err
	}
	if err := b.uploadBytes(ctx, api.client, uploadURL, filename, data); err != nil {
		return err
	}
	return b.completeUpload(ctx, api.client, r, id, title)
}

// Operation names of the upload in errors.
const (
	opUpload         = "Upload"
	opUploadURL      = "files.getUploadURLExternal"
	opUploadBytes    = "upload"
	opUploadComplete = "files.completeUploadExternal"
)

// checkUpload refuses arguments that could never be uploaded.
func checkUpload(r Receipt, filename string, data []byte) error {
	switch {
	case r.Channel == "" || r.TS == "":
		return &Error{Op: opUpload, Reason: "receipt names no message"}
	case filename == "":
		return &Error{Op: opUpload, Reason: "empty file name"}
	case len(data) == 0:
		return &Error{Op: opUpload, Reason: "empty file"}
	}
	return nil
}

// uploadURL asks Slack where to upload a file of size bytes, and returns
// the file's ID and the URL.
func (b *Bot) uploadURL(ctx context.Context, client *slack.Client, filename, title string, size int) (id, uploadURL string, err error) {
	params := slack.GetUploadURLExternalParameters{FileName: filename, FileSize: size, AltTxt: title}
	err = b.retry.do(ctx, opUploadURL, nil, func(ctx context.Context) *Error {
		resp, err := client.GetUploadURLExternalContext(ctx, params)
		if err != nil {
			return classify(ctx, opUploadURL, err)
		}
		if resp.UploadURL == "" || resp.FileID == "" {
			return &Error{Op: opUploadURL, Status: http.StatusOK, Reason: "response has no upload_url or file_id"}
		}
		id, uploadURL = resp.FileID, resp.UploadURL
		return nil
	})
	return id, uploadURL, err
}

// uploadBytes posts data to the upload URL, as a multipart form as
// slack-go does. Sending the bytes again is harmless: Slack keeps the last
// upload of the file.
func (b *Bot) uploadBytes(ctx context.Context, client *slack.Client, uploadURL, filename string, data []byte) error {
	return b.retry.do(ctx, opUploadBytes, nil, func(ctx context.Context) *Error {
		err := client.UploadToURL(ctx, slack.UploadToURLParameters{
			UploadURL: uploadURL, Filename: filename, Reader: bytes.NewReader(data),
		})
		if err != nil {
			e := classify(ctx, opUploadBytes, err)
			e.Unanswered = false // sending the bytes again is harmless
			return e
		}
		return nil
	})
}

// completeUpload shares the uploaded file in the thread of r's message.
// A request that got no answer ends the retries (see Upload).
func (b *Bot) completeUpload(ctx context.Context, client *slack.Client, r Receipt, id, title string) error {
	thread := r.ThreadTS
	if thread == "" {
		thread = r.TS
	}
	params := slack.CompleteUploadExternalParameters{
		Files:           []slack.FileSummary{{ID: id, Title: title}},
		Channel:         r.Channel,
		ThreadTimestamp: thread,
	}
	retry := b.retry // a copy, whose attempts end once a request goes unanswered
	return retry.do(ctx, opUploadComplete, nil, func(ctx context.Context) *Error {
		_, err := client.CompleteUploadExternalContext(ctx, params)
		if err == nil {
			return nil
		}
		e := classify(ctx, opUploadComplete, err)
		if e.Status == 0 {
			retry.maxAttempts = 0
		}
		return e
	})
}
