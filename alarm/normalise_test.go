package alarm

import "testing"

func TestNormaliseTreatMissingData(t *testing.T) {
	tests := []struct {
		in     string
		want   TreatMissingData
		wantOK bool
	}{
		{"- TreatMissingData:                    missing", TreatMissing, true},
		{"- TreatMissingData:                    ignore", TreatIgnore, true},
		{"- TreatMissingData: missing", TreatMissing, true},
		{"- TreatMissingData:NonBreaching", TreatNotBreaching, true},
		{"- TreatMissingData: breaching", TreatBreaching, true},
		{"- treatmissingdata: notBreaching", TreatNotBreaching, true},
		{"missing", TreatMissing, true},
		{"notBreaching", TreatNotBreaching, true},
		{"NonBreaching", TreatNotBreaching, true},
		{"not_breaching", TreatNotBreaching, true},
		{"breaching", TreatBreaching, true},
		{"Breaching", TreatBreaching, true},
		{"ignore", TreatIgnore, true},
		{" ignore ", TreatIgnore, true},
		{"", TreatMissing, true},
		{"- TreatMissingData:", TreatMissing, true},
		{"- TreatMissingData:                    ", TreatMissing, true},
		{"sometimes", "", false},
		{"- TreatMissingData: sometimes", "", false},
		{"breachingbreachingbreachingbreachingbreaching", "", false},
	}
	for _, tt := range tests {
		got, ok := normaliseTreatMissingData(tt.in)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("normaliseTreatMissingData(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
}

func TestNormaliseStatistic(t *testing.T) {
	tests := []struct{ in, want string }{
		{"AVERAGE", "Average"},
		{"SUM", "Sum"},
		{"MINIMUM", "Minimum"},
		{"MAXIMUM", "Maximum"},
		{"SAMPLE_COUNT", "SampleCount"},
		{"SAMPLECOUNT", "SampleCount"},
		{"Average", "Average"},
		{"SampleCount", "SampleCount"},
		{"sum", "Sum"},
		{"p99", "p99"},
		{"P99", "p99"},
		{"p99.9", "p99.9"},
		{"P0.1", "p0.1"},
		{"tm90", "tm90"},
		{"TM90", "tm90"},
		{"WM99", "wm99"},
		{"tc90", "tc90"},
		{"TS90", "ts90"},
		{"TM(10%:90%)", "TM(10%:90%)"},
		{"tm(10%:90%)", "TM(10%:90%)"},
		{"PR(:300)", "PR(:300)"},
		{"pr(100:2000)", "PR(100:2000)"},
		{"TC(0.005:0.030)", "TC(0.005:0.030)"},
		{"ts(80%:)", "TS(80%:)"},
		{"wm(10%:90%)", "WM(10%:90%)"},
		{"IQM", "IQM"},
		{"iqm", "IQM"},
		{"", ""},
		{"p", "p"},
		{"pr90", "pr90"},
		{"p9.9.9", "p9.9.9"},
		{"Percent", "Percent"},
		{"Median", "Median"},
		{"tm(10%", "tm(10%"},
	}
	for _, tt := range tests {
		if got := normaliseStatistic(tt.in); got != tt.want {
			t.Errorf("normaliseStatistic(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormaliseUnit(t *testing.T) {
	tests := []struct{ in, want string }{
		{"None", ""},
		{"null", ""},
		{"", ""},
		{"NONE", ""},
		{"Percent", "Percent"},
		{"Count", "Count"},
		{"Bytes/Second", "Bytes/Second"},
		{"Nonexistent", "Nonexistent"},
	}
	for _, tt := range tests {
		if got := normaliseUnit(tt.in); got != tt.want {
			t.Errorf("normaliseUnit(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}
