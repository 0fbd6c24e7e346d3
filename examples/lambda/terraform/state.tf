# The state that every instance of the function shares (SLACK_STATE_TABLE):
# which state changes were posted to which destination, and where a bot
# announced each alarm. One string partition key, pk; items expire through
# the number attribute ttl (epoch seconds), which the function sets. Items
# are encrypted at rest with a key that DynamoDB owns (its default).

resource "aws_dynamodb_table" "state" {
  count        = var.create_state_table ? 1 : 0
  name         = "${var.name}-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"

  attribute {
    name = "pk"
    type = "S"
  }

  ttl {
    attribute_name = "ttl"
    enabled        = true
  }

  tags = var.tags
}
