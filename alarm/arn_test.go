package alarm

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseARN(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		want   arnParts
		wantOK bool
	}{
		{"alarm", "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:waf-blocked",
			arnParts{"aws", "cloudwatch", "eu-west-1", "123456789012", "alarm:waf-blocked"}, true},
		{"alarm name with spaces and colons", "arn:aws:cloudwatch:us-west-1:123456789012:alarm:RDS Prod - CPU Util: 80%",
			arnParts{"aws", "cloudwatch", "us-west-1", "123456789012", "alarm:RDS Prod - CPU Util: 80%"}, true},
		{"China", "arn:aws-cn:sns:cn-north-1:123456789012:rds-alarms",
			arnParts{"aws-cn", "sns", "cn-north-1", "123456789012", "rds-alarms"}, true},
		{"GovCloud", "arn:aws-us-gov:cloudwatch:us-gov-west-1:123456789012:alarm:a",
			arnParts{"aws-us-gov", "cloudwatch", "us-gov-west-1", "123456789012", "alarm:a"}, true},
		{"AWS doc typo, space before account", "arn:aws:cloudwatch:us-east-1: 444455556666:alarm:x",
			arnParts{"aws", "cloudwatch", "us-east-1", "444455556666", "alarm:x"}, true},
		{"global resource", "arn:aws:iam::123456789012:role/x",
			arnParts{"aws", "iam", "", "123456789012", "role/x"}, true},
		{"SNS subscription", "arn:aws:sns:eu-south-1:123456789012:topic:0b4ad2c8-6e93-4bfb-a1b1-6bbb87f1c5f3",
			arnParts{"aws", "sns", "eu-south-1", "123456789012", "topic:0b4ad2c8-6e93-4bfb-a1b1-6bbb87f1c5f3"}, true},
		{"empty", "", arnParts{}, false},
		{"not an ARN", "waf-blocked", arnParts{}, false},
		{"too few fields", "arn:aws:cloudwatch:eu-west-1:123456789012", arnParts{}, false},
		{"empty resource", "arn:aws:cloudwatch:eu-west-1:123456789012:", arnParts{}, false},
		{"empty partition", "arn::cloudwatch:eu-west-1:123456789012:alarm:x", arnParts{}, false},
		{"upper-case prefix", "ARN:aws:cloudwatch:eu-west-1:123456789012:alarm:x", arnParts{}, false},
		{"synthetic placeholders", "arn:aws:cloudwatch:REGION:ACCOUNT_NUMBER:alarm:EXAMPLE",
			arnParts{"aws", "cloudwatch", "REGION", "ACCOUNT_NUMBER", "alarm:EXAMPLE"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := parseARN(tt.in)
			if ok != tt.wantOK {
				t.Fatalf("parseARN(%q) ok = %v; want %v", tt.in, ok, tt.wantOK)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("parseARN(%q) mismatch (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}

func TestNameFromARN(t *testing.T) {
	tests := []struct{ in, want string }{
		{"arn:aws:cloudwatch:us-east-1:123456789012:alarm:CompositeDemo.FirstChild", "CompositeDemo.FirstChild"},
		{"arn:aws:cloudwatch:us-west-1:123456789012:alarm:RDS Prod - CPU Util", "RDS Prod - CPU Util"},
		{"arn:aws:cloudwatch:us-east-1:123456789012:alarm:a:b:alarm:c", "a:b:alarm:c"},
		{"arn:aws:cloudwatch:us-east-1: 111122223333:alarm:CompositeDemo.Main", "CompositeDemo.Main"},
		{"arn:aws-cn:cloudwatch:cn-north-1:123456789012:alarm:数据库", "数据库"},
		{"arn:aws:sns:us-east-1:123456789012:alarm:x", ""},
		{"arn:aws:cloudwatch:us-east-1:123456789012:dashboard/x", ""},
		{"alarm:x", ""},
		{"x:alarm:y", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := nameFromARN(tt.in); got != tt.want {
			t.Errorf("nameFromARN(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
