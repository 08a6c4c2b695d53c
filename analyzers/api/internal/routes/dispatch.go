package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp/syntax"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Routes a handler serves by testing the request itself: a catch-all
// registration whose handler dispatches on r.URL.Path and r.Method,
//
//	mux.HandleFunc("/", s.handle)
//	…
//	if r.Method == http.MethodGet && r.URL.Path == apiUsersPath {
//		return s.ensureAdmin(s.handleUsersGet)(w, r, v)
//	} else if r.Method == http.MethodGet && jsonPathRegex.MatchString(r.URL.Path) {
//		…
//	switch r.URL.Path { case "/a", "/b": … }
//
// serves one route per branch: its methods, its paths (constants,
// constant variables, anchored regular expressions read as patterns,
// strings.HasPrefix as a subtree) and what the branch's handlers write.
// Branches are followed into the functions the handler hands the
// request to, in this package and, through FuncFact.Dispatch, others.
// A handler is a dispatcher when it has at least minDispatch branches:
// one test (an index handler answering /favicon.ico itself) is no
// routing table.

// minDispatch is the fewest branches that make a handler a dispatcher.
const minDispatch = 2

// maxRegexPaths bounds the paths one regular expression stands for.
const maxRegexPaths = 8

// dispatchOf returns the routes the handler h serves by dispatching on
// the request, with paths as the handler sees them.
func (x *extractor) dispatchOf(h ast.Expr) []FactRoute {
	info := x.pass.TypesInfo
	switch e := ast.Unparen(h).(type) {
	case *ast.FuncLit:
		sig, _ := info.TypeOf(e).(*types.Signature)
		if req := requestParam(sig); req != nil {
			return x.dispatchBody(e.Body, req, map[*types.Func]bool{})
		}
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return x.dispatchOf(e.Args[0]) // http.HandlerFunc(f)
		}
		for _, a := range e.Args { // an adapter handed the handler
			if isFuncOrHandler(info.TypeOf(a)) {
				if rs := x.dispatchOf(a); len(rs) > 0 {
					return rs
				}
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if fn, ok := info.Uses[identOf(e)].(*types.Func); ok {
			return x.dispatches(fn, map[*types.Func]bool{})
		}
	}
	// A value whose ServeHTTP dispatches (a server type mounted as a
	// handler).
	if t := info.TypeOf(h); t != nil && !isFuncOrHandlerFunc(t) {
		if m, _, _ := types.LookupFieldOrMethod(t, true, x.pass.Pkg, "ServeHTTP"); m != nil {
			if fn, ok := m.(*types.Func); ok {
				return x.dispatches(fn, map[*types.Func]bool{})
			}
		}
	}
	return nil
}

// isFuncOrHandlerFunc reports whether t is a function type (whose
// ServeHTTP, for http.HandlerFunc, only calls it).
func isFuncOrHandlerFunc(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// dispatches returns the routes fn serves by dispatching on its request:
// from its body in this package, else from its fact.
func (x *extractor) dispatches(fn *types.Func, busy map[*types.Func]bool) []FactRoute {
	fn = fn.Origin()
	if rs, ok := x.dispatchMemo[fn]; ok {
		return rs
	}
	if busy[fn] {
		x.dispatchCut = true // the caller's result lacks fn's routes
		return nil
	}
	top, cut := len(busy) == 0, x.dispatchCut
	x.dispatchCut = false
	var rs []FactRoute
	if d, ok := x.decls[fn]; ok {
		if req := requestParam(fn.Type().(*types.Signature)); req != nil {
			busy[fn] = true
			rs = x.dispatchBody(d.Body, req, busy)
			delete(busy, fn)
		}
	} else if f := x.cls.importFact(fn); f != nil {
		rs = f.Dispatch
	}
	// A result that met a function still being computed (a cycle of
	// handlers handing the request to each other) lacks that function's
	// routes: only the outermost one is whole.
	if top || !x.dispatchCut {
		if x.dispatchMemo == nil {
			x.dispatchMemo = map[*types.Func][]FactRoute{}
		}
		x.dispatchMemo[fn] = rs
	}
	x.dispatchCut = cut || x.dispatchCut && !top
	return rs
}

// requestParam returns the *http.Request parameter of a signature.
func requestParam(sig *types.Signature) *types.Var {
	if sig == nil {
		return nil
	}
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if ptr, ok := p.Type().(*types.Pointer); ok && isNamed(ptr.Elem(), "net/http", "Request") {
			return p
		}
	}
	return nil
}

// dispatchBody returns the branches of a body testing req, and those of
// the functions it hands req to; fewer than minDispatch are none.
func (x *extractor) dispatchBody(body *ast.BlockStmt, req *types.Var, busy map[*types.Func]bool) []FactRoute {
	if body == nil {
		return nil
	}
	d := &dispatcher{x: x, req: req}
	var rs []FactRoute
	last := -1
	for i, st := range body.List {
		if more := d.stmts([]ast.Stmt{st}, nil, nil); len(more) > 0 {
			rs, last = append(rs, more...), i
		}
	}
	if last >= 0 && d.answers(body.List[last+1:]) {
		// Requests no branch took are answered after them (the
		// accessor of /v1/acl/token/{accessor}): the catch-all stays.
		rs = append(rs, FactRoute{Path: restMark})
	}
	info := x.pass.TypesInfo
	ast.Inspect(body, func(n ast.Node) bool {
		// Closures too: logger.Timing(func() { s.handleInternal(w, r) }).
		if call, ok := n.(*ast.CallExpr); ok && d.passesRequest(call) {
			if fn, ok := typeutil.Callee(info, call).(*types.Func); ok {
				rs = append(rs, x.dispatches(fn, busy)...)
			}
		}
		return true
	})
	// The marker of requests no branch took is no branch.
	if branches := len(rs) - countRest(rs); branches < minDispatch {
		return nil
	}
	return rs
}

// countRest counts the markers of the requests no branch took.
func countRest(rs []FactRoute) int {
	n := 0
	for _, r := range rs {
		if r.Path == restMark {
			n++
		}
	}
	return n
}

// restMark is the path of the route that stands for the requests a
// dispatching handler answers after its branches: the catch-all itself.
const restMark = ""

// answers reports whether statements answer the request: they hand it
// to a function of the program or write a response.
func (d *dispatcher) answers(stmts []ast.Stmt) bool {
	info := d.x.pass.TypesInfo
	found := false
	for _, st := range stmts {
		ast.Inspect(st, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || found {
				return !found
			}
			fn, _ := typeutil.Callee(info, call).(*types.Func)
			switch {
			case fn == nil:
			case fn.Pkg() != nil && d.passesRequest(call) && d.x.cls.ownCode(fn.Pkg().Path()):
				found = true
			case d.x.cls.oneCallWrites(call, true) != 0:
				found = true
			}
			return !found
		})
	}
	return found
}

