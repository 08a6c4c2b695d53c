// Package data exports the data family's analyzer (select *, unbounded mutations, schema in code, catch-all and wide tables) for Bazel nogo.
package data

import "github.com/oneway-lint/oneway/analyzers/data"

// Analyzer is the data family's analyzer (select *, unbounded mutations, schema in code, catch-all and wide tables).
var Analyzer = data.Analyzer
