# The notifier: one Go function (provided.al2023, arm64) that accepts every
# shape in which CloudWatch alarms arrive. Triggers: topics.tf (SNS),
# queue.tf (SNS → SQS), eventbridge.tf; failures: dlq.tf; state: state.tf;
# permissions: iam.tf and secrets.tf.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id

  # Whether each Slack setting is given. The values may be secrets; whether
  # they are set is not.
  has_webhook = nonsensitive(var.slack_webhook_url != "")
  has_token   = nonsensitive(var.slack_bot_token != "")
  has_routes  = var.slack_routes != "" || var.slack_routes_parameter != ""

  routes       = var.slack_routes == "" ? null : jsondecode(var.slack_routes)
  destinations = try(local.routes.destinations, {})

  # A bot token posts graphs; a webhook cannot.
  uses_bot = local.has_token || anytrue([for d in values(local.destinations) : try(d.botToken, "") != ""])

  slack_routes = var.slack_routes_parameter != "" ? "ssm:${var.slack_routes_parameter}" : (
  var.slack_routes == "" ? "" : jsonencode(local.routes))

  # The variables the function reads (see the root package's ConfigFromEnv);
  # unset ones are left out.
  environment = merge(var.extra_environment, { for k, v in {
    SLACK_WEBHOOK_URL     = var.slack_webhook_url
    SLACK_BOT_TOKEN       = var.slack_bot_token
    SLACK_CHANNEL         = var.slack_channel
    SLACK_MENTION         = var.slack_mention
    SLACK_ROUTES          = local.slack_routes
    SLACK_ACCOUNT_ALIASES = var.slack_account_aliases
    SLACK_STATE_TABLE     = one(aws_dynamodb_table.state[*].name)
    SLACK_GRAPHS          = local.uses_bot && !var.enable_graphs ? "false" : ""
  } : k => v if v != null && v != "" })

  watched_function_name = coalesce(var.watched_function_name, var.name)
}

resource "aws_cloudwatch_log_group" "notifier" {
  name              = "/aws/lambda/${var.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "notifier" {
  function_name    = var.name
  description      = "Posts CloudWatch alarm notifications to Slack."
  role             = aws_iam_role.notifier.arn
  filename         = var.lambda_zip
  source_code_hash = filebase64sha256(var.lambda_zip)
  runtime          = "provided.al2023"
  handler          = "bootstrap"
  architectures    = ["arm64"]
  memory_size      = var.memory_size
  timeout          = var.timeout

  environment {
    variables = local.environment
  }

  # Asynchronous invocations (SNS with delivery = "direct", EventBridge,
  # alarm actions) that still fail after Lambda's retries land here.
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = !(local.has_webhook && local.has_token)
      error_message = "Set slack_webhook_url, or slack_bot_token and slack_channel, not both."
    }
    precondition {
      condition     = !local.has_token || var.slack_channel != ""
      error_message = "slack_bot_token is set without slack_channel: name the channel the bot posts to."
    }
    precondition {
      condition     = var.slack_channel == "" || local.has_token
      error_message = "slack_channel is set without slack_bot_token."
    }
    precondition {
      condition     = !local.has_routes || !(local.has_webhook || local.has_token || var.slack_channel != "" || var.slack_mention != "")
      error_message = "slack_routes (or slack_routes_parameter) replaces slack_webhook_url, slack_bot_token, slack_channel and slack_mention: its destinations name their own. Unset those."
    }
    precondition {
      condition     = !(var.slack_routes != "" && var.slack_routes_parameter != "")
      error_message = "Set slack_routes or slack_routes_parameter, not both."
    }
    precondition {
      condition     = local.has_routes || local.has_webhook || local.has_token
      error_message = "Name where to post: slack_webhook_url, or slack_bot_token and slack_channel, or slack_routes."
    }
    precondition {
      condition     = length(local.foreign_topics) == 0
      error_message = "The module subscribes to topics of its own region only: deploy one module per region for ${join(", ", local.foreign_topics)}."
    }
    precondition {
      condition     = var.delivery != "sqs" || var.sqs_batch_size <= 2 * var.timeout
      error_message = "A batch of ${var.sqs_batch_size} alarms may not be posted within ${var.timeout} s: lower sqs_batch_size or raise timeout (at most 2 alarms per second of timeout)."
    }
    precondition {
      condition     = length(var.sns_topic_arns) > 0 || var.create_sns_topic || var.enable_eventbridge
      error_message = "Nothing would invoke the function: give sns_topic_arns, or set create_sns_topic or enable_eventbridge."
    }
  }

  depends_on = [
    aws_cloudwatch_log_group.notifier,
    aws_iam_role_policy.logs,
  ]
}

# Asynchronous invocations: Lambda's two retries, within an hour.
resource "aws_lambda_function_event_invoke_config" "notifier" {
  function_name                = aws_lambda_function.notifier.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 3600
}
