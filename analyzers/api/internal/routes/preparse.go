package routes

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

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
	s := &parsedScan{p: p, module: module, hasFact: hasFact, decls: map[string]typeDecl{}, consts: map[string][]constDecl{}, methods: map[string]bool{}, localTypes: map[string]bool{}, headerVars: map[string]bool{}, bodyVars: map[string]bool{}}
	if !s.scan() {
		return true // an import without types: anything may be
	}
	u := &s.u
	if u.fact {
		return true
	}
	if u.tests && s.urlPath { // a request's, maybe
		for _, d := range s.funcs {
			if s.takesRequest(d) {
				return true
			}
		}
	}
	if u.marshal && u.writer && s.marshalsAnswering() {
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
	request    bool                   // net/http's Request reached
	decls      map[string]typeDecl    // the package's own types, by name
	consts     map[string][]constDecl // the package's constants, local ones too, by name
	urlPath    bool                   // x.URL.Path read (see readsURLPath)
	methods    map[string]bool        // the names of the package's methods and interface methods
	ownMethods map[string]bool        // the names of the methods of the module's other packages reached
	funcs      []funcScope            // the package's function declarations
	lits       []litScope             // its function literals
	calls      []callScope
	pieces     []string        // constant strings short enough to be a "Content-Type" (see notePiece)
	concat     bool            // strings may be added
	runeCalls  []callScope     // calls of one argument but a string literal: conversions of a rune, maybe
	localTypes map[string]bool // the names of the types declared in functions
	// headerVars are the names of the variables that may hold what a
	// Header method gave (h := w.Header(), or another variable's value):
	// a Set on no other variable writes a response's header (see
	// viaMethod). bodyVars are those that may hold a request's body, a
	// reader made on one or a decoder (dec := json.NewDecoder(r.Body);
	// see mayBeBody and decodesRequest), found from assigned, the
	// variables given a value and the value, once a Decode asks.
	headerVars, bodyVars map[string]bool
	assigned             []assignment
	bodyVarsDone         bool
}

// assignment is a variable named given a value.
type assignment struct {
	name  string
	value ast.Expr
}

// fileScope is what a file's names refer to outside the package.
type fileScope struct {
	*family.FileImports
	// shadowed are the names the file declares inside its functions:
	// one may hide an import's name (a parameter named url), and x.Sel
	// then selects a field or method, whatever the import holds.
	shadowed map[string]bool
}

