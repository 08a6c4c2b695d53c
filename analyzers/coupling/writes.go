package coupling

import (
	"fmt"
	"go/ast"
	"go/types"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// writesAnalyzer finds the exported package-level variables that their own
// package writes at run time, which shared-global needs to know about the
// variables of the packages a package reads. It depends on no
// configuration, so every coupling analyzer shares it.
var writesAnalyzer = &analysis.Analyzer{
	Name:       "couplingwrites",
	Doc:        "find exported package-level variables that their own package writes at run time",
	Requires:   []*analysis.Analyzer{inspect.Analyzer, generatedAnalyzer},
	ResultType: reflect.TypeFor[writtenVars](),
	FactTypes:  []analysis.Fact{(*WrittenFact)(nil)},
	Run:        runWrites,
}

// writtenVars holds the variables of other packages, used by the analysed
// package, that carry a WrittenFact.
type writtenVars map[*types.Var]bool

// WrittenFact marks an exported package-level variable, of any type, that
// its own package writes at run time (outside init functions and test
// files): a counter, a flag flipped by a handler, a registry filled by a
// function, a field stored into. Reads of it from other components are
// shared state even when no other package writes it. A write is an
// assignment, an increment, a store into a field or element of the
// variable, or taking its address; calling a method through it is a read.
type WrittenFact struct{}

// AFact implements analysis.Fact.
func (*WrittenFact) AFact() {}

// FactScope implements family.ScopedFact: the rules weigh components of
// the code base, never its requirements' variables and types.
func (*WrittenFact) FactScope() family.FactScope { return family.FactScope{MainModules: true} }

// fileOf returns the file that holds c.
func fileOf(c inspector.Cursor) *ast.File {
	for f := range c.Enclosing((*ast.File)(nil)) {
		return f.Node().(*ast.File)
	}
	return nil
}

func (*WrittenFact) String() string { return "written" }

func runWrites(pass *analysis.Pass) (any, error) {
	in, ok := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	if !ok {
		return nil, fmt.Errorf("couplingwrites: %s: no inspector", pass.Pkg.Path())
	}
	gen, _ := pass.ResultOf[generatedAnalyzer].(*generated)
	if gen == nil {
		return nil, fmt.Errorf("couplingwrites: %s: no generated code result", pass.Pkg.Path())
	}
	out := writtenVars{}
	if family.StandardLibrary(pass) {
		return out, nil // no component's: see WrittenFact.FactScope
	}
	scope := pass.Pkg.Scope()
	for c := range in.Root().Preorder((*ast.Ident)(nil)) {
		id := c.Node().(*ast.Ident)
		v, ok := pass.TypesInfo.Uses[id].(*types.Var)
		if !ok || v.Pkg() == nil || !v.Exported() || v.Pkg().Scope().Lookup(v.Name()) != v {
			continue
		}
		if v.Pkg() != pass.Pkg {
			if _, seen := out[v]; !seen {
				out[v] = pass.ImportObjectFact(v, new(WrittenFact))
			}
			continue
		}
		if pass.Pkg.Name() == "main" || scope.Lookup(v.Name()) != v || varUse(c) != KindWrite || inInit(c) {
			continue
		}
		if f := pass.Fset.File(id.Pos()); f != nil && strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		if gen.file(fileOf(c)) {
			continue // generated initialisation (a protobuf file descriptor)
		}
		pass.ExportObjectFact(v, &WrittenFact{})
	}
	return out, nil
}
