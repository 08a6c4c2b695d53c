package queries

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
)

// TestPartialTypes: on a package with type errors (what go/types leaves
// untyped: a range over an undefined variable, an index of one, an
// undefined argument before a registered function, a method declared
// without a receiver) the analyzer neither panics nor fails.
func TestPartialTypes(t *testing.T) {
	const sqlStub = `package sql

type DB struct{}

func (*DB) Exec(query string, args ...any) (any, error) { return nil, nil }
`
	const src = `package a

import "database/sql"

func run(db *sql.DB) {
	for _, q := range undefinedQueries {
		db.Exec(q)
	}
	db.Exec(undefinedSlice[0])
	migrate(undefinedArg, func(db *sql.DB) { db.Exec("DELETE FROM t") })
	register(undefinedArg, second)
}

func register(a, b any) {}

func second() {}

func migrate(name string, up func(*sql.DB)) {}

type T struct{}

func () TableName() string { return "t" }
`
	fset := token.NewFileSet()
	check := func(path, src string, imp types.Importer) (*types.Package, []*ast.File, *types.Info) {
		f, err := parser.ParseFile(fset, path+".go", src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		info := &types.Info{
			Types: map[ast.Expr]types.TypeAndValue{}, Defs: map[*ast.Ident]types.Object{},
			Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{},
			Implicits: map[ast.Node]types.Object{}, Scopes: map[ast.Node]*types.Scope{},
		}
		var errs []error
		conf := types.Config{Importer: imp, Error: func(err error) { errs = append(errs, err) }}
		pkg, _ := conf.Check(path, fset, []*ast.File{f}, info)
		if path == "a" && len(errs) < 4 {
			t.Fatalf("the fixture has %d type errors, want at least 4: %v", len(errs), errs)
		}
		return pkg, []*ast.File{f}, info
	}
	sqlPkg, _, _ := check("database/sql", sqlStub, nil)
	pkg, files, info := check("a", src, importerFunc(func(string) (*types.Package, error) { return sqlPkg, nil }))

	pass := &analysis.Pass{
		Analyzer: Analyzer, Fset: fset, Files: files, Pkg: pkg, TypesInfo: info,
		ResultOf:          map[*analysis.Analyzer]any{inspect.Analyzer: inspector.New(files)},
		Report:            func(analysis.Diagnostic) {},
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { return false },
		ExportObjectFact:  func(types.Object, analysis.Fact) {},
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { return false },
		ExportPackageFact: func(analysis.Fact) {},
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
	}
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic on partial types: %v", r)
		}
	}()
	if _, err := Analyzer.Run(pass); err != nil {
		t.Fatal(err)
	}
	// A registered function after an argument that did not type-check.
	for cur := range pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root().Preorder((*ast.Ident)(nil)) {
		if cur.Node().(*ast.Ident).Name == "second" {
			if _, ok := cur.Parent().Node().(*ast.CallExpr); ok && rollbackPosition(info, cur) {
				t.Error("second, after an undefined argument, is taken for a rollback")
			}
		}
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
