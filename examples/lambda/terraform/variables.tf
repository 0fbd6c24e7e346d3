# --- The function ---------------------------------------------------------

variable "name" {
  description = "Name of the Lambda function; also the prefix of every other resource."
  type        = string
  default     = "cwslack"
}

variable "lambda_zip" {
  description = "Path of the zip built with `go run ./examples/lambda/mkzip -o PATH` (one executable file, bootstrap, for linux/arm64)."
  type        = string
}

variable "timeout" {
  description = "Timeout of the function, in seconds. The handler stops delivering a little before it and reports what it could not deliver."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout >= 10 && var.timeout <= 900
    error_message = "The timeout must be between 10 and 900 seconds."
  }
}

variable "memory_size" {
  description = "Memory of the function, in MB."
  type        = number
  default     = 128
}

variable "log_retention_days" {
  description = "Retention of the function's log group, in days."
  type        = number
  default     = 30
}

variable "extra_environment" {
  description = "More environment variables of the function (they cannot replace the ones the module sets)."
  type        = map(string)
  default     = {}
}

variable "tags" {
  description = "Tags added to every resource that takes them."
  type        = map(string)
  default     = {}
}

# --- Where alarms come from -----------------------------------------------

variable "sns_topic_arns" {
  description = "ARNs of existing SNS topics that your alarms publish to, in this account or others but in this region. Each gets one subscription (and, for delivery = \"direct\", one Lambda permission). A topic of another account must allow this account to subscribe (sns:Subscribe in its topic policy)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.sns_topic_arns : can(regex("^arn:[^:]+:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_.-]+$", arn))])
    error_message = "Each of sns_topic_arns must be an SNS topic ARN, such as arn:aws:sns:eu-west-1:123456789012:alarms."
  }
}

variable "create_sns_topic" {
  description = "Whether to create a topic of the module's own (<name>-alarms) that CloudWatch alarms of this account may publish to. The dead-letter queue's alarm then notifies through it."
  type        = bool
  default     = false
}

variable "enable_eventbridge" {
  description = "Whether to also send \"CloudWatch Alarm State Change\" events of the alarms whose names start with eventbridge_alarm_prefix to the function: the alternative to SNS for alarms without an SNS action (enable one or the other for a given alarm)."
  type        = bool
  default     = false
}

variable "eventbridge_alarm_prefix" {
  description = "Name prefix of the alarms that the EventBridge rule sends to the function. Empty means \"<name>-\"."
  type        = string
  default     = ""
}

# --- How alarms reach the function ----------------------------------------

variable "delivery" {
  description = "\"sqs\" (default): SNS → an SQS queue → the function, in batches, so that a storm is grouped and paced, with partial batch failures and a dead-letter queue after 5 receives. \"direct\": SNS invokes the function, retried twice by Lambda, then the dead-letter queue."
  type        = string
  default     = "sqs"

  validation {
    condition     = contains(["sqs", "direct"], var.delivery)
    error_message = "The delivery must be \"sqs\" or \"direct\"."
  }
}

variable "sqs_batch_size" {
  description = "Most messages the function gets at once from the queue. Alarms of one batch for one destination are grouped into a digest, so a batch posts a few messages whatever its size; it must still fit in the timeout (at most 2 alarms per second of timeout)."
  type        = number
  default     = 100

  validation {
    condition     = var.sqs_batch_size >= 1 && var.sqs_batch_size <= 1000
    error_message = "The sqs_batch_size must be between 1 and 1000."
  }
}

variable "sqs_batching_window" {
  description = "Seconds the queue gathers messages before invoking the function (the batching window): a storm arrives in a few batches rather than one alarm at a time."
  type        = number
  default     = 5

  validation {
    condition     = var.sqs_batching_window >= 1 && var.sqs_batching_window <= 300
    error_message = "The sqs_batching_window must be between 1 and 300 seconds (batches of more than 10 need one)."
  }
}

variable "sqs_maximum_concurrency" {
  description = "Most function instances that the queue invokes at once (2 to 1000). Few instances mean fewer, larger digests and fewer posts to Slack at once."
  type        = number
  default     = 2

  validation {
    condition     = var.sqs_maximum_concurrency >= 2 && var.sqs_maximum_concurrency <= 1000
    error_message = "The sqs_maximum_concurrency must be between 2 and 1000."
  }
}

variable "sqs_raw_message_delivery" {
  description = "Whether the SNS subscriptions of the queue use raw message delivery (the message body is the alarm itself, without the SNS envelope). The function reads both."
  type        = bool
  default     = false
}

