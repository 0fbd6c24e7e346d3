# The delivery path: SNS → SQS → the function (the default), or SNS → the
# function.

mock_provider "aws" {
  source = "./tests/mocks"
}

# The two queues get ARNs of their own, so that tests can tell them apart.
override_resource {
  target = aws_sqs_queue.dlq
  values = { arn = "arn:aws:sqs:eu-west-1:123456789012:cwslack-dlq", url = "https://sqs.eu-west-1.amazonaws.com/123456789012/cwslack-dlq" }
}

variables {
  lambda_zip        = "tests/fixtures/lambda.zip"
  slack_webhook_url = "ssm:/cwslack/webhook"
  sns_topic_arns = [
    "arn:aws:sns:eu-west-1:123456789012:alarms",
    "arn:aws:sns:eu-west-1:210987654321:shared-alarms",
  ]
}

run "sqs_is_the_default" {
  command = apply

  assert {
    condition = (aws_lambda_event_source_mapping.alarms[0].event_source_arn == aws_sqs_queue.alarms[0].arn
      && aws_lambda_event_source_mapping.alarms[0].function_name == aws_lambda_function.notifier.arn
      && aws_lambda_event_source_mapping.alarms[0].batch_size == 100
    && aws_lambda_event_source_mapping.alarms[0].maximum_batching_window_in_seconds == 5)
    error_message = "The queue invokes the function with batches of up to 100 gathered for 5 s."
  }
  assert {
    condition     = toset(aws_lambda_event_source_mapping.alarms[0].function_response_types) == toset(["ReportBatchItemFailures"])
    error_message = "Only the messages that failed come back to the queue."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.alarms[0].scaling_config[0].maximum_concurrency == 2
    error_message = "At most 2 instances at once by default."
  }
  assert {
    condition     = aws_lambda_function.notifier.timeout == 60 && aws_sqs_queue.alarms[0].visibility_timeout_seconds == 360
    error_message = "The visibility timeout is six times the function's timeout."
  }
  assert {
    condition = jsondecode(aws_sqs_queue.alarms[0].redrive_policy) == {
      deadLetterTargetArn = "arn:aws:sqs:eu-west-1:123456789012:cwslack-dlq"
      maxReceiveCount     = 5
    }
    error_message = "After 5 receives a message moves to the dead-letter queue."
  }
  assert {
    condition = jsondecode(aws_iam_role_policy.queue[0].policy).Statement == [{
      Sid      = "Poll"
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
      Resource = "arn:aws:sqs:eu-west-1:123456789012:cwslack-alarms"
    }]
    error_message = "The function may poll exactly its queue."
  }
  assert {
    condition     = output.queue_arn == aws_sqs_queue.alarms[0].arn && output.dead_letter_queue_arn == aws_sqs_queue.dlq.arn
    error_message = "Outputs name the queues."
  }
  assert {
    condition     = length(aws_sns_topic_subscription.direct) == 0 && length(aws_lambda_permission.sns) == 0
    error_message = "SNS does not invoke the function itself."
  }
}

run "sqs_batches_follow_the_timeout" {
  command = apply

  variables {
    timeout             = 30
    sqs_batch_size      = 10
    sqs_batching_window = 2
  }

  assert {
    condition = (aws_sqs_queue.alarms[0].visibility_timeout_seconds == 180
      && aws_lambda_event_source_mapping.alarms[0].batch_size == 10
    && aws_lambda_event_source_mapping.alarms[0].maximum_batching_window_in_seconds == 2)
    error_message = "The queue follows the function's timeout and the batch settings."
  }
}

run "direct" {
  command = apply

  variables {
    delivery = "direct"
  }

  assert {
    condition     = length(aws_sqs_queue.alarms) == 0 && length(aws_lambda_event_source_mapping.alarms) == 0 && output.queue_arn == null
    error_message = "No queue between SNS and the function."
  }
  assert {
    condition = (toset(keys(aws_sns_topic_subscription.direct)) == toset(var.sns_topic_arns)
      && alltrue([for s in values(aws_sns_topic_subscription.direct) :
    s.protocol == "lambda" && s.endpoint == aws_lambda_function.notifier.arn]))
    error_message = "Each topic invokes the function."
  }
  assert {
    condition = (toset([for p in values(aws_lambda_permission.sns) : p.source_arn]) == toset(var.sns_topic_arns)
    && alltrue([for p in values(aws_lambda_permission.sns) : p.principal == "sns.amazonaws.com"]))
    error_message = "One permission per topic, for that topic only."
  }
  assert {
    condition = (aws_lambda_function_event_invoke_config.notifier.maximum_retry_attempts == 2
    && aws_lambda_function.notifier.dead_letter_config[0].target_arn == "arn:aws:sqs:eu-west-1:123456789012:cwslack-dlq")
    error_message = "Lambda retries twice, then the dead-letter queue."
  }
  assert {
    condition     = length(aws_iam_role_policy.queue) == 0
    error_message = "No queue to poll."
  }
}

run "unknown_delivery_path" {
  command = plan

  variables {
    delivery = "kinesis"
  }

  expect_failures = [var.delivery]
}

run "batch_too_large_for_the_timeout" {
  command = plan

  variables {
    sqs_batch_size = 500
  }

  expect_failures = [aws_lambda_function.notifier]
}
