# Alternative to SNS (enable_eventbridge = true): CloudWatch sends every
# alarm state change to the default event bus, whatever the alarm's
# actions. The rule keeps the alarms whose names start with the prefix.
# Do not send the same alarms both ways: the function drops the second copy
# of a state change only with the state table (or within one instance).

resource "aws_cloudwatch_event_rule" "alarm_state_change" {
  count       = var.enable_eventbridge ? 1 : 0
  name        = "${var.name}-alarm-state-change"
  description = "CloudWatch alarm state changes for ${var.name}."
  event_pattern = jsonencode({
    source        = ["aws.cloudwatch"]
    "detail-type" = ["CloudWatch Alarm State Change"]
    detail = {
      alarmName = [{ prefix = coalesce(var.eventbridge_alarm_prefix, "${var.name}-") }]
    }
  })
  tags = var.tags
}

resource "aws_cloudwatch_event_target" "notifier" {
  count = var.enable_eventbridge ? 1 : 0
  rule  = aws_cloudwatch_event_rule.alarm_state_change[0].name
  arn   = aws_lambda_function.notifier.arn
}

resource "aws_lambda_permission" "eventbridge" {
  count         = var.enable_eventbridge ? 1 : 0
  statement_id  = "AllowEventBridgeInvoke"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.notifier.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.alarm_state_change[0].arn
}
