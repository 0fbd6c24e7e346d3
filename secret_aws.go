package cwslack

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// The prefixes of secret references.
const (
	// RefSSM starts a reference to an AWS Systems Manager parameter, by
	// name or ARN: "ssm:/cwslack/webhook".
	RefSSM = "ssm:"
	// RefSecretsManager starts a reference to an AWS Secrets Manager
	// secret, by name or ARN, optionally followed by "#KEY":
	// "secretsmanager:cwslack/bot#token".
	RefSecretsManager = "secretsmanager:"
)

// IsSecretRef reports whether v is a secret reference, to be read by
// [Secrets], rather than a value: whether it starts with "ssm:" or
// "secretsmanager:".
func IsSecretRef(v string) bool {
	return strings.HasPrefix(v, RefSSM) || strings.HasPrefix(v, RefSecretsManager)
}

// Secrets reads secret references through the AWS SDK for Go v2:
//
//   - "ssm:NAME" is a Systems Manager parameter, by name or ARN (a
//     SecureString, decrypted with its KMS key, or a String), read with
//     GetParameter.
//   - "secretsmanager:NAME-OR-ARN" is a Secrets Manager secret, read with
//     GetSecretValue (its AWSCURRENT version). A secret whose string is a
//     JSON object gives the member named by "#KEY" after the reference
//     ("secretsmanager:cwslack/slack#ops-token"), or else the key that
//     the reference's use names: "webhook" for a webhook URL, "token" for
//     a bot token. Any other string is the value. Binary secrets are not
//     supported.
//
// Surrounding spaces (a trailing newline) are removed from values. A
// reference by ARN is read in the ARN's region; others in the
// configuration's.
//
// Nothing is read, and no AWS client is made, until a Secret's value is
// first needed. A Secrets is safe for concurrent use; it gives the same
// *Secret for the same reference, so that each is read once.
type Secrets struct {
	getenv func(string) string // nil when the aws.Config was given

	once sync.Once
	cfg  aws.Config

	mu      sync.Mutex
	ssm     map[string]*ssm.Client            // by region; "" for the configuration's
	sm      map[string]*secretsmanager.Client // by region
	secrets map[string]*Secret                // by reference and key
}

// NewSecrets returns a Secrets that reads with cfg, such as the one that
// config.LoadDefaultConfig returns (which knows shared profiles, instance
// roles and the other credential sources that SecretsFromEnv does not).
func NewSecrets(cfg aws.Config) *Secrets {
	s := newSecrets(nil)
	s.once.Do(func() { s.cfg = cfg })
	return s
}

// SecretsFromEnv returns a Secrets that takes its AWS configuration from
// getenv, normally os.Getenv, when it first reads: the region from
// AWS_REGION (or AWS_DEFAULT_REGION); the credentials from
// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, which is
// how AWS Lambda gives a function its role; the endpoints from
// AWS_ENDPOINT_URL_SSM, AWS_ENDPOINT_URL_SECRETS_MANAGER or AWS_ENDPOINT_URL
// (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true), for local
// stand-ins. It reads neither shared configuration files nor instance
// metadata: elsewhere than in Lambda, use NewSecrets with
// config.LoadDefaultConfig.
func SecretsFromEnv(getenv func(string) string) *Secrets {
	return newSecrets(getenv)
}

// newSecrets returns an empty Secrets.
func newSecrets(getenv func(string) string) *Secrets {
	return &Secrets{
		getenv:  getenv,
		ssm:     make(map[string]*ssm.Client),
		sm:      make(map[string]*secretsmanager.Client),
		secrets: make(map[string]*Secret),
	}
}

