// Package enginetest runs analyzers over a fixture module with the
// audit's engine and hands their results to the whole-program rules
// (family.Program), as the audit does. The dependencies come from export
// data and their facts are computed only where they can be, so a test of
// a family's Global pays for its fixture, not for the standard library
// from source; TestDifferential holds the engine to the results of
// golang.org/x/tools/go/analysis/checker.
package enginetest

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/engine"
)

// Program loads the packages of the module in dir (./...), runs the
// analyzers on them and returns the whole-program view of their results:
// the file set and, sorted by path, each package with its module and the
// analyzers' results, and the import graph. Settings and Place are the
// caller's. A fixture that does not type-check, an analyzer that fails
// and a package that panics fail the test.
func Program(t testing.TB, dir string, as []*analysis.Analyzer) *family.Program {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := engine.Load(&packages.Config{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 || len(pkgs) == 0 {
		t.Fatalf("the fixture %s does not load:\n%s", dir, strings.Join(errs, "\n"))
	}
	e, err := engine.New(as, pkgs, pkgs, engine.Options{Keep: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if p := e.Panics(); len(p) > 0 {
		t.Fatalf("analyzers panicked:\n%s", strings.Join(p, "\n"))
	}
	prog, err := e.Program(pkgs, as)
	if err != nil {
		t.Fatal(err)
	}
	// The import graph of the module's packages, as the audit gives it.
	prog.Imports = map[string][]string{}
	for _, p := range pkgs {
		for path := range p.Imports {
			prog.Imports[p.PkgPath] = append(prog.Imports[p.PkgPath], path)
		}
	}
	return prog
}
