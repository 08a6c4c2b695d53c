// Package storagemodel exports api.storage-model-exposed for Bazel nogo.
package storagemodel

import "github.com/oneway-lint/oneway/analyzers/api"

// Analyzer is api.storage-model-exposed.
var Analyzer = api.StorageAnalyzer
