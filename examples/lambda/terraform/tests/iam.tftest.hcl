# Least privilege: the function may read exactly the parameters and
# secrets that its configuration references, decrypt with exactly the keys
# given, and use graphs only with a bot token; and its environment says
# what the Go program reads.

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

run "webhook_in_ssm" {
  command = apply

  variables {
    slack_webhook_url = "ssm:/cwslack/webhook"
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.secrets[0].policy).Statement == [{
      Sid      = "ReadParameters"
      Effect   = "Allow"
      Action   = "ssm:GetParameter"
      Resource = ["arn:aws:ssm:eu-west-1:123456789012:parameter/cwslack/webhook"]
    }]
    error_message = "The function may read the one parameter, nothing else."
  }
  assert {
    condition     = length(aws_iam_role_policy.graphs) == 0
    error_message = "A webhook draws no graphs: no CloudWatch permission."
  }
  assert {
    condition     = nonsensitive(aws_lambda_function.notifier.environment[0].variables["SLACK_WEBHOOK_URL"]) == "ssm:/cwslack/webhook"
    error_message = "The function gets the reference, not the URL."
  }
  assert {
    condition = jsondecode(aws_iam_role_policy.logs.policy).Statement == [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/cwslack:*"
      },
      {
        Sid      = "DeadLetters"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = "arn:aws:sqs:eu-west-1:123456789012:cwslack-dlq"
      },
    ]
    error_message = "Logs to its own log group, dead letters to its own queue."
  }
}

run "token_in_secrets_manager_with_graphs" {
  command = apply

  variables {
    slack_bot_token = "secretsmanager:cwslack/slack#token"
    slack_channel   = "C0OPS"
    kms_key_arns    = ["arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.secrets[0].policy).Statement == [
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:cwslack/slack-??????"]
      },
      {
        Sid       = "DecryptThroughSSMAndSecretsManager"
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = ["arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"]
        Condition = { StringEquals = { "kms:ViaService" = ["ssm.eu-west-1.amazonaws.com", "secretsmanager.eu-west-1.amazonaws.com"] } }
      },
    ]
    error_message = "The secret by name (its ARN ends in six random characters), without #token, and the key through the two services only."
  }
  assert {
    condition = jsondecode(aws_iam_role_policy.graphs[0].policy).Statement == [{
      Sid      = "Graphs"
      Effect   = "Allow"
      Action   = ["cloudwatch:GetMetricWidgetImage", "cloudwatch:DescribeAlarms"]
      Resource = "*"
    }]
    error_message = "A bot token draws graphs."
  }
  assert {
    condition     = !contains(keys(nonsensitive(aws_lambda_function.notifier.environment[0].variables)), "SLACK_GRAPHS")
    error_message = "Graphs are on by default."
  }
}

run "graphs_turned_off" {
  command = apply

  variables {
    slack_bot_token = "ssm:/cwslack/token"
    slack_channel   = "C0OPS"
    enable_graphs   = false
  }

  assert {
    condition     = length(aws_iam_role_policy.graphs) == 0 && nonsensitive(aws_lambda_function.notifier.environment[0].variables["SLACK_GRAPHS"]) == "false"
    error_message = "No CloudWatch permission, and the function is told."
  }
}

run "routes_reference_parameters_and_secrets" {
  command = apply

  variables {
    slack_routes = jsonencode({
      destinations = {
        payments = { webhook = "ssm:cwslack-payments", mention = "<!subteam^S0PAY>" }
        shared   = { webhook = "ssm:arn:aws:ssm:us-east-1:123456789012:parameter/shared/webhook:3" }
        ops      = { botToken = "secretsmanager:arn:aws:secretsmanager:eu-west-1:123456789012:secret:ops-AbCdEf#token", channel = "C0OPS" }
        again    = { webhook = "ssm:cwslack-payments" }
        literal  = { webhook = "https://hooks.slack.com/services/T0/B0/XXXX" }
      }
      routes  = [{ match = { tags = { team = "payments" } }, to = ["payments"] }]
      default = ["ops"]
    })
    kms_key_arns = ["arn:aws:kms:us-east-1:123456789012:key/abcd"]
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.secrets[0].policy).Statement == [
      {
        Sid    = "ReadParameters"
        Effect = "Allow"
        Action = "ssm:GetParameter"
        Resource = [
          "arn:aws:ssm:eu-west-1:123456789012:parameter/cwslack-payments",
          "arn:aws:ssm:us-east-1:123456789012:parameter/shared/webhook",
        ]
      },
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:ops-AbCdEf"]
      },
      {
        Sid      = "DecryptThroughSSMAndSecretsManager"
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = ["arn:aws:kms:us-east-1:123456789012:key/abcd"]
        Condition = { StringEquals = { "kms:ViaService" = [
          "ssm.eu-west-1.amazonaws.com", "secretsmanager.eu-west-1.amazonaws.com",
          "ssm.us-east-1.amazonaws.com", "secretsmanager.us-east-1.amazonaws.com",
        ] } }
      },
    ]
    error_message = "Exactly the referenced parameters (selector dropped, each once, in its region) and secrets; the literal webhook is not a resource."
  }
  assert {
    condition     = jsondecode(aws_lambda_function.notifier.environment[0].variables["SLACK_ROUTES"]) == jsondecode(var.slack_routes)
    error_message = "The function gets the routing document."
  }
  assert {
    condition     = length(aws_iam_role_policy.graphs) == 1
    error_message = "A bot token among the destinations draws graphs."
  }
  assert {
    condition     = length(setintersection(keys(aws_lambda_function.notifier.environment[0].variables), ["SLACK_WEBHOOK_URL", "SLACK_BOT_TOKEN", "SLACK_CHANNEL", "SLACK_MENTION"])) == 0
    error_message = "With routes the single-destination variables are unset."
  }
}

