package queries

import (
	"fmt"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oneway-lint/oneway/analyzers/data/internal/sqlscan"
)

// TestResolveBudget: a query made by Sprintf of Sprintf of … (16 copies
// at each of 7 levels: 16^7 uses of the first string) is resolved within
// the budget of steps, with the rest a hole: a bound on the steps taken,
// not on the time the audit needs.
func TestResolveBudget(t *testing.T) {
	var src strings.Builder
	src.WriteString("package a\n\nimport \"fmt\"\n\nfunc run(exec func(string)) {\n\tq0 := \"DELETE FROM t \"\n")
	for i := 1; i <= 7; i++ {
		args := strings.TrimSuffix(strings.Repeat(fmt.Sprintf("q%d, ", i-1), 16), ", ")
		fmt.Fprintf(&src, "\tq%d := fmt.Sprintf(%q, %s)\n", i, strings.Repeat("%s", 16), args)
	}
	src.WriteString("\texec(q7)\n}\n")

	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "a.go", src.String(), 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{
		Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
		Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("a", fset, []*ast.File{f}, info)
	if err != nil {
		t.Fatal(err)
	}
	pass := &analysis.Pass{Fset: fset, Files: []*ast.File{f}, Pkg: pkg, TypesInfo: info}
	r := newResolver(pass, inspector.New(pass.Files))

	var q7 ast.Expr
	ast.Inspect(f, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "exec" {
				q7 = call.Args[0]
			}
		}
		return true
	})
	got := r.resolve(q7, nil)
	// Past the budget each call returns a hole at once; the calls that
	// find it spent are a few per level, nothing like the 16^7 copies.
	if limit := maxResolveSteps + 1000; r.steps > limit {
		t.Errorf("the resolve took %d steps, more than its budget of %d and the calls that find it spent (%d in all)", r.steps, maxResolveSteps, limit)
	}
	if r.steps < maxResolveSteps/2 {
		t.Errorf("the resolve took only %d steps: the fixture does not reach the budget, the test measures nothing", r.steps)
	}
	if !strings.Contains(got.s, sqlscan.Hole) || got.constant {
		t.Errorf("past the budget the text must hold a hole and not be constant: %d bytes, constant %v", len(got.s), got.constant)
	}
	if len(got.s) > maxTextLen+len(sqlscan.Hole) {
		t.Errorf("the text is %d bytes, more than the bound of %d", len(got.s), maxTextLen)
	}
}
