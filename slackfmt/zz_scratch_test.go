package slackfmt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cwslack/cwslack/alarm"
)

func TestScratch(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/corpus/*.json")
	for _, f := range files {
		data, _ := os.ReadFile(f)
		as, err := alarm.Parse(data)
		if len(as) == 0 {
			fmt.Println("SKIP", filepath.Base(f), err)
			continue
		}
		for _, a := range as {
			m := Build(a, WithMention(alarm.StateAlarm, MustParseMention("<!here>")))
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			enc.Encode(m)
			os.WriteFile("/tmp/scratch/"+filepath.Base(f), buf.Bytes(), 0o644)
			if err := Validate(m); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
}
