// Package ucg imports a cgo package of its module and one of the
// standard library (net).
package ucg

import (
	"net"

	"example.com/load/cg"
)

// Four is cg's twice two.
var Four = cg.Twice(2)

// Addr parses an address.
func Addr(s string) (*net.TCPAddr, error) { return net.ResolveTCPAddr("tcp", s+cg.Name) }
