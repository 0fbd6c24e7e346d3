variable "name" {
  description = "Name of the Lambda function; also the prefix of every other resource."
  type        = string
  default     = "cwslack"
}

variable "bootstrap_path" {
  description = "Path of the linux/arm64 bootstrap binary built from ./examples/lambda (see README.md)."
  type        = string
  default     = "../../../bootstrap"
}

variable "slack_webhook_url" {
  description = "Slack incoming webhook URL. Set this, or slack_bot_token and slack_channel."
  type        = string
  default     = ""
  sensitive   = true
}

variable "slack_bot_token" {
  description = "Slack bot token (xoxb-…) for chat.postMessage, used with slack_channel instead of a webhook."
  type        = string
  default     = ""
  sensitive   = true
}

variable "slack_channel" {
  description = "Channel ID or name that the bot token posts to."
  type        = string
  default     = ""
}

variable "slack_mention" {
  description = "Mention added to messages for alarms entering ALARM, such as \"<!here>\" or \"<@U012AB3CD>\". Empty for none."
  type        = string
  default     = ""
}

variable "slack_account_aliases" {
  description = "Account aliases shown instead of account IDs, in the SLACK_ACCOUNT_ALIASES format the send package reads (see README.md)."
  type        = string
  default     = ""
}

variable "sns_delivery" {
  description = "How the SNS topic reaches the function: \"lambda\" (subscribe the function) or \"sqs\" (subscribe a queue that the function polls, with partial batch failures)."
  type        = string
  default     = "lambda"

  validation {
    condition     = contains(["lambda", "sqs"], var.sns_delivery)
    error_message = "The sns_delivery value must be \"lambda\" or \"sqs\"."
  }
}

variable "sqs_raw_message_delivery" {
  description = "Whether the SNS to SQS subscription uses raw message delivery (the queue body is the alarm JSON, without the SNS envelope)."
  type        = bool
  default     = false
}

variable "enable_eventbridge" {
  description = "Whether to also route \"CloudWatch Alarm State Change\" events for alarms named with the name prefix to the function. This is the alternative to SNS: enable it for alarms that have no SNS action, or you get two messages per change."
  type        = bool
  default     = false
}

variable "watched_function_name" {
  description = "Lambda function whose error rate and throttles the example alarms watch. Empty means the notifier itself."
  type        = string
  default     = ""
}

variable "log_retention_days" {
  description = "Retention of the function's log group, in days."
  type        = number
  default     = 30
}

variable "tags" {
  description = "Tags added to every resource that takes them."
  type        = map(string)
  default     = {}
}
