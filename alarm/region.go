package alarm

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// regionNames lists, for each region code, the display names CloudWatch
// writes in the Region field of SNS alarm messages and in the SNS Subject.
// The first name is the one in the AWS SDK endpoint metadata
// (aws-sdk-go-v2 internal/endpoints/awsrulesfn/partitions.json); the others
// are spellings seen in notifications or published since:
//
//   - CloudWatch writes "EU (Ireland)" where the SDK says "Europe (Ireland)"
//     (every 2019–2024 sample in the corpus), so each European region is
//     listed under both; regionIndex adds the "EU" form automatically.
//   - Alarm messages from 2012–2017 use "US - N. Virginia" and "EU - Ireland";
//     the other legacy names follow the same "<area> - <place>" pattern.
//   - "US (Virginia)" appears in the terraform-aws-notify-slack test fixture
//     (a hand-written file, not an AWS capture). It is mapped to us-east-1
//     because it can mean no other region, and a wrong guess costs only a
//     console link that the ARN, when present, overrides anyway.
//
// Matching ignores case, spaces and punctuation (see regionKey), which also
// absorbs typos such as "AsiaPacific (Seoul)".
var regionNames = []struct {
	code  string
	names []string
}{
	{"us-east-1", []string{"US East (N. Virginia)", "US - N. Virginia", "US (Virginia)", "US East (Virginia)"}},
	{"us-east-2", []string{"US East (Ohio)", "US - Ohio"}},
	{"us-west-1", []string{"US West (N. California)", "US - N. California"}},
	{"us-west-2", []string{"US West (Oregon)", "US - Oregon"}},
	{"af-south-1", []string{"Africa (Cape Town)"}},
	{"ap-east-1", []string{"Asia Pacific (Hong Kong)"}},
	{"ap-east-2", []string{"Asia Pacific (Taipei)"}},
	{"ap-south-1", []string{"Asia Pacific (Mumbai)"}},
	{"ap-south-2", []string{"Asia Pacific (Hyderabad)"}},
	{"ap-southeast-1", []string{"Asia Pacific (Singapore)", "Asia Pacific - Singapore"}},
	{"ap-southeast-2", []string{"Asia Pacific (Sydney)", "Asia Pacific - Sydney"}},
	{"ap-southeast-3", []string{"Asia Pacific (Jakarta)"}},
	{"ap-southeast-4", []string{"Asia Pacific (Melbourne)"}},
	{"ap-southeast-5", []string{"Asia Pacific (Malaysia)"}},
	{"ap-southeast-6", []string{"Asia Pacific (New Zealand)"}},
	{"ap-southeast-7", []string{"Asia Pacific (Thailand)"}},
	{"ap-northeast-1", []string{"Asia Pacific (Tokyo)", "Asia Pacific - Tokyo"}},
	{"ap-northeast-2", []string{"Asia Pacific (Seoul)"}},
	{"ap-northeast-3", []string{"Asia Pacific (Osaka)", "Asia Pacific (Osaka-Local)"}},
	{"ca-central-1", []string{"Canada (Central)"}},
	{"ca-west-1", []string{"Canada West (Calgary)"}},
	{"eu-central-1", []string{"Europe (Frankfurt)"}},
	{"eu-central-2", []string{"Europe (Zurich)"}},
	{"eu-north-1", []string{"Europe (Stockholm)"}},
	{"eu-south-1", []string{"Europe (Milan)"}},
	{"eu-south-2", []string{"Europe (Spain)"}},
	{"eu-west-1", []string{"Europe (Ireland)"}},
	{"eu-west-2", []string{"Europe (London)"}},
	{"eu-west-3", []string{"Europe (Paris)"}},
	{"il-central-1", []string{"Israel (Tel Aviv)"}},
	{"me-central-1", []string{"Middle East (UAE)"}},
	{"me-south-1", []string{"Middle East (Bahrain)"}},
	{"mx-central-1", []string{"Mexico (Central)"}},
	{"sa-east-1", []string{"South America (Sao Paulo)", "South America (São Paulo)", "South America - Sao Paulo"}},
	{"cn-north-1", []string{"China (Beijing)"}},
	{"cn-northwest-1", []string{"China (Ningxia)"}},
	{"us-gov-east-1", []string{"AWS GovCloud (US-East)", "GovCloud (US-East)"}},
	{"us-gov-west-1", []string{"AWS GovCloud (US-West)", "GovCloud (US-West)", "AWS GovCloud (US)", "GovCloud (US)"}},
	{"us-iso-east-1", []string{"US ISO East"}},
	{"us-iso-west-1", []string{"US ISO WEST"}},
	{"us-isob-east-1", []string{"US ISOB East (Ohio)"}},
	{"us-isof-south-1", []string{"US ISOF SOUTH"}},
	{"us-isof-east-1", []string{"US ISOF EAST"}},
	{"eu-isoe-west-1", []string{"EU ISOE West"}},
}

