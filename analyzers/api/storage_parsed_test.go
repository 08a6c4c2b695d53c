package api_test

import (
	"path/filepath"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/api"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// TestTablesPossibleParsed runs the storage analyzer on every package of
// its fixtures and their dependencies and checks the pre-check a driver
// asks before type-checking: wherever a TablesFact is exported,
// FactPossibleParsed said one could be. An identifier type implementing
// driver.Valuer can have none.
func TestTablesPossibleParsed(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the fixtures from source")
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	facts := fixturetest.Facts(t, dir, api.StorageAnalyzer, "storage/...")
	fixturetest.CheckParsed(t, facts, 3)
	if p, ok := facts["storage/valuer"]; !ok || p.Parsed {
		t.Errorf("storage/valuer: %+v (analysed: %v), want no fact possible before type-checking", p, ok)
	}
}
