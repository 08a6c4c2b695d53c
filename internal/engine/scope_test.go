package engine

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/api"
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/coupling"
	"github.com/oneway-lint/oneway/analyzers/data"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/cache"
)

type httpFact struct{}

func (*httpFact) AFact() {}
func (*httpFact) FactScope() family.FactScope {
	return family.FactScope{Imports: []string{"net/http"}}
}

type modelFact struct{}

func (*modelFact) AFact() {}
func (*modelFact) FactScope() family.FactScope {
	return family.FactScope{Texts: []string{"TableName"}, MainModules: true}
}

type handlerFact struct{}

func (*handlerFact) AFact() {}
func (*handlerFact) FactScope() family.FactScope {
	return family.FactScope{Imports: []string{"net/http"}, NoStandardLibrary: true}
}

type anyFact struct{}

func (*anyFact) AFact() {}

// TestPlan: an analyzer runs on a dependency in its facts' scope only —
// a package that is or imports one the scope names, holds one of its
// texts or imports one that does, or belongs to a main module — with its
// requirements; an analyzer whose facts may be anywhere runs everywhere.
func TestPlan(t *testing.T) {
	req := &analysis.Analyzer{Name: "req"}
	routes := &analysis.Analyzer{Name: "routes", Requires: []*analysis.Analyzer{req}, FactTypes: []analysis.Fact{(*httpFact)(nil)}}
	models := &analysis.Analyzer{Name: "models", FactTypes: []analysis.Fact{(*modelFact)(nil)}}
	dir := t.TempDir()
	file := func(name, src string) string { return writeFile(t, filepath.Join(dir, name), src) }
	ext := &packages.Module{Path: "x.com/ext"}
	main := &packages.Module{Path: "m", Main: true}
	pkg := func(path string, mod *packages.Module, files ...string) *packages.Package {
		return &packages.Package{PkgPath: path, Module: mod, CompiledGoFiles: files}
	}
	e := &Engine{analyzers: []*analysis.Analyzer{req, routes, models}, index: map[*analysis.Analyzer]int{req: 0, routes: 1, models: 2}, depList: []int{0, 1, 2}}
	add := func(p *packages.Package, imports ...*unit) *unit {
		u := &unit{pkg: p, imports: imports}
		e.units = append(e.units, u)
		return u
	}
	strs := add(pkg("strings", nil, file("strings.go", "package strings // TableName in the standard library is not read")))
	nethttp := add(pkg("net/http", nil, file("http.go", "package http")), strs)
	web := add(pkg("x.com/ext/web", ext, file("web.go", "package web")), nethttp)
	model := add(pkg("x.com/ext/model", ext, file("model.go", "package model\nfunc (User) TableName() string")))
	user := add(pkg("x.com/ext/user", ext, file("user.go", "package user")), model)
	plain := add(pkg("x.com/ext/plain", ext, file("plain.go", "package plain")), strs)
	app := add(pkg("m/app", main, file("app.go", "package app")), strs)
	e.plan()
	for _, tt := range []struct {
		u      *unit
		want   []int
		reason string
	}{
		{strs, nil, "the standard library's strings imports nothing in scope"},
		{nethttp, []int{0, 1}, "net/http is named by the routes scope; its requirement runs first"},
		{web, []int{0, 1}, "imports net/http"},
		{model, []int{2}, "holds the text TableName"},
		{user, []int{2}, "imports a package holding it"},
		{plain, nil, "in no scope: neither parsed nor type-checked"},
		{app, []int{2}, "a main module's package is in the models scope"},
	} {
		if !reflect.DeepEqual(tt.u.run, tt.want) {
			t.Errorf("%s runs %v, want %v (%s)", tt.u.pkg.PkgPath, tt.u.run, tt.want, tt.reason)
		}
	}
	if got := e.stats.skipped.Load(); got != 2 {
		t.Errorf("%d dependencies skipped, want 2", got)
	}

	// A scope without the standard library: net/http and the standard
	// packages importing it are not analysed, and still carry the scope
	// to the packages of modules that import them.
	handlers := &analysis.Analyzer{Name: "handlers", FactTypes: []analysis.Fact{(*handlerFact)(nil)}}
	e3 := &Engine{analyzers: []*analysis.Analyzer{handlers}, index: map[*analysis.Analyzer]int{handlers: 0}, depList: []int{0}}
	h := &unit{pkg: pkg("net/http", nil, file("http3.go", "package http"))}
	pprof := &unit{pkg: pkg("net/http/pprof", nil, file("pprof.go", "package pprof")), imports: []*unit{h}}
	client := &unit{pkg: pkg("x.com/ext/client", ext, file("client.go", "package client")), imports: []*unit{pprof}}
	e3.units = []*unit{h, pprof, client}
	e3.plan()
	for _, u := range e3.units {
		want := []int(nil)
		if u == client {
			want = []int{0}
		}
		if !reflect.DeepEqual(u.run, want) {
			t.Errorf("without the standard library: %s runs %v, want %v", u.pkg.PkgPath, u.run, want)
		}
	}

	// A fact type without a scope may be anywhere.
	any := &analysis.Analyzer{Name: "any", FactTypes: []analysis.Fact{(*anyFact)(nil)}}
	e2 := &Engine{analyzers: []*analysis.Analyzer{any}, index: map[*analysis.Analyzer]int{any: 0}, depList: []int{0}}
	e2.units = []*unit{{pkg: pkg("x.com/ext/plain", ext, file("plain2.go", "package plain"))}}
	e2.plan()
	if got := e2.units[0].run; !reflect.DeepEqual(got, []int{0}) {
		t.Errorf("an unscoped fact analyzer runs %v, want [0]", got)
	}
}

