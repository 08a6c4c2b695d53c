package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// The extractor follows router values through a package: a node is one
// router (made here, received as a parameter, returned, or held in a
// variable or field), routes are registered on nodes at paths relative to
// them, and edges mount one node below another at a prefix. At the end,
// the routes of the nodes nothing mounts are the package's routes, and
// the routes below parameters and results become facts.

type nodeKind int

const (
	nodeCreated nodeKind = iota // made here: http.NewServeMux(), gin.New(), a call result
	nodeGlobal                  // http.DefaultServeMux
	nodeParam                   // a router parameter of a function
	nodeResult                  // the router a function returns
	nodeHolder                  // a field or package variable
	nodeUnknown                 // a router from somewhere the extractor cannot see
)

type node struct {
	kind  nodeKind
	fn    *types.Func // for nodeParam, nodeResult
	index int         // parameter index
	used  bool        // nodeResult: a call in this package uses the result
	// root: a framework's root router (*gin.Engine, *echo.Echo,
	// *fiber.App, *httprouter.Router) held or reached where the
	// extractor cannot see where it is served. A root router serves its
	// paths as they are unless something mounts it, so its routes get
	// no unknown prefix.
	root bool
}

type edge struct {
	child, parent *node
	prefix        string // where the child's routes appear below the parent
	mount         bool   // the child's "/" is served at prefix itself (see below)
	dyn           bool
	host          string
	alias         bool // child is a field or variable holding the router parent

	// args are the arguments of the call that hands parent to the
	// function whose parameter child is: the placeholders of its
	// templates are filled with them (see wrappers.go); caller is the
	// declaration holding the call.
	args    []Arg
	caller  *types.Func
	callPos token.Pos
}

type rawRoute struct {
	n       *node
	fw      string
	method  string
	host    string
	path    string // relative to n
	dyn     bool
	writes  Writes
	handler string
	pos     token.Pos
	site    Site
	pkg     string

	// probe: no route, a router handed to a call of a function value
	// or interface method (see Mount), with that call's key.
	probe        string
	probeMethods []string

	// tmpl: a template of this wrapper (its path or method holds a
	// placeholder of a parameter, see wrappers.go); harg is 1 + the
	// index of the parameter that gives its handler, 0 none.
	tmpl *types.Func
	harg int
	// mountTmpl: the template mounts its handler argument (a wrapper's
	// Mount of the handler it is given, see mountArg).
	mountTmpl bool

	// fallback: a route whose handler is a function's result that may
	// be a router; it is dropped when that router has routes.
	fallback *node

	// inherited: a route of another function's fact, registered on a
	// router this package hands it (see instantiate), not here.
	inherited bool
}

// value is what an expression evaluates to, when it is router-like.
type value struct {
	n      *node
	fw     string
	prefix string
	// mount: the router sits at a chi or fiber mount point, prefix, where
	// its "/" is served at prefix itself (see below).
	mount bool
	dyn   bool
	host  string

	// defaults is what routes registered on the router write when their
	// handler says nothing (a group middleware's content type).
	defaults Writes

	// http.StripPrefix(strip, router)
	stripped bool
	strip    string

	// a gorilla/mux route being built
	builder  bool
	methods  []string
	path     string
	isPrefix bool
	routes   []*rawRoute
}

type extractor struct {
	pass    *analysis.Pass
	cls     *classifier
	paths   *pathReader
	decls   map[*types.Func]*ast.FuncDecl
	env     map[types.Object]*value
	memo    map[*ast.CallExpr]*value
	params  map[*types.Var]*node
	results map[*types.Func]*node
	holders map[types.Object]*node
	// served holds, by variable, the router assigned to the embedded
	// http.Handler of the struct the variable holds (a := &API{};
	// a.Handler = a.routes()): the variable serves that router from
	// then on (see servesThrough).
	served map[types.Object]*value
	global *node
	routes []*rawRoute
	edges  []*edge
	cur    *types.Func // the function whose body is walked, nil inside literals
	decl   *types.Func // the declaration whose body is walked, literals included

	tmplCalls []tmplCall
	calls     []Call

	// encodes are the values Huma operations answer with (their
	// output's Body).
	encodes []Encode
	// opLits are the variables given a huma.Operation literal.
	opLits map[types.Object]*ast.CompositeLit
	// escapes are the functions with router parameters referenced as
	// values here (see Registrar).
	escapes map[escapeKey]bool

	// loopback marks the routers served only on a loopback address
	// (127.0.0.1, localhost, ::1): a command's local callback server, a
	// debug listener. loopbackServers are the variables holding an
	// http.Server that listens on one.
	loopback        map[*node]bool
	loopbackServers map[types.Object]bool

	// dispatchMemo holds the routes functions serve by dispatching on
	// their request (see dispatch.go).
	dispatchMemo map[*types.Func][]FactRoute
	// dispatchCut is set while dispatches computes a result that met a
	// function still being computed (see dispatches).
	dispatchCut bool
	// changedVars memoises changed for package-level variables, which it
	// reads in every file (see loops.go).
	changedVars map[*types.Var]bool
}

