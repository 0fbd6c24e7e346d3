package main

import "flag"

// The -update flag rewrites golden files. This package has none, but it
// accepts the flag so that "go test ./... -update" runs in every package.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
