package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// Where a fact can come from, before type-checking. mayHaveFacts reads
// the objects a package uses; before the package is type-checked, those
// are not known, but they are bounded. An object of another package is
// used by naming it through an import (http.HandleFunc), or as a field
// or method of a type the package's values can have; and every such type
// is built from the package's own declarations and from what the named
// objects' types reach: their fields, methods, parameters and results,
// elements, type arguments, and on. mayHaveFactsParsed follows that
// closure through the imports' types and asks of every object in it what
// mayHaveFacts asks of a use (useFlags.note). A cloud SDK's client names
// smithy's and net/http's request types and reaches net/http's client
// side only: it has no fact, and need not be type-checked to know it.
//
// What mayHaveFacts reads of the package's own definitions and calls is
// read here from their syntax, each test widened to what syntax cannot
// tell apart: an identifier may be a constant, a call of one argument a
// conversion, a method call on a local value any type's.

// mayHaveFactsParsed is mayHaveFacts before type-checking: it answers
// true wherever mayHaveFacts could (TestMayHaveFacts checks it on every
// fixture).
func mayHaveFactsParsed(p *family.Parsed, module string, hasFact func(*types.Func) bool) bool {
	s := &parsedScan{p: p, module: module, hasFact: hasFact, objs: map[types.Object]bool{}, types: map[types.Type]bool{}, decls: map[string]typeDecl{}, consts: map[string][]constDecl{}, selects: map[string]bool{}, methods: map[string]bool{}}
	if !s.scan() {
		return true // an import without types: anything may be
	}
	u := &s.u
	if u.fact {
		return true
	}
	if u.tests && (s.selects["Method"] || s.selects["URL"]) { // a request's, maybe
		for _, d := range s.funcs {
			if s.takesRequest(d) {
				return true
			}
		}
	}
	if u.marshal && u.writer {
		return true
	}
	for _, d := range s.funcs {
		if s.constPath(d) {
			return true
		}
	}
	return s.callsFound()
}

// parsedScan is what mayHaveFactsParsed collects of a package's files.
type parsedScan struct {
	p          *family.Parsed
	module     string
	hasFact    func(*types.Func) bool
	u          useFlags
	objs       map[types.Object]bool  // reached, noted
	types      map[types.Type]bool    // walked
	decls      map[string]typeDecl    // the package's own types, by name
	consts     map[string][]constDecl // the package's constants, local ones too, by name
	selects    map[string]bool        // the names selected (x.Name), but those of an import
	methods    map[string]bool        // the names of the package's methods and interface methods
	ownMethods map[string]bool        // the names of the methods of the module's other packages reached
	funcs      []funcScope            // the package's function declarations
	calls      []callScope
	pieces     []string // constant strings: literals, named constants' values
	concat     bool     // strings may be added
	runes      bool     // a value converted to a string: a rune's, maybe
}

// fileScope is what a file's names refer to outside the package.
type fileScope struct {
	names map[string]*types.Package // by import name
	dots  []*types.Package          // imported with "."
}

type typeDecl struct {
	f    *fileScope
	spec *ast.TypeSpec
}

// constDecl is a constant's value as written, or the one it repeats
// (a list of constants counting with iota); nil when there is none.
type constDecl struct {
	f     *fileScope
	value ast.Expr
}

type funcScope struct {
	f *fileScope
	d *ast.FuncDecl
}

type callScope struct {
	f    *fileScope
	call *ast.CallExpr
}

// scan reads the files: the objects they name through their imports,
// and what reaches from those; the package's aliases, functions, calls
// and constant strings. It reports false when an import has no types.
func (s *parsedScan) scan() bool {
	for _, file := range s.p.Files {
		f := &fileScope{names: map[string]*types.Package{}}
		for _, spec := range file.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				return false
			}
			pkg := s.p.Import(path)
			if pkg == nil {
				return false
			}
			switch name := spec.Name; {
			case name == nil:
				f.names[pkg.Name()] = pkg
			case name.Name == ".":
				f.dots = append(f.dots, pkg)
			case name.Name != "_":
				f.names[name.Name] = pkg
			}
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				s.funcs = append(s.funcs, funcScope{f, d})
				if d.Recv != nil {
					s.methods[d.Name.Name] = true
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if ts, ok := spec.(*ast.TypeSpec); ok {
						s.decls[ts.Name.Name] = typeDecl{f, ts}
					}
				}
			}
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.SelectorExpr:
				if obj := s.qualified(f, n); obj != nil {
					s.named(obj)
				} else {
					s.selects[n.Sel.Name] = true
				}
			case *ast.InterfaceType:
				for _, m := range n.Methods.List {
					for _, id := range m.Names {
						s.methods[id.Name] = true
					}
				}
			case *ast.Ident:
				for _, pkg := range f.dots {
					if obj := pkg.Scope().Lookup(n.Name); obj != nil {
						s.named(obj)
					}
				}
			case *ast.BasicLit:
				if n.Kind == token.STRING || n.Kind == token.CHAR {
					if v, err := strconv.Unquote(n.Value); err == nil {
						s.pieces = append(s.pieces, v)
					}
				}
			case *ast.BinaryExpr:
				s.concat = s.concat || n.Op == token.ADD
			case *ast.GenDecl:
				if n.Tok == token.CONST {
					var last []ast.Expr // a spec without values repeats the last ones
					for _, spec := range n.Specs {
						vs := spec.(*ast.ValueSpec)
						if len(vs.Values) > 0 {
							last = vs.Values
						}
						for i, id := range vs.Names {
							var value ast.Expr
							if i < len(last) {
								value = last[i]
							}
							s.consts[id.Name] = append(s.consts[id.Name], constDecl{f, value})
						}
					}
				}
			case *ast.CallExpr:
				s.calls = append(s.calls, callScope{f, n})
				if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "string" {
					s.runes = true
				}
			}
			return true
		})
	}
	return true
}