// dispatcher reads the branches of one handler.
type dispatcher struct {
	x   *extractor
	req *types.Var
}

// passesRequest reports whether a call hands the request on.
func (d *dispatcher) passesRequest(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if id, ok := ast.Unparen(a).(*ast.Ident); ok && d.x.pass.TypesInfo.Uses[id] == d.req {
			return true
		}
	}
	return false
}

// stmts returns the routes of the branches among stmts, inside a branch
// of the given methods and paths.
func (d *dispatcher) stmts(stmts []ast.Stmt, methods, paths []string) []FactRoute {
	var out []FactRoute
	for _, s := range stmts {
		switch s := s.(type) {
		case *ast.IfStmt:
			for cur := ast.Stmt(s); cur != nil; {
				switch c := cur.(type) {
				case *ast.IfStmt:
					out = append(out, d.branch(c.Pos(), []ast.Expr{c.Cond}, c.Body.List, methods, paths)...)
					cur = c.Else
				case *ast.BlockStmt:
					out = append(out, d.stmts(c.List, methods, paths)...)
					cur = nil
				default:
					cur = nil
				}
			}
		case *ast.SwitchStmt:
			out = append(out, d.switchStmt(s, methods, paths)...)
		case *ast.BlockStmt:
			out = append(out, d.stmts(s.List, methods, paths)...)
		}
	}
	return out
}