// TestDependencyScope audits a module that writes orders through a
// store module's function, which imports no database library and passes
// the query on to a wrapper of database/sql in a third module: both
// dependencies are analysed from source for their wrapper facts, and the
// table reaches the inventory at the main module's call. A dependency
// that imports nothing any fact needs is neither parsed nor type-checked,
// nor is one that names TableName only in a comment. A client of another
// service, which imports net/http and encoding/json but only sends
// requests, is type-checked and then known to have no route fact: the
// routes analyzer does not run on it, but does on a helper writing JSON
// responses, whose fact gives the route it answers its kind.
func TestDependencyScope(t *testing.T) {
	t.Parallel()
	e, pkgs := runDepscope(t, nil)
	runs := map[string][]string{}
	for _, u := range e.units {
		for _, i := range u.run {
			runs[u.pkg.PkgPath] = append(runs[u.pkg.PkgPath], e.analyzers[i].Name)
		}
	}
	for _, dep := range []string{"example.com/sqlwrap", "example.com/store"} {
		if !slices.Contains(runs[dep], "dataqueries") {
			t.Errorf("%s runs %v, want dataqueries: it reaches database/sql", dep, runs[dep])
		}
	}
	for _, dep := range []string{"example.com/plain", "example.com/doc", "strings", "example.com/webclient"} {
		if len(runs[dep]) > 0 {
			t.Errorf("%s runs %v, want nothing: no fact can be in it", dep, runs[dep])
		}
	}
	if !slices.Contains(runs["example.com/webhelp"], "apiroutes") {
		t.Errorf("example.com/webhelp runs %v, want apiroutes: it writes responses", runs["example.com/webhelp"])
	}
	checked := map[string]bool{}
	for _, u := range e.units {
		checked[u.pkg.PkgPath] = u.checked
	}
	// webclient decodes a response's body, which syntax cannot tell
	// from a request's: it is type-checked to know.
	for dep, want := range map[string]bool{"example.com/webhelp": true, "example.com/webclient": true, "example.com/sdk": false} {
		if checked[dep] != want {
			t.Errorf("%s type-checked: %v, want %v", dep, checked[dep], want)
		}
	}
	if want := []string{"couplinggenerated"}; !slices.Equal(runs["example.com/sdk"], want) {
		t.Errorf("example.com/sdk runs %v, want %v: no route fact, generated types", runs["example.com/sdk"], want)
	}

	prog, err := e.Program(pkgs, analyzers.Analyzers())
	if err != nil {
		t.Fatal(err)
	}
	prog.Place = component.NewResolver(nil, []component.Module{{Path: "example.com/app"}}).Resolve
	var got []string
	for _, tb := range data.Tables(prog).Tables {
		for _, s := range tb.Sites {
			got = append(got, fmt.Sprintf("%s %s %s %s", tb.Name, s.Kind, s.Package, filepath.Base(prog.Fset.Position(s.Pos).Filename)))
		}
	}
	if want := []string{"orders write example.com/app app.go"}; !slices.Equal(got, want) {
		t.Errorf("tables' sites: %q, want %q", got, want)
	}
	var routes []string
	for _, r := range api.Inventory(prog).Routes {
		routes = append(routes, r.Method+" "+r.Path+" "+r.Kind)
	}
	if want := []string{"GET /status api"}; !slices.Equal(routes, want) {
		t.Errorf("routes %q, want %q (the kind from webhelp's fact)", routes, want)
	}
}

