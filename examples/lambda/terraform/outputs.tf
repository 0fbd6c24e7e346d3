output "function_arn" {
  description = "ARN of the notifier function. Use it directly as an alarm action."
  value       = aws_lambda_function.notifier.arn
}

output "sns_topic_arn" {
  description = "ARN of the SNS topic. Use it as an alarm's alarm_actions and ok_actions."
  value       = aws_sns_topic.alarms.arn
}

output "dead_letter_queue_url" {
  description = "URL of the queue that collects the invocations that failed after Lambda's retries."
  value       = aws_sqs_queue.dlq.url
}

output "sqs_queue_url" {
  description = "URL of the SNS-fed queue, when sns_delivery is \"sqs\"."
  value       = one(aws_sqs_queue.alarms[*].url)
}

output "alarm_arns" {
  description = "ARNs of the example alarms."
  value = {
    dlq_depth  = aws_cloudwatch_metric_alarm.dlq_depth.arn
    error_rate = aws_cloudwatch_metric_alarm.error_rate.arn
    throttles  = aws_cloudwatch_metric_alarm.throttles.arn
  }
}
