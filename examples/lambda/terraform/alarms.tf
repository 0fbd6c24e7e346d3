# Three example alarms: a single-metric alarm and a metric-math alarm that
# notify through the SNS topic, and an alarm whose action invokes the
# function directly.

# Single metric: something is in the notifier's dead-letter queue. If the
# notifier itself is broken this message cannot reach Slack either, so also
# subscribe an e-mail address to the topic in production.
resource "aws_cloudwatch_metric_alarm" "dlq_depth" {
  alarm_name          = "${var.name}-dlq-depth"
  alarm_description   = "Alarm notifications that could not be delivered to Slack are waiting in ${aws_sqs_queue.dlq.name}."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = aws_sqs_queue.dlq.name }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags
}

# Metric math: the error rate of the watched function, in percent.
resource "aws_cloudwatch_metric_alarm" "error_rate" {
  alarm_name          = "${var.name}-error-rate"
  alarm_description   = "More than 5% of ${local.watched_function_name} invocations fail."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 5
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_sns_topic.alarms.arn]
  ok_actions          = [aws_sns_topic.alarms.arn]
  tags                = var.tags

  metric_query {
    id          = "rate"
    expression  = "IF(invocations > 0, 100 * errors / invocations, 0)"
    label       = "Error rate (%)"
    return_data = true
  }

  metric_query {
    id = "errors"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Errors"
      dimensions  = { FunctionName = local.watched_function_name }
      stat        = "Sum"
      period      = 300
    }
  }

  metric_query {
    id = "invocations"
    metric {
      namespace   = "AWS/Lambda"
      metric_name = "Invocations"
      dimensions  = { FunctionName = local.watched_function_name }
      stat        = "Sum"
      period      = 300
    }
  }
}

# Direct Lambda action: CloudWatch invokes the function itself (no SNS) with
# the alarm-action payload. The permission names the alarm by ARN, built
# here so that it exists before the alarm is created.
locals {
  throttles_alarm_name = "${var.name}-throttles"
  throttles_alarm_arn = join(":", [
    "arn", data.aws_partition.current.partition, "cloudwatch",
    data.aws_region.current.name, data.aws_caller_identity.current.account_id,
    "alarm", local.throttles_alarm_name,
  ])
}

resource "aws_lambda_permission" "alarm_action" {
  statement_id   = "AllowCloudWatchAlarmInvoke"
  action         = "lambda:InvokeFunction"
  function_name  = aws_lambda_function.notifier.function_name
  principal      = "lambda.alarms.cloudwatch.amazonaws.com"
  source_account = data.aws_caller_identity.current.account_id
  source_arn     = local.throttles_alarm_arn
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  alarm_name          = local.throttles_alarm_name
  alarm_description   = "${local.watched_function_name} is being throttled."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = local.watched_function_name }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 5
  datapoints_to_alarm = 3
  comparison_operator = "GreaterThanOrEqualToThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = [aws_lambda_function.notifier.arn]
  ok_actions          = [aws_lambda_function.notifier.arn]
  tags                = var.tags

  depends_on = [aws_lambda_permission.alarm_action]
}