// switchStmt reads switch r.URL.Path, switch r.Method and switch { case
// conditions }.
func (d *dispatcher) switchStmt(s *ast.SwitchStmt, methods, paths []string) []FactRoute {
	var out []FactRoute
	onPath, onMethod := s.Tag != nil && d.isPath(s.Tag), s.Tag != nil && d.isMethod(s.Tag)
	if s.Tag != nil && !onPath && !onMethod {
		return nil
	}
	for _, st := range s.Body.List {
		cc, ok := st.(*ast.CaseClause)
		if !ok || cc.List == nil {
			continue // default
		}
		if s.Tag == nil {
			out = append(out, d.branch(cc.Pos(), cc.List, cc.Body, methods, paths)...)
			continue
		}
		var vals []string
		for _, e := range cc.List {
			v, ok := d.x.paths.str(e)
			if !ok {
				vals = nil
				break
			}
			vals = append(vals, v)
		}
		if len(vals) == 0 {
			continue
		}
		if onPath {
			out = append(out, d.emit(cc.Pos(), cc.Body, methods, vals)...)
		} else {
			out = append(out, d.emit(cc.Pos(), cc.Body, vals, paths)...)
		}
	}
	return out
}

// branch reads one branch: conds (any of which selects it) and its body.
func (d *dispatcher) branch(pos token.Pos, conds []ast.Expr, body []ast.Stmt, methods, paths []string) []FactRoute {
	var ms, ps []string
	refers := false
	for i, c := range conds {
		t := d.cond(c)
		if !t.ok || i > 0 && t.refers != refers {
			return nil // a test of the request not understood: no guess
		}
		refers = t.refers
		ms, ps = append(ms, t.methods...), append(ps, t.paths...)
	}
	if len(conds) > 1 && len(ms) > 0 && len(ps) > 0 {
		return nil // case a, b: one tests the method, the other the path
	}
	if !refers {
		return d.stmts(body, methods, paths) // if cfg.Web { … }
	}
	if len(ms) == 0 {
		ms = methods
	}
	if len(ps) == 0 {
		ps = paths
	}
	return d.emit(pos, body, ms, ps)
}

// emit returns the routes of a branch of methods and paths: those of
// the branches inside it (a switch on the method below a path), or one
// per method and path answered by the body.
func (d *dispatcher) emit(pos token.Pos, body []ast.Stmt, methods, paths []string) []FactRoute {
	if inner := d.stmts(body, methods, paths); len(inner) > 0 {
		return inner
	}
	if len(paths) == 0 {
		return nil // a test of the method alone (OPTIONS for any path)
	}
	if len(methods) == 0 {
		methods = []string{""}
	}
	w, handler := d.answer(body)
	site := siteOf(d.x.pass.Fset, d.x.pass.Pkg.Path(), pos)
	var out []FactRoute
	for _, p := range paths {
		for _, m := range methods {
			out = append(out, FactRoute{
				Framework: "net/http", Method: m, Path: p, Const: true, Writes: w, Handler: handler,
				Site: site,
			})
		}
	}
	return out
}

