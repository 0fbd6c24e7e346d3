# The dead-letter queue collects what could not be delivered: SQS messages
# after 5 receives, and asynchronous invocations after Lambda's retries.
# An alarm on its depth tells the notifier itself, so that a stuck alarm is
# announced in Slack; redrive with `aws sqs start-message-move-task` (see
# ../README.md) once the cause is fixed.

resource "aws_sqs_queue" "dlq" {
  name                      = "${var.name}-dlq"
  message_retention_seconds = 14 * 24 * 3600
  sqs_managed_sse_enabled   = true
  tags                      = var.tags
}

locals {
  dlq_alarm_name = "${var.name}-dlq-depth"
  # The notifier: through its own topic, or else as the alarm's direct
  # Lambda action (which needs no topic).
  notifier_action = var.create_sns_topic ? aws_sns_topic.own[0].arn : aws_lambda_function.notifier.arn
}

resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  alarm_name          = local.dlq_alarm_name
  alarm_description   = "Alarm notifications that could not be delivered to Slack are waiting in ${aws_sqs_queue.dlq.name}: fix the cause (the function's logs say it), then redrive them."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = concat([local.notifier_action], var.dlq_alarm_actions)
  ok_actions          = concat([local.notifier_action], var.dlq_alarm_actions)
  tags                = var.tags

  depends_on = [aws_lambda_permission.alarm_actions]
}

# CloudWatch may invoke the function as the action of the module's alarms
# (named "<name>-…").
resource "aws_lambda_permission" "alarm_actions" {
  statement_id   = "AllowCloudWatchAlarmActions"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.notifier.function_name
  principal      = "lambda.alarms.cloudwatch.amazonaws.com"
  source_account = local.account
  source_arn     = "arn:${local.partition}:cloudwatch:${local.region}:${local.account}:alarm:${var.name}-*"
}