// imported returns the object e qualifies through an import the file's
// functions do not hide, or nil.
func (f *fileScope) imported(e *ast.SelectorExpr) types.Object {
	if x, ok := e.X.(*ast.Ident); ok && f.shadowed[x.Name] {
		return nil
	}
	return f.Qualified(e)
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

type litScope struct {
	f   *fileScope
	lit *ast.FuncLit
}

type callScope struct {
	f    *fileScope
	call *ast.CallExpr
}

// scan reads the files: the objects they name through their imports,
// and what reaches from those; the package's own types, functions,
// calls, constants and constant strings. It reports false when an
// import has no types.
func (s *parsedScan) scan() bool {
	scopes := make(map[*ast.File]*fileScope, len(s.p.Files))
	for _, file := range s.p.Files {
		imports, ok := s.p.Imports(file)
		if !ok {
			return false
		}
		// f.shadowed is complete once the file is walked: only the checks
		// after the scan read it (imported).
		f := &fileScope{FileImports: imports, shadowed: map[string]bool{}}
		scopes[file] = f
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
	}
	// One walk of the files: the objects they name (Named) are found on
	// it too.
	var cur *ast.File
	var f *fileScope
	s.p.Walk(func(file *ast.File, n ast.Node) bool {
		if file != cur {
			cur, f = file, scopes[file]
		}
		f.noteShadowing(n)
		switch n := n.(type) {
		case *ast.SelectorExpr:
			s.urlPath = s.urlPath || isURLPath(n)
		case *ast.FuncLit:
			s.lits = append(s.lits, litScope{f, n})
		case *ast.TypeSpec:
			s.localTypes[n.Name.Name] = true
		case *ast.InterfaceType:
			for _, m := range n.Methods.List {
				for _, id := range m.Names {
					s.methods[id.Name] = true
				}
			}
		case *ast.BasicLit:
			if (n.Kind == token.STRING || n.Kind == token.CHAR) && len(n.Value) <= 2+maxEscape*utf8.RuneCountInString(contentTypeName) {
				if v, err := strconv.Unquote(n.Value); err == nil {
					s.notePiece(v)
				}
			}
		case *ast.BinaryExpr:
			s.concat = s.concat || n.Op == token.ADD
		case *ast.AssignStmt:
			s.noteVars(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			s.noteVars(identExprs(n.Names), n.Values)
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
			if len(n.Args) == 1 {
				if lit, ok := ast.Unparen(n.Args[0]).(*ast.BasicLit); !ok || lit.Kind != token.STRING {
					s.runeCalls = append(s.runeCalls, callScope{f, n})
				}
			}
		}
		return false
	})
	named, ok := s.p.Named()
	if !ok {
		return false
	}
	for _, obj := range named {
		s.u.writer = s.u.writer || namesWriter(obj)
		if c, ok := obj.(*types.Const); ok && c.Val().Kind() == constant.String {
			s.notePiece(constant.StringVal(c.Val()))
		}
	}
	r, ok := family.Fold(s.p, &reachKey, func(obj types.Object) reachFlags {
		var r reachFlags
		switch {
		case obj.Exported():
			r.u.note(obj, s.hasFact)
		case webType(obj.Type()):
			// Only exported objects can be used; a value of an
			// unexported type (a registrar interface) can be defined.
			_, r.u.fact = obj.(*types.TypeName)
		}
		if tn, ok := obj.(*types.TypeName); ok && isNamed(tn.Type(), "net/http", "Request") {
			r.request = true
		}
		return r
	}, reachFlags.or, func(r reachFlags) bool { return r.u.fact })
	s.u = s.u.or(r.u)
	s.request = r.request
	return ok
}

// reachKey names the fold of reachFlags in a family.Memo.
var reachKey family.FoldKey

// reachFlags is what parsedScan reads of the objects the package's code
// may reach (family.Fold): the uses they make possible, and whether one
// is net/http's Request.
type reachFlags struct {
	u       useFlags
	request bool
}

func (r reachFlags) or(q reachFlags) reachFlags {
	return reachFlags{u: r.u.or(q.u), request: r.request || q.request}
}

// marshalsAnswering is marshalsAnswering before type-checking: a
// function or function literal with a parameter whose type may be
// io.Writer calls a function named as a marshalling one.
func (s *parsedScan) marshalsAnswering() bool {
	try := func(f *fileScope, ft *ast.FuncType, body *ast.BlockStmt, local bool) bool {
		if body == nil || !slices.ContainsFunc(ft.Params.List, func(p *ast.Field) bool { return s.namesType(f, p.Type, 1, local, 0, isWriter) }) {
			return false
		}
		return family.AnyNode(body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return false
			}
			switch fun := family.CallFun(call).(type) {
			case *ast.SelectorExpr:
				return isMarshalName(fun.Sel.Name)
			case *ast.Ident:
				return isMarshalName(fun.Name) // a dot import's
			}
			return false
		})
	}
	for _, d := range s.funcs {
		if try(d.f, d.d.Type, d.d.Body, false) {
			return true
		}
	}
	for _, l := range s.lits {
		if try(l.f, l.lit.Type, l.lit.Body, true) {
			return true
		}
	}
	return false
}

// takesRequest reports whether a function may take an *http.Request (see
// takesRequest and requestParam).
func (s *parsedScan) takesRequest(fs funcScope) bool {
	for _, field := range fs.d.Type.Params.List {
		if star, ok := ast.Unparen(field.Type).(*ast.StarExpr); ok && s.namesType(fs.f, star.X, 1, false, 0, isRequest) {
			return true
		}
	}
	return false
}

