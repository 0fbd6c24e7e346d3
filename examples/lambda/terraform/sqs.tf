# Optional path (sns_delivery = "sqs"): alarm → SNS → SQS → Lambda. The queue
# buffers bursts, and the function reports batch item failures so that only
# the messages Slack refused come back; after maxReceiveCount they move to
# the dead-letter queue.

resource "aws_sqs_queue" "alarms" {
  count                   = var.sns_delivery == "sqs" ? 1 : 0
  name                    = "${var.name}-alarms"
  sqs_managed_sse_enabled = true
  # At least the function timeout; AWS recommends six times it.
  visibility_timeout_seconds = 6 * aws_lambda_function.notifier.timeout
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
  tags = var.tags
}

data "aws_iam_policy_document" "queue" {
  count = var.sns_delivery == "sqs" ? 1 : 0
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.alarms[0].arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.alarms.arn]
    }
  }
}

resource "aws_sqs_queue_policy" "alarms" {
  count     = var.sns_delivery == "sqs" ? 1 : 0
  queue_url = aws_sqs_queue.alarms[0].id
  policy    = data.aws_iam_policy_document.queue[0].json
}

resource "aws_sns_topic_subscription" "sqs" {
  count                = var.sns_delivery == "sqs" ? 1 : 0
  topic_arn            = aws_sns_topic.alarms.arn
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.alarms[0].arn
  raw_message_delivery = var.sqs_raw_message_delivery
}

resource "aws_iam_role_policy_attachment" "sqs_execution" {
  count      = var.sns_delivery == "sqs" ? 1 : 0
  role       = aws_iam_role.notifier.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaSQSQueueExecutionRole"
}

resource "aws_lambda_event_source_mapping" "sqs" {
  count                   = var.sns_delivery == "sqs" ? 1 : 0
  event_source_arn        = aws_sqs_queue.alarms[0].arn
  function_name           = aws_lambda_function.notifier.arn
  batch_size              = 10
  function_response_types = ["ReportBatchItemFailures"]

  depends_on = [aws_iam_role_policy_attachment.sqs_execution]
}
