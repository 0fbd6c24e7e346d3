package slackfmt

import (
	"strconv"
	"strings"
	"testing"

	"github.com/cwslack/cwslack/alarm"
)

const arnPrefix = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:"

func TestRuleNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{`ALARM("` + arnPrefix + `db-cpu") OR OK(` + arnPrefix + `web)`, `ALARM("db-cpu") OR OK(web)`},
		{`AT_LEAST(2, ALARM, (` + arnPrefix + `a, ` + arnPrefix + `b))`, `AT_LEAST(2, ALARM, (a, b))`},
		{`ALARM("` + arnPrefix + `my alarm (x)")`, `ALARM("my alarm (x)")`},
		{`ALARM(plain-name) AND NOT ALARM("arn:")`, `ALARM(plain-name) AND NOT ALARM("arn:")`},
		{`ALARM("arn:aws:sns:us-east-1:1:topic:alarm:x")`, `ALARM("arn:aws:sns:us-east-1:1:topic:alarm:x")`},
		{`ALARM("arn: aws:cloudwatch:r:1:alarm:x")`, `ALARM("arn: aws:cloudwatch:r:1:alarm:x")`},
		{arnPrefix, ``},
		{`arn:arn:aws:cloudwatch:us-east-1:1:alarm:x`, `arn:x`},
		{``, ``},
	}
	for _, tt := range tests {
		if got := ruleNames(tt.in); got != tt.want {
			t.Errorf("ruleNames(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// children returns n triggering children named prefix0, prefix1, ….
func children(n int, prefix string) []alarm.Child {
	cs := make([]alarm.Child, n)
	for i := range cs {
		cs[i] = alarm.Child{ARN: arnPrefix + prefix + strconv.Itoa(i), State: alarm.StateAlarm}
	}
	return cs
}

func TestBuildComposite(t *testing.T) {
	long := strings.Repeat("n", 190)
	tests := []struct {
		name           string
		rule           string
		children       []alarm.Child
		rulePrefix     string // start of the rule section
		childrenSuffix string // end of the children section
	}{{
		name:           "ARNs shortened, children linked",
		rule:           `ALARM("` + arnPrefix + `db") OR ALARM(` + arnPrefix + `web)`,
		children:       children(1, "db"),
		rulePrefix:     "*Rule:* `ALARM(\"db\") OR ALARM(web)`",
		childrenSuffix: "alarm/db0|db0> ALARM",
	}, {
		name:           "long rule cut, code span closed",
		rule:           strings.Repeat("ALARM(\""+arnPrefix+long+"\") OR ", 10),
		children:       children(12, "c"),
		rulePrefix:     "*Rule:* `ALARM(\"" + long + "\") OR ALARM",
		childrenSuffix: "alarm/c9|c9> ALARM\n+2 more",
	}, {
		name:           "children cut by the budget, note kept",
		rule:           "ALARM(x)",
		children:       children(10, long),
		rulePrefix:     "*Rule:* `ALARM(x)`",
		childrenSuffix: "|" + long + "1> ALARM\n+8 more",
	}, {
		name:           "label escaped",
		rule:           "ALARM(x)",
		children:       []alarm.Child{{ARN: arnPrefix + "a|b<!here>*c*", State: alarm.StateOK}},
		rulePrefix:     "*Rule:* `ALARM(x)`",
		childrenSuffix: "|a¦b&lt;!here&gt;\u200d*c\u200d*> OK",
	}, {
		name:           "no console: code",
		rule:           "ALARM(x)",
		children:       []alarm.Child{{ARN: "arn:aws-iso:cloudwatch:us-iso-east-1:1:alarm:x`y", State: alarm.StateOK}},
		rulePrefix:     "*Rule:* `ALARM(x)`",
		childrenSuffix: "✅ `x\u200d`y` OK",
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := compositeAlarm()
			a.AlarmRule, a.TriggeringChildren = tt.rule, tt.children
			m := Build(a)
			if err := Validate(m); err != nil {
				t.Errorf("Validate = %v", err)
			}
			rule, kids := sectionText(t, m, "cw-rule"), sectionText(t, m, "cw-children")
			if !strings.HasPrefix(rule, tt.rulePrefix) {
				t.Errorf("rule = %q, want it to start with %q", rule, tt.rulePrefix)
			}
			if !strings.HasSuffix(kids, tt.childrenSuffix) {
				t.Errorf("children = %q, want it to end with %q", kids, tt.childrenSuffix)
			}
			for _, s := range []string{rule, kids} {
				if n := strings.Count(strings.ReplaceAll(s, zwj+"`", ""), "`"); n%2 != 0 {
					t.Errorf("%q has %d backticks: a code span is open", s, n)
				}
			}
		})
	}
}
