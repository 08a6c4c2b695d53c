package fixturetest

import (
	"go/types"
	"os"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// Possible is what an analyzer's fact types said of a package before it
// ran there, and what it found.
type Possible struct {
	Exported int  // facts it exported
	Typed    bool // a fact is possible once type-checked (family.CheckedFact; true for a type that is none)
	Parsed   bool // a fact is possible before type-checking (family.ParsedFact; true for a type that is none)
}

// Facts runs a on the packages patterns match in dir, a GOPATH of
// fixtures, and on their dependencies, and returns by package path what
// its fact types said there and how many facts it exported: a
// dependency scope's pre-checks are right where no package with facts
// was said to have none. The parsed answer is asked as a driver asks
// it, of the package's files and its imports' types.
func Facts(t *testing.T, dir string, a *analysis.Analyzer, patterns ...string) map[string]Possible {
	t.Helper()
	cfg := &packages.Config{
		Mode: packages.LoadAllSyntax | packages.NeedModule,
		Dir:  dir,
		Env:  append(os.Environ(), "GOPATH="+dir, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the fixtures do not type-check")
	}
	var mu sync.Mutex
	out := map[string]Possible{}
	checked := *a
	checked.Run = func(pass *analysis.Pass) (any, error) {
		p := Possible{Typed: family.MayFind(a, func(f analysis.Fact) (bool, bool) {
			c, ok := f.(family.CheckedFact)
			return ok, ok && c.FactPossible(pass)
		})}
		imports := map[string]*types.Package{}
		for _, imp := range pass.Pkg.Imports() {
			imports[imp.Path()] = imp
		}
		parsed := &family.Parsed{
			Fset: pass.Fset, Files: pass.Files, Path: pass.Pkg.Path(), Module: pass.Module,
			Import:           func(path string) *types.Package { return imports[path] },
			ImportObjectFact: pass.ImportObjectFact,
		}
		p.Parsed = family.MayFind(a, func(f analysis.Fact) (bool, bool) {
			c, ok := f.(family.ParsedFact)
			return ok, ok && c.FactPossibleParsed(parsed)
		})
		n := 0
		exportObj, exportPkg := pass.ExportObjectFact, pass.ExportPackageFact
		pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
			n++
			exportObj(obj, f)
		}
		pass.ExportPackageFact = func(f analysis.Fact) {
			n++
			exportPkg(f)
		}
		res, err := a.Run(pass)
		p.Exported = n
		mu.Lock()
		defer mu.Unlock()
		out[pass.Pkg.Path()] = p
		return res, err
	}
	if _, err := checker.Analyze([]*analysis.Analyzer{&checked}, pkgs, nil); err != nil {
		t.Fatal(err)
	}
	return out
}

// CheckParsed fails t for each package where facts were exported that
// the check before type-checking said could not be, and when fewer than
// least packages have facts: the fixtures would prove little.
func CheckParsed(t *testing.T, facts map[string]Possible, least int) {
	t.Helper()
	withFacts := 0
	for path, p := range facts {
		if p.Exported > 0 {
			withFacts++
			if !p.Parsed {
				t.Errorf("%s: %d facts, but FactPossibleParsed said it has none", path, p.Exported)
			}
		}
	}
	if withFacts < least {
		t.Errorf("%d fixture packages with facts: the check proves little", withFacts)
	}
}
