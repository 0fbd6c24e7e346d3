# Secret references: the function reads "ssm:NAME" with ssm:GetParameter
# and "secretsmanager:NAME-OR-ARN[#KEY]" with secretsmanager:GetSecretValue
# when it first needs them. The references are found in slack_webhook_url,
# slack_bot_token, the destinations of slack_routes, slack_routes_parameter
# and secret_references, and the function may read exactly those.

locals {
  # Only references pass: a webhook URL or token given as it is stays
  # sensitive and out of the policy.
  reference_candidates = concat(
    [for v in [var.slack_webhook_url, var.slack_bot_token] :
    nonsensitive(startswith(v, "ssm:") || startswith(v, "secretsmanager:") ? v : "")],
    flatten([for d in values(local.destinations) : [try(d.webhook, ""), try(d.botToken, "")]]),
    var.slack_routes_parameter == "" ? [] : ["ssm:${var.slack_routes_parameter}"],
    var.secret_references,
  )
  references = distinct([for r in local.reference_candidates : r if startswith(r, "ssm:") || startswith(r, "secretsmanager:")])

  # A parameter by name ("/cwslack/webhook", "cwslack-webhook") or ARN,
  # either with an optional ":VERSION" or ":LABEL" selector, which IAM
  # does not see.
  parameter_arns = distinct([for r in local.references : (
    startswith(r, "ssm:arn:")
    ? regex("^arn:[^:]+:ssm:[^:]*:[^:]*:parameter/[^:]+", trimprefix(r, "ssm:"))
    : "arn:${local.partition}:ssm:${local.region}:${local.account}:parameter/${trimprefix(split(":", trimprefix(r, "ssm:"))[0], "/")}"
  ) if startswith(r, "ssm:")])

  # A secret by full ARN, or by name: Secrets Manager adds "-" and six
  # random characters to a secret's name in its ARN. "#KEY" picks a member
  # of a JSON secret and is not part of the secret.
  secret_ids = distinct([for r in local.references : split("#", trimprefix(r, "secretsmanager:"))[0] if startswith(r, "secretsmanager:")])
  secret_arns = [for id in local.secret_ids : (
    startswith(id, "arn:") ? id : "arn:${local.partition}:secretsmanager:${local.region}:${local.account}:secret:${id}-??????"
  )]

  # The regions whose SSM and Secrets Manager may use the KMS keys.
  secret_regions = distinct(concat([local.region], [for arn in concat(local.parameter_arns, local.secret_arns) : split(":", arn)[3]]))

  secret_statements = concat(
    length(local.parameter_arns) == 0 ? [] : [{
      Sid      = "ReadParameters"
      Effect   = "Allow"
      Action   = "ssm:GetParameter"
      Resource = local.parameter_arns
    }],
    length(local.secret_arns) == 0 ? [] : [{
      Sid      = "ReadSecrets"
      Effect   = "Allow"
      Action   = "secretsmanager:GetSecretValue"
      Resource = local.secret_arns
    }],
    length(var.kms_key_arns) == 0 ? [] : [{
      Sid      = "DecryptThroughSSMAndSecretsManager"
      Effect   = "Allow"
      Action   = "kms:Decrypt"
      Resource = var.kms_key_arns
      Condition = { StringEquals = { "kms:ViaService" = flatten([for r in local.secret_regions :
      ["ssm.${r}.amazonaws.com", "secretsmanager.${r}.amazonaws.com"]]) } }
    }],
  )
}

resource "aws_iam_role_policy" "secrets" {
  count = length(local.secret_statements) > 0 ? 1 : 0
  name  = "secrets"
  role  = aws_iam_role.notifier.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.secret_statements
  })
}