func newExtractor(pass *analysis.Pass, decls map[*types.Func]*ast.FuncDecl, cls *classifier) *extractor {
	x := &extractor{
		pass:    pass,
		cls:     cls,
		paths:   newPathReader(pass.TypesInfo, pass.Pkg, pass.Files),
		decls:   decls,
		env:     map[types.Object]*value{},
		memo:    map[*ast.CallExpr]*value{},
		params:  map[*types.Var]*node{},
		results: map[*types.Func]*node{},
		holders: map[types.Object]*node{},
		served:  map[types.Object]*value{},
		opLits:  map[types.Object]*ast.CompositeLit{},
		escapes: map[escapeKey]bool{},

		loopback:        map[*node]bool{},
		loopbackServers: map[types.Object]bool{},
	}
	x.paths.resultPath = x.resultPath
	x.paths.decls = decls
	return x
}

// resultPath returns the constant a function always returns as its first
// result: a function of this package, or one whose fact says it.
func (x *extractor) resultPath(fn *types.Func) (string, bool) {
	fn = fn.Origin()
	if d, ok := x.decls[fn]; ok {
		return constFirstResult(x.pass.TypesInfo, fn, d)
	}
	if f := x.cls.importFact(fn); f != nil && f.ResultPath != "" {
		return f.ResultPath, true
	}
	return "", false
}

// constFirstResult returns the constant string every return statement of
// a function gives first (a generated Connect handler's path:
// return "/greet.v1.GreetService/", handler).
func constFirstResult(info *types.Info, fn *types.Func, d *ast.FuncDecl) (string, bool) {
	if res := fn.Type().(*types.Signature).Results(); d.Body == nil || res.Len() == 0 || !isString(res.At(0).Type()) {
		return "", false
	}
	val, found, ok := "", false, true
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 {
				ok = false
				return false
			}
			s, isConst := constString(info, n.Results[0])
			if !isConst || found && s != val {
				ok = false
			}
			val, found = s, true
		}
		return ok
	})
	return val, ok && found && strings.HasPrefix(val, "/")
}

func (x *extractor) paramNode(fn *types.Func, i int, v *types.Var) *node {
	n := x.params[v]
	if n == nil {
		n = &node{kind: nodeParam, fn: fn, index: i}
		x.params[v] = n
	}
	return n
}

func (x *extractor) resultNode(fn *types.Func) *node {
	n := x.results[fn]
	if n == nil {
		n = &node{kind: nodeResult, fn: fn}
		x.results[fn] = n
	}
	return n
}

func (x *extractor) holderNode(obj types.Object) *node {
	n := x.holders[obj]
	if n == nil {
		n = &node{kind: nodeHolder, root: isRootRouter(obj.Type())}
		if obj.Pkg() != x.pass.Pkg {
			n.kind = nodeUnknown
		}
		x.holders[obj] = n
	}
	return n
}

// walkFile walks the package-level declarations of a file.
func (x *extractor) walkFile(f *ast.File) {
	x.funcValues(f)
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			fn, _ := x.pass.TypesInfo.Defs[d.Name].(*types.Func)
			if fn == nil || d.Body == nil {
				continue
			}
			sig := fn.Type().(*types.Signature)
			for i := 0; i < sig.Params().Len(); i++ {
				p := sig.Params().At(i)
				if fw := routerType(p.Type()); fw != "" {
					x.env[p] = &value{n: x.paramNode(fn, i, p), fw: fw}
				}
			}
			x.cur, x.decl = fn, fn
			x.paths.params = stringParams(fn)
			x.walk(d.Body)
			x.cur, x.decl, x.paths.params = nil, nil, nil
		case *ast.GenDecl:
			x.cur = nil
			x.walk(d)
		}
	}
}

func (x *extractor) walk(root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			saved := x.cur
			x.cur = nil
			x.walk(n.Body)
			x.cur = saved
			return false
		case *ast.AssignStmt:
			x.loopbackAssign(n.Lhs, n.Rhs)
			x.assign(n.Lhs, n.Rhs)
		case *ast.ValueSpec:
			lhs := identExprs(n.Names)
			x.loopbackAssign(lhs, n.Values)
			x.assign(lhs, n.Values)
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok {
				if f, ok := x.pass.TypesInfo.Uses[id].(*types.Var); ok && f.IsField() {
					if v := x.eval(n.Value); v != nil && v.n != nil && !v.builder {
						x.bindHolder(f, v)
					}
				}
			}
		case *ast.ReturnStmt:
			x.ret(n)
		case *ast.RangeStmt:
			if x.unroll(n) {
				return false
			}
		case *ast.CompositeLit:
			if addr, h := serverLit(x.pass.TypesInfo, n); h != nil && x.loopbackAddr(addr) {
				x.markLoopback(h)
			}
		case *ast.CallExpr:
			x.eval(n)
			x.probe(n)
			if fn, ok := typeutil.Callee(x.pass.TypesInfo, n).(*types.Func); ok && fn.Pkg() != nil &&
				fn.Pkg().Path() == "net/http" && (fn.Name() == "ListenAndServe" || fn.Name() == "ListenAndServeTLS") &&
				fn.Type().(*types.Signature).Recv() == nil && len(n.Args) >= 2 && x.loopbackAddr(n.Args[0]) {
				x.markLoopback(n.Args[len(n.Args)-1])
			}
		}
		return true
	})
}

// serverLit returns the Addr and Handler of an http.Server composite
// literal (nil when the literal is no http.Server or leaves them out).
func serverLit(info *types.Info, lit *ast.CompositeLit) (addr, handler ast.Expr) {
	if !isNamed(info.TypeOf(lit), "net/http", "Server") {
		return nil, nil
	}
	for _, el := range lit.Elts {
		kv, ok := el.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			switch id.Name {
			case "Addr":
				addr = kv.Value
			case "Handler":
				handler = kv.Value
			}
		}
	}
	return addr, handler
}

