package snsverify

import (
	"net/url"
	"regexp"
	"strings"
)

// snsHost matches the hosts SNS publishes certificates and confirmation
// endpoints on, in every partition: sns.us-east-1.amazonaws.com,
// sns.us-gov-west-1.amazonaws.com, sns.cn-north-1.amazonaws.com.cn,
// sns.us-iso-east-1.amazonaws.com. The label after "sns." must have the
// shape of a region code (letters, dash-separated words, a number), which
// is stricter than AWS's own validators ("[a-zA-Z0-9-]{3,}"): those also
// accept hosts such as sns.s3-us-west-2.amazonaws.com, the virtual-hosted
// endpoint of an S3 bucket named "sns", which anyone could own. Hosts are
// lowered before matching.
var snsHost = regexp.MustCompile(`^sns\.[a-z]{2,4}(-[a-z]+)+-[0-9]{1,2}\.amazonaws\.com(\.cn)?$`)

// IsSNSHost reports whether host, a host name without a port, is an
// Amazon SNS endpoint such as "sns.eu-west-1.amazonaws.com". The match is
// case-insensitive.
func IsSNSHost(host string) bool {
	return snsHost.MatchString(strings.ToLower(host))
}

// checkURL parses raw and checks that it is an absolute https URL without
// user information, on an SNS host ([IsSNSHost]) with no port or port 443.
func checkURL(raw string) (*url.URL, string) {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return nil, "not a URL"
	case u.Scheme != "https":
		return nil, "scheme is not https"
	case u.User != nil:
		return nil, "URL has user information"
	case u.Opaque != "" || u.Host == "":
		return nil, "URL has no host"
	case u.Port() != "" && u.Port() != "443":
		return nil, "URL has a port other than 443"
	case !IsSNSHost(u.Hostname()):
		return nil, "host is not an Amazon SNS host"
	}
	return u, ""
}

// checkCertURL checks a SigningCertURL: an allowed https URL whose path
// names a .pem file.
func checkCertURL(raw string) (*url.URL, string) {
	u, reason := checkURL(raw)
	if reason != "" {
		return nil, reason
	}
	if !strings.HasSuffix(u.Path, ".pem") {
		return nil, "path does not end in .pem"
	}
	return u, ""
}

// checkSubscribeURL checks a SubscribeURL: an allowed https URL whose
// query asks for ConfirmSubscription.
func checkSubscribeURL(raw string) (*url.URL, string) {
	u, reason := checkURL(raw)
	if reason != "" {
		return nil, reason
	}
	if u.Query().Get("Action") != "ConfirmSubscription" {
		return nil, "query does not ask for ConfirmSubscription"
	}
	return u, ""
}