// regionIndex maps regionKey of every display name to its region code.
var regionIndex = buildRegionIndex()

// buildRegionIndex builds regionIndex from regionNames, adding the "EU (x)"
// and "EU - x" forms of every "Europe (x)" name.
func buildRegionIndex() map[string]string {
	idx := make(map[string]string, 3*len(regionNames))
	for _, r := range regionNames {
		for _, n := range r.names {
			idx[regionKey(n)] = r.code
			if place, ok := strings.CutPrefix(n, "Europe ("); ok {
				idx[regionKey("EU ("+place)] = r.code
				idx[regionKey("EU - "+strings.TrimSuffix(place, ")"))] = r.code
			}
		}
	}
	return idx
}

// regionKey folds a display name for matching: it keeps only letters and
// digits, lower-cased, so "US East (N. Virginia)", "us east (n virginia)"
// and "USEast(N.Virginia)" share a key.
func regionKey(name string) string {
	b, _ := foldRegion(make([]byte, 0, utf8.UTFMax*(len(name)+1)), name)
	return string(b)
}

// foldRegion appends regionKey(name) to dst. ok is false when that would
// grow dst beyond its capacity, so that a caller with a fixed buffer never
// allocates.
func foldRegion(dst []byte, name string) (b []byte, ok bool) {
	for _, r := range name {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			continue
		}
		if len(dst)+utf8.UTFMax > cap(dst) {
			return dst, false
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst, true
}

// regionFromDisplayName maps a long region name, as CloudWatch writes it in
// the Region field of an SNS alarm message ("EU (Ireland)",
// "Asia Pacific (Seoul)", legacy "US - N. Virginia"), to its code
// ("eu-west-1"). It knows every commercial, China, GovCloud and ISO region
// under both the "EU" and "Europe" spellings, ignoring case, spaces and
// punctuation. It returns "" for a name it does not know, including "".
func regionFromDisplayName(name string) string {
	var buf [64]byte // longer than any key in regionIndex
	b, ok := foldRegion(buf[:0], name)
	if !ok {
		return ""
	}
	return regionIndex[string(b)]
}

// partitionForRegion returns the AWS partition of a region code: "aws-cn"
// for cn-*, "aws-us-gov" for us-gov-*, "aws-iso" for us-iso-*, "aws-iso-b"
// for us-isob-*, "aws-iso-e" for eu-isoe-*, "aws-iso-f" for us-isof-*,
// "aws-eusc" for the European Sovereign Cloud's eusc-*, and "aws" for any
// other code. It returns "" for "".
//
// Prefer the partition field of an ARN when there is one; this is the
// fallback for messages that carry only a region.
func partitionForRegion(region string) string {
	prefixes := [...]struct{ prefix, partition string }{
		{"cn-", "aws-cn"},
		{"us-gov-", "aws-us-gov"},
		{"us-iso-", "aws-iso"},
		{"us-isob-", "aws-iso-b"},
		{"eu-isoe-", "aws-iso-e"},
		{"us-isof-", "aws-iso-f"},
		{"eusc-", "aws-eusc"},
	}
	if region == "" {
		return ""
	}
	for _, p := range prefixes {
		if strings.HasPrefix(region, p.prefix) {
			return p.partition
		}
	}
	return "aws"
}