// namesType reports whether a type expression may name a type test
// accepts: through parentheses, up to stars pointers, instantiations,
// and aliases (the package's, a dot import's, another package's). In a
// function (local: a function literal's signature), a name declared as
// a type in some function, whose declaration is not kept, may be
// anything.
func (s *parsedScan) namesType(f *fileScope, e ast.Expr, stars int, local bool, depth int, test func(types.Type) bool) bool {
	if depth > 10 {
		return true // aliases in a cycle do not type-check; no answer needed
	}
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.StarExpr:
		return stars > 0 && s.namesType(f, e.X, stars-1, local, depth+1, test)
	case *ast.IndexExpr:
		return s.namesType(f, e.X, stars, local, depth+1, test)
	case *ast.IndexListExpr:
		return s.namesType(f, e.X, stars, local, depth+1, test)
	case *ast.SelectorExpr:
		obj = f.Qualified(e)
	case *ast.Ident:
		if local && s.localTypes[e.Name] {
			return true
		}
		if d, ok := s.decls[e.Name]; ok {
			return d.spec.Assign.IsValid() && s.namesType(d.f, d.spec.Type, stars, false, depth+1, test)
		}
		obj = f.Dotted(e.Name)
	}
	tn, ok := obj.(*types.TypeName)
	return ok && test(tn.Type())
}

// isRequest and isWriter are namesType's tests of takesRequest's and
// answers' types (isNamed looks through one pointer).
func isRequest(t types.Type) bool { return isNamed(t, "net/http", "Request") }
func isWriter(t types.Type) bool  { return isNamed(t, "io", "Writer") }

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
			return s.stringType(d.f, d.spec.Type, depth+1) // a generic type's is no type parameter
		}
		if e.Name == "string" {
			return true
		}
		obj = f.Dotted(e.Name)
	case *ast.SelectorExpr:
		obj = f.Qualified(e)
	case *ast.IndexExpr:
		return s.stringType(f, e.X, depth+1)
	case *ast.IndexListExpr:
		return s.stringType(f, e.X, depth+1)
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
		c, ok := f.Dotted(e.Name).(*types.Const)
		return ok && c.Val().Kind() == constant.String && test(constant.StringVal(c.Val()))
	case *ast.SelectorExpr:
		c, ok := f.Qualified(e).(*types.Const)
		return ok && c.Val().Kind() == constant.String && test(constant.StringVal(c.Val()))
	case *ast.BinaryExpr:
		return e.Op == token.ADD && (s.maybeConst(f, e.X) && s.maybeConst(f, e.Y))
	case *ast.CallExpr:
		// min and max give one of their arguments.
		if id, ok := ast.Unparen(e.Fun).(*ast.Ident); ok && (id.Name == "min" || id.Name == "max") {
			return slices.ContainsFunc(e.Args, func(a ast.Expr) bool { return s.maybeString(f, a, test, depth+1) })
		}
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
		if _, ok := s.decls[e.Name]; ok || s.localTypes[e.Name] {
			return true
		}
		if _, ok := types.Universe.Lookup(e.Name).(*types.TypeName); ok {
			return true
		}
		_, ok := f.Dotted(e.Name).(*types.TypeName)
		return ok
	case *ast.SelectorExpr:
		_, ok := f.Qualified(e).(*types.TypeName)
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
		_, ok := f.Dotted(e.Name).(*types.Const)
		return ok || len(s.consts[e.Name]) > 0 || e.Name == "true" || e.Name == "false" || e.Name == "iota"
	case *ast.SelectorExpr:
		_, ok := f.Qualified(e).(*types.Const)
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

// contentTypeName is the header name contentType looks for, lower-case.
const contentTypeName = "content-type"

