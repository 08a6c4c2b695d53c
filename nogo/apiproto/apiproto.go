// Package apiproto exports api.unversioned-proto for Bazel nogo.
package apiproto

import "github.com/oneway-lint/oneway/analyzers/api"

// Analyzer is api.unversioned-proto.
var Analyzer = api.ProtoAnalyzer