// qualified returns the object an imported package's name qualifies
// (http.HandleFunc), or nil.
func (s *parsedScan) qualified(f *fileScope, sel *ast.SelectorExpr) types.Object {
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return nil
	}
	pkg := f.names[x.Name]
	if pkg == nil {
		return nil
	}
	return pkg.Scope().Lookup(sel.Sel.Name)
}

// named notes an object the package names, and what it reaches.
func (s *parsedScan) named(obj types.Object) {
	s.u.writer = s.u.writer || namesWriter(obj)
	if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String {
		s.pieces = append(s.pieces, constant.StringVal(c.Val()))
	}
	s.reach(obj)
}

// reach notes obj, an object of another package the package's code may
// use, and walks its type.
func (s *parsedScan) reach(obj types.Object) {
	if s.objs[obj] || s.u.fact {
		return
	}
	s.objs[obj] = true
	switch {
	case obj.Exported():
		s.u.note(obj, s.hasFact)
	case webType(obj.Type()):
		// Only exported objects can be used; a value of an unexported
		// type (a registrar interface) can be defined.
		_, typ := obj.(*types.TypeName)
		s.u.fact = typ
	}
	s.walk(obj.Type())
}

// walk reaches the objects a value of type t gives access to: the named
// types it is built of, their fields and methods.
func (s *parsedScan) walk(t types.Type) {
	if t == nil || s.types[t] || s.u.fact {
		return
	}
	s.types[t] = true
	switch t := t.(type) {
	case *types.Named:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			s.walk(t.TypeArgs().At(i))
		}
		t = t.Origin()
		s.reach(t.Obj())
		s.walk(t.Underlying())
		for i := 0; i < t.NumMethods(); i++ {
			if m := t.Method(i); m.Exported() {
				s.reach(m)
			}
		}
	case *types.Alias:
		for i := 0; i < t.TypeArgs().Len(); i++ {
			s.walk(t.TypeArgs().At(i))
		}
		s.reach(t.Obj())
		s.walk(t.Rhs())
	case *types.Pointer:
		s.walk(t.Elem())
	case *types.Slice:
		s.walk(t.Elem())
	case *types.Array:
		s.walk(t.Elem())
	case *types.Chan:
		s.walk(t.Elem())
	case *types.Map:
		s.walk(t.Key())
		s.walk(t.Elem())
	case *types.Struct:
		for i := 0; i < t.NumFields(); i++ {
			if f := t.Field(i); f.Exported() || f.Embedded() { // an embedded field's members are promoted
				s.reach(f)
			}
		}
	case *types.Signature:
		for _, tp := range []*types.TypeParamList{t.RecvTypeParams(), t.TypeParams()} {
			for i := 0; i < tp.Len(); i++ {
				s.walk(tp.At(i).Constraint())
			}
		}
		s.walk(t.Params())
		s.walk(t.Results())
	case *types.Tuple:
		for i := 0; i < t.Len(); i++ {
			s.walk(t.At(i).Type())
		}
	case *types.Interface:
		for i := 0; i < t.NumMethods(); i++ {
			if m := t.Method(i); m.Exported() {
				s.reach(m)
			}
		}
		for i := 0; i < t.NumEmbeddeds(); i++ {
			s.walk(t.EmbeddedType(i))
		}
	case *types.Union:
		for i := 0; i < t.Len(); i++ {
			s.walk(t.Term(i).Type())
		}
	case *types.TypeParam:
		s.walk(t.Constraint())
	}
}

