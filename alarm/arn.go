package alarm

import "strings"

// nameFromARN returns the alarm name in an alarm ARN
// (arn:PARTITION:cloudwatch:REGION:ACCOUNT:alarm:NAME), or "" if arn is not
// an alarm ARN. The name is everything after ":alarm:", colons included.
func nameFromARN(arn string) string {
	_, name, ok := strings.Cut(arn, ":alarm:")
	if !ok || !strings.HasPrefix(arn, "arn:") {
		return ""
	}
	return name
}
