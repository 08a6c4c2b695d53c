package engine

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/bench"
	"github.com/oneway-lint/oneway/internal/cache"
)

// benchPackages is the size of the generated module the analysis
// benchmarks run on: small enough for CI's -benchtime=1x, large enough
// to have every kind of package of the generator.
const benchPackages = 40

// BenchmarkAnalyze measures the analysis the audit adds to loading: the
// engine running every analyzer on a generated module (internal/bench),
// with the facts of its standard-library dependencies in the cache, as
// on any run but the first. ns/pkg is the cost per analysed package;
// the other metrics split it by analyzer (time in the analyzer's own
// Run, per package, summed over cores): route extraction is apiroutes,
// SQL extraction dataqueries, the syntax index every analyzer shares
// inspect.
func BenchmarkAnalyze(b *testing.B) {
	pkgs := loadGenerated(b)
	c, err := cache.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B) *Engine {
		e, err := New(analyzers.Analyzers(), pkgs, pkgs, Options{Cache: c, ExeKey: ExecutableKey(), Keep: true})
		if err != nil {
			b.Fatal(err)
		}
		if err := e.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
		for _, u := range e.units {
			for i, act := range u.acts {
				if act.err != nil {
					b.Fatalf("%s on %s: %v", e.analyzers[i], u.pkg, act.err)
				}
			}
		}
		return e
	}
	run(b) // computes the dependencies' facts and fills the cache
	b.Run("all", func(b *testing.B) {
		b.ReportAllocs()
		spent := map[string]time.Duration{}
		start := time.Now()
		for b.Loop() {
			for n, d := range run(b).timeSpent() {
				spent[n] += d
			}
		}
		per := float64(b.N * len(pkgs))
		b.ReportMetric(float64(time.Since(start).Nanoseconds())/per, "ns/pkg")
		for n, d := range spent {
			b.ReportMetric(float64(d.Nanoseconds())/per, "ns/pkg-"+n)
		}
	})
}

// BenchmarkPlan measures the dependency selection (scope.go): which
// dependencies each fact analyzer must run on, from the import graph and,
// for scopes with texts, the dependencies' files. ns/dep is its cost per
// dependency; needed/op how many dependencies are analysed from source.
func BenchmarkPlan(b *testing.B) {
	pkgs := loadGenerated(b)
	e, err := New(analyzers.Analyzers(), pkgs, pkgs, Options{Keep: true})
	if err != nil {
		b.Fatal(err)
	}
	deps, needed := 0, 0
	for b.Loop() {
		for _, u := range e.units {
			u.run, u.reach = nil, nil
		}
		e.plan()
	}
	for _, u := range e.units {
		if !u.initial {
			deps++
			if len(u.run) > 0 {
				needed++
			}
		}
	}
	if deps == 0 {
		b.Fatal("no dependencies")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*deps), "ns/dep")
	b.ReportMetric(float64(needed), "needed/op")
}

// loadGenerated generates the benchmarks' module and loads it as the
// audit does.
func loadGenerated(b *testing.B) []*packages.Package {
	b.Helper()
	dir := b.TempDir()
	if err := bench.Generate(dir, benchPackages); err != nil {
		b.Fatal(err)
	}
	pkgs, err := Load(&packages.Config{Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		b.Fatal("the generated module does not load")
	}
	return pkgs
}

// BenchmarkPossibleParsed measures the check asked of a dependency
// before type-checking (family.ParsedFact, deps.go): parsing its files
// and asking the fact types of the analyzers planned on it, on the
// dependencies of the depscope fixture (a generated SDK client, a
// client reading responses, a JSON helper, SQL wrappers). ns/dep is its
// cost per dependency computed; cleared/op how many of them need no
// type-checking.
func BenchmarkPossibleParsed(b *testing.B) {
	dir, err := filepath.Abs("testdata/depscope/app")
	if err != nil {
		b.Fatal(err)
	}
	pkgs, err := Load(&packages.Config{Dir: dir}, "./...")
	if err != nil {
		b.Fatal(err)
	}
	e, err := New(analyzers.Analyzers(), pkgs, pkgs, Options{Keep: true})
	if err != nil {
		b.Fatal(err)
	}
	e.prepareDeps()
	var deps []*unit
	for _, u := range e.units {
		if !u.initial && len(u.run) > 0 && u.pkg.PkgPath != "unsafe" {
			deps = append(deps, u)
		}
	}
	if len(deps) == 0 {
		b.Fatal("no dependency to compute")
	}
	cleared := 0
	for b.Loop() {
		cleared = 0
		for _, u := range deps {
			if files, errs, _ := e.parse(u.pkg, true); len(errs) == 0 && e.declaredOnly(e.possibleParsed(u, files)) {
				cleared++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(deps)), "ns/dep")
	b.ReportMetric(float64(cleared), "cleared/op")
}
