# Where alarms come from: your existing topics (sns_topic_arns) and,
# optionally, a topic of the module's own. Each topic gets one
# subscription: of the queue (delivery = "sqs", queue.tf) or of the
# function itself (delivery = "direct", here).

locals {
  # Topic keys must be known when planning, so the module's own topic,
  # whose ARN is not, is keyed "own".
  topics = merge(
    { for arn in var.sns_topic_arns : arn => arn },
    var.create_sns_topic ? { own = aws_sns_topic.own[0].arn } : {},
  )

  # The topics of other regions, which a subscription made here cannot
  # reach.
  foreign_topics = [for arn in var.sns_topic_arns : arn if split(":", arn)[3] != local.region]
}

resource "aws_sns_topic" "own" {
  count = var.create_sns_topic ? 1 : 0
  name  = "${var.name}-alarms"
  tags  = var.tags
}

# CloudWatch alarms of this account may publish to the module's topic.
resource "aws_sns_topic_policy" "own" {
  count = var.create_sns_topic ? 1 : 0
  arn   = aws_sns_topic.own[0].arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "CloudWatchAlarms"
      Effect    = "Allow"
      Principal = { Service = "cloudwatch.amazonaws.com" }
      Action    = "sns:Publish"
      Resource  = aws_sns_topic.own[0].arn
      Condition = { StringEquals = { "aws:SourceAccount" = local.account } }
    }]
  })
}

resource "aws_sns_topic_subscription" "direct" {
  for_each  = var.delivery == "direct" ? local.topics : {}
  topic_arn = each.value
  protocol  = "lambda"
  endpoint  = aws_lambda_function.notifier.arn
}

resource "aws_lambda_permission" "sns" {
  for_each      = var.delivery == "direct" ? local.topics : {}
  statement_id  = "AllowSNS-${substr(sha256(each.key), 0, 16)}"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.notifier.function_name
  principal     = "sns.amazonaws.com"
  source_arn    = each.value
}
