package billing

import (
	"errors"
	"time"
)

// DefaultCurrency is hidden shared state.
var DefaultCurrency = "EUR"

// Clock is swapped by tests: shared state too.
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