// loopbackAssign records variables given an http.Server that listens on a
// loopback address, and marks the routers assigned to their Handler.
func (x *extractor) loopbackAssign(lhs, rhs []ast.Expr) {
	if len(lhs) != len(rhs) {
		return
	}
	info := x.pass.TypesInfo
	for i, l := range lhs {
		r := ast.Unparen(rhs[i])
		if u, ok := r.(*ast.UnaryExpr); ok {
			r = ast.Unparen(u.X)
		}
		if lit, ok := r.(*ast.CompositeLit); ok {
			if addr, _ := serverLit(info, lit); addr != nil && x.loopbackAddr(addr) {
				if id, ok := ast.Unparen(l).(*ast.Ident); ok {
					if obj := cmpObj(info, id); obj != nil {
						x.loopbackServers[obj] = true
					}
				}
			}
			continue
		}
		sel, ok := ast.Unparen(l).(*ast.SelectorExpr)
		if !ok || sel.Sel.Name != "Handler" {
			continue
		}
		if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && x.loopbackServers[cmpObj(info, id)] {
			x.markLoopback(rhs[i])
		}
	}
}

func cmpObj(info *types.Info, id *ast.Ident) types.Object {
	if obj := info.Defs[id]; obj != nil {
		return obj
	}
	return info.Uses[id]
}

// markLoopback marks the router e evaluates to as served on a loopback
// address only.
func (x *extractor) markLoopback(e ast.Expr) {
	if v := x.eval(e); v != nil && v.n != nil {
		x.loopback[v.n] = true
	}
}

// loopbackAddr reports whether e is a listen address on the loopback
// interface: a constant "127.0.0.1:8080", "localhost:0", "[::1]:9000",
// or fmt.Sprintf / net.JoinHostPort of a constant loopback host.
func (x *extractor) loopbackAddr(e ast.Expr) bool {
	if e == nil {
		return false
	}
	info := x.pass.TypesInfo
	host := ""
	if s, ok := constString(info, e); ok {
		host = s
	} else if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) > 0 {
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return false
		}
		switch {
		case fn.Pkg().Path() == "fmt" && fn.Name() == "Sprintf",
			fn.Pkg().Path() == "net" && fn.Name() == "JoinHostPort":
			host, _ = constString(info, call.Args[0])
		}
	}
	for _, p := range [...]string{"127.", "localhost", "[::1]", "::1"} {
		if strings.HasPrefix(host, p) {
			return true
		}
	}
	return false
}

func (x *extractor) assign(lhs, rhs []ast.Expr) {
	if len(lhs) == len(rhs) {
		for i := range lhs {
			x.recordOperation(lhs[i], rhs[i])
		}
	}
	if len(lhs) != len(rhs) {
		if len(rhs) == 1 && len(lhs) > 1 {
			if v := x.eval(rhs[0]); v != nil {
				x.bind(lhs[0], v)
			}
		}
		return
	}
	for i := range lhs {
		if v := x.eval(rhs[i]); v != nil {
			x.bind(lhs[i], v)
		}
	}
}

func (x *extractor) bind(lhs ast.Expr, v *value) {
	info := x.pass.TypesInfo
	var obj types.Object
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		obj = info.Defs[l]
		if obj == nil {
			obj = info.Uses[l]
		}
	case *ast.SelectorExpr:
		obj = info.Uses[l.Sel]
	}
	vr, ok := obj.(*types.Var)
	if !ok {
		return
	}
	if vr.IsField() || vr.Parent() == x.pass.Pkg.Scope() {
		if v.n != nil && !v.builder && !v.stripped {
			x.bindHolder(vr, v)
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && vr.Embedded() && isHTTPHandler(vr.Type()) {
				if id, ok := ast.Unparen(sel.X).(*ast.Ident); ok && info.Uses[id] != nil {
					x.served[info.Uses[id]] = v
				}
			}
		}
		return
	}
	x.env[vr] = v
}

// bindHolder makes the routes registered on a field or package variable
// appear where the value assigned to it leads.
func (x *extractor) bindHolder(obj types.Object, v *value) {
	h := x.holderNode(obj)
	if h == v.n {
		return
	}
	x.edges = append(x.edges, &edge{child: h, parent: v.n, prefix: v.prefix, mount: v.mount, dyn: v.dyn, host: v.host, alias: true})
}

func (x *extractor) ret(r *ast.ReturnStmt) {
	if x.cur == nil {
		return
	}
	res := x.cur.Type().(*types.Signature).Results()
	if res.Len() != len(r.Results) {
		return
	}
	for i := 0; i < res.Len(); i++ {
		t := res.At(i).Type()
		if routerType(t) == "" && !isHTTPHandler(t) && servesThrough(t) == nil {
			continue
		}
		v := x.eval(r.Results[i])
		if v == nil || v.n == nil || v.builder {
			return
		}
		prefix := ""
		if v.stripped {
			prefix = v.strip
		} else if v.prefix != "" {
			return // a group of a router made here: its routes are not below the result
		}
		x.edges = append(x.edges, &edge{child: v.n, parent: x.resultNode(x.cur), prefix: prefix, dyn: v.dyn})
		return
	}
}

