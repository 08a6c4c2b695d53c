package family

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// ParsedFact is implemented by scoped fact types that can answer before
// type-checking: FactPossibleParsed reports whether the analyzer could
// find a fact of this type in the package p describes, parsed and not
// type-checked, whose imports are. It may answer true where no fact
// comes, never false where the analyzer would find one; a type that is
// a CheckedFact too should answer true wherever FactPossible would. A
// driver computing dependencies' facts from source asks it first: a
// dependency where no analyzer left to run needs types is not
// type-checked at all.
type ParsedFact interface {
	ScopedFact
	FactPossibleParsed(p *Parsed) bool
}

// Parsed is a package as a driver has it before type-checking: its
// files and its imports' types. It keeps what Imports, Named and Reach
// find, for the next fact type asked: it is for one goroutine at a time.
type Parsed struct {
	Fset  *token.FileSet
	Files []*ast.File
	// Path is the package's import path; Module its module, nil when
	// the driver knows none.
	Path   string
	Module *analysis.Module
	// Import returns the types of a package the files import, by the
	// path they write, complete; nil if the driver has none (an answer
	// should then be true).
	Import func(path string) *types.Package
	// ImportObjectFact is Pass.ImportObjectFact, for objects of other
	// packages.
	ImportObjectFact func(obj types.Object, fact analysis.Fact) bool
	// Memo keeps what Fold finds of each object for the other packages
	// the driver asks about, whose imports' types are the same objects;
	// with nil, nothing is kept past one Fold.
	Memo *Memo

	imports   map[*ast.File]*FileImports // by file, nil when an import has no types
	named     []types.Object
	namedOK   bool
	done      bool
	reached   []types.Object
	reachOK   bool
	reachDone bool
}

// FileImports is what a file's names refer to in other packages.
type FileImports struct {
	Names map[string]*types.Package // by import name
	Dots  []*types.Package          // imported with "."
}

// Imports returns what f's import names refer to, or false when an
// import has no types; once per file, kept for the checks asked next.
func (p *Parsed) Imports(f *ast.File) (*FileImports, bool) {
	if fi, ok := p.imports[f]; ok {
		return fi, fi != nil
	}
	fi, ok := p.fileImports(f)
	if p.imports == nil {
		p.imports = map[*ast.File]*FileImports{}
	}
	p.imports[f] = fi
	return fi, ok
}

func (p *Parsed) fileImports(f *ast.File) (*FileImports, bool) {
	fi := &FileImports{Names: map[string]*types.Package{}}
	for _, spec := range f.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return nil, false
		}
		pkg := p.Import(path)
		if pkg == nil {
			return nil, false
		}
		switch name := spec.Name; {
		case name == nil:
			fi.Names[pkg.Name()] = pkg
		case name.Name == ".":
			fi.Dots = append(fi.Dots, pkg)
		case name.Name != "_":
			fi.Names[name.Name] = pkg
		}
	}
	return fi, true
}

// Qualified returns the object an imported package's name qualifies
// (http.HandleFunc), or nil.
func (fi *FileImports) Qualified(sel *ast.SelectorExpr) types.Object {
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	pkg := fi.Names[x.Name]
	if pkg == nil {
		return nil
	}
	return pkg.Scope().Lookup(sel.Sel.Name)
}

// Dotted returns the object a dot import gives name, or nil.
func (fi *FileImports) Dotted(name string) types.Object {
	for _, pkg := range fi.Dots {
		if obj := pkg.Scope().Lookup(name); obj != nil {
			return obj
		}
	}
	return nil
}

// Named returns the objects of other packages the files name: through
// an import's name (http.HandleFunc) or a dot import, each once, in the
// order they come. It returns false when an import has no types. A walk
// of the files that went through all of them found them already (see
// Walk).
func (p *Parsed) Named() ([]types.Object, bool) {
	if !p.done {
		p.Walk(func(*ast.File, ast.Node) bool { return false })
	}
	return p.named, p.namedOK
}

// AnyNode reports whether test holds for a node of the files (see
// Walk).
func (p *Parsed) AnyNode(test func(ast.Node) bool) bool {
	return p.Walk(func(_ *ast.File, n ast.Node) bool { return test(n) })
}

