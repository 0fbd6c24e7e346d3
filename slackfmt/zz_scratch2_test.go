package slackfmt

import (
	"os"
	"testing"
)

func TestScratch2(t *testing.T) {
	h := hostile()
	for _, n := range []string{"injection", "composite", "1000 queries", "odd numbers", "description 1 MB"} {
		os.WriteFile("/tmp/x/"+n+".json", encode(t, Build(h[n], optionSets["all"]...)), 0o644)
	}
	os.WriteFile("/tmp/x/compact.json", encode(t, Build(h["injection"], optionSets["compact"]...)), 0o644)
}