// eval evaluates an expression to a router value, or nil. A variable
// holding a struct that embeds an http.Handler serves the router last
// assigned there (served; see servesThrough).
func (x *extractor) eval(e ast.Expr) *value {
	if v := x.evalRouter(e); v != nil {
		return v
	}
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	} else if st, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(st.X)
	}
	if id, ok := e.(*ast.Ident); ok {
		return x.served[x.pass.TypesInfo.Uses[id]]
	}
	return nil
}

// evalRouter evaluates an expression of a router type, or a call, to a
// router value, or nil.
func (x *extractor) evalRouter(e ast.Expr) *value {
	info := x.pass.TypesInfo
	e = ast.Unparen(e)
	switch e := e.(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return x.eval(e.X)
		}
	case *ast.StarExpr:
		return x.eval(e.X)
	case *ast.CompositeLit:
		if fw := routerType(info.TypeOf(e)); fw != "" {
			return &value{n: &node{kind: nodeCreated}, fw: fw}
		}
	case *ast.Ident:
		obj := info.Uses[e]
		if v, ok := x.env[obj]; ok {
			return v
		}
		if vr, ok := obj.(*types.Var); ok && vr.Parent() == x.pass.Pkg.Scope() {
			if fw := routerType(vr.Type()); fw != "" {
				return &value{n: x.holderNode(vr), fw: fw}
			}
		}
	case *ast.SelectorExpr:
		obj := info.Uses[e.Sel]
		vr, ok := obj.(*types.Var)
		if !ok {
			return nil
		}
		if vr.Pkg() != nil && vr.Pkg().Path() == "net/http" && vr.Name() == "DefaultServeMux" {
			return &value{n: x.globalNode(), fw: "net/http"}
		}
		if v, ok := x.env[vr]; ok {
			return v
		}
		if fw := routerType(vr.Type()); fw != "" {
			return &value{n: x.holderNode(vr), fw: fw}
		}
	case *ast.CallExpr:
		if v, ok := x.memo[e]; ok {
			return v
		}
		x.memo[e] = nil
		v := x.call(e)
		x.memo[e] = v
		return v
	}
	return nil
}

func (x *extractor) globalNode() *node {
	if x.global == nil {
		x.global = &node{kind: nodeGlobal}
	}
	return x.global
}

func (x *extractor) call(call *ast.CallExpr) *value {
	info := x.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 {
			return x.eval(call.Args[0])
		}
		return nil
	}
	callee := typeutil.Callee(info, call)
	if b, ok := callee.(*types.Builtin); ok {
		if b.Name() == "new" {
			if fw := routerType(info.TypeOf(call)); fw != "" {
				return &value{n: &node{kind: nodeCreated}, fw: fw}
			}
		}
		return nil
	}
	fn, ok := callee.(*types.Func)
	if !ok {
		return nil
	}
	sig := fn.Type().(*types.Signature)
	if fn.Pkg() != nil {
		if fw := frameworkOf(fn.Pkg().Path()); fw != "" {
			if fw == "huma" {
				if sig.Recv() != nil {
					return nil
				}
				return x.humaFunc(fn, call)
			}
			if sig.Recv() == nil {
				return x.frameworkFunc(fw, fn, call)
			}
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if !ok {
				return nil
			}
			recv := x.eval(sel.X)
			if recv == nil {
				if routerType(info.TypeOf(sel.X)) == "" {
					return nil
				}
				recv = &value{n: &node{kind: nodeUnknown, root: isRootRouter(info.TypeOf(sel.X))}, fw: fw}
			}
			return x.method(fw, fn.Name(), recv, call)
		}
	}
	if isAutocertHandler(fn) {
		return x.autocert(call)
	}
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		// A project's interface a router satisfies (registrarFramework).
		if fw := routerType(sig.Recv().Type()); fw != "" {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				recv := x.eval(sel.X)
				if recv == nil {
					recv = &value{n: &node{kind: nodeUnknown}, fw: fw}
				}
				return x.method(fw, fn.Name(), recv, call)
			}
		}
	}
	return x.userCall(fn, sig, call)
}

// frameworkFunc handles the package-level functions of the frameworks.
func (x *extractor) frameworkFunc(fw string, fn *types.Func, call *ast.CallExpr) *value {
	for _, c := range constructors[fw] {
		if fn.Name() == c && routerType(x.pass.TypesInfo.TypeOf(call)) != "" {
			return &value{n: &node{kind: nodeCreated}, fw: fw}
		}
	}
	if fw == "routegroup" && fn.Name() == "Mount" && len(call.Args) == 2 {
		// routegroup.Mount(mux, "/api"): a bundle whose routes are below the base path.
		p, ok := x.prefixOf(x.paths.path(call.Args[1]))
		return &value{n: &node{kind: nodeCreated}, fw: fw, prefix: orUnknown(p, ok), dyn: !ok}
	}
	if fw != "net/http" {
		if (fw == "echo" && fn.Name() == "WrapHandler" || fw == "gin" && fn.Name() == "WrapH") && len(call.Args) == 1 {
			return x.eval(call.Args[0])
		}
		return nil
	}
	switch fn.Name() {
	case "Handle", "HandleFunc":
		g := &value{n: x.globalNode(), fw: fw}
		return x.method(fw, fn.Name(), g, call)
	case "StripPrefix":
		if len(call.Args) != 2 {
			return nil
		}
		inner := x.eval(call.Args[1])
		if inner == nil || inner.n == nil || inner.builder {
			return nil
		}
		// StripPrefix(s, StripPrefix(t, mux)) serves mux below s+t.
		s, ok := x.prefixOf(x.paths.path(call.Args[0]))
		v := *inner
		v.stripped = true
		v.strip = joinPrefix(s, inner.strip)
		v.dyn = inner.dyn || !ok
		return &v
	case "TimeoutHandler", "MaxBytesHandler", "AllowQuerySemicolons":
		if len(call.Args) > 0 {
			return x.eval(call.Args[0])
		}
	}
	return nil
}

