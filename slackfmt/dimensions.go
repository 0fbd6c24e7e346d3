package slackfmt

import (
	"strconv"

	"github.com/cwslack/cwslack/alarm"
)

// maxDimensions bounds the dimensions shown for one metric; the rest are
// counted as "+N more".
const maxDimensions = 4

// dimensions writes "ClusterName=prod, ServiceName=api +3 more".
func dimensions(w *writer, ds []alarm.Dimension) {
	for i := range ds[:min(len(ds), maxDimensions)] {
		if i > 0 {
			w.raw(", ")
		}
		w.put(ds[i].Name, modeMrkdwn)
		w.raw("=")
		w.put(ds[i].Value, modeMrkdwn)
	}
	if n := len(ds) - maxDimensions; n > 0 {
		w.raw(" +" + strconv.Itoa(n) + " more")
	}
}
