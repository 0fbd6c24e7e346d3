package slackfmt

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/cwslack/cwslack/alarm"
)

// FuzzBuild checks that anything alarm.Parse accepts, Build and
// BuildResolved turn into a message that encodes to JSON, passes Validate
// and carries no live emoji code, and no mention or link that the
// configuration did not ask for (no mention at all once resolved), with
// and without options.
func FuzzBuild(f *testing.F) {
	for _, file := range payloads(f) {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, k := range kinds {
		data, _ := json.Marshal(k.alarm())
		f.Add(data)
	}
	mentions := []string{"<!here>", "<@U024BE7LH>", "<!subteam^SAZ94GDB8>"}
	f.Fuzz(func(t *testing.T, data []byte) {
		alarms, _ := alarm.Parse(data)
		for _, a := range alarms {
			for _, opts := range [][]Option{nil, optionSets["all"], optionSets["compact"]} {
				m := Build(a, opts...)
				if _, err := m.MarshalJSON(); err != nil {
					t.Fatalf("Build(…).MarshalJSON() = %v", err)
				}
				if err := Validate(m); err != nil {
					t.Fatalf("Validate(Build(…)) = %v", err)
				}
				checkSafe(t, m, allowedMentions(a, mentions), allowedURLs(a, opts))
				checkNoLiveEmoji(t, m)
				for _, ok := range []*alarm.Alarm{nil, a, alarms[len(alarms)-1]} {
					checkResolved(t, a, ok, opts)
				}
			}
		}
	})
}

// checkResolved fails t unless BuildResolved(announced, ok, opts...)
// passes Validate and carries no mention, no link but the announced
// alarm's and no live emoji code.
func checkResolved(t *testing.T, announced, ok *alarm.Alarm, opts []Option) {
	t.Helper()
	m := BuildResolved(announced, ok, opts...)
	if err := Validate(m); err != nil {
		t.Fatalf("Validate(BuildResolved(…)) = %v", err)
	}
	checkSafe(t, m, nil, allowedURLs(announced, opts))
	checkNoLiveEmoji(t, m)
}
