// Package unversionedroute exports api.unversioned-route for Bazel nogo.
package unversionedroute

import "github.com/oneway-lint/oneway/analyzers/api"

// Analyzer is api.unversioned-route.
var Analyzer = api.Analyzer