// maxEscape is the most bytes a string literal spends on one ASCII
// rune of its value (\U00000043): only ASCII runes lower-case to those
// of contentTypeName (the two others that lower-case to ASCII, İ and the
// Kelvin sign, give letters it lacks).
const maxEscape = 10

// notePiece keeps v, a constant string, for contentType if it may be
// contentTypeName or its beginning once lower-cased: lower-casing maps
// rune to rune, so no longer string can. A package embedding files as
// string literals (megabytes of them) keeps none.
func (s *parsedScan) notePiece(v string) {
	if utf8.RuneCountInString(v) <= utf8.RuneCountInString(contentTypeName) {
		s.pieces = append(s.pieces, v)
	}
}

// contentType reports whether the package may hold the constant
// "Content-Type": a literal or a named constant of that value, or, where
// strings are added, one of its beginnings or a rune's string.
func (s *parsedScan) contentType() bool {
	for _, v := range s.pieces {
		v = strings.ToLower(v)
		if v == contentTypeName || s.concat && v != "" && strings.HasPrefix(contentTypeName, v) {
			return true
		}
	}
	return s.concat && slices.ContainsFunc(s.runeCalls, func(c callScope) bool { return s.typeName(c.f, c.call.Fun) })
}

// callsFound is callOrigins.found on the calls' syntax: a header's
// Set("Content-Type", v) on a header a Header method may have given
// (mayBeResponseHeader), a decoder made
// on a body, an encoder's Encode, a function that may be the module's
// own handed a "Content-Type" pair.
func (s *parsedScan) callsFound() bool {
	o := s.u.calls
	contentType := s.contentType()
	if !contentType && !o.decode && !o.encode && !o.execute {
		return false
	}
	request := s.request
	for _, c := range s.calls {
		call := c.call
		sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		switch {
		case o.setHeader && contentType && isSel && sel.Sel.Name == "Set":
			if s.mayBeResponseHeader(sel.X) && s.pair(c.f, call.Args) {
				return true
			}
		case o.decode && request && isSel && sel.Sel.Name == "Decode":
			// A decoder made on a body, here or held in a variable.
			s.noteBodyVars()
			if s.mayBeBody(coderArg(call), 0) || s.mayBeBody(sel.X, 0) {
				return true
			}
		case o.encode && isSel && sel.Sel.Name == "Encode":
			return true
		case o.execute && isSel && isExecuteName(sel.Sel.Name) && len(call.Args) > 0 && !addressOf(call.Args[0]):
			// Executed into what may be an interface (toBuffer).
			return true
		}
		if contentType && s.pair(c.f, call.Args) && s.maybeOwn(c.f, call) {
			return true
		}
	}
	return false
}

// noteVars notes the variables of lhs that the values of rhs may give
// what a Header method gave — a call of a function or method named
// Header, or another variable — and keeps each variable given a call, a
// selector or another variable, with that value, for noteBodyVars. A
// call giving several values counts for each.
func (s *parsedScan) noteVars(lhs, rhs []ast.Expr) {
	for i, l := range lhs {
		id, ok := l.(*ast.Ident)
		if !ok {
			continue
		}
		var r ast.Expr
		switch {
		case len(rhs) == len(lhs):
			r = rhs[i]
		case len(rhs) == 1:
			r = rhs[0]
		default:
			continue
		}
		if headerCall(r) {
			s.headerVars[id.Name] = true
		} else if _, ok := ast.Unparen(r).(*ast.Ident); ok {
			s.headerVars[id.Name] = true
		}
		switch ast.Unparen(r).(type) {
		case *ast.CallExpr, *ast.SelectorExpr, *ast.Ident:
			s.assigned = append(s.assigned, assignment{id.Name, r})
		}
	}
}

// noteBodyVars finds, once, the variables that may hold a request's
// body, a reader of one or a decoder made on either: those given a value
// mayBeBody accepts, whichever order the assignments come in.
func (s *parsedScan) noteBodyVars() {
	if s.bodyVarsDone {
		return
	}
	s.bodyVarsDone = true
	for changed := true; changed; {
		changed = false
		for _, a := range s.assigned {
			if !s.bodyVars[a.name] && s.mayBeBody(a.value, 0) {
				s.bodyVars[a.name] = true
				changed = true
			}
		}
	}
}

