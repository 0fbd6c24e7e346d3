package cwslack

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/secretsmanager"
	"github.com/aws/aws-sdk-go-v2/service/ssm"
)

// The AWS configuration is built from the environment with the SDK's own
// types rather than with config.LoadDefaultConfig: that function brings
// in every credential source (SSO, STS, IMDS, shared files) and adds about
// 1.9 MB to the Lambda bootstrap, for a function that only ever gets its
// credentials from the environment.

// config returns the AWS configuration, built from the environment the
// first time.
func (s *Secrets) config() aws.Config {
	s.once.Do(func() { s.cfg = envConfig(s.getenv) })
	return s.cfg
}

// envConfig returns the region and credentials that getenv gives.
func envConfig(getenv func(string) string) aws.Config {
	region := getenv("AWS_REGION")
	if region == "" {
		region = getenv("AWS_DEFAULT_REGION")
	}
	id, key, token := getenv("AWS_ACCESS_KEY_ID"), getenv("AWS_SECRET_ACCESS_KEY"), getenv("AWS_SESSION_TOKEN")
	creds := aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
		if id == "" || key == "" {
			return aws.Credentials{}, plainError("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (Lambda sets them from the function's role)")
		}
		return aws.Credentials{AccessKeyID: id, SecretAccessKey: key, SessionToken: token, Source: "environment"}, nil
	})
	return aws.Config{Region: region, Credentials: aws.NewCredentialsCache(creds)}
}

// endpoint returns the endpoint that the environment sets for a service
// (AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL), or nil for AWS's
// own. A Secrets made with NewSecrets leaves endpoints to its aws.Config.
func (s *Secrets) endpoint(serviceVar string) *string {
	if s.getenv == nil {
		return nil
	}
	return envEndpoint(s.getenv, serviceVar)
}

// envEndpoint returns the endpoint that getenv sets for a service
// (serviceVar, such as AWS_ENDPOINT_URL_DYNAMODB, else AWS_ENDPOINT_URL),
// or nil for AWS's own, as the SDK's shared configuration reads them.
func envEndpoint(getenv func(string) string, serviceVar string) *string {
	if strings.EqualFold(getenv("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true") {
		return nil
	}
	for _, k := range []string{serviceVar, "AWS_ENDPOINT_URL"} {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return aws.String(v)
		}
	}
	return nil
}

// region returns region, or else the configuration's, or an error when
// neither is set.
func (s *Secrets) region(region string) (aws.Config, string, error) {
	cfg := s.config()
	if region == "" {
		region = cfg.Region
	}
	if region == "" {
		return cfg, "", plainError("no AWS region: set AWS_REGION")
	}
	return cfg, region, nil
}

// ssmClient returns the SSM client for region ("" for the
// configuration's), made the first time.
func (s *Secrets) ssmClient(region string) (*ssm.Client, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.ssm[region]; c != nil {
		return c, nil
	}
	cfg, r, err := s.region(region)
	if err != nil {
		return nil, err
	}
	c := ssm.NewFromConfig(cfg, func(o *ssm.Options) {
		o.Region = r
		if ep := s.endpoint("AWS_ENDPOINT_URL_SSM"); ep != nil {
			o.BaseEndpoint = ep
		}
	})
	s.ssm[region] = c
	return c, nil
}

// smClient returns the Secrets Manager client for region ("" for the
// configuration's), made the first time.
func (s *Secrets) smClient(region string) (*secretsmanager.Client, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.sm[region]; c != nil {
		return c, nil
	}
	cfg, r, err := s.region(region)
	if err != nil {
		return nil, err
	}
	c := secretsmanager.NewFromConfig(cfg, func(o *secretsmanager.Options) {
		o.Region = r
		if ep := s.endpoint("AWS_ENDPOINT_URL_SECRETS_MANAGER"); ep != nil {
			o.BaseEndpoint = ep
		}
	})
	s.sm[region] = c
	return c, nil
}
