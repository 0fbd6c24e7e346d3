# Two example alarms (create_example_alarms = true): a metric-math alarm
# that notifies the notifier (through the module's topic, or directly),
# and an alarm whose action invokes the function directly. The alarm on
# the dead-letter queue (dlq.tf) is not an example: it is always made.

resource "aws_cloudwatch_metric_alarm" "error_rate" {
  count               = var.create_example_alarms ? 1 : 0
  alarm_name          = "${var.name}-error-rate"
  alarm_description   = "More than 5% of ${local.watched_function_name} invocations fail."
  comparison_operator = "GreaterThanThreshold"
  threshold           = 5
  evaluation_periods  = 3
  datapoints_to_alarm = 2
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.notifier_action]
  ok_actions          = [local.notifier_action]
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

  depends_on = [aws_lambda_permission.alarm_actions]
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  count               = var.create_example_alarms ? 1 : 0
  alarm_name          = "${var.name}-throttles"
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

  depends_on = [aws_lambda_permission.alarm_actions]
}
