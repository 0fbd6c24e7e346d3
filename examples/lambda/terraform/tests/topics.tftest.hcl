# Where alarms come from: existing topics only, the module's own topic, both,
# EventBridge; and what is refused.

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
}

run "existing_topics_only" {
  command = apply

  variables {
    sns_topic_arns = [
      "arn:aws:sns:eu-west-1:123456789012:alarms",
      "arn:aws:sns:eu-west-1:210987654321:shared-alarms",
    ]
  }

  assert {
    condition     = length(aws_sns_topic.own) == 0 && output.sns_topic_arn == null
    error_message = "No topic of the module's own unless asked for."
  }
  assert {
    condition     = toset(keys(aws_sns_topic_subscription.queue)) == toset(var.sns_topic_arns)
    error_message = "One queue subscription per existing topic."
  }
  assert {
    condition = alltrue([for s in values(aws_sns_topic_subscription.queue) :
    s.protocol == "sqs" && s.endpoint == aws_sqs_queue.alarms[0].arn && contains(var.sns_topic_arns, s.topic_arn)])
    error_message = "The subscriptions deliver each topic to the queue."
  }
  assert {
    condition     = toset(jsondecode(aws_sqs_queue_policy.alarms[0].policy).Statement[0].Condition.ArnEquals["aws:SourceArn"]) == toset(var.sns_topic_arns)
    error_message = "The queue accepts messages from exactly the topics."
  }
  assert {
    condition     = length(aws_sns_topic_subscription.direct) == 0 && length(aws_lambda_permission.sns) == 0
    error_message = "With SQS delivery the function subscribes to nothing itself."
  }
  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.dlq_depth.alarm_actions) == toset([aws_lambda_function.notifier.arn])
    error_message = "Without a topic of its own, the DLQ alarm invokes the notifier directly."
  }
  assert {
    condition = (aws_lambda_permission.alarm_actions.principal == "lambda.alarms.cloudwatch.amazonaws.com"
    && aws_lambda_permission.alarm_actions.source_arn == "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:cwslack-*")
    error_message = "CloudWatch may invoke the function for the module's alarms only."
  }
}

run "own_topic" {
  command = apply

  variables {
    create_sns_topic = true
  }

  assert {
    condition     = aws_sns_topic.own[0].name == "cwslack-alarms" && output.sns_topic_arn == aws_sns_topic.own[0].arn
    error_message = "The module's topic is made and given as output."
  }
  assert {
    condition     = keys(aws_sns_topic_subscription.queue) == ["own"] && aws_sns_topic_subscription.queue["own"].topic_arn == aws_sns_topic.own[0].arn
    error_message = "The queue subscribes to the module's topic."
  }
  assert {
    condition = jsondecode(aws_sns_topic_policy.own[0].policy).Statement[0] == {
      Sid       = "CloudWatchAlarms"
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.own[0].arn
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }
    error_message = "CloudWatch alarms of this account may publish to the topic."
  }
  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.dlq_depth.alarm_actions) == toset([aws_sns_topic.own[0].arn])
    error_message = "The DLQ alarm notifies through the module's topic."
  }
}

run "own_and_existing_topics_with_an_email_for_the_dlq" {
  command = apply

  variables {
    create_sns_topic  = true
    sns_topic_arns    = ["arn:aws:sns:eu-west-1:123456789012:alarms"]
    dlq_alarm_actions = ["arn:aws:sns:eu-west-1:123456789012:oncall-email"]
  }

  assert {
    condition     = toset(keys(aws_sns_topic_subscription.queue)) == toset(["own", "arn:aws:sns:eu-west-1:123456789012:alarms"])
    error_message = "One subscription for each topic."
  }
  assert {
    condition     = toset(aws_cloudwatch_metric_alarm.dlq_depth.alarm_actions) == toset([aws_sns_topic.own[0].arn, "arn:aws:sns:eu-west-1:123456789012:oncall-email"])
    error_message = "The DLQ alarm also notifies the extra actions."
  }
}

run "eventbridge_only" {
  command = apply

  variables {
    enable_eventbridge = true
  }

  assert {
    condition     = jsondecode(aws_cloudwatch_event_rule.alarm_state_change[0].event_pattern).detail.alarmName == [{ prefix = "cwslack-" }]
    error_message = "The rule selects the alarms named with the prefix."
  }
  assert {
    condition     = length(aws_sns_topic_subscription.queue) == 0
    error_message = "No topic, no subscription."
  }
}

run "topic_of_another_region_is_refused" {
  command = plan

  variables {
    sns_topic_arns = ["arn:aws:sns:us-east-1:123456789012:alarms"]
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "nothing_would_invoke_the_function" {
  command = plan

  expect_failures = [aws_lambda_function.notifier]
}

run "not_a_topic_arn" {
  command = plan

  variables {
    sns_topic_arns = ["alarms"]
  }

  expect_failures = [var.sns_topic_arns]
}