// mayBeBody reports whether e may read a request's body, as
// requestBody asks once types are known: a selector named Body, a
// variable of bodyVars, or a call (a reader's maker, a decoder's) one of
// whose arguments may; deeper than requestBody follows, anything may.
func (s *parsedScan) mayBeBody(e ast.Expr, depth int) bool {
	if depth > maxBodyDepth {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "Body"
	case *ast.Ident:
		return s.bodyVars[e.Name]
	case *ast.CallExpr:
		return slices.ContainsFunc(e.Args, func(arg ast.Expr) bool { return s.mayBeBody(arg, depth+1) })
	}
	return false
}

// addressOf reports whether e takes an address (&buf): a pointer, of a
// concrete type.
func addressOf(e ast.Expr) bool {
	u, ok := ast.Unparen(e).(*ast.UnaryExpr)
	return ok && u.Op == token.AND
}

// headerCall reports whether e calls a function or method named Header.
func headerCall(e ast.Expr) bool {
	call, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.SelectorExpr:
		return fun.Sel.Name == "Header"
	case *ast.Ident:
		return fun.Name == "Header"
	}
	return false
}

// mayBeResponseHeader reports whether e, the header a Set is called on,
// may be what a Header method gave, as viaMethod asks once types are
// known: such a call, or a variable given one.
func (s *parsedScan) mayBeResponseHeader(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		return headerCall(e)
	case *ast.Ident:
		return s.headerVars[e.Name]
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
	fun := family.CallFun(call)
	switch fun := fun.(type) {
	case *ast.FuncLit:
		return false
	case *ast.SelectorExpr:
		if obj := f.imported(fun); obj != nil {
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
		// Rarely asked (a call handed a "Content-Type" pair): the objects
		// reached, walked for this package alone.
		s.ownMethods = map[string]bool{}
		s.p.Reach(func(obj types.Object) bool {
			if fn, ok := obj.(*types.Func); ok && fn.Pkg() != nil && fn.Signature().Recv() != nil && ownCode(s.module, s.p.Path, fn.Pkg().Path()) {
				s.ownMethods[fn.Name()] = true
			}
			return true
		})
	}
	return s.ownMethods[name]
}

// noteShadowing adds to f.shadowed the names n declares inside the
// file's functions, n one of the file's nodes: parameters, results,
// receivers and type parameters, variables, constants and types, those
// := and range define.
func (f *fileScope) noteShadowing(n ast.Node) {
	fields := func(l *ast.FieldList) {
		if l == nil {
			return
		}
		for _, fld := range l.List {
			for _, id := range fld.Names {
				f.shadowed[id.Name] = true
			}
		}
	}
	idents := func(es ...ast.Expr) {
		for _, e := range es {
			if id, ok := e.(*ast.Ident); ok {
				f.shadowed[id.Name] = true
			}
		}
	}
	switch n := n.(type) {
	case *ast.FuncDecl:
		fields(n.Recv)
	case *ast.FuncType:
		fields(n.TypeParams)
		fields(n.Params)
		fields(n.Results)
	case *ast.AssignStmt:
		if n.Tok == token.DEFINE {
			idents(n.Lhs...)
		}
	case *ast.RangeStmt:
		if n.Tok == token.DEFINE {
			idents(n.Key, n.Value)
		}
	case *ast.DeclStmt:
		for _, spec := range n.Decl.(*ast.GenDecl).Specs {
			switch spec := spec.(type) {
			case *ast.ValueSpec:
				for _, id := range spec.Names {
					f.shadowed[id.Name] = true
				}
			case *ast.TypeSpec:
				f.shadowed[spec.Name.Name] = true
			}
		}
	}
}
