package nogo_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
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

// TestReadmeNogoJSON: the README's nogo.json is valid JSON whose keys are
// the nogo packages' analyzers and whose analyzer_flags are their flags.
func TestReadmeNogoJSON(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "A full `nogo.json`:\n\n```json\n")
	block, _, closed := strings.Cut(rest, "```")
	if !ok || !closed {
		t.Fatal("the README has no nogo.json example after \"A full `nogo.json`:\"")
	}
	var cfg map[string]struct {
		AnalyzerFlags map[string]string `json:"analyzer_flags"`
		OnlyFiles     map[string]string `json:"only_files"`
		ExcludeFiles  map[string]string `json:"exclude_files"`
	}
	dec := json.NewDecoder(strings.NewReader(block))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		t.Fatalf("the README's nogo.json: %v", err)
	}
	if len(cfg) != len(exported) {
		t.Errorf("the README's nogo.json configures %d analyzers, nogo/ has %d", len(cfg), len(exported))
	}
	for name, c := range cfg {
		a, ok := exported[name]
		if !ok {
			t.Errorf("the README's nogo.json configures %q, which no nogo package exports", name)
			continue
		}
		for flag, value := range c.AnalyzerFlags {
			if a.Flags.Lookup(flag) == nil {
				t.Errorf("the README's nogo.json sets %s's flag %q, which it does not have", name, flag)
			} else if err := a.Flags.Set(flag, value); err != nil {
				t.Errorf("the README's nogo.json sets %s's flag %s=%q: %v", name, flag, value, err)
			}
		}
	}
}