// mountBelow mounts sub at prefix below parent, as chi's and fiber's
// Mount do: the mounted router's "/" is the prefix itself, unless
// StripPrefix cuts more of the path.
func (x *extractor) mountBelow(sub *value, parent *node, prefix string, dyn bool, host string) {
	x.edges = append(x.edges, &edge{child: sub.n, parent: parent, prefix: joinPrefix(prefix, sub.strip), mount: !sub.stripped,
		dyn: dyn || sub.dyn, host: host})
}

// returnsParam reports whether a return statement of fn (a function of
// the package) names its parameter p: what it returns wraps p, maybe.
func (x *extractor) returnsParam(fn *types.Func, p *types.Var) bool {
	d := x.decls[fn]
	if d == nil || d.Body == nil {
		return false
	}
	found := false
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its own returns
		case *ast.ReturnStmt:
			for _, r := range n.Results {
				ast.Inspect(r, func(m ast.Node) bool {
					if id, ok := m.(*ast.Ident); ok && x.pass.TypesInfo.Uses[id] == p {
						found = true
					}
					return !found
				})
			}
		}
		return !found
	})
	return found
}

// userCall handles a call to a function that is not a framework's: its
// router parameters are mounted where the arguments lead, and its
// returned router becomes a value.
func (x *extractor) userCall(fn *types.Func, sig *types.Signature, call *ast.CallExpr) *value {
	fn = fn.Origin()
	_, local := x.decls[fn]
	var fact *FuncFact
	if !local {
		fact = x.cls.importFact(fn)
	}
	nparams := sig.Params().Len()
	var args []Arg
	if stringParams(fn) != nil {
		args = x.callArgs(call)
		if local && args != nil {
			x.tmplCalls = append(x.tmplCalls, tmplCall{fn: fn, args: args, call: call, decl: x.decl})
		}
	}
	var routerArgs []*value
	for i, a := range call.Args {
		if i >= nparams || (sig.Variadic() && i >= nparams-1) {
			break
		}
		p := sig.Params().At(i)
		if routerType(p.Type()) == "" {
			if v := x.eval(a); v != nil && v.n != nil && !v.builder {
				routerArgs = append(routerArgs, v)
			}
			continue
		}
		v := x.eval(a)
		if v == nil || v.n == nil || v.builder {
			continue
		}
		if local && x.returnsParam(fn, p) {
			// A middleware taking the router as one, wrapping it in
			// what it returns (func(r chi.Router) http.Handler).
			routerArgs = append(routerArgs, v)
		}
		switch {
		case local:
			x.edges = append(x.edges, &edge{child: x.paramNode(fn, i, p), parent: v.n, prefix: v.prefix, mount: v.mount, dyn: v.dyn, host: v.host,
				args: args, caller: x.decl, callPos: call.Pos()})
		case fact != nil:
			for _, pr := range fact.Params {
				if pr.Index == i {
					x.instantiate(v, pr.Routes, call.Pos(), args)
				}
			}
		}
	}
	if fact != nil && len(fact.Templates) > 0 {
		// The templates on the wrapper's own routers: routes here.
		x.instantiate(&value{n: &node{kind: nodeCreated}}, fact.Templates, call.Pos(), args)
	}
	if sig.Results().Len() == 0 {
		return nil
	}
	t := sig.Results().At(0).Type()
	fw := routerType(t)
	if fw == "" && !isHTTPHandler(t) && servesThrough(t) == nil {
		return nil
	}
	if local {
		if len(routerArgs) == 1 && fw == "" {
			// A middleware wrapping the router it is given: the same
			// routes, at this call only (the function's result is
			// shared by all its calls).
			return routerArgs[0]
		}
		r := x.resultNode(fn)
		r.used = true
		return &value{n: r, fw: fw}
	}
	if fact != nil && len(fact.Returns) > 0 {
		v := &value{n: &node{kind: nodeCreated}, fw: fw}
		x.instantiate(v, fact.Returns, call.Pos(), args)
		return v
	}
	// A middleware wrapping one router: the same routes.
	if len(routerArgs) == 1 && isHTTPHandler(t) {
		return routerArgs[0]
	}
	if fw != "" {
		return &value{n: &node{kind: nodeUnknown, root: isRootRouter(t)}, fw: fw}
	}
	return nil
}

// instantiate adds the routes of a fact below v, the placeholders of
// templates filled with the call's arguments.
func (x *extractor) instantiate(v *value, rs []FactRoute, pos token.Pos, args []Arg) {
	for _, fr := range rs {
		host := fr.Host
		if host == "" {
			host = v.host
		}
		r := &rawRoute{
			n: v.n, fw: fr.Framework, method: fr.Method, host: host,
			path: fr.Path, dyn: v.dyn || !fr.Const,
			writes: fr.Writes, handler: fr.Handler, pos: pos, site: fr.Site, pkg: fr.Package,
			probe: fr.Probe, probeMethods: fr.ProbeMethods, harg: fr.HandlerArg, inherited: true, mountTmpl: fr.Mount,
		}
		if hasTemplate(r.path) || hasTemplate(r.method) {
			filled := fill(r, args, x.decl, pos, siteOf(x.pass.Fset, x.pass.Pkg.Path(), pos), x.pass.Pkg.Path())
			if x.mountArg(r, filled, args, v.prefix, v.mount) {
				continue
			}
			r = filled
		}
		r.path = below(v.prefix, v.mount, r.path)
		x.routes = append(x.routes, r)
	}
}

