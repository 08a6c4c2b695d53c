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
// gives, and are used.
func TestScanTexts(t *testing.T) {
	dir, err := filepath.Abs("testdata/depscope/app")
	if err != nil {
		t.Fatal(err)
	}
	as := analyzers.Analyzers()
	var scan *TextScan
	pkgs, err := LoadWith(&packages.Config{Dir: dir}, LoadOptions{Listed: func(matched, all []*packages.Package) {
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
	plan := func(texts *TextScan) map[string][2]any {
		e, err := New(as, pkgs, pkgs, Options{Texts: texts})
		if err != nil {
			t.Fatal(err)
		}
		e.lookUp()
		if texts != nil && e.stats.textsAhead.Load() == 0 {
			t.Error("no dependency's texts taken from the scan")
		}
		out := map[string][2]any{}
		for _, u := range e.units {
			out[u.pkg.ID] = [2]any{u.run, u.reach}
		}
		return out
	}
	if got, want := plan(scan), plan(nil); !reflect.DeepEqual(got, want) {
		for id := range want {
			if !reflect.DeepEqual(got[id], want[id]) {
				t.Errorf("%s: planned %v with the scan, %v without", id, got[id], want[id])
			}
		}
	}
}
