package graph

import (
	"strings"

	"github.com/cwslack/cwslack/alarm"
)

// unavailable returns why GetMetricWidgetImage cannot draw a, or "" when
// a's partition offers it. The API reference says the operation is not
// available in AWS GovCloud (US); the ISO partitions document nothing, and
// an unknown partition may not have it either. The China partition
// documents it like the commercial one.
func unavailable(a *alarm.Alarm) string {
	p := a.Partition
	if p == "" {
		p = partitionOf(a.Region)
	}
	switch {
	case p == "aws", p == "aws-cn":
		return ""
	case p == "aws-us-gov":
		return "not available in AWS GovCloud (US)"
	case strings.HasPrefix(p, "aws-iso"):
		return "not documented in partition " + p
	case p == "":
		return "unknown partition"
	}
	return "unknown partition " + p
}

// partitionOf returns the partition of a region code, for an alarm whose
// payload named no partition; "" for no region.
func partitionOf(region string) string {
	prefixes := []struct{ prefix, partition string }{
		{"us-gov-", "aws-us-gov"},
		{"cn-", "aws-cn"},
		{"us-isob-", "aws-iso-b"},
		{"us-iso-", "aws-iso"},
		{"eu-isoe-", "aws-iso-e"},
		{"us-isof-", "aws-iso-f"},
		{"eusc-", "aws-eusc"},
	}
	for _, p := range prefixes {
		if strings.HasPrefix(region, p.prefix) {
			return p.partition
		}
	}
	if region == "" {
		return ""
	}
	return "aws"
}
