// Package apistorage exports api.storage-model-exposed for Bazel nogo.
package apistorage

import "github.com/oneway-lint/oneway/analyzers/api"

// Analyzer is api.storage-model-exposed.
var Analyzer = api.StorageAnalyzer
