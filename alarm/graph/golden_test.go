package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cwslack/cwslack/alarm"
	"github.com/cwslack/cwslack/alarm/graph"
	"github.com/cwslack/cwslack/alarm/graph/cwtest"
)

// golden is what the package makes of one alarm: the golden file's
// content.
type golden struct {
	Alarm string `json:"alarm"`
	// Widget is Widget's result, Error its error.
	Widget json.RawMessage `json:"widget,omitempty"`
	Error  string          `json:"error,omitempty"`
	// Draw is the size of the PNG that Client.Draw returned, or its error.
	Draw string `json:"draw"`
	// Children are the children of a composite alarm that Client.Children
	// returned, ChildrenError its error.
	Children      []golden `json:"children,omitempty"`
	ChildrenError string   `json:"childrenError,omitempty"`
}

// TestGolden draws every alarm of every decode fixture, and every child of
// the composite ones, through the real CloudWatch client and the
// stand-in, and compares the widgets and outcomes with
// testdata/graph/<name>.json. Every alarm either has a widget, which the
// stand-in must have received as it is and answered with a PNG of its
// size, or fails with ErrNotDrawable without a call to CloudWatch.
func TestGolden(t *testing.T) {
	var names []string
	for _, f := range fixtureAlarms(t) {
		names = append(names, f.name)
		t.Run(f.name, func(t *testing.T) {
			if !*update {
				t.Parallel()
			}
			s := newStandIn(t)
			got := render(t, s, graph.NewClient(s.Client()), f.alarm)
			checkGolden(t, filepath.Join("..", "..", "testdata", "graph", f.name+".json"), got)
		})
	}
	checkNoStaleGoldens(t, filepath.Join("..", "..", "testdata", "graph"), names)
}

// render returns what Widget, Draw and (for a composite alarm) Children
// make of a.
func render(t *testing.T, s *cwtest.Server, c *graph.Client, a *alarm.Alarm) golden {
	t.Helper()
	g := golden{Alarm: a.Name}
	w, err := graph.Widget(a)
	if err != nil {
		checkNotDrawable(t, "Widget", err)
		g.Error = err.Error()
	}
	g.Widget = w
	g.Draw = draw(t, s, c, a, w)
	if a.Kind != alarm.KindComposite {
		return g
	}
	children, err := c.Children(context.Background(), a)
	if err != nil {
		checkNotDrawable(t, "Children", err)
		g.ChildrenError = err.Error()
	}
	for _, child := range children {
		g.Children = append(g.Children, render(t, s, c, child))
	}
	return g
}

// draw calls Draw and checks what the stand-in received: nothing for an
// alarm that cannot be drawn, else the widget, in a's region.
func draw(t *testing.T, s *cwtest.Server, c *graph.Client, a *alarm.Alarm, widget []byte) string {
	t.Helper()
	before := len(s.Requests())
	img, err := c.Draw(context.Background(), a)
	reqs := s.Requests()[before:]
	if err != nil {
		checkNotDrawable(t, "Draw", err)
		if len(reqs) != 0 {
			t.Errorf("Draw of an alarm it cannot draw called CloudWatch: %+v", reqs)
		}
		return err.Error()
	}
	if len(reqs) != 1 {
		t.Fatalf("Draw made %d requests, want 1: %+v", len(reqs), reqs)
	}
	want := cwtest.Request{
		Protocol: cwtest.ProtocolCBOR, Operation: "GetMetricWidgetImage", Region: a.Region, Service: "monitoring",
		MetricWidget: string(widget), OutputFormat: "png", Status: 200,
	}
	if diff := cmp.Diff(want, reqs[0]); diff != "" {
		t.Errorf("request mismatch (-want +got):\n%s", diff)
	}
	return pngSize(t, img)
}

// checkNotDrawable fails t unless err is an *Error matching ErrNotDrawable.
func checkNotDrawable(t *testing.T, call string, err error) {
	t.Helper()
	var e *graph.Error
	if !errors.As(err, &e) || !errors.Is(err, graph.ErrNotDrawable) {
		t.Errorf("%s = %v (%T), want a *graph.Error matching ErrNotDrawable", call, err, err)
	}
}

// checkGolden compares g, as indented JSON, with the golden file, or
// writes it there with -update.
func checkGolden(t *testing.T, path string, g golden) {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("no golden file %s: run go test ./alarm/graph -update", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(want), b.String()); diff != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// checkNoStaleGoldens fails when dir holds a golden file that is not one
// of names; with -update, it removes it. describe-alarms.json is the
// stand-in's input, not a golden.
func checkNoStaleGoldens(t *testing.T, dir string, names []string) {
	t.Helper()
	goldens, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		name := strings.TrimSuffix(filepath.Base(g), ".json")
		if slices.Contains(names, name) || name == "describe-alarms" {
			continue
		}
		if *update {
			if err := os.Remove(g); err != nil {
				t.Error(err)
			}
			continue
		}
		t.Errorf("golden file %s belongs to no fixture alarm: run go test ./alarm/graph -update", g)
	}
}