run "routes_in_a_parameter" {
  command = apply

  variables {
    slack_routes_parameter = "/cwslack/routes"
    secret_references      = ["secretsmanager:cwslack/hooks#payments", "ssm:/cwslack/ops-webhook"]
  }

  assert {
    condition     = aws_lambda_function.notifier.environment[0].variables["SLACK_ROUTES"] == "ssm:/cwslack/routes"
    error_message = "The function reads the routes from the parameter."
  }
  assert {
    condition = jsondecode(aws_iam_role_policy.secrets[0].policy).Statement == [
      {
        Sid    = "ReadParameters"
        Effect = "Allow"
        Action = "ssm:GetParameter"
        Resource = [
          "arn:aws:ssm:eu-west-1:123456789012:parameter/cwslack/routes",
          "arn:aws:ssm:eu-west-1:123456789012:parameter/cwslack/ops-webhook",
        ]
      },
      {
        Sid      = "ReadSecrets"
        Effect   = "Allow"
        Action   = "secretsmanager:GetSecretValue"
        Resource = ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:cwslack/hooks-??????"]
      },
    ]
    error_message = "The routes' parameter and the references listed."
  }
  assert {
    condition     = length(aws_iam_role_policy.graphs) == 0
    error_message = "Terraform cannot see a bot token inside the parameter: no graphs permission unless one is visible."
  }
}

run "literal_webhook_needs_no_secret_permission" {
  command = apply

  variables {
    slack_webhook_url = "https://hooks.slack.com/services/T0/B0/XXXX"
  }

  assert {
    condition     = length(aws_iam_role_policy.secrets) == 0
    error_message = "No reference, no permission."
  }
}

run "state_table" {
  command = apply

  variables {
    slack_webhook_url = "ssm:/cwslack/webhook"
  }

  assert {
    condition = (aws_dynamodb_table.state[0].name == "cwslack-state" && aws_dynamodb_table.state[0].hash_key == "pk"
      && one(aws_dynamodb_table.state[0].attribute).type == "S"
    && aws_dynamodb_table.state[0].ttl[0].attribute_name == "ttl" && aws_dynamodb_table.state[0].ttl[0].enabled)
    error_message = "One string key pk; items expire through ttl."
  }
  assert {
    condition     = nonsensitive(aws_lambda_function.notifier.environment[0].variables["SLACK_STATE_TABLE"]) == "cwslack-state" && output.state_table_name == "cwslack-state"
    error_message = "The function is told the table."
  }
  assert {
    condition = jsondecode(aws_iam_role_policy.state[0].policy).Statement == [{
      Sid      = "State"
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
      Resource = "arn:aws:dynamodb:eu-west-1:123456789012:table/cwslack-state"
    }]
    error_message = "Item operations on the one table."
  }
}

run "no_state_table" {
  command = apply

  variables {
    slack_webhook_url  = "ssm:/cwslack/webhook"
    create_state_table = false
  }

  assert {
    condition = (length(aws_dynamodb_table.state) == 0 && length(aws_iam_role_policy.state) == 0 && output.state_table_name == null
    && !contains(keys(nonsensitive(aws_lambda_function.notifier.environment[0].variables)), "SLACK_STATE_TABLE"))
    error_message = "Without the table, state stays in each instance."
  }
}

run "example_alarms" {
  command = apply

  variables {
    slack_webhook_url     = "ssm:/cwslack/webhook"
    create_example_alarms = true
  }

  assert {
    condition = (toset(aws_cloudwatch_metric_alarm.error_rate[0].alarm_actions) == toset([aws_sns_topic.own[0].arn])
    && toset(aws_cloudwatch_metric_alarm.throttles[0].alarm_actions) == toset([aws_lambda_function.notifier.arn]))
    error_message = "One example notifies through the topic, the other invokes the function."
  }
}
