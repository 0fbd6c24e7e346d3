package cwslack_test

import (
	"bytes"
	"context"
	"image/png"
	"testing"

	"github.com/cwslack/cwslack"
	"github.com/cwslack/cwslack/alarm/graph"
	"github.com/cwslack/cwslack/alarm/graph/cwtest"
	"github.com/cwslack/cwslack/slackfmt"
	"github.com/cwslack/cwslack/slackfmt/slacktest"
)

func TestNotifyPostsGraphsInTheThread(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	cw := cwtest.NewServer()
	defer cw.Close()
	n := cwslack.New(cwslack.To(botDest(t, s, "C0OPS")), cwslack.WithGraphs(graph.NewClient(cw.Client())))
	ctx := context.Background()
	alarmAt, okAt := gen{name: "orders-latency", at: at(1)}, gen{name: "orders-latency", state: "OK", at: at(30)}
	for _, g := range []gen{alarmAt, okAt} {
		if err := n.Notify(ctx, parse(t, lambdaSNS(g.snsMessage()))...); err != nil {
			t.Fatalf("Notify: %v", err)
		}
	}
	post, _ := s.Posted("C0OPS", s.Messages()[0].TS)
	files := s.Files()
	if len(files) != 2 {
		t.Fatalf("Slack got %d files, want the graph of the ALARM and of the OK", len(files))
	}
	for i, f := range files {
		if f.Channel != "C0OPS" || f.ThreadTS != post.TS {
			t.Errorf("file %d went to %s thread %q, want the ALARM's thread %s", i, f.Channel, f.ThreadTS, post.TS)
		}
		if _, err := png.Decode(bytes.NewReader(f.Data)); err != nil {
			t.Errorf("file %d is not a PNG: %v", i, err)
		}
	}
	if reqs := cw.Requests(); len(reqs) != 2 || reqs[0].Region != "eu-west-3" {
		t.Errorf("CloudWatch got %d requests (first in %q), want 2 in eu-west-3", len(reqs), reqs[0].Region)
	}
}

func TestNotifyGraphFailureChangesNothing(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	cw := cwtest.NewServer()
	defer cw.Close()
	cw.Fail(cwtest.Failure{Code: "Throttling", Times: 10})
	n := cwslack.New(cwslack.To(botDest(t, s, "C0OPS")), cwslack.WithGraphs(graph.NewClient(cw.Client())))
	if err := n.Notify(context.Background(), parse(t, lambdaSNS(gen{at: at(1)}.snsMessage()))...); err != nil {
		t.Fatalf("Notify with CloudWatch failing = %v, want nil: the alarm was posted", err)
	}
	if len(posted(s)) != 1 || len(s.Files()) != 0 {
		t.Errorf("posted %d messages and %d files, want the message and no file", len(posted(s)), len(s.Files()))
	}
}

func TestNotifyNoGraphsForWebhooks(t *testing.T) {
	s := slacktest.NewServer()
	defer s.Close()
	cw := cwtest.NewServer()
	defer cw.Close()
	n := cwslack.New(cwslack.To(webhookDest(t, s, slackfmt.Mention{})), cwslack.WithGraphs(graph.NewClient(cw.Client())))
	if err := n.Notify(context.Background(), parse(t, lambdaSNS(gen{at: at(1)}.snsMessage()))...); err != nil {
		t.Fatal(err)
	}
	if len(cw.Requests()) != 0 {
		t.Errorf("CloudWatch got %d requests for a webhook destination, want none", len(cw.Requests()))
	}
}
