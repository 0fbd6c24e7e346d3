# The function's role, with one inline policy per concern, each on exactly
# the resources the module made (secrets.tf holds the secrets' policy).

resource "aws_iam_role" "notifier" {
  name = "${var.name}-lambda"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

# Its log group, and the dead-letter queue of asynchronous invocations.
resource "aws_iam_role_policy" "logs" {
  name = "logs-and-dead-letters"
  role = aws_iam_role.notifier.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Logs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.notifier.arn}:*"
      },
      {
        Sid      = "DeadLetters"
        Effect   = "Allow"
        Action   = "sqs:SendMessage"
        Resource = aws_sqs_queue.dlq.arn
      },
    ]
  })
}

# Polling the queue (delivery = "sqs").
resource "aws_iam_role_policy" "queue" {
  count = local.sqs ? 1 : 0
  name  = "queue"
  role  = aws_iam_role.notifier.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Poll"
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes"]
      Resource = aws_sqs_queue.alarms[0].arn
    }]
  })
}

# The shared state: conditional writes on single items.
resource "aws_iam_role_policy" "state" {
  count = var.create_state_table ? 1 : 0
  name  = "state"
  role  = aws_iam_role.notifier.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "State"
      Effect   = "Allow"
      Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
      Resource = aws_dynamodb_table.state[0].arn
    }]
  })
}

# Graphs (a bot token only): GetMetricWidgetImage draws the alarm's
# metrics, DescribeAlarms finds the children of a composite alarm. Neither
# can be limited to resources.
resource "aws_iam_role_policy" "graphs" {
  count = local.uses_bot && var.enable_graphs ? 1 : 0
  name  = "graphs"
  role  = aws_iam_role.notifier.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "Graphs"
      Effect   = "Allow"
      Action   = ["cloudwatch:GetMetricWidgetImage", "cloudwatch:DescribeAlarms"]
      Resource = "*"
    }]
  })
}
