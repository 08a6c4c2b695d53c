package billing

import (
	"embed"
	"errors"
	"time"
)

// DefaultCurrency is build information: package main sets it to a
// constant or to its own (-ldflags -X) variable; read like a constant.
var DefaultCurrency = "EUR"

// Region is a setting package main chooses at run time: shared state.
var Region = "eu"

// Debug is set in init only: read like a constant.
var Debug bool

func init() { Debug = true }

// Requests is counted by billing at run time: reads elsewhere see shared
// state.
var Requests int

// Handle counts a request.
func Handle() { Requests++ }

// Assets is read-only.
var Assets embed.FS

// Clock is written by nobody (tests do not count): the audit, which sees
// every package, does not report its reads; go vet cannot see the writes
// of other packages and reports reads of a variable not of basic type.
var Clock = time.Now

// Limits is a mutable struct value.
var Limits struct{ Max int }

// Counter is incremented by others.
var Counter int

// ErrUnknown is a sentinel error: reads are fine.
var ErrUnknown = errors.New("unknown")

// Version is a constant, never state.
const Version = "1"

var internalState int

func touch() { internalState++ }
