package slackfmt

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Validate checks m against every documented Block Kit limit for messages
// and against the undocumented limit on the total text of all blocks. It
// works on the JSON that m encodes to, exactly as Slack would receive it,
// so it checks blocks added by a hook or built by hand just the same. It
// returns nil or an *Error of kind ErrInvalidMessage that lists each
// violation with its JSON path, or whose cause is the encoding error when
// m cannot be encoded.
//
// A message that Build or BuildResolved returns passes, unless a
// [WithBlocks] hook added blocks that break a rule.
func Validate(m *Message) error {
	if m == nil {
		return invalid("message is nil", nil)
	}
	body, err := m.MarshalJSON()
	if err != nil {
		return invalid("cannot be encoded", err)
	}
	return ValidateJSON(body)
}

// ValidateJSON is Validate for a webhook body that is already encoded.
// When body is not a JSON object, the *Error's cause is the decoding
// error.
func ValidateJSON(body []byte) error {
	var w wireMessage
	if err := json.Unmarshal(body, &w); err != nil {
		return invalid("not a JSON message object", err)
	}
	v := newValidator()
	v.message(&w)
	if len(v.violations) == 0 {
		return nil
	}
	return &Error{Kind: ErrInvalidMessage, Violations: v.violations}
}

// The wire form of a message, as far as Validate looks at it.
type wireMessage struct {
	Text        *string           `json:"text"`
	Blocks      []json.RawMessage `json:"blocks"`
	Attachments []struct {
		Blocks []json.RawMessage `json:"blocks"`
	} `json:"attachments"`
}

type wireBlock struct {
	Type      string            `json:"type"`
	BlockID   *string           `json:"block_id"`
	Text      json.RawMessage   `json:"text"`
	Fields    []json.RawMessage `json:"fields"`
	Elements  []json.RawMessage `json:"elements"`
	Accessory json.RawMessage   `json:"accessory"`
	ImageURL  *string           `json:"image_url"`
	AltText   *string           `json:"alt_text"`
	Title     json.RawMessage   `json:"title"`
}

type wireText struct {
	Type  string  `json:"type"`
	Text  *string `json:"text"`
	Emoji *bool   `json:"emoji"`
}

type wireElement struct {
	Type     string          `json:"type"`
	Text     json.RawMessage `json:"text"`
	ActionID *string         `json:"action_id"`
	URL      *string         `json:"url"`
	Value    *string         `json:"value"`
	Style    string          `json:"style"`
	ImageURL *string         `json:"image_url"`
	AltText  *string         `json:"alt_text"`
}

// validator walks one message and collects violations.
type validator struct {
	violations []Violation
	ids        map[string]string // block_id → path of the block that has it
	total      int               // characters of text in all blocks
	markdown   int               // characters in all markdown blocks
}

func newValidator() *validator { return &validator{ids: make(map[string]string)} }

func (v *validator) add(path, problem string) {
	v.violations = append(v.violations, Violation{Path: path, Problem: problem})
}

// message checks the whole message.
func (v *validator) message(w *wireMessage) {
	switch {
	case w.Text == nil || strings.TrimSpace(*w.Text) == "":
		v.add("/text", "must be set: notifications and screen readers use it")
	case utf8.RuneCountInString(*w.Text) > maxTopLevelText:
		v.add("/text", tooLong(maxTopLevelText, *w.Text))
	}
	n := len(w.Blocks)
	v.blocks("/blocks", w.Blocks)
	if len(w.Attachments) > maxAttachments {
		v.add("/attachments", "must have at most "+strconv.Itoa(maxAttachments)+" attachments")
	}
	for i, a := range w.Attachments {
		n += len(a.Blocks)
		v.blocks("/attachments/"+strconv.Itoa(i)+"/blocks", a.Blocks)
	}
	if n > maxBlocks {
		v.add("", "must have at most "+strconv.Itoa(maxBlocks)+" blocks (has "+strconv.Itoa(n)+")")
	}
	if v.total > maxTotalText {
		v.add("", "blocks must hold at most "+strconv.Itoa(maxTotalText)+
			" characters of text in all (have "+strconv.Itoa(v.total)+"): Slack answers msg_blocks_too_long")
	}
}

func (v *validator) blocks(path string, blocks []json.RawMessage) {
	for i, raw := range blocks {
		v.block(path+"/"+strconv.Itoa(i), raw)
	}
}

// block checks one block and returns its block_id.
func (v *validator) block(path string, raw json.RawMessage) string {
	var b wireBlock
	if err := json.Unmarshal(raw, &b); err != nil || isNull(raw) {
		v.add(path, "must be a block object")
		return ""
	}
	id := v.blockID(path, b.BlockID)
	switch b.Type {
	case "header":
		v.text(path+"/text", b.Text, plainOnly, maxHeaderText)
	case "section":
		v.section(path, &b)
	case "context":
		v.context(path, b.Elements)
	case "actions":
		v.actions(path, b.Elements)
	case "image":
		v.image(path, b.ImageURL, b.AltText)
		v.optionalText(path+"/title", b.Title, plainOnly, maxAltText)
	case "markdown":
		v.markdownBlock(path, b.Text)
	case "":
		v.add(path+"/type", "must be set")
	case "alert":
		v.add(path+"/type", "alert blocks are for modals only; Slack rejects them in messages")
	}
	return id
}

