package engine

import (
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
)

// TestScanTexts: the dependencies' texts read while the packages load
// (ScanTexts, from LoadOptions.Listed) give the plan reading them then
// gives, and are used; so does a scan stopped before it read them all.
func TestScanTexts(t *testing.T) {
	dir, err := filepath.Abs("testdata/depscope/app")
	if err != nil {
		t.Fatal(err)
	}
	as := analyzers.Analyzers()
	var scan *TextScan
	var listedMatched, listedAll []*packages.Package
	pkgs, err := LoadWith(&packages.Config{Dir: dir}, LoadOptions{Listed: func(matched, all []*packages.Package) {
		listedMatched, listedAll = matched, all
		scan = ScanTexts(as, matched, all)
	}}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if scan == nil {
		t.Fatal("no scan: the analyzers' scopes name no text")
	}
	scan.wg.Wait() // all read, for the test to see them used
	generated := false
	for id, st := range scan.found {
		if st.held["Code generated"] {
			generated = true
			t.Logf("%s holds Code generated", id)
		}
	}
	if !generated {
		t.Fatal("the scan found no generated file: sdk has one")
	}
	plan := func(texts *TextScan, used bool) map[string][2]any {
		e, err := New(as, pkgs, pkgs, Options{Texts: texts})
		if err != nil {
			t.Fatal(err)
		}
		e.lookUp()
		if used && e.stats.textsAhead.Load() == 0 {
			t.Error("no dependency's texts taken from the scan")
		}
		out := map[string][2]any{}
		for _, u := range e.units {
			out[u.pkg.ID] = [2]any{u.run, u.reach}
		}
		return out
	}
	// A scan stopped at once leaves the engine to read the rest.
	stopped := ScanTexts(as, listedMatched, listedAll)
	stopped.Stop()
	want := plan(nil, false)
	for name, got := range map[string]map[string][2]any{"the scan": plan(scan, true), "a scan stopped at once": plan(stopped, false)} {
		for id := range want {
			if !reflect.DeepEqual(got[id], want[id]) {
				t.Errorf("%s: planned %v with %s, %v without", id, got[id], name, want[id])
			}
		}
	}
}
