package graph

import "time"

// Defaults of the options.
const (
	// DefaultWidth and DefaultHeight are the size of the image in pixels.
	// Slack shows an image in a thread scaled to the width of the
	// conversation pane, a few hundred pixels on a laptop; at 800 × 400
	// the graph keeps CloudWatch's fixed-size labels legible once scaled
	// down, and a 2:1 image does not push the thread off the screen.
	DefaultWidth  = 800
	DefaultHeight = 400
	// DefaultWindow is the shortest time span a graph shows: three hours,
	// the default span of a MetricWidget. Alarms with long periods get 20
	// periods instead.
	DefaultWindow = 3 * time.Hour
	// DefaultMaxChildren is how many triggering children of a composite
	// alarm Client.Children describes.
	DefaultMaxChildren = 3
)

// Limits of GetMetricWidgetImage, from
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricWidgetImage.html
// and the MetricWidget structure page it links to.
const (
	maxMetrics     = 100       // metrics and expressions in one graph
	maxWidgetBytes = 100 << 10 // uncompressed MetricWidget JSON
	maxPixels      = 2000      // width and height
	maxAlarmNames  = 100       // AlarmNames of one DescribeAlarms call
)

// Option configures Widget and a Client. The Client passes its options on
// to Widget.
type Option func(*settings)

// settings collects what the options set.
type settings struct {
	width, height int
	window        time.Duration
	dark          bool
	maxChildren   int
}

// newSettings applies opts to the defaults.
func newSettings(opts []Option) settings {
	s := settings{width: DefaultWidth, height: DefaultHeight, window: DefaultWindow, maxChildren: DefaultMaxChildren}
	for _, opt := range opts {
		if opt != nil {
			opt(&s)
		}
	}
	return s
}

// WithSize sets the size of the image in pixels; the defaults are
// DefaultWidth and DefaultHeight. Values above 2000, the API's limit, are
// taken as 2000; non-positive values keep the default.
func WithSize(width, height int) Option {
	return func(s *settings) {
		if width > 0 {
			s.width = min(width, maxPixels)
		}
		if height > 0 {
			s.height = min(height, maxPixels)
		}
	}
}

// WithWindow sets the shortest time span a graph shows; the default is
// DefaultWindow. A graph spans at least 20 of the alarm's periods, and
// longer when it must show how long the alarm was in ALARM. Values below
// a minute keep the default.
func WithWindow(d time.Duration) Option {
	return func(s *settings) {
		if d >= time.Minute {
			s.window = d
		}
	}
}

// WithDarkTheme draws the graph with CloudWatch's dark theme, for a
// workspace that uses Slack's dark mode.
func WithDarkTheme() Option {
	return func(s *settings) { s.dark = true }
}

// WithMaxChildren sets how many triggering children of a composite alarm
// Client.Children describes; the default is DefaultMaxChildren. Each child
// is one more image in the thread and one more GetMetricWidgetImage call,
// which CloudWatch limits to 20 a second per account and region. Values
// below 1 keep the default; values above 100 are taken as 100.
func WithMaxChildren(n int) Option {
	return func(s *settings) {
		if n >= 1 {
			s.maxChildren = min(n, maxAlarmNames)
		}
	}
}
