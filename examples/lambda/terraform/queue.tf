# delivery = "sqs" (the default): alarm → SNS → this queue → the function.
# The queue absorbs a storm: the function gets batches of up to
# sqs_batch_size messages gathered for up to sqs_batching_window seconds,
# with at most sqs_maximum_concurrency instances at once, and groups the
# alarms of a batch per destination. It reports the messages it could not
# deliver (ReportBatchItemFailures): only those come back, after the
# visibility timeout; after 5 receives they move to the dead-letter queue.

locals {
  sqs = var.delivery == "sqs"
}

resource "aws_sqs_queue" "alarms" {
  count                   = local.sqs ? 1 : 0
  name                    = "${var.name}-alarms"
  sqs_managed_sse_enabled = true
  # AWS asks for at least six times the function's timeout for an event
  # source mapping, so that a message is not received again while a batch
  # holding it is still being retried.
  visibility_timeout_seconds = 6 * var.timeout
  message_retention_seconds  = 4 * 24 * 3600
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.dlq.arn
    maxReceiveCount     = 5
  })
  tags = var.tags
}

# The topics may send to the queue.
resource "aws_sqs_queue_policy" "alarms" {
  count     = local.sqs ? 1 : 0
  queue_url = aws_sqs_queue.alarms[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AlarmTopics"
      Effect    = "Allow"
      Principal = { Service = "sns.amazonaws.com" }
      Action    = "sqs:SendMessage"
      Resource  = aws_sqs_queue.alarms[0].arn
      Condition = { ArnEquals = { "aws:SourceArn" = values(local.topics) } }
    }]
  })
}

resource "aws_sns_topic_subscription" "queue" {
  for_each             = local.sqs ? local.topics : {}
  topic_arn            = each.value
  protocol             = "sqs"
  endpoint             = aws_sqs_queue.alarms[0].arn
  raw_message_delivery = var.sqs_raw_message_delivery
}

resource "aws_lambda_event_source_mapping" "alarms" {
  count                              = local.sqs ? 1 : 0
  event_source_arn                   = aws_sqs_queue.alarms[0].arn
  function_name                      = aws_lambda_function.notifier.arn
  batch_size                         = var.sqs_batch_size
  maximum_batching_window_in_seconds = var.sqs_batching_window
  function_response_types            = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.sqs_maximum_concurrency
  }

  depends_on = [aws_iam_role_policy.queue]
}
