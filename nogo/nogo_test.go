package nogo_test

import (
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/nogo/coupling"
	"github.com/oneway-lint/oneway/nogo/data"
	"github.com/oneway-lint/oneway/nogo/storagemodel"
	"github.com/oneway-lint/oneway/nogo/unversionedproto"
	"github.com/oneway-lint/oneway/nogo/unversionedroute"
)

// exported is what each package under nogo/ exports, by directory.
var exported = map[string]*analysis.Analyzer{
	"coupling":         coupling.Analyzer,
	"data":             data.Analyzer,
	"storagemodel":     storagemodel.Analyzer,
	"unversionedproto": unversionedproto.Analyzer,
	"unversionedroute": unversionedroute.Analyzer,
}

// TestEveryAnalyzerHasANogoPackage: the nogo packages export exactly the
// registry's default analyzers, each from a package named as the
// analyzer (nogo.json's keys are analyzer names: the two agree), so a
// nogo target that lists them all runs everything a per-package driver
// can.
func TestEveryAnalyzerHasANogoPackage(t *testing.T) {
	byAnalyzer := map[*analysis.Analyzer]string{}
	for dir, a := range exported {
		byAnalyzer[a] = dir
		if a.Name != dir {
			t.Errorf("nogo/%s exports analyzer %s: name the package as the analyzer", dir, a.Name)
		}
	}
	for _, a := range analyzers.Analyzers() {
		if _, ok := byAnalyzer[a]; !ok {
			t.Errorf("analyzer %s has no package under nogo/", a.Name)
		}
		delete(byAnalyzer, a)
	}
	for a := range byAnalyzer {
		t.Errorf("nogo exports %s, which the registry does not list", a.Name)
	}
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if _, ok := exported[e.Name()]; e.IsDir() && e.Name() != "testdata" && !ok {
			t.Errorf("nogo/%s is not checked here", filepath.Base(e.Name()))
		}
	}
}
