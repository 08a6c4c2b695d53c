package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/cache"
)

// TestDifferential: the engine gives what golang.org/x/tools/go/analysis/
// checker gives — the same diagnostics, findings, facts and failures on
// the analysed packages — whether the dependencies' facts are computed
// (an empty cache) or read from the cache, with every oneway analyzer and
// a probe of the facts' visibility rules (AllObjectFacts, AllPackageFacts,
// facts passed on through packages that do not use them).
func TestDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses modules with net/http and database/sql from source twice")
	}
	as := append(analyzers.Analyzers(), probe)
	for _, tt := range []struct {
		name, dir string
		patterns  []string
		minFacts  int // facts on the analysed packages: the test must see some
		// early: the dependencies' facts are computed before the matched
		// packages are type-checked (Early): not when none must be
		// (chain's dependencies are the standard library's), nor when
		// those to compute are few beside the matched packages (demo).
		early bool
	}{
		{"chain", "testdata/facts", []string{"./..."}, 20, false},
		{"chain-top", "testdata/facts", []string{"./d"}, 2, true}, // a, b and c are dependencies
		{"depfacts", "../audit/testdata/depfacts", []string{"./app"}, 2, true},
		// a and d matched; y (importing a) and x (importing y) loaded from
		// source after a, z before.
		{"between", "testdata/between", []string{"./a", "./d"}, 2, true},
		{"demo", "../../testdata/demo", []string{"./..."}, 20, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			want := checkerOutcome(t, as, tt.dir, tt.patterns)
			c, err := cache.Open(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			for _, run := range []string{"facts computed", "facts from the cache"} {
				got := engineOutcome(t, as, tt.dir, tt.patterns, c)
				if !reflect.DeepEqual(got, want) {
					for _, d := range diffLines(got, want) {
						t.Error(run + ": " + d)
					}
				}
			}
			got := engineOutcomeEarly(t, as, tt.dir, tt.patterns, tt.early)
			if !reflect.DeepEqual(got, want) {
				for _, d := range diffLines(got, want) {
					t.Error("facts computed before type-checking the matched packages: " + d)
				}
			}
			facts := 0
			for _, l := range want {
				if strings.Contains(l, " fact ") {
					facts++
				}
			}
			if facts < tt.minFacts {
				t.Errorf("%d facts on the analysed packages, want at least %d: the comparison checks too little", facts, tt.minFacts)
			}
		})
	}
}

