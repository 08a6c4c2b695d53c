package nogo_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/nogo/apiproto"
	"github.com/oneway-lint/oneway/nogo/apiroutes"
	"github.com/oneway-lint/oneway/nogo/apistorage"
	"github.com/oneway-lint/oneway/nogo/coupling"
	"github.com/oneway-lint/oneway/nogo/data"
)

// TestEveryAnalyzerHasANogoPackage: the nogo packages export exactly the
// registry's default analyzers, so a nogo target that lists them all runs
// everything a per-package driver can.
func TestEveryAnalyzerHasANogoPackage(t *testing.T) {
	exported := map[*analysis.Analyzer]bool{
		coupling.Analyzer: true, data.Analyzer: true,
		apiroutes.Analyzer: true, apiproto.Analyzer: true, apistorage.Analyzer: true,
	}
	for _, a := range analyzers.Analyzers() {
		if !exported[a] {
			t.Errorf("analyzer %s has no package under nogo/", a.Name)
		}
		delete(exported, a)
	}
	for a := range exported {
		t.Errorf("nogo exports %s, which the registry does not list", a.Name)
	}
}
