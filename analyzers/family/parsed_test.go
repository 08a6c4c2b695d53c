package family

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// TestAnyNodeNamed: Parsed.AnyNode answers as AnyNode over the files
// does, and Named gives the same objects in the same order whether it is
// asked first, after an AnyNode walk that went through every file (which
// found them on the way), or after one that stopped early.
func TestAnyNodeNamed(t *testing.T) {
	fset := token.NewFileSet()
	check := func(path, src string) *types.Package {
		f, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		pkg, err := new(types.Config).Check(path, fset, []*ast.File{f}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return pkg
	}
	libs := map[string]*types.Package{
		"example.com/one": check("example.com/one", "package one\n\nfunc A() {}\nfunc B() {}\n\ntype T struct{}\n"),
		"example.com/two": check("example.com/two", "package two\n\nconst C = 1\n\nvar V int\n"),
		"example.com/dot": check("example.com/dot", "package dot\n\nfunc D() {}\n"),
	}
	var files []*ast.File
	for _, src := range []string{
		"package p\n\nimport (\n\t\"example.com/one\"\n\t. \"example.com/dot\"\n)\n\nfunc F() { one.B(); D(); var _ one.T; one.A() }\n",
		"package p\n\nimport t \"example.com/two\"\n\nfunc G() int { one.A(); return t.C + t.V }\n",
	} {
		f, err := parser.ParseFile(fset, "p.go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	parsed := func(missing string) *Parsed {
		return &Parsed{Fset: fset, Files: files, Import: func(path string) *types.Package {
			if path == missing {
				return nil
			}
			return libs[path]
		}}
	}
	names := func(p *Parsed) ([]string, bool) {
		objs, ok := p.Named()
		var out []string
		for _, o := range objs {
			out = append(out, o.Pkg().Name()+"."+o.Name())
		}
		return out, ok
	}
	want := []string{"one.B", "dot.D", "one.T", "one.A", "two.C", "two.V"}
	if got, ok := names(parsed("")); !ok || !slices.Equal(got, want) {
		t.Fatalf("Named asked first: %q, %v; want %q", got, ok, want)
	}

	isCall := func(n ast.Node) bool { _, ok := n.(*ast.CallExpr); return ok }
	isReturn := func(n ast.Node) bool { _, ok := n.(*ast.ReturnStmt); return ok }
	never := func(ast.Node) bool { return false }
	for _, tt := range []struct {
		name string
		test func(ast.Node) bool
		want bool
	}{
		{"stopped in the first file", isCall, true},
		{"stopped in the last file", isReturn, true},
		{"through every file", never, false},
	} {
		p := parsed("")
		if got := p.AnyNode(tt.test); got != tt.want {
			t.Errorf("%s: AnyNode = %v, want %v", tt.name, got, tt.want)
		}
		if got, ok := names(p); !ok || !slices.Equal(got, want) {
			t.Errorf("%s: then Named: %q, %v; want %q", tt.name, got, ok, want)
		}
		// Named first, then AnyNode: the same answer.
		p = parsed("")
		names(p)
		if got := p.AnyNode(tt.test); got != tt.want {
			t.Errorf("%s, Named asked first: AnyNode = %v, want %v", tt.name, got, tt.want)
		}
	}

	// Walk hands each node its own file.
	p := parsed("")
	p.Walk(func(f *ast.File, n ast.Node) bool {
		if n.Pos() < f.FileStart || n.End() > f.FileEnd {
			t.Errorf("Walk: a node at %s handed the file %s", fset.Position(n.Pos()), fset.File(f.FileStart).Name())
		}
		return false
	})

	// An import without types: Named has no answer, AnyNode has test's.
	p = parsed("example.com/two")
	if !p.AnyNode(isReturn) {
		t.Error("an import without types: AnyNode found no return statement")
	}
	if _, ok := p.Named(); ok {
		t.Error("an import without types: Named answers")
	}
	for _, missing := range []string{"example.com/one", "example.com/two"} { // in the first file, in the last
		if p := parsed(missing); p.AnyNode(never) {
			t.Errorf("%s without types: AnyNode found a node no test holds for", missing)
		} else if _, ok := p.Named(); ok {
			t.Errorf("%s without types, after a whole walk: Named answers", missing)
		}
		if p := parsed(missing); !p.AnyNode(isReturn) {
			t.Errorf("%s without types: AnyNode found no return statement", missing)
		}
	}
}