// answer returns what a branch's body writes and its handler: the
// handlers it hands the request to (s.ensureAdmin(s.handleUsersGet)(w, r, v)),
// else what its calls write, and no handler of its own.
func (d *dispatcher) answer(body []ast.Stmt) (Writes, string) {
	info := d.x.pass.TypesInfo
	var args Writes
	handler, called := "", ""
	block := &ast.BlockStmt{List: body}
	ast.Inspect(block, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		for _, a := range call.Args {
			switch ast.Unparen(a).(type) {
			case *ast.Ident, *ast.SelectorExpr:
				if isFuncOrHandler(info.TypeOf(a)) {
					args |= d.x.cls.handlerWrites(a)
					handler = handlerString(a)
				}
			}
		}
		if fn, ok := typeutil.Callee(info, call).(*types.Func); ok && called == "" && fn.Pkg() != nil && d.passesRequest(call) && d.x.cls.ownCode(fn.Pkg().Path()) {
			called = handlerString(call.Fun) // return s.publish(w, r)
		}
		return true
	})
	if handler == "" {
		handler = called
	}
	if args != 0 {
		return args, handler
	}
	return d.x.cls.bodyWrites(block, true), handler
}

// test is what a condition says of the request.
type test struct {
	methods, paths []string
	refers         bool // it tests the request's method or path
	ok             bool // it is understood
}

// cond reads a condition: comparisons of the method and path with
// constants, a regular expression matching the path, strings.HasPrefix
// of the path; && and || of those; other conditions that do not test
// the request (configuration) are ignored.
func (d *dispatcher) cond(e ast.Expr) test {
	info := d.x.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			a, b := d.cond(e.X), d.cond(e.Y)
			t := test{refers: a.refers || b.refers, ok: a.ok && b.ok, methods: a.methods, paths: a.paths}
			if len(t.methods) == 0 {
				t.methods = b.methods
			}
			if len(t.paths) == 0 {
				t.paths = b.paths
			}
			return t
		case token.LOR:
			a, b := d.cond(e.X), d.cond(e.Y)
			sameKind := (len(a.paths) == 0) == (len(b.paths) == 0) && (len(a.methods) == 0) == (len(b.methods) == 0)
			if !a.ok || !b.ok || !sameKind || a.refers != b.refers {
				return test{refers: a.refers || b.refers}
			}
			return test{refers: a.refers, ok: true, methods: append(a.methods, b.methods...), paths: append(a.paths, b.paths...)}
		case token.EQL:
			for _, pair := range [2][2]ast.Expr{{e.X, e.Y}, {e.Y, e.X}} {
				v, ok := d.x.paths.str(pair[1])
				switch {
				case !ok:
				case d.isMethod(pair[0]):
					return test{methods: []string{strings.ToUpper(v)}, refers: true, ok: true}
				case d.isPath(pair[0]):
					return test{paths: []string{v}, refers: true, ok: true}
				}
			}
		}
	case *ast.CallExpr:
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn == nil || fn.Pkg() == nil {
			break
		}
		switch {
		case fn.Pkg().Path() == "regexp" && fn.Name() == "MatchString" && len(e.Args) == 1 && d.isPath(e.Args[0]):
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				if expr, ok := d.regexOf(sel.X); ok {
					if ps := regexPaths(expr); len(ps) > 0 {
						return test{paths: ps, refers: true, ok: true}
					}
				}
			}
		case fn.Pkg().Path() == "strings" && fn.Name() == "HasPrefix" && len(e.Args) == 2 && d.isPath(e.Args[0]):
			if v, ok := d.x.paths.str(e.Args[1]); ok {
				return test{paths: []string{strings.TrimSuffix(v, "/") + "/{rest...}"}, refers: true, ok: true}
			}
		}
	}
	m := d.mentions(e)
	return test{refers: m, ok: !m}
}

// mentions reports whether e reads the request's method or path.
func (d *dispatcher) mentions(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if x, ok := n.(ast.Expr); ok && (d.isPath(x) || d.isMethod(x)) {
			found = true
		}
		return !found
	})
	return found
}