// TestHeldTextsCached: what the scan of texts found in dependencies whose
// files cannot change (a module version) is kept and reused by the next
// audit of the same dependencies; a dependency of another version, or
// other lists, are scanned again.
func TestHeldTextsCached(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{cache: c}
	mod := t.TempDir()
	dep := func(name, version, src string) *fileTexts {
		dir := filepath.Join(mod, "example.com", name+"@"+version)
		file := writeFile(t, filepath.Join(dir, name+".go"), src)
		p := &packages.Package{ID: "example.com/" + name, PkgPath: "example.com/" + name, CompiledGoFiles: []string{file},
			Module: &packages.Module{Path: "example.com/" + name, Version: version, Dir: dir}}
		return &fileTexts{p: p, held: map[string]bool{}}
	}
	lists := [][]string{{"TableName"}, {"gorm:"}}
	scan := func(deps ...*fileTexts) []string {
		t.Helper()
		for _, f := range deps {
			f.lists, f.held, f.cached = lists, map[string]bool{}, false
		}
		e.scanTexts(deps, lists)
		var out []string
		for _, f := range deps {
			how := "read "
			if f.cached {
				how = "cached "
			}
			out = append(out, how+f.mask())
		}
		return out
	}
	a := dep("a", "v1.0.0", "package a\nfunc (T) TableName() string { return \"t\" }\n")
	b := dep("b", "v1.0.0", "package b\n")
	if got, want := scan(a, b), []string{"read 10", "read 00"}; !slices.Equal(got, want) {
		t.Fatalf("first scan: %q, want %q", got, want)
	}
	if got, want := scan(a, b), []string{"cached 10", "cached 00"}; !slices.Equal(got, want) {
		t.Errorf("same dependencies: %q, want %q", got, want)
	}
	b2 := dep("b", "v1.1.0", "package b\ntype M struct{ N int `gorm:\"n\"` }\n")
	if got, want := scan(a, b2), []string{"read 10", "read 01"}; !slices.Equal(got, want) {
		t.Errorf("another version of b: %q, want %q", got, want)
	}
	lists = [][]string{{"TableName"}}
	if got, want := scan(a, b), []string{"read 1", "read 0"}; !slices.Equal(got, want) {
		t.Errorf("other lists: %q, want %q", got, want)
	}
}

// TestUnreadableExportData: export data that cannot be read when a
// dependency's facts are computed (a file gone from the go command's
// cache) is reported, so that the caller knows the facts are incomplete.
func TestUnreadableExportData(t *testing.T) {
	t.Parallel()
	// sqlwrap is loaded only as far as store's export data mentions it;
	// computing store's facts needs all of it.
	gone := filepath.Join(t.TempDir(), "gone")
	e, _ := runDepscope(t, func(pkgs []*packages.Package) {
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			if p.PkgPath == "example.com/sqlwrap" {
				p.ExportFile = gone
			}
		})
	})
	got := e.Unreadable()
	if len(got) != 1 || !strings.HasPrefix(got[0], "example.com/sqlwrap: ") || !strings.Contains(got[0], "gone") {
		t.Errorf("unreadable export data %q, want example.com/sqlwrap's", got)
	}
}

// runDepscope loads testdata/depscope/app, lets edit change what was
// loaded (if not nil), and runs every oneway analyzer on it with no cache,
// keeping syntax and types.
func runDepscope(t *testing.T, edit func([]*packages.Package)) (*Engine, []*packages.Package) {
	t.Helper()
	return runDepscopeWith(t, edit, Options{Keep: true})
}