// method applies a router method.
func (x *extractor) method(fw, name string, recv *value, call *ast.CallExpr) *value {
	o, ok := routerOp(fw, name)
	if !ok {
		return nil
	}
	arg := func(i int) ast.Expr {
		if i == -2 {
			// The last argument, when there is one after the path.
			if len(call.Args) > 0 && len(call.Args)-1 > o.pathArg {
				return call.Args[len(call.Args)-1]
			}
			return nil
		}
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	str := func(i int) (string, bool) {
		a := arg(i)
		if a == nil {
			return "", true
		}
		if fw == "grpc-gateway" {
			if p, ok := x.gatewayPath(a); ok {
				return p, true
			}
		}
		return x.paths.path(a)
	}
	switch o.kind {
	case opSame:
		if name == "Use" {
			// gin and echo Use: a middleware setting the response's
			// content type answers for the routes registered after it
			// that say nothing themselves.
			for _, a := range call.Args {
				recv.defaults |= x.cls.setsContentType(a)
			}
		}
		return recv
	case opGroup:
		p, ok := x.prefixOf(str(o.pathArg))
		v := *recv
		v.builder, v.routes, v.stripped = false, nil, false
		v.prefix = below(recv.prefix, recv.mount, orUnknown(p, ok))
		// A fiber group is a mount point; gin and echo groups are not.
		v.mount = fw == "fiber"
		v.dyn = recv.dyn || !ok
		return &v
	case opRouteFunc, opGroupFunc:
		v := *recv
		if o.kind == opRouteFunc {
			// chi Route mounts a new router at the prefix; fiber Route
			// makes a group there.
			p, ok := x.prefixOf(str(o.pathArg))
			v.prefix = below(recv.prefix, recv.mount, orUnknown(p, ok))
			v.mount = true
			v.dyn = recv.dyn || !ok
		}
		x.callback(arg(o.handler), &v)
		return recv
	case opMount:
		h := arg(o.handler)
		if p, ok := str(o.pathArg); hasTemplate(p) && wrapped(recv.n) && x.handlerParam(h) >= 0 {
			// A wrapper mounting the handler it is given at a path it
			// is given (s.MountRouter("API", "/api", api)): each call
			// mounts its argument there (see mountArg).
			x.add(recv, fw, "", "", strings.TrimSuffix(p, "/")+"/*", ok, h, 0, call).mountTmpl = true
			return recv
		}
		p, ok := x.prefixOf(str(o.pathArg))
		prefix := below(recv.prefix, recv.mount, orUnknown(p, ok))
		if sub := x.eval(h); sub != nil && sub.n != nil && !sub.builder {
			x.mountBelow(sub, recv.n, prefix, !ok || recv.dyn, recv.host)
			return recv
		}
		mp := strings.TrimSuffix(orUnknown(p, ok), "/") + "/*"
		if drs := x.dispatchOf(h); ok && len(drs) > 0 {
			x.addDispatched(recv, fw, []string{""}, "", mp, h, drs, call) // a handler that picks the routes itself
			return recv
		}
		x.add(recv, fw, "", "", mp, ok, h, 0, call)
		return recv
	case opStatic:
		p, ok := str(o.pathArg)
		x.add(recv, fw, "GET", "", orUnknown(p, ok), ok, nil, WritesStatic, call)
		return recv
	case opRoute:
		return x.route(fw, o, recv, call, arg, str)
	case opBuilder:
		return x.gorilla(name, recv, call, arg, str)
	}
	return nil
}

// orUnknown keeps what is known of a path that is not a constant
// (pathString writes the unknown parts {?}).
func orUnknown(s string, ok bool) string {
	if !ok && s == "" {
		return unknownSegment
	}
	return s
}

func (x *extractor) route(fw string, o op, recv *value, call *ast.CallExpr, arg func(int) ast.Expr, str func(int) (string, bool)) *value {
	p, ok := str(o.pathArg)
	h := arg(o.handler)
	methods := []string{o.method}
	if o.methArg >= 0 {
		methods = x.methodsOf(arg(o.methArg))
	}
	host := ""
	if m, rest, found := strings.Cut(p, " "); fw == "net/http" && found && (hasTemplate(m) || hasTemplate(rest) || strings.HasPrefix(rest, "{?")) {
		methods, p = []string{m}, strings.TrimLeft(rest, " \t") // mux.HandleFunc(method+" "+p, h) in a wrapper
	} else if (fw == "net/http" || fw == "routegroup") && ok {
		pat, err := ParsePattern(p)
		if err == nil {
			methods = []string{pat.Method}
			host, p = pat.Host, pat.Path
		}
	}
	// A router handed to Handle serves the full path below it, and so
	// does a router behind a catch-all of echo or gin
	// (e.Any("/api/v1/*", echo.WrapHandler(mux))).
	if fw == "net/http" || fw == "chi" || fw == "routegroup" || (fw == "echo" || fw == "gin") && ok && wildcardTail(p) {
		if sub := x.eval(h); sub != nil && sub.n != nil && !sub.builder {
			prefix := recv.prefix
			if sub.stripped {
				prefix = joinPrefix(prefix, sub.strip)
			}
			// A chi router handed to Handle sees the path below recv's
			// mount point, unless StripPrefix cuts more of it.
			x.edges = append(x.edges, &edge{child: sub.n, parent: recv.n, prefix: prefix, mount: recv.mount && !sub.stripped,
				dyn: recv.dyn || sub.dyn, host: host})
			if sub.fw == "" && sub.n.kind == nodeResult {
				// A function of this package returning an http.Handler:
				// a router, or a handler it wraps (wrapCORS(s.wrap(f))).
				// The route stands unless routes are found below it.
				for _, m := range methods {
					x.add(recv, fw, m, host, orUnknown(p, ok), ok, h, 0, call).fallback = sub.n
				}
			}
			return recv
		}
	}
	if ok && h != nil && catchAll(fw, p) {
		if drs := x.dispatchOf(h); len(drs) > 0 {
			x.addDispatched(recv, fw, methods, host, p, h, drs, call)
			return recv
		}
	}
	var w Writes
	if _, isVar := ast.Unparen(arg(o.pathArg)).(*ast.Ident); isVar && fw == "grpc-gateway" {
		// A generated binding answers with the RPC's response as JSON;
		// its handler is named by the pattern, which names the RPC.
		w, h = WritesJSON, arg(o.pathArg)
	}
	for _, m := range methods {
		x.add(recv, fw, m, host, orUnknown(p, ok), ok, h, w, call)
	}
	return recv
}

// wildcardTail reports whether a path ends in a catch-all segment: /*,
// /*rest (gin), {path...}.
func wildcardTail(p string) bool {
	i := strings.LastIndexByte(p, '/')
	last := p[i+1:]
	return strings.HasPrefix(last, "*") || strings.HasPrefix(last, "{") && strings.HasSuffix(last, "...}")
}

// methodsOf reads the HTTP method (or methods) of a route: a constant,
// a []string literal; "{?}" when it is not a constant.
func (x *extractor) methodsOf(e ast.Expr) []string {
	if e == nil {
		return []string{""}
	}
	if s, ok := constString(x.pass.TypesInfo, e); ok {
		return []string{strings.ToUpper(s)}
	}
	if p, _ := x.paths.path(e); hasTemplate(p) {
		return []string{p} // a wrapper's method parameter
	}
	if cl, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
		var out []string
		for _, el := range cl.Elts {
			s, ok := constString(x.pass.TypesInfo, el)
			out = append(out, strings.ToUpper(orUnknown(s, ok)))
		}
		if len(out) > 0 {
			return out
		}
	}
	return []string{unknownSegment}
}

