package routes

import (
	"go/types"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// TestMayHaveFacts runs the analyzer on every package of the routes
// fixtures and their dependencies (each framework's stand-in included)
// and checks FactPossible against what it exports: wherever a fact is
// exported, FactPossible said one could be. A new way for the analyzer
// to make a fact, with its fixture, fails here until mayHaveFacts knows
// it. And a service's client, which imports net/http and encoding/json
// to send requests, can have none.
func TestMayHaveFacts(t *testing.T) {
	if testing.Short() {
		t.Skip("type-checks the fixtures and net/http from source")
	}
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, "nethttp/...", "frameworks/...", "late/...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the fixtures do not type-check")
	}
	var mu sync.Mutex
	possible, parsed := map[string]bool{}, map[string]bool{}
	exported := map[string]int{}
	checked := *Analyzer
	checked.Run = func(pass *analysis.Pass) (any, error) {
		may := (*FuncFact)(nil).FactPossible(pass)
		imports := map[string]*types.Package{}
		for _, imp := range pass.Pkg.Imports() {
			imports[imp.Path()] = imp
		}
		parsedMay := (*FuncFact)(nil).FactPossibleParsed(&family.Parsed{
			Fset: pass.Fset, Files: pass.Files, Path: pass.Pkg.Path(), Module: pass.Module,
			Import:           func(path string) *types.Package { return imports[path] },
			ImportObjectFact: pass.ImportObjectFact,
		})
		export := pass.ExportObjectFact
		n := 0
		pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
			n++
			export(obj, f)
		}
		res, err := run(pass)
		mu.Lock()
		defer mu.Unlock()
		possible[pass.Pkg.Path()], parsed[pass.Pkg.Path()], exported[pass.Pkg.Path()] = may, parsedMay, n
		return res, err
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{&checked}, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	withFacts := 0
	for path, may := range possible {
		if may && !parsed[path] && frameworkOf(path) == "" {
			t.Errorf("%s: FactPossible said it may have a fact, FactPossibleParsed that it has none", path)
		}
	}
	for path, n := range exported {
		if n > 0 {
			withFacts++
			if !possible[path] {
				t.Errorf("%s: %d functions with a fact, but FactPossible said it has none", path, n)
			}
		}
	}
	if withFacts < 10 {
		t.Errorf("%d fixture packages with facts: the check proves little", withFacts)
	}
	for path, want := range map[string]bool{
		"nethttp/sdkclient": false, // requests sent, responses read
		"nethttp/sdkparsed": false, // the same, known before type-checking
		"nethttp/lib":       true,  // a handler and a page
		"net/http":          false, // modelled, never analysed
	} {
		if got, ok := possible[path]; !ok || got != want {
			t.Errorf("FactPossible(%s) = %v (analysed: %v), want %v", path, got, ok, want)
		}
	}
	// Before type-checking, a body decoded or an encoder's Encode cannot
	// be told a request's from a response's: the client of sdkclient
	// stays possible; sdkparsed's does not.
	for path, want := range map[string]bool{
		"nethttp/sdkclient": true,
		"nethttp/sdkparsed": false,
		"nethttp/lib":       true,
	} {
		if got := parsed[path]; got != want {
			t.Errorf("FactPossibleParsed(%s) = %v, want %v", path, got, want)
		}
	}
	// Each of these has a fact one way only, so each test of
	// mayHaveFacts is needed by one (a router named or reached through
	// another package: its alias, its registrar interface, a type
	// parameter, a slice, a function's result; a writer parameter left
	// unnamed; a generic helper with a fact; before type-checking, a
	// router named through a dot import, a path constant repeated in its
	// block and converted, a header name added up from constants).
	for _, name := range []string{"imported", "encode", "marshal", "decode", "setheader", "pair", "resultpath", "dispatch", "routeralias",
		"regtemplate", "regreturn", "reggeneric", "regslice", "proberesult", "unnamedwriter", "litwriter", "aliaswriter", "blankwriter",
		"generic/call", "generic/method", "generic/promoted", "generic/methodexpr", "regcall", "dotimport", "constrepeat", "concat"} {
		if exported["nethttp/prescan/"+name] == 0 {
			t.Errorf("nethttp/prescan/%s has no fact: it pins nothing", name)
		}
	}
}