func runDepscopeWith(t *testing.T, edit func([]*packages.Package), opts Options) (*Engine, []*packages.Package) {
	t.Helper()
	dir, err := filepath.Abs("testdata/depscope/app")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := loadClean(t, dir, []string{"./..."}, Load)
	if edit != nil {
		edit(pkgs)
	}
	e, err := New(analyzers.Analyzers(), pkgs, pkgs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	return e, pkgs
}

// TestDeclaredFacts: a dependency left, once parsed, with only an
// analyzer whose facts its declarations give (the generated types') is
// not type-checked, and has the facts analysing it would give: on its
// exported types, constants and variables declared in generated files,
// the variables' seen by their own package only (visibleThrough). The
// cache keeps them so.
func TestDeclaredFacts(t *testing.T) {
	t.Parallel()
	e, c, units := runDepscopeCached(t)
	sdk := units["example.com/sdk"]
	if sdk == nil {
		t.Fatal("example.com/sdk is not a dependency")
	}
	if sdk.checked || !sdk.hasKey {
		t.Fatalf("example.com/sdk: type-checked %v, with a key %v; want not type-checked, with a key", sdk.checked, sdk.hasKey)
	}
	var got []string
	for k := range sdk.facts.obj {
		got = append(got, k.obj.Name()+" "+k.typ.String())
	}
	slices.Sort(got)
	want := []string{
		"DefaultEndpoint *coupling.GeneratedFact",
		"Thing *coupling.GeneratedFact",
		"Version *coupling.GeneratedFact",
	}
	if !slices.Equal(got, want) {
		t.Errorf("facts of example.com/sdk: %q, want %q", got, want)
	}
	got = cachedObjects(t, e, c, sdk)
	if want := []string{"DefaultEndpoint false", "Thing true", "Version true"}; !slices.Equal(got, want) {
		t.Errorf("cached facts of example.com/sdk: %q, want %q", got, want)
	}
}

// runDepscopeCached runs the depscope fixture with a cache of its own,
// and returns its units by import path.
func runDepscopeCached(t *testing.T) (*Engine, *cache.Cache, map[string]*unit) {
	t.Helper()
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e, _ := runDepscopeWith(t, nil, Options{Keep: true, Cache: c})
	units := map[string]*unit{}
	for _, u := range e.units {
		units[u.pkg.PkgPath] = u
	}
	return e, c, units
}

// cachedObjects returns the object facts cached for u, each as its
// object path and whether it is seen through the package's importers
// (visibleThrough).
func cachedObjects(t *testing.T, e *Engine, c *cache.Cache, u *unit) []string {
	t.Helper()
	data, ok := c.Get(depsKind, u.key)
	if !ok {
		t.Fatalf("%s's facts are not cached", u.pkg.PkgPath)
	}
	entry, err := decodeEntry(data, e.factTypes())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, of := range entry.Objects {
		out = append(out, fmt.Sprintf("%s %v", of.Path, of.Through))
	}
	return out
}

// TestDeclaredFromTokens: a dependency whose analyzers all give declared
// facts from the start (generated code out of every other analyzer's
// scope) is not parsed: its facts are those the analyzer declares on its
// parsed files — exported types, constants and variables of its
// generated files and mocks, none of a hand-written file, none declared
// in a function — read off its files' tokens (skeleton), cached with
// the variables' seen by their own package only (visibleThrough); its
// skeletons leave the file set.
func TestDeclaredFromTokens(t *testing.T) {
	t.Parallel()
	e, c, units := runDepscopeCached(t)
	enums, sdk := units["example.com/sdk/enums"], units["example.com/sdk"]
	if enums == nil || sdk == nil {
		t.Fatal("example.com/sdk/enums or example.com/sdk is not a dependency")
	}
	if !enums.skeletal || enums.checked {
		t.Errorf("example.com/sdk/enums: declared from tokens %v, type-checked %v; want from tokens, not type-checked", enums.skeletal, enums.checked)
	}
	if sdk.skeletal {
		t.Error("example.com/sdk declared from tokens: its route facts need it parsed")
	}
	var got []string
	for k := range enums.facts.obj {
		got = append(got, k.obj.Name()+" "+k.typ.String())
	}
	slices.Sort(got)
	// What the analyzer declares on the parsed files.
	fset := token.NewFileSet()
	var files []*ast.File
	for _, name := range enums.pkg.CompiledGoFiles {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	var want []string
	for _, d := range (*coupling.GeneratedFact)(nil).FactsDeclared(fset, files) {
		want = append(want, d.Name.Name+" "+reflect.TypeOf(d.Fact).String())
	}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("facts of example.com/sdk/enums: %q, want %q (as declared on its parse)", got, want)
	}
	if len(want) != 7 {
		t.Errorf("the fixture declares %d facts, want 7: %q", len(want), want)
	}
	if e.stats.unparsed.Load() == 0 || e.stats.unparsed.Load() > e.stats.unchecked.Load() {
		t.Errorf("%d dependencies counted not parsed, %d not type-checked", e.stats.unparsed.Load(), e.stats.unchecked.Load())
	}
	through := cachedObjects(t, e, c, enums)
	if want := []string{"Code true", "Color true", "Green true", "MockStore true", "Names false", "Pair true", "Red true"}; !slices.Equal(through, want) {
		t.Errorf("cached facts of example.com/sdk/enums: %q, want %q", through, want)
	}
	// Reading the export data the matched package imports adds a file of
	// the name of those declaring what it names (the mock's); a skeleton
	// left behind would be a second.
	names := map[string]int{}
	e.fset.Iterate(func(f *token.File) bool {
		names[f.Name()]++
		return true
	})
	for _, name := range enums.pkg.CompiledGoFiles {
		if names[name] > 1 {
			t.Errorf("%s is %d times in the file set", name, names[name])
		}
	}
}