variable "dlq_alarm_actions" {
  description = "More ARNs (an e-mail topic, say) that the alarm on the dead-letter queue notifies besides the notifier: if the notifier itself is broken, its own message about it cannot reach Slack either."
  type        = list(string)
  default     = []
}

# --- Slack ----------------------------------------------------------------

variable "slack_webhook_url" {
  description = "Incoming webhook URL, or better a reference to it: \"ssm:NAME\" (a SecureString parameter) or \"secretsmanager:NAME-OR-ARN\". A URL given here is kept in the Terraform state and the function's configuration; a reference is not. Set this, or slack_bot_token and slack_channel, or slack_routes."
  type        = string
  default     = ""
  sensitive   = true
}

variable "slack_bot_token" {
  description = "Bot token (xoxb-…, scopes chat:write and, for graphs, files:write), or a reference to it (\"ssm:NAME\", \"secretsmanager:NAME-OR-ARN[#KEY]\"). Used with slack_channel instead of a webhook."
  type        = string
  default     = ""
  sensitive   = true
}

variable "slack_channel" {
  description = "Channel ID (C…) or name that the bot token posts to."
  type        = string
  default     = ""
}

variable "slack_mention" {
  description = "Mention added to messages for alarms entering ALARM, such as \"<!here>\" or \"<!subteam^S0123>\". Not with slack_routes, whose destinations and routes name their own."
  type        = string
  default     = ""

  validation {
    condition     = can(regex("^(|<!here>|<!channel>|<!everyone>|<@[UW][A-Z0-9]{2,31}>|<!subteam\\^S[A-Z0-9]{2,31}>)$", var.slack_mention))
    error_message = "The slack_mention must be a Slack mention: <!here>, <!channel>, <!everyone>, <@U…>, <@W…> or <!subteam^S…>."
  }
}

variable "slack_routes" {
  description = "Routing document (JSON: destinations, routes, default; see ../README.md) for several channels. Its webhooks and tokens should be references (ssm:…, secretsmanager:…): the module grants the function exactly those. Replaces slack_webhook_url, slack_bot_token, slack_channel and slack_mention."
  type        = string
  default     = ""

  validation {
    condition     = var.slack_routes == "" || can(jsondecode(var.slack_routes).destinations)
    error_message = "The slack_routes must be a JSON object with destinations (use jsonencode({ destinations = {…}, routes = […], default = […] }))."
  }
}

variable "slack_routes_parameter" {
  description = "Name of an SSM parameter holding the routing document instead of slack_routes (SLACK_ROUTES=ssm:NAME): read once when the function starts. List the references it holds in secret_references, which Terraform cannot read there."
  type        = string
  default     = ""
}

variable "secret_references" {
  description = "More secret references (\"ssm:NAME\", \"secretsmanager:NAME-OR-ARN\") that the function may read: those inside the document of slack_routes_parameter. The references in slack_webhook_url, slack_bot_token and slack_routes are found without it."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for r in var.secret_references : startswith(r, "ssm:") || startswith(r, "secretsmanager:")])
    error_message = "Each of secret_references must start with ssm: or secretsmanager:."
  }
}

variable "kms_key_arns" {
  description = "ARNs of the customer-managed KMS keys that encrypt the referenced parameters and secrets: the function gets kms:Decrypt on them, through SSM and Secrets Manager only. Not needed for the AWS-managed keys aws/ssm and aws/secretsmanager."
  type        = list(string)
  default     = []
}

variable "slack_account_aliases" {
  description = "Account names shown instead of account IDs: \"123456789012=prod,210987654321=staging\"."
  type        = string
  default     = ""
}

variable "enable_graphs" {
  description = "Whether a bot token posts the alarm's graph (CloudWatch GetMetricWidgetImage, uploaded to Slack; the token needs files:write). Webhooks cannot."
  type        = bool
  default     = true
}

# --- State ----------------------------------------------------------------

variable "create_state_table" {
  description = "Whether to create the DynamoDB table (SLACK_STATE_TABLE) where every instance of the function records what it posted: each state change is posted once, and a bot token threads and resolves alarms across instances. Without it each instance remembers only its own."
  type        = bool
  default     = true
}

# --- Examples -------------------------------------------------------------

variable "create_example_alarms" {
  description = "Whether to create two example alarms: a metric-math error rate of watched_function_name that notifies through the module's topic (or the function), and a throttles alarm whose action invokes the function directly."
  type        = bool
  default     = false
}

variable "watched_function_name" {
  description = "Lambda function that the example alarms watch. Empty means the notifier itself."
  type        = string
  default     = ""
}