// add registers a route on recv.
func (x *extractor) add(recv *value, fw, method, host, p string, constPath bool, h ast.Expr, w Writes, call *ast.CallExpr) *rawRoute {
	handler := ""
	if el, _, _ := x.paths.element(h); el != nil {
		h = el // a handler from the list an unrolled loop ranges over
	}
	if h != nil {
		handler = handlerString(h)
		w |= x.cls.handlerWrites(h)
	}
	if w == 0 && method != "OPTIONS" {
		w = recv.defaults // not for CORS preflight routes
	}
	if host == "" {
		host = recv.host
	}
	r := &rawRoute{
		n: recv.n, fw: fw, method: method, host: host,
		path: below(recv.prefix, recv.mount, p), dyn: recv.dyn || !constPath,
		writes: w, handler: handler, pos: call.Pos(), site: siteOf(x.pass.Fset, x.pass.Pkg.Path(), call.Pos()), pkg: x.pass.Pkg.Path(),
	}
	if hasTemplate(r.path) || hasTemplate(method) {
		if wrapped(recv.n) {
			r.tmpl = x.decl
			if j := x.handlerParam(h); j >= 0 {
				r.harg, r.handler = j+1, tmplSegment(j)
			}
		} else {
			// A router made here at a path from a parameter: the
			// function serves it there ({prefix}), no wrapper.
			r.path, r.method, r.dyn = x.untemplate(r.path), x.untemplate(r.method), true
		}
	}
	x.routes = append(x.routes, r)
	return r
}

// callback binds the router parameter of a callback (chi Route and Group,
// fiber Route) to v.
func (x *extractor) callback(e ast.Expr, v *value) {
	if e == nil {
		return
	}
	if lit, ok := ast.Unparen(e).(*ast.FuncLit); ok {
		params := lit.Type.Params.List
		if len(params) > 0 && len(params[0].Names) > 0 {
			if obj := x.pass.TypesInfo.Defs[params[0].Names[0]]; obj != nil {
				x.env[obj] = v
			}
		}
		return
	}
	var obj types.Object
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj = x.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		obj = x.pass.TypesInfo.Uses[e.Sel]
	}
	fn, ok := obj.(*types.Func)
	if !ok {
		return
	}
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if sig.Params().Len() == 0 {
		return
	}
	if _, local := x.decls[fn]; local {
		x.edges = append(x.edges, &edge{child: x.paramNode(fn, 0, sig.Params().At(0)), parent: v.n, prefix: v.prefix, mount: v.mount, dyn: v.dyn, host: v.host})
		return
	}
	if f := x.cls.importFact(fn); f != nil {
		for _, pr := range f.Params {
			if pr.Index == 0 {
				x.instantiate(v, pr.Routes, e.Pos(), nil)
			}
		}
	}
}

