package alarm

import "testing"

func TestRegionFromDisplayName(t *testing.T) {
	tests := []struct{ in, want string }{
		// Seen in the corpus and in AWS samples.
		{"US East (N. Virginia)", "us-east-1"},
		{"US East (Ohio)", "us-east-2"},
		{"US West (N. California)", "us-west-1"},
		{"Asia Pacific (Seoul)", "ap-northeast-2"},
		{"Asia Pacific (Sydney)", "ap-southeast-2"},
		{"Asia Pacific (Tokyo)", "ap-northeast-1"},
		{"Asia Pacific (Singapore)", "ap-southeast-1"},
		{"EU (Ireland)", "eu-west-1"},
		{"EU (London)", "eu-west-2"},
		{"EU (Milan)", "eu-south-1"},
		{"China (Beijing)", "cn-north-1"},
		{"US - N. Virginia", "us-east-1"},
		{"EU - Ireland", "eu-west-1"},
		{"US (Virginia)", "us-east-1"},
		{"AsiaPacific (Seoul)", "ap-northeast-2"},
		// Both European spellings, for every European region.
		{"Europe (Ireland)", "eu-west-1"},
		{"EU (Frankfurt)", "eu-central-1"},
		{"Europe (Frankfurt)", "eu-central-1"},
		{"EU (Zurich)", "eu-central-2"},
		{"Europe (Zurich)", "eu-central-2"},
		{"EU (Stockholm)", "eu-north-1"},
		{"Europe (Stockholm)", "eu-north-1"},
		{"Europe (Milan)", "eu-south-1"},
		{"EU (Spain)", "eu-south-2"},
		{"Europe (Spain)", "eu-south-2"},
		{"Europe (London)", "eu-west-2"},
		{"EU (Paris)", "eu-west-3"},
		{"Europe (Paris)", "eu-west-3"},
		{"EU - Paris", "eu-west-3"},
		// Newer and less common regions.
		{"Africa (Cape Town)", "af-south-1"},
		{"Asia Pacific (Hong Kong)", "ap-east-1"},
		{"Asia Pacific (Taipei)", "ap-east-2"},
		{"Asia Pacific (Mumbai)", "ap-south-1"},
		{"Asia Pacific (Hyderabad)", "ap-south-2"},
		{"Asia Pacific (Jakarta)", "ap-southeast-3"},
		{"Asia Pacific (Melbourne)", "ap-southeast-4"},
		{"Asia Pacific (Malaysia)", "ap-southeast-5"},
		{"Asia Pacific (New Zealand)", "ap-southeast-6"},
		{"Asia Pacific (Thailand)", "ap-southeast-7"},
		{"Asia Pacific (Osaka)", "ap-northeast-3"},
		{"Asia Pacific (Osaka-Local)", "ap-northeast-3"},
		{"Canada (Central)", "ca-central-1"},
		{"Canada West (Calgary)", "ca-west-1"},
		{"Israel (Tel Aviv)", "il-central-1"},
		{"Middle East (UAE)", "me-central-1"},
		{"Middle East (Bahrain)", "me-south-1"},
		{"Mexico (Central)", "mx-central-1"},
		{"South America (Sao Paulo)", "sa-east-1"},
		{"South America (São Paulo)", "sa-east-1"},
		{"US West (Oregon)", "us-west-2"},
		{"China (Ningxia)", "cn-northwest-1"},
		{"AWS GovCloud (US-West)", "us-gov-west-1"},
		{"AWS GovCloud (US-East)", "us-gov-east-1"},
		{"AWS GovCloud (US)", "us-gov-west-1"},
		{"US ISO East", "us-iso-east-1"},
		{"US ISOB East (Ohio)", "us-isob-east-1"},
		// Case, spacing and punctuation are ignored.
		{"eu (ireland)", "eu-west-1"},
		{"  US  East (N.Virginia) ", "us-east-1"},
		{"US EAST (N VIRGINIA)", "us-east-1"},
		{"AWS GovCloud (US West)", "us-gov-west-1"},
		// Unknown.
		{"", ""},
		{"EXAMPLE", ""},
		{"US East", ""},
		{"Mars (Olympus Mons)", ""},
		{"eu-west-1", ""},
		{string(make([]byte, 1000)), ""},
		{"Asia Pacific (Seoul) Asia Pacific (Seoul) Asia Pacific (Seoul) Asia Pacific (Seoul)", ""},
	}
	for _, tt := range tests {
		if got := regionFromDisplayName(tt.in); got != tt.want {
			t.Errorf("regionFromDisplayName(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestRegionNamesUnambiguous checks that no two regions share a folded
// name, which buildRegionIndex would silently resolve in favour of the later
// one, and that every key fits regionFromDisplayName's buffer.
func TestRegionNamesUnambiguous(t *testing.T) {
	seen := map[string]string{}
	for _, r := range regionNames {
		for _, n := range r.names {
			k := regionKey(n)
			if prev, ok := seen[k]; ok && prev != r.code {
				t.Errorf("%q folds to %q, shared by %s and %s", n, k, prev, r.code)
			}
			seen[k] = r.code
			if got := regionFromDisplayName(n); got != r.code {
				t.Errorf("regionFromDisplayName(%q) = %q; want %q", n, got, r.code)
			}
		}
	}
}

func TestPartitionForRegion(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"us-east-1", "aws"},
		{"eu-west-1", "aws"},
		{"il-central-1", "aws"},
		{"mx-central-1", "aws"},
		{"cn-north-1", "aws-cn"},
		{"cn-northwest-1", "aws-cn"},
		{"us-gov-west-1", "aws-us-gov"},
		{"us-gov-east-1", "aws-us-gov"},
		{"us-iso-east-1", "aws-iso"},
		{"us-isob-east-1", "aws-iso-b"},
		{"eu-isoe-west-1", "aws-iso-e"},
		{"us-isof-south-1", "aws-iso-f"},
		{"eusc-de-east-1", "aws-eusc"},
	}
	for _, tt := range tests {
		if got := partitionForRegion(tt.in); got != tt.want {
			t.Errorf("partitionForRegion(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestRegionCodesHavePartitions checks every code in regionNames against
// partitionForRegion, so a new region with a new prefix is noticed.
func TestRegionCodesHavePartitions(t *testing.T) {
	for _, r := range regionNames {
		if partitionForRegion(r.code) == "" || !isRegionCode(r.code) {
			t.Errorf("region %q: partition %q, isRegionCode %v", r.code, partitionForRegion(r.code), isRegionCode(r.code))
		}
	}
}

func BenchmarkRegionFromDisplayName(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if regionFromDisplayName("Asia Pacific (Seoul)") == "" {
			b.Fatal("unknown")
		}
	}
}
