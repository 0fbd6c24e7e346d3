// Package slacktest is a local fake of Slack for tests of code that sends
// messages: an incoming webhook and the Web API methods a bot uses to post
// and update messages and to upload files, served by an httptest server on
// 127.0.0.1. It records every request it receives as a decoded [Message],
// so that a test reads the text, blocks, thread and mentions of what was
// sent instead of decoding escaped JSON by hand:
//
//	s := slacktest.NewServer()
//	defer s.Close()
//	// … run the code under test against s.WebhookURL() or s.APIURL() …
//	for _, m := range s.Messages() {
//		fmt.Println(m.Method, m.PlainText(), m.Mentions())
//	}
//
// # What it serves
//
// Every POST to a path under /services/ is an incoming webhook;
// [Server.WebhookURL] returns one. It takes a JSON body (or a form with a
// payload field) and answers 200 "ok", or Slack's own plain-text errors:
// 400 invalid_payload for a body that is not a JSON object, 400 no_text
// for a message without text, blocks or attachments, 400 invalid_blocks
// for blocks that break a Block Kit limit (as [slackfmt.ValidateJSON]
// checks them), 400 msg_blocks_too_long when the blocks hold too much
// text in all, and 400 invalid_blocks_format, too_many_attachments,
// invalid_attachments or invalid_metadata_format for those fields.
//
// [Server.APIURL] is the base URL of the Web API (for slack.OptionAPIURL,
// trailing slash included). It serves chat.postMessage, chat.update,
// files.getUploadURLExternal, the upload URL that method returns, and
// files.completeUploadExternal, each with the request encodings that
// Slack documents and slack-go uses: a form with the token in it (blocks,
// attachments and metadata as JSON strings) or a JSON body with the token
// in the Authorization header. Answers are Slack's: HTTP 200 with
// {"ok":true,…} (chat.postMessage gives the channel's ID and a new ts) or
// {"ok":false,"error":…}: not_authed without a token, channel_not_found
// without a channel, no_text, invalid_blocks (with Slack's
// "[json-pointer:…]" details), invalid_blocks_format, msg_blocks_too_long,
// too_many_attachments, invalid_metadata_format, message_not_found for an
// update of a message that was never posted, file_not_found,
// invalid_arguments, unknown_method, and invalid_json or invalid_form_data
// for a body that cannot be read. Any token is accepted; channels given by
// name ("#alerts") get an ID of their own ("C00000001"), and messages get
// increasing ts from "1700000000.000100" on.
//
// # Failures and rate limits
//
// [Server.Fail] scripts the answer to the next requests, to all methods or
// to one: an HTTP status, a Slack error code, a Retry-After header, or a
// delay before the answer. [Server.SetRateLimit] makes the server answer
// 429 with Retry-After, as Slack does, once a webhook or channel gets more
// messages than a token bucket allows (Slack allows about one message a
// second per channel, with short bursts). A request that fails, scripted
// or rate-limited, is recorded with the answer it got and has no effect.
//
// A Server is safe for concurrent use. Non-goals: other Web API methods,
// real-time events, and checking tokens or scopes.
package slacktest
