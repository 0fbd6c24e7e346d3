package alarm

import (
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestConsoleURL(t *testing.T) {
	const aws = "https://us-west-1.console.aws.amazon.com/cloudwatch/home?region=us-west-1#alarmsV2:alarm/"
	tests := []struct {
		name                     string
		partition, region, alarm string
		want                     string
	}{
		{"plain", "aws", "us-west-1", "waf-blocked", aws + "waf-blocked"},
		{"spaces are %20, never +", "aws", "us-west-1", "RDS Prod - CPU Util", aws + "RDS%20Prod%20-%20CPU%20Util"},
		{"percent uses the console's $ form", "aws", "us-west-1", "gci-aws07-web01 CPU over 60%", aws + "gci-aws07-web01%20CPU%20over%2060$25"},
		{"slash uses the console's $ form", "aws", "us-west-1", "ecs/service/upscale", aws + "ecs$2Fservice$2Fupscale"},
		{"dollar itself is escaped", "aws", "us-west-1", "cost$2F", aws + "cost$242F"},
		{"brackets and parentheses", "aws", "us-west-1", "a[b](c)", aws + "a%5Bb%5D%28c%29"},
		{"plus, hash, question mark", "aws", "us-west-1", "a+b#c?d", aws + "a$2Bb$23c$3Fd"},
		{"ampersand and equals", "aws", "us-west-1", "k=v&x", aws + "k$3Dv$26x"},
		{"unreserved kept", "aws", "us-west-1", "CIS.3.10_a-b~c", aws + "CIS.3.10_a-b~c"},
		{"quotes and colon", "aws", "us-west-1", `a"b'c:d`, aws + "a%22b%27c%3Ad"},
		{"Japanese", "aws", "us-west-1", "日本語アラーム", aws + "%E6%97%A5%E6%9C%AC%E8%AA%9E%E3%82%A2%E3%83%A9%E3%83%BC%E3%83%A0"},
		{"emoji", "aws", "us-west-1", "🔥 hot", aws + "%F0%9F%94%A5%20hot"},
		{"control character", "aws", "us-west-1", "a\tb\n", aws + "a%09b%0A"},
		{"China", "aws-cn", "cn-north-1", "数据库 CPU",
			"https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/%E6%95%B0%E6%8D%AE%E5%BA%93%20CPU"},
		{"GovCloud", "aws-us-gov", "us-gov-west-1", "a",
			"https://us-gov-west-1.console.amazonaws-us-gov.com/cloudwatch/home?region=us-gov-west-1#alarmsV2:alarm/a"},
		{"partition from region", "", "cn-northwest-1", "a",
			"https://cn-northwest-1.console.amazonaws.cn/cloudwatch/home?region=cn-northwest-1#alarmsV2:alarm/a"},
		{"partition from commercial region", "", "eu-west-1", "a",
			"https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/a"},
		{"ISO partition has no public console", "aws-iso", "us-iso-east-1", "a", ""},
		{"ISO region without partition", "", "us-isob-east-1", "a", ""},
		{"unknown partition", "aws-mars", "us-east-1", "a", ""},
		{"region outside partition", "aws", "cn-north-1", "a", ""},
		{"empty name", "aws", "us-east-1", "", ""},
		{"empty region", "aws", "", "a", ""},
		{"display name is not a region", "aws", "US East (N. Virginia)", "a", ""},
		{"region injecting a host", "aws", "evil.com/x?", "a", ""},
		{"upper-case region", "aws", "US-EAST-1", "a", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := consoleURL(tt.partition, tt.region, tt.alarm)
			if got != tt.want {
				t.Errorf("consoleURL(%q, %q, %q) =\n\t%s\nwant\n\t%s", tt.partition, tt.region, tt.alarm, got, tt.want)
			}
			if got != "" {
				checkConsoleURL(t, got, tt.alarm)
			}
		})
	}
}

// checkConsoleURL checks what every console link must satisfy: it parses,
// it has no raw space or non-ASCII byte, and the name can be recovered from
// its fragment by undoing both escape forms, so no two names share a link.
func checkConsoleURL(t *testing.T, link, name string) {
	t.Helper()
	u, err := url.Parse(link)
	if err != nil {
		t.Fatalf("url.Parse(%q): %v", link, err)
	}
	if u.Scheme != "https" || !strings.HasSuffix(u.Host, ".console.aws.amazon.com") &&
		!strings.HasSuffix(u.Host, ".console.amazonaws.cn") && !strings.HasSuffix(u.Host, ".console.amazonaws-us-gov.com") {
		t.Errorf("link %q has scheme %q host %q", link, u.Scheme, u.Host)
	}
	for i := 0; i < len(link); i++ {
		if link[i] <= ' ' || link[i] >= utf8.RuneSelf {
			t.Fatalf("link %q has raw byte %#x at %d", link, link[i], i)
		}
	}
	escaped, ok := strings.CutPrefix(u.EscapedFragment(), "alarmsV2:alarm/")
	if !ok {
		t.Fatalf("link %q fragment %q lacks alarmsV2:alarm/", link, u.EscapedFragment())
	}
	if strings.ContainsAny(escaped, "/#?+&= ") {
		t.Errorf("fragment name %q has a raw delimiter", escaped)
	}
	got, err := url.PathUnescape(strings.ReplaceAll(escaped, "$", "%"))
	if err != nil || got != name {
		t.Errorf("name in link %q decodes to %q, %v; want %q", link, got, err, name)
	}
}

func FuzzConsoleURL(f *testing.F) {
	for _, s := range []string{"RDS Prod - CPU Util", "gci-aws07-web01 CPU over 60%", "ecs/service/upscale",
		"a[b](c)", "日本語アラーム", "🔥", "a+b#c?d$2F", "\xff\xfe", ""} {
		f.Add("aws", "us-east-1", s)
	}
	f.Add("aws-cn", "cn-north-1", "x")
	f.Add("", "us-gov-west-1", "x")
	f.Add("aws", "a b", "x")
	f.Fuzz(func(t *testing.T, partition, region, name string) {
		got := consoleURL(partition, region, name)
		if got == "" {
			return
		}
		checkConsoleURL(t, got, name)
	})
}

func TestChildConsoleURL(t *testing.T) {
	tests := []struct{ arn, want string }{
		{"arn:aws:cloudwatch:eu-west-1:111122223333:alarm:db cpu/high",
			"https://eu-west-1.console.aws.amazon.com/cloudwatch/home?region=eu-west-1#alarmsV2:alarm/db%20cpu$2Fhigh"},
		{"arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:x",
			"https://cn-north-1.console.amazonaws.cn/cloudwatch/home?region=cn-north-1#alarmsV2:alarm/x"},
		{"arn:aws-iso:cloudwatch:us-iso-east-1:111122223333:alarm:x", ""},
		{"not an arn", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := (Child{ARN: tt.arn}).ConsoleURL(); got != tt.want {
			t.Errorf("Child{ARN: %q}.ConsoleURL() = %q, want %q", tt.arn, got, tt.want)
		}
	}
}
