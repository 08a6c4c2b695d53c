// Package coupling exports the coupling family's analyzer (forbidden and concrete dependencies, internal reach, shared globals) for Bazel nogo.
package coupling

import "github.com/oneway-lint/oneway/analyzers/coupling"

// Analyzer is the coupling family's analyzer (forbidden and concrete dependencies, internal reach, shared globals).
var Analyzer = coupling.Analyzer
