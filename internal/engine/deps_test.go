package engine

import (
	"go/types"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestFactsKeyNamesNoDirectory: the facts of a module version name no
// directory, so neither does their key: a module cache elsewhere (another
// machine, GOMODCACHE moved) uses the same entries.
func TestFactsKeyNamesNoDirectory(t *testing.T) {
	pkg := func(modcache string) *packages.Package {
		dir := filepath.Join(modcache, "example.com", "lib@v1.2.3")
		return &packages.Package{
			PkgPath:         "example.com/lib",
			CompiledGoFiles: []string{filepath.Join(dir, "lib.go")},
			Module:          &packages.Module{Path: "example.com/lib", Version: "v1.2.3", Dir: dir},
		}
	}
	a, okA := immutableIdentity(pkg("/old/mod"), new(goroots))
	b, okB := immutableIdentity(pkg("/new/mod"), new(goroots))
	if !okA || !okB {
		t.Fatalf("a module version in the module cache has no immutable identity: %v %v", okA, okB)
	}
	if a != b || strings.Contains(a, "/old/mod") {
		t.Errorf("the same module version in two module caches has identities %q and %q: one would not use the other's facts", a, b)
	}
}

// TestClosureView: a package's view maps the import path of it and of
// every package below it with types to those types, and nothing else:
// on a graph with diamonds, one through a package without types above
// one with, and a package above the one asked (table), and on every package of the depscope fixture's listing,
// against packages.Visit's walk.
func TestClosureView(t *testing.T) {
	t.Parallel()
	mk := func(path string, typed bool, imports ...*packages.Package) *packages.Package {
		p := &packages.Package{PkgPath: path, Imports: map[string]*packages.Package{}}
		if typed {
			p.Types = types.NewPackage(path, filepath.Base(path))
		}
		for _, imp := range imports {
			p.Imports[imp.PkgPath] = imp
		}
		return p
	}
	d, e := mk("d", true), mk("e", true)
	untyped := mk("u", false, e)
	b := mk("b", true, d, untyped)
	c := mk("c", true, untyped, d)
	a := mk("a", true, b, c)
	_ = mk("above", true, a)
	got := closureView(a)
	want := map[string]*types.Package{"a": a.Types, "b": b.Types, "c": c.Types, "d": d.Types, "e": e.Types}
	if !maps.Equal(got, want) {
		t.Errorf("closureView(a) = %v, want %v", got, want)
	}

	dir, err := filepath.Abs("testdata/depscope/app")
	if err != nil {
		t.Fatal(err)
	}
	roots, err := packages.Load(&packages.Config{Dir: dir, Mode: packages.LoadImports | packages.NeedTypes}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	packages.Visit(roots, nil, func(p *packages.Package) {
		n++
		ref := map[string]*types.Package{}
		packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
			if _, ok := ref[q.PkgPath]; ok {
				return false
			}
			if q.Types != nil {
				ref[q.PkgPath] = q.Types
			}
			return true
		}, nil)
		if got := closureView(p); !maps.Equal(got, ref) {
			t.Errorf("closureView(%s): %d packages, packages.Visit's walk %d", p.PkgPath, len(got), len(ref))
		}
	})
	if n < 20 {
		t.Errorf("%d packages listed, want the fixture's and the standard library's", n)
	}
}
