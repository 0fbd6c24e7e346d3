package main

import (
	"net"
	"testing"
)

// netListen listens on a free loopback port.
func netListen(t *testing.T) (net.Listener, error) {
	t.Helper()
	return net.Listen("tcp", "127.0.0.1:0")
}
