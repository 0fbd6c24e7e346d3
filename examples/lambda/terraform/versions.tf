# The module needs only the AWS provider: the function's zip is built by
# `go run ./examples/lambda/mkzip` (see ../README.md), not by the archive
# provider, so the module validates and tests offline.
terraform {
  # 1.7: mock_provider in the tests.
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0, < 7.0"
    }
  }
}