// takesRequest reports whether a function may take an *http.Request (see
// takesRequest and requestParam).
func (s *parsedScan) takesRequest(fs funcScope) bool {
	for _, field := range fs.d.Type.Params.List {
		if star, ok := ast.Unparen(field.Type).(*ast.StarExpr); ok && s.namesRequest(fs.f, star.X, 0) {
			return true
		}
	}
	return false
}

// namesRequest reports whether a type expression may name
// http.Request or a pointer to it (isNamed looks through one), through
// aliases.
func (s *parsedScan) namesRequest(f *fileScope, e ast.Expr, depth int) bool {
	if depth > 10 {
		return true // aliases in a cycle do not type-check; no answer needed
	}
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return depth == 0 && s.namesRequest(f, e.X, depth+1)
	case *ast.SelectorExpr:
		obj = s.qualified(f, e)
	case *ast.Ident:
		if d, ok := s.decls[e.Name]; ok {
			return d.spec.Assign.IsValid() && s.namesRequest(d.f, d.spec.Type, depth+1)
		}
		obj = s.dotted(f, e.Name)
	}
	tn, ok := obj.(*types.TypeName)
	return ok && isNamed(tn.Type(), "net/http", "Request")
}

// dotted returns the object a dot-import gives name, or nil.
func (s *parsedScan) dotted(f *fileScope, name string) types.Object {
	for _, pkg := range f.dots {
		if obj := pkg.Scope().Lookup(name); obj != nil {
			return obj
		}
	}
	return nil
}

// stringType reports whether a type expression may name a type whose
// underlying type is a string (see isString).
func (s *parsedScan) stringType(f *fileScope, e ast.Expr, depth int) bool {
	if depth > 10 {
		return true
	}
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if d, ok := s.decls[e.Name]; ok {
			return d.spec.TypeParams == nil && s.stringType(d.f, d.spec.Type, depth+1)
		}
		if e.Name == "string" {
			return true
		}
		obj = s.dotted(f, e.Name)
	case *ast.SelectorExpr:
		obj = s.qualified(f, e)
	}
	tn, ok := obj.(*types.TypeName)
	return ok && isString(tn.Type())
}

// constPath reports whether every return statement of a function may
// give a constant path first (see constFirstResult).
func (s *parsedScan) constPath(fs funcScope) bool {
	d := fs.d
	if d.Body == nil || d.Type.Results == nil || len(d.Type.Results.List) == 0 || !s.stringType(fs.f, d.Type.Results.List[0].Type, 0) {
		return false
	}
	found, ok := false, true
	ast.Inspect(d.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
			ok = ok && len(n.Results) > 0 && s.maybeString(fs.f, n.Results[0], func(v string) bool { return strings.HasPrefix(v, "/") }, 0)
		}
		return ok
	})
	return found && ok
}

// maybeString reports whether e may be a constant string whose value
// test accepts: an identifier may name a constant the package declares
// or a dot-import gives, a call of one argument convert one, an addition
// start with either side (the other may be empty).
func (s *parsedScan) maybeString(f *fileScope, e ast.Expr, test func(string) bool, depth int) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		v, err := strconv.Unquote(e.Value)
		return e.Kind == token.STRING && err == nil && test(v)
	case *ast.Ident:
		for _, c := range s.consts[e.Name] {
			if c.value == nil || depth > 10 || s.maybeString(c.f, c.value, test, depth+1) {
				return true
			}
		}
		c, ok := s.dotted(f, e.Name).(*types.Const)
		return ok && c.Val().Kind() == constant.String && test(constant.StringVal(c.Val()))
	case *ast.SelectorExpr:
		c, ok := s.qualified(f, e).(*types.Const)
		return ok && c.Val().Kind() == constant.String && test(constant.StringVal(c.Val()))
	case *ast.BinaryExpr:
		return e.Op == token.ADD && (s.maybeConst(f, e.X) && s.maybeConst(f, e.Y))
	case *ast.CallExpr:
		// A conversion: of a string, or of a rune's code.
		if len(e.Args) != 1 || !s.typeName(f, e.Fun) {
			return false
		}
		arg := e.Args[0]
		if lit, ok := ast.Unparen(arg).(*ast.BasicLit); ok && lit.Kind == token.STRING {
			return s.maybeString(f, arg, test, depth+1)
		}
		return s.maybeConst(f, arg)
	}
	return false
}

// typeName reports whether e may name a type: a conversion's.
func (s *parsedScan) typeName(f *fileScope, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		if _, ok := s.decls[e.Name]; ok {
			return true
		}
		if _, ok := types.Universe.Lookup(e.Name).(*types.TypeName); ok {
			return true
		}
		_, ok := s.dotted(f, e.Name).(*types.TypeName)
		return ok
	case *ast.SelectorExpr:
		_, ok := s.qualified(f, e).(*types.TypeName)
		return ok
	case *ast.IndexExpr, *ast.IndexListExpr:
		return true // an instantiated type, maybe
	}
	return false
}

