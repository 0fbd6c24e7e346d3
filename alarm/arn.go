package alarm

import "strings"

// arnParts are the fields of an Amazon Resource Name,
// arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE. Region and Account are
// empty for global resources.
type arnParts struct{ Partition, Service, Region, Account, Resource string }

// parseARN splits an ARN into its fields. RESOURCE is everything after the
// fifth colon, colons and spaces included (an alarm ARN's resource is
// "alarm:NAME" with the name unescaped). ok is false when s does not start
// with "arn:", has fewer than six fields, or has an empty partition, service
// or resource.
//
// Spaces around the partition, service, region and account are trimmed: the
// AWS documentation's Lambda alarm action samples contain
// "arn:aws:cloudwatch:us-east-1: 444455556666:alarm:x", and real ARNs never
// contain spaces in those fields.
func parseARN(s string) (arnParts, bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return arnParts{}, false
	}
	var f [4]string
	for i := range f {
		var found bool
		f[i], rest, found = strings.Cut(rest, ":")
		if !found {
			return arnParts{}, false
		}
		f[i] = strings.TrimSpace(f[i])
	}
	p := arnParts{Partition: f[0], Service: f[1], Region: f[2], Account: f[3], Resource: rest}
	if p.Partition == "" || p.Service == "" || p.Resource == "" {
		return arnParts{}, false
	}
	return p, true
}

// nameFromARN returns the alarm name in an alarm ARN
// (arn:PARTITION:cloudwatch:REGION:ACCOUNT:alarm:NAME), or "" if arn is not
// a CloudWatch alarm ARN. The name is everything after "alarm:", colons
// included.
func nameFromARN(arn string) string {
	p, ok := parseARN(arn)
	if !ok || p.Service != "cloudwatch" {
		return ""
	}
	name, _ := strings.CutPrefix(p.Resource, "alarm:")
	if len(name) == len(p.Resource) {
		return ""
	}
	return name
}
