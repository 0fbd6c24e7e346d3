# The notifier: one Go function (provided.al2023, arm64) that accepts every
# shape CloudWatch alarms arrive in. The triggers are in sns.tf, sqs.tf,
# eventbridge.tf and alarms.tf.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  watched_function_name = coalesce(var.watched_function_name, var.name)
}

# The binary must be named "bootstrap" for the provided runtimes; the archive
# keeps the base name of source_file and forces the executable bit.
data "archive_file" "bootstrap" {
  type             = "zip"
  source_file      = var.bootstrap_path
  output_path      = "${path.module}/build/bootstrap.zip"
  output_file_mode = "0755"
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
  filename         = data.archive_file.bootstrap.output_path
  source_code_hash = data.archive_file.bootstrap.output_base64sha256
  runtime          = "provided.al2023"
  handler          = "bootstrap"
  architectures    = ["arm64"]
  memory_size      = 128
  # The handler retries Slack (429 with Retry-After, 5xx) until this deadline,
  # then fails the invocation so that Lambda retries it.
  timeout = 30

  environment {
    # Environment values are readable by anyone allowed
    # lambda:GetFunctionConfiguration and are stored in the Terraform state.
    # See README.md for the SSM / Secrets Manager trade-off.
    # Unset variables are left out rather than passed empty.
    variables = { for k, v in {
      SLACK_WEBHOOK_URL     = var.slack_webhook_url
      SLACK_BOT_TOKEN       = var.slack_bot_token
      SLACK_CHANNEL         = var.slack_channel
      SLACK_MENTION         = var.slack_mention
      SLACK_ACCOUNT_ALIASES = var.slack_account_aliases
    } : k => v if v != "" }
  }

  # Asynchronous invocations (SNS, EventBridge, the alarm's Lambda action)
  # that still fail after Lambda's retries land here.
  dead_letter_config {
    target_arn = aws_sqs_queue.dlq.arn
  }

  tags = var.tags

  lifecycle {
    precondition {
      condition     = (var.slack_webhook_url != "") != (var.slack_bot_token != "" && var.slack_channel != "")
      error_message = "Set slack_webhook_url, or slack_bot_token and slack_channel, but not both."
    }
  }

  depends_on = [
    aws_cloudwatch_log_group.notifier,
    aws_iam_role_policy_attachment.basic_execution,
  ]
}

resource "aws_lambda_function_event_invoke_config" "notifier" {
  function_name                = aws_lambda_function.notifier.function_name
  maximum_retry_attempts       = 2
  maximum_event_age_in_seconds = 3600
}

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq"
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

# IAM: the basic execution role (logs), sending to the dead-letter queue and,
# with sns_delivery = "sqs", reading the queue.

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "notifier" {
  name               = "${var.name}-lambda"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "basic_execution" {
  role       = aws_iam_role.notifier.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

data "aws_iam_policy_document" "dlq" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.dlq.arn]
  }
}

resource "aws_iam_role_policy" "dlq" {
  name   = "dead-letter-queue"
  role   = aws_iam_role.notifier.id
  policy = data.aws_iam_policy_document.dlq.json
}