// isPath reports whether e is req.URL.Path, or a local variable given it.
func (d *dispatcher) isPath(e ast.Expr) bool {
	return d.reqField(e, func(sel *ast.SelectorExpr) bool {
		u, ok := ast.Unparen(sel.X).(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Path" && u.Sel.Name == "URL" && d.isReq(u.X)
	})
}

// isMethod reports whether e is req.Method, or a local variable given it.
func (d *dispatcher) isMethod(e ast.Expr) bool {
	return d.reqField(e, func(sel *ast.SelectorExpr) bool { return sel.Sel.Name == "Method" && d.isReq(sel.X) })
}

func (d *dispatcher) reqField(e ast.Expr, is func(*ast.SelectorExpr) bool) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return is(e)
	case *ast.Ident:
		if v, ok := d.x.pass.TypesInfo.Uses[e].(*types.Var); ok {
			if init := d.x.cls.localInits()[v]; init != nil {
				if sel, ok := ast.Unparen(init).(*ast.SelectorExpr); ok {
					return is(sel)
				}
			}
		}
	}
	return false
}

func (d *dispatcher) isReq(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && d.x.pass.TypesInfo.Uses[id] == d.req
}

// regexOf returns the pattern of a regular expression variable given
// regexp.MustCompile(constant) once.
func (d *dispatcher) regexOf(e ast.Expr) (string, bool) {
	id := identOf(e)
	if id == nil {
		return "", false
	}
	v, ok := d.x.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return "", false
	}
	init := d.x.cls.localInits()[v]
	call, ok := ast.Unparen(init).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return "", false
	}
	fn, _ := typeutil.Callee(d.x.pass.TypesInfo, call).(*types.Func)
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "regexp" || (fn.Name() != "MustCompile" && fn.Name() != "MustCompilePOSIX") {
		return "", false
	}
	return constString(d.x.pass.TypesInfo, call.Args[0])
}

// The marks regexPaths puts where a pattern matches something other
// than fixed text: within a segment, or through the rest of the path.
const (
	markSeg  = "\x00"
	markRest = "\x01"
)

// regexPaths reads a regular expression matched against a path as the
// path patterns it stands for: ^/[-_A-Za-z0-9]{1,64}/json$ is /{p1}/json,
// ^/docs(|/.*)$ is /docs and /docs/{rest...}, ^/(publish|send)$ two
// paths. It must start at the path's start (^, or a literal /) and is
// a subtree when it does not end at the path's end. Nothing when it is
// not such a pattern or stands for more than maxRegexPaths paths.
func regexPaths(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	re = re.Simplify()
	subs := []*syntax.Regexp{re}
	if re.Op == syntax.OpConcat {
		subs = re.Sub
	}
	if len(subs) == 0 {
		return nil
	}
	switch first := subs[0]; {
	case first.Op == syntax.OpBeginText || first.Op == syntax.OpBeginLine:
		subs = subs[1:]
	case first.Op == syntax.OpLiteral && len(first.Rune) > 0 && first.Rune[0] == '/':
	default:
		return nil
	}
	ended := false
	if n := len(subs); n > 0 && (subs[n-1].Op == syntax.OpEndText || subs[n-1].Op == syntax.OpEndLine) {
		subs, ended = subs[:n-1], true
	}
	alts := concatAlts(subs)
	if alts == nil {
		return nil
	}
	var out []string
	for _, a := range alts {
		if !ended && !strings.HasSuffix(a, markRest) {
			a += markRest
		}
		if p := patternOf(a); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// concatAlts returns the texts a sequence of parts stands for: each
// text of the first followed by each of the rest; nil when a part
// cannot say or there are more than maxRegexPaths.
func concatAlts(parts []*syntax.Regexp) []string {
	alts := []string{""}
	for _, s := range parts {
		next := regexAlts(s)
		if next == nil {
			return nil
		}
		var joined []string
		for _, a := range alts {
			for _, b := range next {
				joined = append(joined, a+b)
			}
		}
		if len(joined) > maxRegexPaths {
			return nil
		}
		alts = joined
	}
	return alts
}

// regexAlts returns the texts a part of a pattern stands for, with
// marks where it matches variable text; nil when it cannot say.
func regexAlts(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return []string{strings.ToLower(string(re.Rune))}
		}
		return []string{string(re.Rune)}
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}
	case syntax.OpCapture:
		return regexAlts(re.Sub[0])
	case syntax.OpConcat:
		return concatAlts(re.Sub)
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			next := regexAlts(s)
			if next == nil {
				return nil
			}
			out = append(out, next...)
		}
		if len(out) > maxRegexPaths {
			return nil
		}
		return out
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL, syntax.OpStar, syntax.OpPlus, syntax.OpQuest, syntax.OpRepeat:
		if matchesSlash(re) {
			return []string{markRest}
		}
		return []string{markSeg}
	}
	return nil
}

