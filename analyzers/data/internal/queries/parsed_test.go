package queries_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/data/internal/queries"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// TestPossibleParsed runs the analyzer on every package of its fixtures
// and their dependencies (the libraries' stand-ins included) and checks
// the pre-check a driver asks before type-checking: wherever a fact is
// exported, FactPossibleParsed said one could be. A new way for the
// analyzer to make a fact, with its fixture, fails here until
// possibleParsed knows it. An identifier type implementing
// driver.Valuer can have none.
func TestPossibleParsed(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the fixtures from source")
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "src"))
	if err != nil {
		t.Fatal(err)
	}
	var patterns []string
	for _, e := range entries {
		if e.IsDir() {
			patterns = append(patterns, e.Name()+"/...")
		}
	}
	facts := fixturetest.Facts(t, dir, queries.Analyzer, patterns...)
	fixturetest.CheckParsed(t, facts, 10)
	if p, ok := facts["valuer"]; !ok || p.Parsed {
		t.Errorf("valuer: %+v (analysed: %v), want no fact possible before type-checking", p, ok)
	}
}
