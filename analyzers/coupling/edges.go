package coupling

import (
	"cmp"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Result is the result of the coupling analyzer on one package: the
// findings it reported (per-package evidence, marked Partial) and the raw
// evidence that Global and Metrics aggregate over the whole program.
// Test files are not part of it.
type Result struct {
	finding.Result // the per-package findings; implements finding.Source

	Package   string // import path
	Name      string // package name
	Component string // "" when the package is in no component (the rules were skipped)
	Module    string // the main module holding the package

	// Edges are the package's dependencies on packages of other
	// components, sorted by import path.
	Edges []Edge

	// Types counts the package's exported named types, Interfaces the
	// interfaces and Services the struct types with behaviour among them
	// (see service); abstractness is Interfaces / (Interfaces + Services).
	Types, Interfaces, Services int

	// Imports are the packages of the main modules (of any component, its
	// own included) that the package's non-test files import, sorted:
	// Global finds the composition roots from them.
	Imports []string

	// Local are the package's imports of other packages of its own
	// component, sorted by import path, with their import declarations
	// (no sites): Global judges cycles between the units of a component
	// the default rule made (see units).
	Local []Edge

	// Root is set when the policy names the package a composition root
	// (roots): like package main, it wires components together.
	Root bool

	// Writes are the exported package-level variables of other packages,
	// of any component, that the package writes (assigns, increments,
	// stores into a field or element of, or takes the address of),
	// as "path.Name", sorted; package main passing build information on
	// does not count (see Site.Build). Global decides from them whether
	// anybody in the program writes a variable that is read across
	// components.
	Writes []string
}

// Edge is a dependency of a package on a package of another component.
type Edge struct {
	To          string // the imported package's import path
	ToName      string // its package name
	ToComponent string
	CrossModule bool // the two packages are in different main modules

	// Imports are the import declarations of To, one per file, in file
	// order: those of hand-written files first, then those of generated
	// files.
	Imports []token.Pos
	// HandWritten counts the imports in hand-written files.
	HandWritten int
	// Refs counts the qualified identifiers that refer to package-level
	// objects of To (types, functions, variables, constants).
	Refs int

	Forbidden bool // the policy's allow rules do not permit the dependency
	Internal  bool // To is not part of its component's public surface
	// DefaultSurface is set when the policy names no public packages for
	// ToComponent, so Internal was decided by the default rule.
	DefaultSurface bool

	// Sites are the uses of concrete types, package-level functions and
	// exported variables of To, in file order.
	Sites []Site
}

// Site is one use of another component's concrete type, function or
// exported variable.
type Site struct {
	Pos    token.Pos
	Kind   Kind
	Object string // the object's name in its package
	// Value is set for reads and writes of a variable of basic type
	// (string, number, bool, time.Duration), which may hold build
	// information; see decide.
	Value bool
	// Written is set when the variable's own package writes it at run
	// time, outside its init functions (it carries a WrittenFact).
	Written bool
	// Build is set for a write by package main of a constant or of one of
	// main's own package-level variables to a Value variable: build
	// information passed on (-ldflags -X sets main's variables), not a
	// setting chosen at run time.
	Build bool
}

// Kind says how a site uses the object.
type Kind string

// The kinds of site. The first group are uses of a concrete (struct)
// type, then of an exported package-level variable. Calls of another
// component's functions are no concrete dependency: a function is not a
// type an interface could stand for, and what it works on is counted
// where it is held (a field, a parameter).
const (
	KindField     Kind = "field"     // type of a struct field
	KindParam     Kind = "param"     // type of a parameter
	KindResult    Kind = "result"    // type of a result
	KindLiteral   Kind = "literal"   // composite literal
	KindAssertion Kind = "assertion" // type assertion or type switch case
	KindEmbedded  Kind = "embedded"  // embedded field
	KindType      Kind = "type"      // any other use of the type (variable, conversion, type argument)
	KindSelect    Kind = "selector"  // use of an exported field of a value of the type that holds a collaborator

	KindRead  Kind = "read"  // read of an exported variable
	KindWrite Kind = "write" // assignment, increment or address of an exported variable
)

// concrete reports whether k is a use of a concrete type or function.
func (k Kind) concrete() bool { return k != KindRead && k != KindWrite }

// binding reports whether a use of a concrete type of kind k binds the
// dependent to that type's representation or identity: building its
// values (a composite literal), embedding it (its methods and fields
// become the dependent's), asserting to it, or reading and writing its
// fields. No interface can stand in at such a site, so replacing the type
// means redesigning it. The other kinds only name the type (a field,
// parameter, result or variable of it): an interface declared where the
// value is used replaces it there, mechanically, however many there are.
func (k Kind) binding() bool {
	return k == KindLiteral || k == KindEmbedded || k == KindAssertion || k == KindSelect
}

// collect fills res with the package's cross-component edges and exported
// type counts. pl is nil when no main module is known.
func collect(pass *analysis.Pass, in *inspector.Inspector, cfg *Config, pl *placer, res *Result) {
	if strings.HasSuffix(res.Package, ".test") {
		return // the test main package that go test generates
	}
	gen, _ := pass.ResultOf[generatedAnalyzer].(*generated)
	if gen == nil {
		return // required: the driver ran it
	}
	sh := newShapes(gen.object)
	countTypes(pass, sh, res)
	written, _ := pass.ResultOf[writesAnalyzer].(writtenVars)
	writes := map[string]bool{}
	if pl == nil {
		return
	}
	self := pl.place(res.Package)
	if self.Component == "" || component.TestSupport(self.Rel, importsTesting(pass.Pkg)) {
		return
	}
	res.Component, res.Module = self.Component, self.Module

	isMain := pass.Pkg.Name() == "main"
	res.Root = pl.root(res.Package, self)
	skipConcrete := cfg.IgnoreMain && isMain || res.Root
	reachMain := cfg.IgnoreMainReach && isMain || res.Root

	edges := map[string]*Edge{}
	local := map[string]*Edge{}
	edgeOf := func(pkg *types.Package) *Edge {
		if e, ok := edges[pkg.Path()]; ok {
			return e // nil for packages of the same or no component
		}
		to := pl.place(pkg.Path())
		if to.Component == "" || to.Component == self.Component {
			edges[pkg.Path()] = nil
			return nil
		}
		e := &Edge{
			To:          pkg.Path(),
			ToName:      pkg.Name(),
			ToComponent: to.Component,
			CrossModule: to.Module != self.Module,
			Forbidden:   !pl.allowed(self.Component, to.Component),
			// Only a component the policy declares has a surface to
			// reach around: directories are no boundary of their own.
			Internal: !reachMain && pl.declared(to.Component) && !pl.public(pkg.Path(), to),
		}
		_, named := cfg.Public[to.Component]
		e.DefaultSurface = !named
		edges[pkg.Path()] = e
		return e
	}

	contracts := map[*types.Package]map[*types.TypeName]bool{}
	genNames := map[string]bool{} // generated files, by name

	for fc := range in.Root().Children() {
		file := fc.Node().(*ast.File)
		if isTestFile(pass, file) {
			continue
		}
		for _, spec := range file.Imports {
			if pkg := importedPackage(pass, spec); pkg != nil {
				if e := edgeOf(pkg); e != nil {
					e.Imports = append(e.Imports, spec.Pos())
				} else if pl.place(pkg.Path()).Component == self.Component {
					l := local[pkg.Path()]
					if l == nil {
						l = &Edge{To: pkg.Path(), ToName: pkg.Name(), ToComponent: self.Component}
						local[pkg.Path()] = l
					}
					l.Imports = append(l.Imports, spec.Pos())
				}
				if pl.place(pkg.Path()).Component != "" && !slices.Contains(res.Imports, pkg.Path()) {
					res.Imports = append(res.Imports, pkg.Path())
				}
			}
		}
		concrete := !skipConcrete && !providerFile(pass, file)
		if gen.file(file) {
			// Its imports are dependencies of the package all the same;
			// its uses are no decision of the code base's authors.
			if tf := pass.Fset.File(file.FileStart); tf != nil {
				genNames[tf.Name()] = true
			}
			continue
		}
		for c := range fc.Preorder((*ast.Ident)(nil)) {
			id := c.Node().(*ast.Ident)
			obj := pass.TypesInfo.Uses[id]
			if obj == nil || obj.Pkg() == nil {
				continue
			}
			if v, ok := obj.(*types.Var); ok && v.IsField() && v.Exported() && concrete {
				// A collaborator of another component's service (its
				// database, its client), reached through a value: the
				// dependent relies on how the service is built. Reading
				// its plain data fields is reading data, and a struct
				// that exports every field (a table of prepared
				// statements) is used through its fields by design.
				if tn := fieldOwner(pass, c); tn != nil && tn.Pkg() != pass.Pkg && sh.service(tn) && sh.handle(v.Type()) && !allExported(tn) && !adapterOf(pass.Pkg, tn.Pkg()) {
					if e := edgeOf(tn.Pkg()); e != nil {
						e.Sites = append(e.Sites, Site{Pos: id.Pos(), Kind: KindSelect, Object: tn.Name() + "." + v.Name()})
					}
				}
				continue
			}
			if obj.Pkg() == pass.Pkg {
				continue
			}
			if obj.Pkg().Scope().Lookup(obj.Name()) != obj {
				continue // a field, method or local: not a package-level object
			}
			if v, ok := obj.(*types.Var); ok && v.Exported() && varUse(c) == KindWrite {
				// main setting a basic variable to a build-time value
				// (-ldflags -X style) is initialisation, not a write.
				if ldflags := isMain && isBasic(v.Type()) && buildValue(pass, c); !ldflags {
					writes[v.Pkg().Path()+"."+v.Name()] = true
				}
			}
			e := edgeOf(obj.Pkg())
			if e == nil {
				continue
			}
			e.Refs++
			var kind Kind
			switch obj := obj.(type) {
			case *types.TypeName:
				if !concrete || !sh.service(obj) {
					continue // a data type, an interface or a named non-struct type
				}
				if adapterOf(pass.Pkg, obj.Pkg()) {
					continue // storage/postgres binding to database/postgres: the adapter's job
				}
				contract, ok := contracts[obj.Pkg()]
				if !ok {
					contract = contractTypes(obj.Pkg())
					contracts[obj.Pkg()] = contract
				}
				if contract[obj] {
					continue // part of an interface's contract: reaching it is unavoidable
				}
				kind = typeUse(c)
			case *types.Var:
				if !obj.Exported() || gen.object(obj) {
					continue // a generated variable (a file descriptor) is no shared state
				}
				kind = varUse(c)
				if kind == KindRead && (immutable(obj.Type()) || cfg.IgnoreErrors && types.Identical(obj.Type(), errorType)) {
					continue
				}
				value := isBasic(obj.Type())
				build := value && kind == KindWrite && isMain && buildValue(pass, c)
				e.Sites = append(e.Sites, Site{Pos: id.Pos(), Kind: kind, Object: obj.Name(),
					Value: value, Written: written[obj], Build: build})
				continue
			default:
				continue
			}
			e.Sites = append(e.Sites, Site{Pos: id.Pos(), Kind: kind, Object: obj.Name()})
		}
	}

	slices.Sort(res.Imports)
	for v := range writes {
		res.Writes = append(res.Writes, v)
	}
	slices.Sort(res.Writes)
	finish := func(e *Edge) {
		sortByPosition(pass.Fset, e.Imports, func(p token.Pos) token.Pos { return p })
		// Hand-written imports first: a decision is positioned at one.
		slices.SortStableFunc(e.Imports, func(a, b token.Pos) int {
			return cmp.Compare(b2i(genNames[pass.Fset.File(a).Name()]), b2i(genNames[pass.Fset.File(b).Name()]))
		})
		for _, p := range e.Imports {
			if !genNames[pass.Fset.File(p).Name()] {
				e.HandWritten++
			}
		}
	}
	for _, l := range local {
		finish(l)
		res.Local = append(res.Local, *l)
	}
	slices.SortFunc(res.Local, func(a, b Edge) int { return strings.Compare(a.To, b.To) })
	for _, e := range edges {
		if e == nil {
			continue
		}
		finish(e)
		sortByPosition(pass.Fset, e.Sites, func(s Site) token.Pos { return s.Pos })
		res.Edges = append(res.Edges, *e)
	}
	slices.SortFunc(res.Edges, func(a, b Edge) int { return strings.Compare(a.To, b.To) })
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// countTypes counts the exported named types declared in the package's
// non-test files, and the interfaces and services among them.
func countTypes(pass *analysis.Pass, sh *shapes, res *Result) {
	scope := pass.Pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() || tn.IsAlias() {
			continue
		}
		if f := pass.Fset.File(tn.Pos()); f != nil && strings.HasSuffix(f.Name(), "_test.go") {
			continue
		}
		res.Types++
		switch {
		case types.IsInterface(tn.Type()):
			res.Interfaces++
		case sh.service(tn):
			res.Services++
		}
	}
}

func isTestFile(pass *analysis.Pass, f *ast.File) bool {
	tf := pass.Fset.File(f.FileStart)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// importedPackage returns the package an import declaration imports.
func importedPackage(pass *analysis.Pass, spec *ast.ImportSpec) *types.Package {
	var obj types.Object
	if spec.Name != nil {
		obj = pass.TypesInfo.Defs[spec.Name]
	}
	if obj == nil {
		obj = pass.TypesInfo.Implicits[spec] // unnamed, blank and dot imports
	}
	if pn, ok := obj.(*types.PkgName); ok {
		return pn.Imported()
	}
	return nil
}

// inInit reports whether c is inside a func init.
func inInit(c inspector.Cursor) bool {
	for p := range c.Enclosing((*ast.FuncDecl)(nil)) {
		fd := p.Node().(*ast.FuncDecl)
		return fd.Recv == nil && fd.Name.Name == "init"
	}
	return false
}

// buildValue reports whether the variable at c is assigned a constant or
// a package-level variable of the analysed package (pkg.V = version).
func buildValue(pass *analysis.Pass, c inspector.Cursor) bool {
	c = up(c)
	if c.ParentEdgeKind() != edge.AssignStmt_Lhs {
		return false
	}
	as := c.Parent().Node().(*ast.AssignStmt)
	if len(as.Lhs) != len(as.Rhs) {
		return false
	}
	_, i := c.ParentEdge()
	rhs := ast.Unparen(as.Rhs[i])
	if tv, ok := pass.TypesInfo.Types[rhs]; ok && tv.Value != nil {
		return true
	}
	id, ok := rhs.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := pass.TypesInfo.Uses[id].(*types.Var)
	return ok && v.Pkg() == pass.Pkg && pass.Pkg.Scope().Lookup(v.Name()) == v
}

// immutable reports whether a variable of type t cannot be shared state:
// an embed.FS, filled in by the compiler and read-only.
func immutable(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "embed" && n.Obj().Name() == "FS"
}

// isBasic reports whether t is a basic type (string, number, bool),
// possibly named.
func isBasic(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Kind() != types.UnsafePointer
}

// importsTesting reports whether pkg imports package testing.
func importsTesting(pkg *types.Package) bool {
	return slices.ContainsFunc(pkg.Imports(), func(p *types.Package) bool { return p.Path() == "testing" })
}

// contractTypes returns the named types that appear in the method
// signatures of pkg's exported interfaces (as parameter or result, possibly
// behind pointers, slices, arrays, maps or channels). They are the data of
// the contract a dependent reaches through the interface, not an
// implementation it could avoid.
func contractTypes(pkg *types.Package) map[*types.TypeName]bool {
	out := map[*types.TypeName]bool{}
	var add func(t types.Type)
	add = func(t types.Type) {
		switch t := types.Unalias(t).(type) {
		case *types.Named:
			out[t.Origin().Obj()] = true
		case *types.Pointer:
			add(t.Elem())
		case *types.Slice:
			add(t.Elem())
		case *types.Array:
			add(t.Elem())
		case *types.Chan:
			add(t.Elem())
		case *types.Map:
			add(t.Key())
			add(t.Elem())
		}
	}
	scope := pkg.Scope()
	for _, name := range scope.Names() {
		tn, ok := scope.Lookup(name).(*types.TypeName)
		if !ok || !tn.Exported() {
			continue
		}
		iface, ok := tn.Type().Underlying().(*types.Interface)
		if !ok {
			continue
		}
		for i := range iface.NumMethods() {
			sig := iface.Method(i).Signature()
			for _, tuple := range []*types.Tuple{sig.Params(), sig.Results()} {
				for j := range tuple.Len() {
					add(tuple.At(j).Type())
				}
			}
		}
	}
	return out
}

// allExported reports whether every field of the struct type tn names is
// exported.
func allExported(tn *types.TypeName) bool {
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	for i := range st.NumFields() {
		if !st.Field(i).Exported() {
			return false
		}
	}
	return true
}

// adapterOf reports whether pkg is an adapter for the technology of dep:
// a package named as dep, or below a directory named so
// (internal/storage/postgres and internal/storage/postgres/gc for
// pkg/database/postgres). An adapter binds to its backend's concrete
// client by design; its siblings bind to theirs, behind the interface
// their parent declares.
func adapterOf(pkg, dep *types.Package) bool {
	if pkg == dep || dep.Name() == "" {
		return false
	}
	// Only below what the two share (the module's path, a common
	// parent): github.com/hashicorp/nomad/command/agent is no adapter of
	// github.com/hashicorp/nomad/nomad.
	a, b := strings.Split(pkg.Path(), "/"), strings.Split(dep.Path(), "/")
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	for _, el := range a[i:] {
		if el == dep.Name() {
			return true
		}
	}
	return false
}

// providerFile reports whether f declares dependency-injection providers:
// it calls wire.NewSet or wire.Build (github.com/google/wire),
// fx.Provide, fx.Module and the like (go.uber.org/fx), or dig's Provide.
// Such a file is wiring: the concrete services its providers take and
// return are the composition's, not a dependency of the package.
func providerFile(pass *analysis.Pass, f *ast.File) bool {
	if !slices.ContainsFunc(f.Imports, func(spec *ast.ImportSpec) bool {
		p, err := strconv.Unquote(spec.Path.Value)
		return err == nil && (p == "github.com/google/wire" || p == "go.uber.org/fx" || p == "go.uber.org/dig")
	}) {
		return false // most files: no walk
	}
	found := false
	ast.Inspect(f, func(n ast.Node) bool {
		if found {
			return false
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return true
		}
		switch fn.Pkg().Path() {
		case "github.com/google/wire":
			found = fn.Name() == "NewSet" || fn.Name() == "Build"
		case "go.uber.org/fx":
			found = fn.Name() == "Provide" || fn.Name() == "Module" || fn.Name() == "Options" || fn.Name() == "Invoke" || fn.Name() == "Decorate"
		case "go.uber.org/dig":
			found = fn.Name() == "Provide"
		}
		return true
	})
	return found
}

// fieldOwner returns the named struct type that declares the field
// selected at c (x.F, or x.F promoted through embedded fields), or nil
// when c is no field selection or the struct is unnamed.
func fieldOwner(pass *analysis.Pass, c inspector.Cursor) *types.TypeName {
	if c.ParentEdgeKind() != edge.SelectorExpr_Sel {
		return nil
	}
	sel := pass.TypesInfo.Selections[c.Parent().Node().(*ast.SelectorExpr)]
	if sel == nil || sel.Kind() != types.FieldVal {
		return nil
	}
	t := sel.Recv()
	for i, idx := range sel.Index() {
		if p, ok := t.Underlying().(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok {
			return nil
		}
		st, ok := named.Underlying().(*types.Struct)
		if !ok {
			return nil
		}
		if i == len(sel.Index())-1 {
			return named.Origin().Obj()
		}
		t = st.Field(idx).Type()
	}
	return nil
}

// up moves from the identifier of a qualified name (pkg.Name) to the
// selector expression, and then through the given wrapping edges.
func up(c inspector.Cursor, through ...edge.Kind) inspector.Cursor {
	if c.ParentEdgeKind() == edge.SelectorExpr_Sel {
		c = c.Parent()
	}
	for slices.Contains(through, c.ParentEdgeKind()) {
		c = c.Parent()
	}
	return c
}

// typeUse classifies the use of a type name at c.
func typeUse(c inspector.Cursor) Kind {
	c = up(c, edge.StarExpr_X, edge.ParenExpr_X, edge.ArrayType_Elt, edge.MapType_Key,
		edge.MapType_Value, edge.ChanType_Value, edge.Ellipsis_Elt, edge.IndexExpr_X, edge.IndexListExpr_X)
	switch c.ParentEdgeKind() {
	case edge.Field_Type:
		field := c.Parent()
		switch field.Parent().ParentEdgeKind() {
		case edge.StructType_Fields:
			if len(field.Node().(*ast.Field).Names) == 0 {
				return KindEmbedded
			}
			return KindField
		case edge.FuncType_Params:
			return KindParam
		case edge.FuncType_Results:
			return KindResult
		}
	case edge.CompositeLit_Type:
		return KindLiteral
	case edge.TypeAssertExpr_Type:
		return KindAssertion
	case edge.CaseClause_List:
		if c.Parent().Parent().ParentEdgeKind() == edge.TypeSwitchStmt_Body {
			return KindAssertion
		}
	}
	return KindType
}

// varUse classifies the use of a package-level variable at c: a write
// when it (or a field or element of it) is assigned, incremented or has
// its address taken.
func varUse(c inspector.Cursor) Kind {
	c = up(c, edge.ParenExpr_X, edge.SelectorExpr_X, edge.IndexExpr_X, edge.StarExpr_X)
	switch c.ParentEdgeKind() {
	case edge.AssignStmt_Lhs, edge.IncDecStmt_X:
		return KindWrite
	case edge.RangeStmt_Key, edge.RangeStmt_Value:
		if c.Parent().Node().(*ast.RangeStmt).Tok == token.ASSIGN {
			return KindWrite
		}
	case edge.UnaryExpr_X:
		if c.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
			return KindWrite
		}
	}
	return KindRead
}

// sortByPosition sorts xs by file name, then offset: token.Pos order
// across files depends on the order the driver parsed them in.
func sortByPosition[T any](fset *token.FileSet, xs []T, pos func(T) token.Pos) {
	slices.SortStableFunc(xs, func(a, b T) int {
		pa, pb := fset.Position(pos(a)), fset.Position(pos(b))
		return cmp.Or(strings.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset))
	})
}