// gorilla handles gorilla/mux's Router and Route methods.
func (x *extractor) gorilla(name string, recv *value, call *ast.CallExpr, arg func(int) ast.Expr, str func(int) (string, bool)) *value {
	b := *recv
	if !recv.builder {
		b = value{n: recv.n, fw: recv.fw, prefix: recv.prefix, dyn: recv.dyn, host: recv.host, builder: true}
	}
	switch name {
	case "Handle", "HandleFunc":
		p, ok := str(0)
		b.path, b.dyn = orUnknown(p, ok), b.dyn || !ok
		return x.gorillaRegister(&b, arg(1), call)
	case "Handler", "HandlerFunc":
		return x.gorillaRegister(&b, arg(0), call)
	case "Path", "PathPrefix":
		p, ok := str(0)
		b.path, b.dyn, b.isPrefix = orUnknown(p, ok), b.dyn || !ok, name == "PathPrefix"
	case "Host":
		h, ok := str(0)
		b.host = orUnknown(h, ok)
	case "Methods":
		var ms []string
		for _, a := range call.Args {
			s, ok := constString(x.pass.TypesInfo, a)
			ms = append(ms, strings.ToUpper(orUnknown(s, ok)))
		}
		if len(b.routes) > 0 && len(ms) > 0 {
			var all []*rawRoute
			for _, r := range b.routes {
				r.method = ms[0]
				all = append(all, r)
				for _, m := range ms[1:] {
					c := *r
					c.method = m
					x.routes = append(x.routes, &c)
					all = append(all, &c)
				}
			}
			b.routes = all
		}
		b.methods = ms
	case "Subrouter":
		return &value{n: b.n, fw: b.fw, prefix: joinPrefix(b.prefix, b.path), dyn: b.dyn, host: b.host}
	}
	return &b
}

func (x *extractor) gorillaRegister(b *value, h ast.Expr, call *ast.CallExpr) *value {
	if b.isPrefix {
		if sub := x.eval(h); sub != nil && sub.n != nil && !sub.builder {
			prefix := b.prefix
			if sub.stripped {
				prefix = joinPrefix(prefix, sub.strip)
			}
			x.edges = append(x.edges, &edge{child: sub.n, parent: b.n, prefix: prefix, dyn: b.dyn || sub.dyn, host: b.host})
			return b
		}
	}
	ms := b.methods
	if len(ms) == 0 {
		ms = []string{""}
	}
	p := b.path
	if b.isPrefix && !matchesRest(p) {
		p = strings.TrimSuffix(p, "/") + "/"
	}
	b.routes = nil
	for _, m := range ms {
		base := &value{n: b.n, prefix: b.prefix, dyn: b.dyn, host: b.host}
		b.routes = append(b.routes, x.add(base, "gorilla/mux", m, "", p, !b.dyn, h, 0, call))
	}
	return b
}

// matchesRest reports whether a gorilla/mux path ends in a variable
// whose pattern takes the rest of the path ({path:.*}): a prefix that
// needs no slash after it.
func matchesRest(p string) bool {
	last := p[strings.LastIndexByte(p, '/')+1:]
	return strings.HasPrefix(last, "{") && (strings.HasSuffix(last, ":.*}") || strings.HasSuffix(last, ":.+}"))
}

// below joins a prefix and a path registered on a router at the prefix.
// At a mount point (mount), the router's "/" is the prefix itself.
//
// The path a route gets is the path a client calls: chi mounts a router
// (Mount, and Route, which mounts a new one) at both pattern and
// pattern+"/", shifting the path seen below to "/" for either, and fiber
// routes without strict routing (its default) trim the trailing slash of
// prefix+"/", so Get("/") of a chi sub-router or a fiber group, Route or
// mounted app serves the mount point: GET /v1/users, not /v1/users/. The
// other routers keep the slash of "/" because they serve only the slashed
// path: gin (joinPaths keeps a trailing slash of the relative path; the
// bare prefix redirects to it), echo (prefix+path) and gorilla/mux
// (PathPrefix(…).Subrouter() templates) and net/http (StripPrefix below a
// subtree pattern); under these an empty path "" is the prefix itself.
// A router whose position is not known (a parameter) keeps "/", which
// the caller resolves when it mounts the router: facts carry "/" and ""
// as registered.
func below(prefix string, mount bool, p string) string {
	if mount && p == "/" {
		return prefix
	}
	return joinPrefix(prefix, p)
}

// place returns where a router lands that is put at p (mount: at a mount
// point) below a router at prefix (mount: at a mount point), and whether
// it is at a mount point there: a router put at the parent's own place
// ("") is wherever the parent is.
func place(prefix string, mount bool, p string, pmount bool) (string, bool) {
	return below(prefix, mount, p), pmount || mount && p == ""
}

// joinPrefix joins a prefix and a path below it; unlike JoinPath it
// keeps an empty result empty.
func joinPrefix(prefix, p string) string {
	if prefix == "" {
		return p
	}
	if p == "" {
		return prefix
	}
	return JoinPath(prefix, p)
}

// identExprs returns ids as expressions: a declaration's names as the
// left side of an assignment.
func identExprs(ids []*ast.Ident) []ast.Expr {
	out := make([]ast.Expr, len(ids))
	for i, id := range ids {
		out[i] = id
	}
	return out
}
