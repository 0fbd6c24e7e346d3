package cwslack

import (
	"os"
	"strconv"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/cloudwatch"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"github.com/cwslack/cwslack/alarm/graph"
	"github.com/cwslack/cwslack/slackfmt/send"
	"github.com/cwslack/cwslack/slackfmt/send/dynamostore"
)

// readSwitches reads the settings of the Notifier itself: the state
// table's, graphs, digests and muted alarms.
func (c *Config) readSwitches(env func(string) string) error {
	switch v := strings.ToLower(env(EnvGraphs)); v {
	case "", "true", "on", "1":
	case "false", "off", "0":
		c.NoGraphs = true
	default:
		return configError(EnvGraphs, "want true or false, not "+strconv.Quote(v))
	}
	switch v := strings.ToLower(env(EnvDropMuted)); v {
	case "", "false", "off", "0":
	case "true", "on", "1":
		c.DropMuted = true
	default:
		return configError(EnvDropMuted, "want true or false, not "+strconv.Quote(v))
	}
	switch v := strings.ToLower(env(EnvDigestThreshold)); v {
	case "":
	case "0", "off":
		c.DigestThreshold = -1
	default:
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return configError(EnvDigestThreshold, "want a number of alarms (1 or more), or off, not "+strconv.Quote(v))
		}
		c.DigestThreshold = n
	}
	return nil
}

// Notifier returns a Notifier that delivers alarms where c's Router sends
// them, with c's shared state, graphs, digests and muted alarms; opts come
// after those and may change them.
//
// It makes the AWS SDK clients it needs (DynamoDB for the state table,
// CloudWatch for the graphs) from the environment, the way Lambda sets it:
// AWS_REGION, the credentials in AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY
// and AWS_SESSION_TOKEN, and AWS_ENDPOINT_URL_DYNAMODB,
// AWS_ENDPOINT_URL_CLOUDWATCH or AWS_ENDPOINT_URL for local endpoints.
// Making them calls nothing: a cold start does no I/O. Elsewhere, build
// the Notifier with New and clients of your own.
func (c *Config) Notifier(opts ...Option) (*Notifier, error) {
	var botOpts []send.BotOption
	var own []Option
	if c.StateTable != "" {
		store, err := dynamostore.New(c.dynamoClient(), c.StateTable)
		if err != nil {
			return nil, &ConfigError{Where: EnvStateTable, Problem: "cannot use the table", Err: err}
		}
		botOpts = append(botOpts, send.WithThreadStore(store))
		own = append(own, WithDedupeStore(store))
	}
	r, err := c.Router(botOpts...)
	if err != nil {
		return nil, err
	}
	if !c.NoGraphs {
		own = append(own, WithGraphs(graph.NewClient(c.cloudWatchClient())))
	}
	switch {
	case c.DigestThreshold > 0:
		own = append(own, WithDigestThreshold(c.DigestThreshold))
	case c.DigestThreshold < 0:
		own = append(own, WithDigestThreshold(0))
	}
	if c.DropMuted {
		own = append(own, WithDropMuted())
	}
	return New(r, append(own, opts...)...), nil
}

// env returns the getenv that c was read with.
func (c *Config) env() func(string) string {
	if c.getenv == nil {
		return os.Getenv
	}
	return c.getenv
}

// dynamoClient returns a DynamoDB client configured from the environment.
func (c *Config) dynamoClient() *dynamodb.Client {
	getenv := c.env()
	return dynamodb.NewFromConfig(envConfig(getenv), func(o *dynamodb.Options) {
		o.BaseEndpoint = envEndpoint(getenv, "AWS_ENDPOINT_URL_DYNAMODB")
	})
}

// cloudWatchClient returns a CloudWatch client configured from the
// environment, with one retry: a graph is worth little time.
func (c *Config) cloudWatchClient() *cloudwatch.Client {
	getenv := c.env()
	return cloudwatch.NewFromConfig(envConfig(getenv), func(o *cloudwatch.Options) {
		o.BaseEndpoint = envEndpoint(getenv, "AWS_ENDPOINT_URL_CLOUDWATCH")
		o.RetryMaxAttempts = 2
	})
}