// Secret returns the secret that ref names. key is the member to take
// from a Secrets Manager secret that holds a JSON object, when ref does
// not name one with "#KEY"; it is not used for parameters. It reads
// nothing; it returns a *ConfigError when ref is not a well-formed
// reference.
func (s *Secrets) Secret(ref, key string) (*Secret, error) {
	id, refKey, err := parseRef(ref)
	if err != nil {
		return nil, err
	}
	if strings.HasPrefix(ref, RefSSM) {
		key = ""
	} else if refKey != "" {
		key = refKey
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cacheKey := ref + "\x00" + key
	if sec := s.secrets[cacheKey]; sec != nil {
		return sec, nil
	}
	fetch := func(ctx context.Context) (string, error) { return s.getParameter(ctx, id) }
	if strings.HasPrefix(ref, RefSecretsManager) {
		fetch = func(ctx context.Context) (string, error) { return s.getSecretValue(ctx, id, key) }
	}
	sec := newSecret(ref, fetch)
	s.secrets[cacheKey] = sec
	return sec, nil
}

// parseRef returns the parameter or secret that ref names, and the key
// after "#" for Secrets Manager.
func parseRef(ref string) (id, key string, err error) {
	prefix := RefSSM
	if strings.HasPrefix(ref, RefSecretsManager) {
		prefix = RefSecretsManager
	}
	id, ok := strings.CutPrefix(ref, prefix)
	if !ok {
		return "", "", configError("secret reference", "want ssm:NAME or secretsmanager:NAME-OR-ARN")
	}
	if prefix == RefSecretsManager {
		var hasKey bool
		if id, key, hasKey = strings.Cut(id, "#"); hasKey && key == "" {
			return "", "", configError("secret reference", fmt.Sprintf("%q names no key after #", ref))
		}
	}
	switch {
	case id == "":
		return "", "", configError("secret reference", fmt.Sprintf("%q names no %s", ref, strings.TrimSuffix(prefix, ":")))
	case strings.ContainsFunc(id+key, spaceOrControl):
		return "", "", configError("secret reference", fmt.Sprintf("%q contains spaces or control characters", ref))
	}
	return id, key, nil
}

// getParameter reads a parameter.
func (s *Secrets) getParameter(ctx context.Context, name string) (string, error) {
	c, err := s.ssmClient(arnRegion(name))
	if err != nil {
		return "", err
	}
	out, err := c.GetParameter(ctx, &ssm.GetParameterInput{Name: aws.String(name), WithDecryption: aws.Bool(true)})
	if err != nil {
		return "", err
	}
	if out.Parameter == nil || out.Parameter.Value == nil {
		return "", plainError("AWS answered without a value")
	}
	return usable(*out.Parameter.Value)
}

// getSecretValue reads a secret, and the member key of a JSON object.
func (s *Secrets) getSecretValue(ctx context.Context, id, key string) (string, error) {
	c, err := s.smClient(arnRegion(id))
	if err != nil {
		return "", err
	}
	out, err := c.GetSecretValue(ctx, &secretsmanager.GetSecretValueInput{SecretId: aws.String(id)})
	if err != nil {
		return "", err
	}
	if out.SecretString == nil {
		return "", plainError("the secret has no string value (binary secrets are not supported)")
	}
	v := strings.TrimSpace(*out.SecretString)
	if strings.HasPrefix(v, "{") {
		return jsonMember(v, key)
	}
	return usable(v)
}

// jsonMember returns the string member key of the JSON object v.
func jsonMember(v, key string) (string, error) {
	var obj map[string]any
	if err := json.Unmarshal([]byte(v), &obj); err != nil {
		return "", plainError("the secret starts with { but is not a JSON object")
	}
	if key == "" {
		return "", plainError("the secret is a JSON object: name the key to use with #KEY after the reference")
	}
	m, ok := obj[key]
	if !ok {
		return "", plainError(fmt.Sprintf("the secret is a JSON object without the key %q", key))
	}
	str, ok := m.(string)
	if !ok {
		return "", plainError(fmt.Sprintf("the key %q of the secret is not a string", key))
	}
	return usable(str)
}

// usable trims v and refuses an empty value.
func usable(v string) (string, error) {
	if v = strings.TrimSpace(v); v == "" {
		return "", plainError("the value is empty")
	}
	return v, nil
}

// arnRegion returns the region of an ARN, or "" for a name.
func arnRegion(id string) string {
	parts := strings.SplitN(id, ":", 5)
	if len(parts) < 5 || parts[0] != "arn" {
		return ""
	}
	return parts[3]
}

// spaceOrControl reports whether r has no place in a reference.
func spaceOrControl(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }
