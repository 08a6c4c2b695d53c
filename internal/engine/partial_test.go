package engine

import (
	"context"
	"errors"
	"go/ast"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// marked is a fact: the function's name starts with "Mark".
type marked struct{}

func (*marked) AFact() {}

// TestPartial: an analyzer named in DespiteErrors runs on an analysed
// package whose own code has errors (the others do not), and its result
// there is partial; so is its result on a package that reads a fact it
// found there, directly or through another package's fact, and the
// result of an analyzer requiring a partial one. A package that reads no
// such fact keeps a whole result, and without DespiteErrors nothing runs
// on the broken package.
func TestPartial(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"go.mod":       "module example.com/m\n\ngo 1.24\n",
		"bad/bad.go":   "package bad\n\nfunc MarkA() {}\n\nfunc Plain() {}\n",
		"bad/b.go":     "package bad\n\nvar X int = \"one\"\n",
		"reads/r.go":   "package reads\n\nimport \"example.com/m/bad\"\n\nfunc MarkB() { bad.MarkA() }\n",
		"through/t.go": "package through\n\nimport \"example.com/m/reads\"\n\nfunc C() { reads.MarkB() }\n",
		"plain/p.go":   "package plain\n\nimport \"example.com/m/bad\"\n\nfunc D() { bad.Plain() }\n",
		"fine/f.go":    "package fine\n\nfunc MarkE() {}\n",
	} {
		writeFile(t, filepath.Join(dir, name), src)
	}
	failOnErrors := false
	// facts marks the functions named Mark* and returns the calls this
	// package makes to marked functions of others (or fails on a package
	// with errors, when failOnErrors).
	facts := &analysis.Analyzer{
		Name:       "marks",
		Doc:        "marks",
		FactTypes:  []analysis.Fact{new(marked)},
		ResultType: reflect.TypeFor[int](),
		Run: func(pass *analysis.Pass) (any, error) {
			if failOnErrors && len(pass.TypeErrors) > 0 {
				return nil, errors.New("cannot read this")
			}
			calls := 0
			for _, f := range pass.Files {
				ast.Inspect(f, func(n ast.Node) bool {
					switch n := n.(type) {
					case *ast.FuncDecl:
						if obj := pass.TypesInfo.Defs[n.Name]; obj != nil && len(n.Name.Name) > 4 && n.Name.Name[:4] == "Mark" {
							pass.ExportObjectFact(obj, new(marked))
						}
					case *ast.SelectorExpr:
						if obj := pass.TypesInfo.Uses[n.Sel]; obj != nil && pass.ImportObjectFact(obj, new(marked)) {
							calls++
						}
					}
					return true
				})
			}
			return calls, nil
		},
	}
	report := &analysis.Analyzer{
		Name:       "report",
		Doc:        "report",
		Requires:   []*analysis.Analyzer{facts},
		ResultType: reflect.TypeFor[int](),
		Run:        func(pass *analysis.Pass) (any, error) { return pass.ResultOf[facts], nil },
	}
	other := &analysis.Analyzer{
		Name:       "other",
		Doc:        "other",
		ResultType: reflect.TypeFor[int](),
		Run:        func(pass *analysis.Pass) (any, error) { return 0, nil },
	}
	pkgs, err := Load(&packages.Config{Dir: dir}, "./...")
	if err != nil {
		t.Fatal(err)
	}
	byPath := map[string]*packages.Package{}
	for _, p := range pkgs {
		byPath[p.PkgPath] = p
	}
	type want struct {
		ran     bool // report has a result
		partial bool
		calls   int
	}
	for _, despite := range []bool{true, false} {
		opts := Options{Keep: true}
		if despite {
			opts.DespiteErrors = []*analysis.Analyzer{report}
		}
		e, err := New([]*analysis.Analyzer{report, other}, pkgs, pkgs, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := e.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		wants := map[string]want{
			"example.com/m/bad":     {ran: despite, partial: despite},
			"example.com/m/reads":   {ran: true, partial: despite, calls: map[bool]int{true: 1}[despite]},
			"example.com/m/through": {ran: true, partial: despite, calls: 1},
			"example.com/m/plain":   {ran: true},
			"example.com/m/fine":    {ran: true},
		}
		for path, w := range wants {
			p := byPath[path]
			res, err := e.Outcome(p, report)
			if ran := err == nil; ran != w.ran {
				t.Errorf("despite %v: report on %s ran %v (%v), want %v", despite, path, ran, err, w.ran)
				continue
			}
			if !w.ran {
				if !errors.Is(err, errIllTyped) {
					t.Errorf("despite %v: report on %s: %v, want %v", despite, path, err, errIllTyped)
				}
				continue
			}
			if got := e.Partial(p, report); got != w.partial {
				t.Errorf("despite %v: report on %s partial %v, want %v", despite, path, got, w.partial)
			}
			if got := e.Partial(p, facts); got != w.partial {
				t.Errorf("despite %v: marks on %s partial %v, want %v", despite, path, got, w.partial)
			}
			if res != w.calls {
				t.Errorf("despite %v: report on %s counted %v calls of marked functions, want %d", despite, path, res, w.calls)
			}
		}
		if _, err := e.Outcome(byPath["example.com/m/bad"], other); !errors.Is(err, errIllTyped) {
			t.Errorf("despite %v: other on the broken package: %v, want %v", despite, err, errIllTyped)
		}
	}

	// The mark passes through a dependency analysed from source: with
	// reads not analysed, through's result still rests on bad's code.
	some, err := Load(&packages.Config{Dir: dir}, "./bad", "./through")
	if err != nil {
		t.Fatal(err)
	}
	e, err := New([]*analysis.Analyzer{report}, some, some, Options{Keep: true, DespiteErrors: []*analysis.Analyzer{report}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, p := range some {
		if p.PkgPath == "example.com/m/through" && !e.Partial(p, report) {
			t.Errorf("through, reading bad's fact through the dependency reads, is not partial")
		}
	}

	// An analyzer that fails on the package analysed in part leaves its
	// importers without its facts, not failed: they run, whole.
	failOnErrors = true
	e, err = New([]*analysis.Analyzer{report}, pkgs, pkgs, Options{Keep: true, DespiteErrors: []*analysis.Analyzer{report}})
	if err != nil {
		t.Fatal(err)
	}
	if err := e.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Outcome(byPath["example.com/m/bad"], report); err == nil || SkippedForErrors(err) {
		t.Errorf("report on bad: %v, want the failure", err)
	}
	if res, err := e.Outcome(byPath["example.com/m/reads"], report); err != nil || res != 0 || e.Partial(byPath["example.com/m/reads"], report) {
		t.Errorf("report on reads: %v, %v, partial %v; want 0 calls, whole", res, err, e.Partial(byPath["example.com/m/reads"], report))
	}
}