// matchesSlash reports whether a part of a pattern may match a slash.
func matchesSlash(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return true
	case syntax.OpLiteral:
		return strings.ContainsRune(string(re.Rune), '/')
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i] <= '/' && '/' <= re.Rune[i+1] {
				return true
			}
		}
		return false
	}
	for _, s := range re.Sub {
		if matchesSlash(s) {
			return true
		}
	}
	return false
}

// patternOf turns a marked text into a path pattern: a segment holding a
// mark is a parameter {pN}, a rest mark ends the path with {rest...}.
func patternOf(s string) string {
	if i := strings.Index(s, markRest); i >= 0 {
		s = s[:i]
		s = s[:strings.LastIndexByte(s, '/')+1] + markRest
	}
	if !strings.HasPrefix(s, "/") {
		return ""
	}
	segs := strings.Split(s, "/")
	n := 0
	for i, seg := range segs {
		switch {
		case strings.Contains(seg, markRest):
			segs[i] = "{rest...}"
		case strings.Contains(seg, markSeg):
			n++
			segs[i] = "{p" + strconv.Itoa(n) + "}"
		}
	}
	return strings.Join(segs, "/")
}

// catchAll reports whether a registration's path serves a whole tree
// (net/http's "/" and "/api/", a router's "/*" or "{path...}"), where a
// dispatching handler picks the routes.
func catchAll(fw, p string) bool {
	if fw == "net/http" || fw == "routegroup" {
		return strings.HasSuffix(p, "/")
	}
	return wildcardTail(p)
}

// addDispatched registers on recv the routes a catch-all at p's handler
// dispatches to, in place of the catch-all unless the handler answers
// other paths too: each where its branch is, for the registration's
// methods, the paths below p.
func (x *extractor) addDispatched(recv *value, fw string, methods []string, host, p string, h ast.Expr, drs []FactRoute, call *ast.CallExpr) {
	base := p // the tree the catch-all serves: /api/ of /api/ and /api/*
	if wildcardTail(p) {
		base = p[:strings.LastIndexByte(p, '/')+1]
	}
	for _, dr := range drs {
		if dr.Path == restMark {
			for _, m := range methods {
				x.add(recv, fw, m, host, p, true, h, 0, call)
			}
			continue
		}
		path := dr.Path
		if fw != "net/http" && recv.prefix != "" {
			// A group's handler sees the whole path (chi, gin, echo
			// strip nothing): the group's prefix is in its constants.
			path = strings.TrimPrefix(path, recv.prefix)
		}
		if !strings.HasPrefix(path, base) && base != "/" && (fw == "net/http" || path+"/" != base) {
			// (net/http sends /app to /app/ with a redirect; chi serves a
			// mount point itself.)
			continue // a path the router sends elsewhere: the handler never sees it
		}
		for _, m := range methods {
			method := dr.Method
			switch {
			case m == "":
			case method == "":
				method = m
			case method != m:
				continue
			}
			r := x.add(recv, fw, method, host, path, true, nil, dr.Writes, call)
			r.handler, r.site, r.pkg = dr.Handler, dr.Site, dr.Package
			if r.handler == "" {
				r.handler = handlerString(h) // the branch answers itself
			}
		}
	}
}