// checkerGraph runs as with the checker on the packages of dir that
// patterns match, every dependency loaded from source; it returns the
// checker's graph and the matched packages.
func checkerGraph(t *testing.T, as []*analysis.Analyzer, dir string, patterns []string) (*checker.Graph, []*packages.Package) {
	t.Helper()
	pkgs := loadClean(t, dir, patterns, func(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
		cfg.Mode = packages.LoadAllSyntax | packages.NeedModule
		return packages.Load(cfg, patterns...)
	})
	g, err := checker.Analyze(as, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	return g, pkgs
}

// checkerOutcome runs as with the checker on the packages of dir that
// patterns match, every dependency loaded from source.
func checkerOutcome(t *testing.T, as []*analysis.Analyzer, dir string, patterns []string) []string {
	t.Helper()
	g, pkgs := checkerGraph(t, as, dir, patterns)
	var out []string
	for _, act := range g.Roots {
		p := act.Package
		out = append(out, outcome(dir, p.Fset, p.PkgPath, act.Analyzer, act.Result, act.Err, act.Diagnostics)...)
	}
	analysed := map[*packages.Package]bool{}
	for _, p := range pkgs {
		analysed[p] = true
	}
	for act := range g.All() { // the facts of every analyzer, requirements' too
		p := act.Package
		if !analysed[p] || act.Err != nil {
			continue
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == p.Types && owns(act.Analyzer, f.Fact) {
				out = append(out, objectFact(dir, p.Fset, f))
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == p.Types && owns(act.Analyzer, f.Fact) {
				out = append(out, packageFact(f))
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// engineOutcome is checkerOutcome with the engine, dependencies from
// export data.
func engineOutcome(t *testing.T, as []*analysis.Analyzer, dir string, patterns []string, c *cache.Cache) []string {
	t.Helper()
	pkgs := loadClean(t, dir, patterns, Load)
	e, err := New(as, pkgs, pkgs, Options{Cache: c, ExeKey: []byte("test")})
	if err != nil {
		t.Fatal(err)
	}
	return outcomeOf(t, e, as, dir, pkgs)
}

// outcomeOf runs e and returns the outcome of as on pkgs, as
// checkerOutcome does.
func outcomeOf(t *testing.T, e *Engine, as []*analysis.Analyzer, dir string, pkgs []*packages.Package) []string {
	t.Helper()
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range pkgs {
		for _, a := range as {
			res, err := e.Outcome(p, a)
			out = append(out, outcome(dir, p.Fset, p.PkgPath, a, res, err, e.Diagnostics(p, a))...)
		}
		for _, f := range e.ObjectFacts(p) {
			out = append(out, objectFact(dir, p.Fset, f))
		}
		for _, f := range e.PackageFacts(p) {
			out = append(out, packageFact(f))
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// engineOutcomeEarly is engineOutcome with an empty cache and the
// engine made while the packages load, for the dependencies' facts to be
// computed before the matched packages are type-checked (Early); then
// restricted to the matched packages. It fails unless Early had work
// exactly when early.
func engineOutcomeEarly(t *testing.T, as []*analysis.Analyzer, dir string, patterns []string, early bool) []string {
	t.Helper()
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e, pkgs, worked := loadEarly(t, as, dir, patterns, c, nil)
	if worked != early {
		t.Fatalf("dependencies' facts computed before the matched packages were type-checked: %v, want %v", worked, early)
	}
	return outcomeOf(t, e, as, dir, pkgs)
}

// loadEarly loads patterns in dir with an engine made while they load
// (cache c), Early's work done before the loader reads any export data,
// and the engine restricted to the matched packages; edit, if set, is
// given every package first. It reports whether Early worked, and
// fails the test if the work read the loader's types or left anything
// of its own in them or in the file set.
func loadEarly(t *testing.T, as []*analysis.Analyzer, dir string, patterns []string, c *cache.Cache, edit func(*packages.Package)) (*Engine, []*packages.Package, bool) {
	t.Helper()
	var e *Engine
	worked := false
	pkgs, err := LoadWith(&packages.Config{Dir: dir}, LoadOptions{BeforeSource: func(matched []*packages.Package) func() error {
		if edit != nil {
			packages.Visit(matched, nil, edit)
		}
		var err error
		if e, err = New(as, matched, matched, Options{Cache: c, ExeKey: []byte("test")}); err != nil {
			t.Fatal(err)
		}
		work := e.Early(context.Background())
		if work == nil {
			return nil
		}
		return func() error {
			for _, p := range matched {
				if p.Types.Complete() || p.TypesInfo != nil {
					t.Errorf("%s type-checked before the dependencies' facts", p.PkgPath)
				}
			}
			// No export data read yet, and none read into the
			// loader's types by the work, which leaves nothing of
			// its own types behind in the file set.
			before := map[*packages.Package]*types.Package{}
			packages.Visit(matched, nil, func(p *packages.Package) {
				before[p] = p.Types
				if p.PkgPath != "unsafe" && p.Types.Scope().Len() > 0 {
					t.Errorf("%s: export data read before the dependencies' facts", p.PkgPath)
				}
			})
			worked = true
			err := work()
			for p, tp := range before {
				if p.Types != tp || p.PkgPath != "unsafe" && p.Types.Scope().Len() > 0 {
					t.Errorf("%s: the loader's types changed by the work on the dependencies", p.PkgPath)
				}
			}
			matched[0].Fset.Iterate(func(f *token.File) bool {
				if fi, err := os.Stat(f.Name()); err == nil && int64(f.Size()) != fi.Size() {
					t.Errorf("%s in the file set is no parse of the file (%d bytes, not %d): left by reading export data", f.Name(), f.Size(), fi.Size())
				}
				return true
			})
			return err
		}
	}}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if edit == nil && packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s does not load", dir)
	}
	// A file parsed again (the matched packages' files parsed ahead, see
	// loader.dropParsed) is the only parse of its name in the file set
	// (export data adds files of its own, not the file's size).
	names := map[string]int{}
	pkgs[0].Fset.Iterate(func(f *token.File) bool {
		if fi, err := os.Stat(f.Name()); err != nil || int64(f.Size()) != fi.Size() {
			return true
		}
		if names[f.Name()]++; names[f.Name()] == 2 {
			t.Errorf("%s is parsed in the file set twice", f.Name())
		}
		return true
	})
	if err := e.Restrict(pkgs); err != nil {
		t.Fatal(err)
	}
	return e, pkgs, worked
}

// loadClean loads patterns in dir with load; the packages must have no
// errors.
func loadClean(t *testing.T, dir string, patterns []string, load func(*packages.Config, ...string) ([]*packages.Package, error)) []*packages.Package {
	t.Helper()
	pkgs, err := load(&packages.Config{Dir: dir}, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatalf("%s does not load", dir)
	}
	return pkgs
}

// outcome renders what a gave on a package: its error, or its
// diagnostics and the findings of its result, one line each, positions
// relative to dir.
func outcome(dir string, fset *token.FileSet, pkg string, a *analysis.Analyzer, res any, err error, diags []analysis.Diagnostic) []string {
	at := func(p token.Pos) string { return position(dir, fset, p) }
	if err != nil {
		return []string{fmt.Sprintf("%s %s error %v", pkg, a.Name, err)}
	}
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%s %s diagnostic %s: %s", pkg, a.Name, at(d.Pos), d.Message))
	}
	if src, ok := res.(finding.Source); ok {
		for _, f := range src.Findings() {
			line := fmt.Sprintf("%s %s finding %s %s: %s [%s]", pkg, a.Name, f.Rule, at(f.Pos), f.Message, f.Subject)
			for _, r := range f.Related {
				line += fmt.Sprintf("; %s: %s", at(r.Pos), r.Message)
			}
			out = append(out, line)
		}
	}
	return out
}

func objectFact(dir string, fset *token.FileSet, f analysis.ObjectFact) string {
	obj := types.ObjectString(f.Object, (*types.Package).Name)
	return fmt.Sprintf("%s fact %s at %s: %T %s", f.Object.Pkg().Path(), obj, position(dir, fset, f.Object.Pos()), f.Fact, asJSON(f.Fact))
}

func packageFact(f analysis.PackageFact) string {
	return fmt.Sprintf("%s fact %T %s", f.Package.Path(), f.Fact, asJSON(f.Fact))
}

func asJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error()
	}
	return string(b)
}

// owns reports whether f is of one of a's fact types: the checker gives
// every analyzer's action the facts of all.
func owns(a *analysis.Analyzer, f analysis.Fact) bool {
	for _, ft := range a.FactTypes {
		if reflect.TypeOf(ft) == reflect.TypeOf(f) {
			return true
		}
	}
	return false
}

func position(dir string, fset *token.FileSet, p token.Pos) string {
	if !p.IsValid() {
		return "-"
	}
	pos := fset.Position(p)
	abs, _ := filepath.Abs(dir)
	if rel, err := filepath.Rel(abs, pos.Filename); err == nil && filepath.IsLocal(rel) {
		pos.Filename = filepath.ToSlash(rel)
	} else {
		pos.Filename = filepath.Base(pos.Filename) // the standard library's
	}
	return pos.String()
}

// diffLines lists the lines one side has and the other has not.
func diffLines(got, want []string) []string {
	var out []string
	for _, l := range got {
		if !slices.Contains(want, l) {
			out = append(out, "engine only: "+l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			out = append(out, "checker only: "+l)
		}
	}
	return out
}

// probe exports facts on every kind of object and on every package, and
// reports which facts of other packages it sees (AllObjectFacts,
// AllPackageFacts, ImportObjectFact at each use): the rules by which
// facts pass from package to package show in its diagnostics.
var probe = &analysis.Analyzer{
	Name:      "factprobe",
	Doc:       "reports the facts each package sees",
	FactTypes: []analysis.Fact{new(probeFact), new(probePackageFact)},
	Run:       runProbe,
}

type probeFact struct {
	Name string
	Seen int // how many facts of other packages the package saw
}

func (*probeFact) AFact() {}

// FactScope: the probe is about the fixtures' own packages; the
// standard library below them would only make the test slow.
func (*probeFact) FactScope() family.FactScope { return family.FactScope{MainModules: true} }

type probePackageFact struct {
	Below []string // the packages below with package facts
}

func (*probePackageFact) AFact() {}

func (*probePackageFact) FactScope() family.FactScope { return family.FactScope{MainModules: true} }

func runProbe(pass *analysis.Pass) (any, error) {
	if len(pass.Files) == 0 || pass.Module == nil || pass.Module.Path == "" || strings.HasPrefix(pass.Pkg.Path(), "vendor/") || !strings.Contains(pass.Pkg.Path(), ".") {
		return nil, nil // the standard library (see probeFact.FactScope)
	}
	at := pass.Files[0].Package
	var seen, below []string
	for _, f := range pass.AllObjectFacts() {
		if f.Object.Pkg() != pass.Pkg {
			seen = append(seen, f.Object.Pkg().Path()+"."+f.Object.Name())
		}
	}
	for _, f := range pass.AllPackageFacts() {
		if f.Package != pass.Pkg {
			below = append(below, f.Package.Path())
		}
	}
	slices.Sort(seen)
	slices.Sort(below)
	pass.Reportf(at, "sees object facts of %s", strings.Join(seen, " "))
	pass.Reportf(at, "sees package facts of %s", strings.Join(below, " "))
	pass.ExportPackageFact(&probePackageFact{Below: below})

	export := func(obj types.Object) {
		if obj.Pkg() != pass.Pkg {
			return // a field or method of another package's type, through an alias or embedding
		}
		pass.ExportObjectFact(obj, &probeFact{Name: obj.Name(), Seen: len(seen)})
	}
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		export(obj)
		if tn, ok := obj.(*types.TypeName); ok {
			if st, ok := tn.Type().Underlying().(*types.Struct); ok {
				for f := range st.Fields() {
					export(f)
				}
			}
			if named, ok := tn.Type().(*types.Named); ok {
				for m := range named.Methods() {
					export(m)
				}
			}
		}
	}
	for id, obj := range pass.TypesInfo.Uses {
		var f probeFact
		if obj.Pkg() != nil && obj.Pkg() != pass.Pkg && pass.ImportObjectFact(obj, &f) {
			pass.Reportf(id.Pos(), "uses %s with fact %s/%d", obj.Name(), f.Name, f.Seen)
		}
	}
	return nil, nil
}