func (v *validator) blockID(path string, id *string) string {
	if id == nil {
		return ""
	}
	switch {
	case *id == "":
		v.add(path+"/block_id", "must not be empty when set")
	case utf8.RuneCountInString(*id) > maxID:
		v.add(path+"/block_id", tooLong(maxID, *id))
	case v.ids[*id] != "":
		v.add(path+"/block_id", "must be unique: "+v.ids[*id]+" has the same one")
	default:
		v.ids[*id] = path
	}
	return *id
}

func (v *validator) section(path string, b *wireBlock) {
	if isNull(b.Text) && len(b.Fields) == 0 {
		v.add(path, "must have text or fields")
	}
	v.optionalText(path+"/text", b.Text, anyText, maxSectionText)
	if len(b.Fields) > maxFields {
		v.add(path+"/fields", "must have at most "+strconv.Itoa(maxFields)+" items (has "+strconv.Itoa(len(b.Fields))+")")
	}
	for i, f := range b.Fields {
		v.text(path+"/fields/"+strconv.Itoa(i), f, anyText, maxFieldText)
	}
	if !isNull(b.Accessory) {
		v.element(path+"/accessory", b.Accessory)
	}
}

func (v *validator) context(path string, elements []json.RawMessage) {
	v.count(path+"/elements", len(elements), maxContextElems)
	for i, raw := range elements {
		p := path + "/elements/" + strconv.Itoa(i)
		var e wireElement
		if err := json.Unmarshal(raw, &e); err != nil {
			v.add(p, "must be an element object")
			continue
		}
		switch e.Type {
		case "image":
			v.image(p, e.ImageURL, e.AltText)
		case "plain_text", "mrkdwn":
			v.text(p, raw, anyText, maxSectionText)
		default:
			v.add(p+"/type", "context elements must be text or images")
		}
	}
}

func (v *validator) actions(path string, elements []json.RawMessage) {
	v.count(path+"/elements", len(elements), maxActionElems)
	for i, raw := range elements {
		v.element(path+"/elements/"+strconv.Itoa(i), raw)
	}
}

// element checks an interactive element or accessory. Only buttons and
// images are checked in full; of the others only the action_id.
func (v *validator) element(path string, raw json.RawMessage) {
	var e wireElement
	if err := json.Unmarshal(raw, &e); err != nil {
		v.add(path, "must be an element object")
		return
	}
	v.optionalLen(path+"/action_id", e.ActionID, maxID)
	switch e.Type {
	case "button":
		v.text(path+"/text", e.Text, plainOnly, maxButtonText)
		v.optionalLen(path+"/url", e.URL, maxURL)
		v.optionalLen(path+"/value", e.Value, maxButtonValue)
		if e.Style != "" && e.Style != "primary" && e.Style != "danger" {
			v.add(path+"/style", "must be primary or danger")
		}
	case "image":
		v.image(path, e.ImageURL, e.AltText)
	case "":
		v.add(path+"/type", "must be set")
	}
}

func (v *validator) image(path string, url, alt *string) {
	v.requiredLen(path+"/image_url", url, maxURL)
	v.requiredLen(path+"/alt_text", alt, maxAltText)
}

func (v *validator) markdownBlock(path string, raw json.RawMessage) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil || strings.TrimSpace(s) == "" {
		v.add(path+"/text", "must be a non-empty string")
		return
	}
	n := utf8.RuneCountInString(s)
	v.total += n
	v.markdown += n
	if v.markdown > maxMarkdownTotal {
		v.add(path+"/text", "markdown blocks must hold at most "+strconv.Itoa(maxMarkdownTotal)+" characters in all")
	}
}

// Which text object types a place accepts.
const (
	anyText   = ""
	plainOnly = "plain_text"
)

func (v *validator) optionalText(path string, raw json.RawMessage, want string, limit int) {
	if !isNull(raw) {
		v.text(path, raw, want, limit)
	}
}

// text checks the text object at path.
func (v *validator) text(path string, raw json.RawMessage, want string, limit int) {
	var t wireText
	if isNull(raw) || json.Unmarshal(raw, &t) != nil {
		v.add(path, "must be a text object")
		return
	}
	switch {
	case t.Type != "plain_text" && t.Type != "mrkdwn":
		v.add(path+"/type", "must be plain_text or mrkdwn")
	case want != anyText && t.Type != want:
		v.add(path+"/type", "must be "+want)
	case t.Type == "mrkdwn" && t.Emoji != nil:
		v.add(path+"/emoji", "must not be set on mrkdwn")
	}
	if t.Text == nil || strings.TrimSpace(*t.Text) == "" {
		v.add(path+"/text", "must not be empty")
		return
	}
	n := utf8.RuneCountInString(*t.Text)
	v.total += n
	if n > limit {
		v.add(path+"/text", tooLong(limit, *t.Text))
	}
}

func (v *validator) count(path string, n, limit int) {
	switch {
	case n == 0:
		v.add(path, "must have at least one item")
	case n > limit:
		v.add(path, "must have at most "+strconv.Itoa(limit)+" items (has "+strconv.Itoa(n)+")")
	}
}

func (v *validator) optionalLen(path string, s *string, limit int) {
	if s != nil && utf8.RuneCountInString(*s) > limit {
		v.add(path, tooLong(limit, *s))
	}
}

func (v *validator) requiredLen(path string, s *string, limit int) {
	if s == nil || *s == "" {
		v.add(path, "must be set")
		return
	}
	v.optionalLen(path, s, limit)
}

func tooLong(limit int, s string) string {
	return "must be at most " + strconv.Itoa(limit) + " characters (has " + strconv.Itoa(utf8.RuneCountInString(s)) + ")"
}

func isNull(raw json.RawMessage) bool {
	return len(raw) == 0 || bytes.Equal(raw, []byte("null"))
}
