output "function_arn" {
  description = "ARN of the notifier function: an alarm action of its own (a Lambda action), or for your own triggers."
  value       = aws_lambda_function.notifier.arn
}

output "function_name" {
  description = "Name of the notifier function."
  value       = aws_lambda_function.notifier.function_name
}

output "role_name" {
  description = "Name of the function's IAM role, to grant it more."
  value       = aws_iam_role.notifier.name
}

output "sns_topic_arn" {
  description = "ARN of the module's own topic (create_sns_topic), to use as alarm_actions and ok_actions; null without it."
  value       = one(aws_sns_topic.own[*].arn)
}

output "queue_arn" {
  description = "ARN of the queue between the topics and the function (delivery = \"sqs\"); null for \"direct\"."
  value       = one(aws_sqs_queue.alarms[*].arn)
}

output "dead_letter_queue_arn" {
  description = "ARN of the dead-letter queue: the source of `aws sqs start-message-move-task` to redrive."
  value       = aws_sqs_queue.dlq.arn
}

output "dead_letter_queue_url" {
  description = "URL of the dead-letter queue."
  value       = aws_sqs_queue.dlq.url
}

output "state_table_name" {
  description = "Name of the DynamoDB state table (SLACK_STATE_TABLE); null without it."
  value       = one(aws_dynamodb_table.state[*].name)
}
