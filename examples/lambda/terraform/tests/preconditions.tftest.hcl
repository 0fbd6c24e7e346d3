# The Slack settings that cannot work together are refused before anything
# is made.

mock_provider "aws" {
  source = "./tests/mocks"
}

# The two queues get ARNs of their own, so that tests can tell them apart.
override_resource {
  target = aws_sqs_queue.dlq
  values = { arn = "arn:aws:sqs:eu-west-1:123456789012:cwslack-dlq", url = "https://sqs.eu-west-1.amazonaws.com/123456789012/cwslack-dlq" }
}

variables {
  lambda_zip       = "tests/fixtures/lambda.zip"
  create_sns_topic = true
}

run "webhook_alone_is_fine" {
  command = plan

  variables {
    slack_webhook_url = "https://hooks.slack.com/services/T0/B0/XXXX"
    slack_mention     = "<!subteam^S0PAY>"
  }
}

run "webhook_and_token" {
  command = plan

  variables {
    slack_webhook_url = "ssm:/cwslack/webhook"
    slack_bot_token   = "ssm:/cwslack/token"
    slack_channel     = "C0OPS"
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "token_without_channel" {
  command = plan

  variables {
    slack_bot_token = "ssm:/cwslack/token"
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "channel_without_token" {
  command = plan

  variables {
    slack_channel = "C0OPS"
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "nothing_to_post_to" {
  command = plan

  expect_failures = [aws_lambda_function.notifier]
}

run "routes_with_a_webhook" {
  command = plan

  variables {
    slack_webhook_url = "ssm:/cwslack/webhook"
    slack_routes      = jsonencode({ destinations = { ops = { webhook = "ssm:/cwslack/ops" } }, default = ["ops"] })
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "routes_with_a_token" {
  command = plan

  variables {
    slack_bot_token = "ssm:/cwslack/token"
    slack_channel   = "C0OPS"
    slack_routes    = jsonencode({ destinations = { ops = { webhook = "ssm:/cwslack/ops" } }, default = ["ops"] })
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "routes_with_a_mention" {
  command = plan

  variables {
    slack_mention = "<!here>"
    slack_routes  = jsonencode({ destinations = { ops = { webhook = "ssm:/cwslack/ops" } }, default = ["ops"] })
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "routes_twice" {
  command = plan

  variables {
    slack_routes           = jsonencode({ destinations = { ops = { webhook = "ssm:/cwslack/ops" } }, default = ["ops"] })
    slack_routes_parameter = "/cwslack/routes"
  }

  expect_failures = [aws_lambda_function.notifier]
}

run "routes_not_json" {
  command = plan

  variables {
    slack_routes = "destinations: {}"
  }

  expect_failures = [var.slack_routes]
}

run "not_a_mention" {
  command = plan

  variables {
    slack_webhook_url = "ssm:/cwslack/webhook"
    slack_mention     = "@here"
  }

  expect_failures = [var.slack_mention]
}