// Walk calls visit with each node of the files, in ast.Inspect's order,
// and the file it is in, until visit returns true: unlike ast.Inspect's
// function, visit says it found what it looks for, and the walk stops
// there. Walk reports whether it did. A check that walks the files
// anyway finds what Named finds on the same walk, when Named was not
// asked before: Named is known once a walk went through every file.
func (p *Parsed) Walk(visit func(f *ast.File, n ast.Node) (found bool)) bool {
	if p.done {
		for _, f := range p.Files {
			if AnyNode(f, func(n ast.Node) bool { return visit(f, n) }) {
				return true
			}
		}
		return false
	}
	seen := map[types.Object]bool{}
	var named []types.Object
	add := func(obj types.Object) {
		if obj != nil && !seen[obj] {
			seen[obj] = true
			named = append(named, obj)
		}
	}
	namesOK := true
	for _, f := range p.Files {
		fi, ok := p.Imports(f)
		if !ok {
			namesOK = false // no answer: only visit's is asked for
		}
		found := false
		ast.Inspect(f, func(n ast.Node) bool {
			if found || n == nil {
				return false
			}
			if namesOK {
				switch n := n.(type) {
				case *ast.SelectorExpr:
					add(fi.Qualified(n))
				case *ast.Ident:
					if len(fi.Dots) > 0 {
						add(fi.Dotted(n.Name))
					}
				}
			}
			found = visit(f, n)
			return !found
		})
		if found {
			return true
		}
	}
	p.done = true
	if namesOK {
		p.named, p.namedOK = named, true
	}
	return false
}

// Reach calls visit with every object of another package the parsed
// package's code may use, each once, until visit returns false: the
// objects its files name (Named), and what their types give access to —
// the named types they are built of, those types' exported fields and
// embedded ones (whose members are promoted), their exported methods,
// the parameters' and results' types of every signature, elements, keys,
// type arguments and constraints, and on. A package uses another's
// object only by naming it or as a member of a type its values can have,
// and every such type is built of its own declarations and of those. It
// returns false when an import has no types (visit is then not called).
//
// The objects are found once per package, whichever check asks first,
// and kept for the others.
func (p *Parsed) Reach(visit func(obj types.Object) bool) bool {
	if !p.reachDone {
		p.reachDone = true
		named, ok := p.Named()
		if !ok {
			return false
		}
		seen := map[types.Object]bool{}
		var reach func(obj types.Object)
		reach = func(obj types.Object) {
			if seen[obj] {
				return
			}
			seen[obj] = true
			p.reached = append(p.reached, obj)
			for _, w := range successors(obj) {
				reach(w)
			}
		}
		for _, obj := range named {
			reach(obj)
		}
		p.reachOK = true
	}
	if !p.reachOK {
		return false
	}
	for _, obj := range p.reached {
		if !visit(obj) {
			break
		}
	}
	return true
}

// successors returns the objects Reach finds directly from obj, walking
// its type up to the named types and aliases it names (each its own
// object, walked in turn): the edges of Reach's graph. Reach asks once
// per object and package, a Fold once per object (it keeps the fold):
// they are not kept.
func successors(obj types.Object) []types.Object {
	e := edgesPool.Get().(*edges)
	defer e.release()
	e.seen[obj] = true
	switch t := obj.Type().(type) {
	case *types.Named:
		if tn, ok := obj.(*types.TypeName); ok && tn == t.Origin().Obj() {
			e.named(t.Origin()) // the type's own: its structure and methods
		} else {
			e.walk(t)
		}
	case *types.Alias:
		if tn, ok := obj.(*types.TypeName); ok && tn == t.Obj() {
			e.walk(t.Rhs())
		} else {
			e.walk(t)
		}
	default:
		e.walk(t)
	}
	return e.list
}

// edges collects successors.
type edges struct {
	list  []types.Object
	seen  map[types.Object]bool
	types map[types.Type]bool
}

