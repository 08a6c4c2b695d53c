package a

import "example.org/y/b"

// U uses b.T, but without a module (GOPATH mode, no -modules) the extent
// of the module is unknown: no components, nothing reported.
type U struct{ t b.T }
