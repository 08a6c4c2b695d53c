package coupling

import (
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// Generated code is no design decision of the code base's authors: the
// messages of protobuf and gRPC stubs, sqlc, ent and xo models, mocks,
// wire and fx output. Its types are data or generated surface, never a
// concrete service another component depends on; its variables (file
// descriptors) and their generated initialisation are no shared state;
// its own uses of other components are no site of a decision.

// generatedAnalyzer marks the exported types and variables declared in
// generated files, so that the importers of a package know them. It
// depends on no configuration, so every coupling analyzer shares it. It
// reads the files' declarations only: it needs no inspector, which a
// dependency with generated files would otherwise build for it alone.
var generatedAnalyzer = &analysis.Analyzer{
	Name:       "couplinggenerated",
	Doc:        "find exported types and variables declared in generated code",
	ResultType: reflect.TypeFor[*generated](),
	FactTypes:  []analysis.Fact{(*GeneratedFact)(nil)},
	Run:        runGenerated,
}

// GeneratedFact marks an exported package-level type or variable declared
// in a generated file (one with the standard "Code generated … DO NOT
// EDIT." header) or in a mock file (*_mock.go, mock_*.go).
type GeneratedFact struct{}

// AFact implements analysis.Fact.
func (*GeneratedFact) AFact() {}

// FactScope implements family.ScopedFact: only a package with a
// generated file declares generated types (a protobuf message held by
// the code base's types is data, whichever module generated it), and
// mock files are the code base's own.
func (*GeneratedFact) FactScope() family.FactScope {
	return family.FactScope{OwnTexts: []string{"Code generated"}, MainModules: true}
}

func (*GeneratedFact) String() string { return "generated" }

// generated knows what of the analysed package and of the packages it
// reaches is generated.
type generated struct {
	files   map[*ast.File]bool    // the analysed package's generated files
	objects map[types.Object]bool // objects declared in them, and those looked up
	// lookup imports the GeneratedFact of an object of another package.
	// It is called after the pass ran, while the analyzers that require
	// this one run on the same package: drivers keep facts readable
	// for as long.
	lookup func(types.Object) bool
}

// object reports whether obj was declared in generated code.
func (g *generated) object(obj types.Object) bool {
	if v, ok := g.objects[obj]; ok {
		return v
	}
	v := obj.Pkg() != nil && g.lookup(obj)
	g.objects[obj] = v
	return v
}

// file reports whether f, of the analysed package, is generated.
func (g *generated) file(f *ast.File) bool { return g.files[f] }

func runGenerated(pass *analysis.Pass) (any, error) {
	importFact := pass.ImportObjectFact
	out := &generated{
		files:   map[*ast.File]bool{},
		objects: map[types.Object]bool{},
		lookup:  func(obj types.Object) bool { return importFact(obj, new(GeneratedFact)) },
	}
	if family.StandardLibrary(pass) {
		return out, nil // no component's: see GeneratedFact.FactScope
	}
	for _, f := range pass.Files {
		if !generatedFile(pass.Fset, f) {
			continue
		}
		out.files[f] = true
		for _, id := range declaredNames(f) {
			if obj := pass.TypesInfo.Defs[id]; obj != nil {
				out.objects[obj] = true
			}
		}
	}
	// The facts a driver may also give without type-checking.
	for _, d := range (*GeneratedFact)(nil).FactsDeclared(pass.Fset, pass.Files) {
		if obj := pass.TypesInfo.Defs[d.Name]; obj != nil {
			pass.ExportObjectFact(obj, d.Fact)
		}
	}
	return out, nil
}

// FactsDeclared implements family.DeclaredFact: the exported types,
// variables and constants declared at package level in generated files
// (what runGenerated exports).
func (*GeneratedFact) FactsDeclared(fset *token.FileSet, files []*ast.File) []family.Declared {
	var out []family.Declared
	for _, f := range files {
		if !generatedFile(fset, f) {
			continue
		}
		for _, id := range declaredNames(f) {
			if id.IsExported() {
				out = append(out, family.Declared{Name: id, Fact: &GeneratedFact{}})
			}
		}
	}
	return out
}

// declaredNames returns the names f declares at package level with a
// type, variable or constant declaration.
func declaredNames(f *ast.File) []*ast.Ident {
	var names []*ast.Ident
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, spec := range gd.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				names = append(names, s.Name)
			case *ast.ValueSpec:
				names = append(names, s.Names...)
			}
		}
	}
	return names
}

// generatedFile reports whether f is generated code or a mock.
func generatedFile(fset *token.FileSet, f *ast.File) bool {
	if ast.IsGenerated(f) {
		return true
	}
	tf := fset.File(f.FileStart)
	if tf == nil {
		return false
	}
	base := filepath.Base(tf.Name())
	return strings.HasSuffix(base, "_mock.go") || strings.HasSuffix(base, "_mocks.go") || strings.HasPrefix(base, "mock_")
}