// edgesPool keeps the sets of successors' walks for the next: Reach and
// Fold ask successors of every object they meet, and two new maps for
// each were more than half of what BenchmarkPossibleParsed allocated
// (5.8 MB an op, 2.8 MB with the pool; 0.82× its time).
var edgesPool = sync.Pool{New: func() any { return newEdges() }}

func newEdges() *edges {
	return &edges{seen: map[types.Object]bool{}, types: map[types.Type]bool{}}
}

// maxPooledEdges is the most a set may have held to be cleared for the
// next walk rather than dropped: clearing a map costs what it has grown
// to, and a few objects reach thousands (a cloud SDK's client).
const maxPooledEdges = 256

// release gives e back to edgesPool, its list left to the caller.
func (e *edges) release() {
	e.list = nil
	if len(e.seen) > maxPooledEdges || len(e.types) > maxPooledEdges {
		e.seen, e.types = map[types.Object]bool{}, map[types.Type]bool{}
	} else {
		clear(e.seen)
		clear(e.types)
	}
	edgesPool.Put(e)
}

func (e *edges) add(obj types.Object) {
	if !e.seen[obj] {
		e.seen[obj] = true
		e.list = append(e.list, obj)
	}
}

// named adds what a named type's object reaches: its structure and its
// exported methods.
func (e *edges) named(t *types.Named) {
	e.walk(t.Underlying())
	for i := 0; i < t.NumMethods(); i++ {
		if m := t.Method(i); m.Exported() {
			e.add(m)
		}
	}
}

func (e *edges) walk(t types.Type) {
	if t == nil || e.types[t] {
		return
	}
	e.types[t] = true
	switch t := t.(type) {
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			e.walk(t.TypeArgs().At(i))
		}
		e.add(t.Origin().Obj())
	case *types.Alias:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			e.walk(t.TypeArgs().At(i))
		}
		e.add(t.Obj())
		e.walk(t.Rhs())
	case *types.Pointer:
		e.walk(t.Elem())
	case *types.Slice:
		e.walk(t.Elem())
	case *types.Array:
		e.walk(t.Elem())
	case *types.Chan:
		e.walk(t.Elem())
	case *types.Map:
		e.walk(t.Key())
		e.walk(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); f.Exported() || f.Embedded() {
				e.add(f)
			}
		}
	case *types.Signature:
		for _, tp := range []*types.TypeParamList{t.RecvTypeParams(), t.TypeParams()} {
			for i := 0; i < tp.Len(); i++ {
				e.walk(tp.At(i).Constraint())
			}
		}
		e.walk(t.Params())
		e.walk(t.Results())
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			e.walk(t.At(i).Type())
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if m := t.Method(i); m.Exported() {
				e.add(m)
			}
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			e.walk(t.EmbeddedType(i))
		}
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			e.walk(t.Term(i).Type())
		}
	case *types.TypeParam:
		e.walk(t.Constraint())
	}
}

// ReachesAny reports whether test holds for an object Reach visits, or
// an import has no types (anything may then be reached). test must
// answer of an object alone: its answers are kept in p.Memo under key
// for the packages asked next (see Fold).
func (p *Parsed) ReachesAny(key *FoldKey, test func(obj types.Object) bool) bool {
	found, ok := Fold(p, key, test, func(a, b bool) bool { return a || b }, func(found bool) bool { return found })
	return found || !ok
}

// AnyNode reports whether test holds for a node of n, n included.
func AnyNode(n ast.Node, test func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found || n == nil {
			return false
		}
		found = test(n)
		return !found
	})
	return found
}

// FieldTag returns a field's tag, unquoted; false when it has none, or
// none that can be read (which may then be anything).
func FieldTag(f *ast.Field) (tag string, ok bool) {
	if f.Tag == nil {
		return "", false
	}
	tag, err := strconv.Unquote(f.Tag.Value)
	return tag, err == nil
}

// CallFun returns the function a call names, through parentheses and
// instantiation (f[T](x) calls f).
func CallFun(call *ast.CallExpr) ast.Expr {
	fun := ast.Unparen(call.Fun)
	switch x := fun.(type) {
	case *ast.IndexExpr:
		fun = x.X
	case *ast.IndexListExpr:
		fun = x.X
	}
	return ast.Unparen(fun)
}