// maybeConst reports whether e may be a constant.
func (s *parsedScan) maybeConst(f *fileScope, e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		_, ok := s.dotted(f, e.Name).(*types.Const)
		return ok || len(s.consts[e.Name]) > 0 || e.Name == "true" || e.Name == "false" || e.Name == "iota"
	case *ast.SelectorExpr:
		_, ok := s.qualified(f, e).(*types.Const)
		return ok
	case *ast.BinaryExpr:
		return s.maybeConst(f, e.X) && s.maybeConst(f, e.Y)
	case *ast.UnaryExpr:
		return s.maybeConst(f, e.X)
	case *ast.CallExpr:
		// A conversion, or a built-in function of a constant (len).
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok {
			if _, builtin := types.Universe.Lookup(id.Name).(*types.Builtin); builtin {
				return true
			}
		}
		return len(e.Args) == 1 && s.typeName(f, e.Fun) && s.maybeConst(f, e.Args[0])
	}
	return false
}

// contentType reports whether the package may hold the constant
// "Content-Type": a literal or a named constant of that value, or, where
// strings are added, one of its beginnings or a rune's string.
func (s *parsedScan) contentType() bool {
	const name = "content-type"
	for _, v := range s.pieces {
		v = strings.ToLower(v)
		if v == name || s.concat && v != "" && strings.HasPrefix(name, v) {
			return true
		}
	}
	return s.concat && s.runes
}

// callsFound is callOrigins.found on the calls' syntax: a header's
// Set("Content-Type", v) on a header that is no field, a decoder made
// on a body, an encoder's Encode, a function that may be the module's
// own handed a "Content-Type" pair.
func (s *parsedScan) callsFound() bool {
	o := s.u.calls
	contentType := s.contentType()
	if !contentType && !o.decode && !o.encode {
		return false
	}
	request := false
	for obj := range s.objs {
		if tn, ok := obj.(*types.TypeName); ok && isNamed(tn.Type(), "net/http", "Request") {
			request = true
			break
		}
	}
	for _, c := range s.calls {
		call := c.call
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		switch {
		case o.setHeader && contentType && isSel && sel.Sel.Name == "Set":
			if _, field := ast.Unparen(sel.X).(*ast.SelectorExpr); !field && s.pair(c.f, call.Args) {
				return true
			}
		case o.decode && request && isSel && sel.Sel.Name == "Decode":
			if body, ok := ast.Unparen(coderArg(call)).(*ast.SelectorExpr); ok && body.Sel.Name == "Body" {
				return true
			}
		case o.encode && isSel && sel.Sel.Name == "Encode":
			return true
		}
		if contentType && s.maybeOwn(c.f, call) && s.pair(c.f, call.Args) {
			return true
		}
	}
	return false
}

// pair reports whether args may hold a "Content-Type" header name and a
// constant value side by side (see contentTypePair).
func (s *parsedScan) pair(f *fileScope, args []ast.Expr) bool {
	for i := 0; i+1 < len(args); i++ {
		if s.maybeString(f, args[i], func(v string) bool { return strings.EqualFold(v, "Content-Type") }, 0) &&
			s.maybeString(f, args[i+1], func(string) bool { return true }, 0) {
			return true
		}
	}
	return false
}

// maybeOwn reports whether call may call a function of the package's own
// module (see ownCode): any but a function of another module named
// through its import.
func (s *parsedScan) maybeOwn(f *fileScope, call *ast.CallExpr) bool {
	fun := ast.Unparen(call.Fun)
	switch x := fun.(type) {
	case *ast.IndexExpr:
		fun = x.X
	case *ast.IndexListExpr:
		fun = x.X
	}
	switch fun := fun.(type) {
	case *ast.FuncLit:
		return false
	case *ast.SelectorExpr:
		if obj := s.qualified(f, fun); obj != nil {
			return obj.Pkg() != nil && ownCode(s.module, s.p.Path, obj.Pkg().Path())
		}
		return s.ownMethod(fun.Sel.Name)
	}
	return true
}

// ownMethod reports whether a method of the module's own may be named
// so: the package's, or one its code reaches of another package of the
// module.
func (s *parsedScan) ownMethod(name string) bool {
	if s.methods[name] {
		return true
	}
	if s.ownMethods == nil {
		s.ownMethods = map[string]bool{}
		for obj := range s.objs {
			if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && fn.Signature().Recv() != nil && ownCode(s.module, s.p.Path, fn.Pkg().Path()) {
				s.ownMethods[fn.Name()] = true
			}
		}
	}
	return s.ownMethods[name]
}
