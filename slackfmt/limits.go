package slackfmt

// Slack's Block Kit limits, in characters (Unicode code points, as Slack
// and slack-go count them). Sources: the block reference pages under
// https://docs.slack.dev/reference/block-kit/ and, for the total, the
// msg_blocks_too_long reports at
// https://github.com/slackapi/bolt-js/issues/2509 and
// https://github.com/slackapi/bolt-js/issues/2867.
const (
	maxBlocks        = 50    // blocks per message
	maxHeaderText    = 150   // header text
	maxSectionText   = 3000  // section text and any text object
	maxFields        = 10    // section fields
	maxFieldText     = 2000  // each section field
	maxContextElems  = 10    // context elements
	maxActionElems   = 25    // actions elements
	maxButtonText    = 75    // button text
	maxURL           = 3000  // button url, image url
	maxButtonValue   = 2000  // button value
	maxAltText       = 2000  // image alt_text
	maxID            = 255   // block_id, action_id
	maxTotalText     = 12000 // all text of all blocks: undocumented, msg_blocks_too_long
	maxTopLevelText  = 4000  // top-level text: "best results" limit of chat.postMessage
	maxAttachments   = 100   // too_many_attachments
	maxMarkdownTotal = 12000 // all markdown blocks together
)

// The share of the message that each part of the default layout may take.
// Their sum (with the fixed text around them) stays far below
// maxTotalText, so a message built from any alarm fits without a second
// pass; the shares only bind for absurd alarms (a 1 MB description, a
// thousand-character rule).
const (
	budgetMentions    = 600
	budgetDescription = 1500
	budgetState       = 400
	budgetReason      = 800
	budgetCondition   = 600
	budgetQueries     = 2500
	budgetDatapoints  = 600
	budgetRule        = 1000
	budgetChildren    = 1200
	budgetSuppression = 500
	budgetFooter      = 800
	budgetTags        = 900
	budgetMute        = 500
	budgetContributor = 1500
	budgetSummary     = 300 // top-level text
	budgetMetadata    = 1024
)
