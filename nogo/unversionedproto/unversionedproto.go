// Package unversionedproto exports api.unversioned-proto for Bazel nogo.
package unversionedproto

import "github.com/oneway-lint/oneway/analyzers/api"

// Analyzer is api.unversioned-proto.
var Analyzer = api.ProtoAnalyzer
