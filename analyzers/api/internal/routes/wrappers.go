package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// Route wrappers. A service often registers its routes through a
// function or method of its own that takes the path (and handler) as
// parameters and joins a prefix:
//
//	func (r *Router) Get(p string, h http.HandlerFunc) { r.mux.Handle("GET "+path.Join(r.prefix, p), h) }
//
// The registration inside is a template: its path holds the parameter
// ({=0}), written as a placeholder, and its handler may be a parameter
// too. Templates are no routes; each call of the wrapper is one, with
// the call's arguments in place of the placeholders: here in the package
// (local calls), through the router parameters' facts, or through
// FuncFact.Templates for the templates registered on the wrapper's own
// routers (fields, package variables).

// tmplSegment is the placeholder of string parameter i.
func tmplSegment(i int) string { return "{=" + strconv.Itoa(i) + "}" }

// hasTemplate reports whether s holds a placeholder.
func hasTemplate(s string) bool { return strings.Contains(s, "{=") }

// Arg is what a call passes for a parameter: a path part (for string
// parameters) or a handler.
type Arg struct {
	Path     string
	Const    bool // the path part is constant
	Handler  string
	Writes   Writes
	Template bool // the argument holds a placeholder of the caller

	// router is the router a handler argument is, in the package
	// making the call (see mountArg).
	router *value
}

// callArgs reads the arguments of a call of a wrapper, or returns nil
// when no string argument may be a path (one with a "/", a placeholder,
// or a named expression such as a prefix from configuration):
// most calls of functions taking strings register nothing, and the
// handlers of those are not classified for nothing.
func (x *extractor) callArgs(call *ast.CallExpr) []Arg {
	info := x.pass.TypesInfo
	out := make([]Arg, len(call.Args))
	paths := false
	for i, a := range call.Args {
		if isString(info.TypeOf(a)) {
			p, ok := x.paths.path(a)
			out[i] = Arg{Path: p, Const: ok, Template: hasTemplate(p)}
			paths = paths || strings.Contains(p, "/") || out[i].Template || IsDynamic(p) && p != unknownSegment
		}
	}
	if !paths {
		return nil
	}
	for i, a := range call.Args {
		t := info.TypeOf(a)
		if t == nil || isString(t) {
			continue
		}
		out[i] = Arg{Handler: handlerString(a)}
		if v := x.eval(a); v != nil && v.n != nil && !v.builder {
			out[i].router = v
		}
		if isFuncOrHandler(t) {
			out[i].Writes = x.cls.handlerWrites(a)
			if j := x.handlerParam(a); j >= 0 {
				out[i].Template = true
				out[i].Handler = tmplSegment(j)
			}
		}
	}
	return out
}

// substitute fills a template's placeholders with a call's arguments.
// It returns the path, method, handler, writes and whether the path is
// still constant; tmpl says placeholders of the caller remain.
func substitute(path, method, handler string, hparam int, writes Writes, args []Arg) (p, m, h string, w Writes, ok, tmpl bool) {
	ok = true
	fill := func(s string) string {
		if !hasTemplate(s) {
			return s
		}
		return replaceTemplates(s, func(n int) string {
			if n >= len(args) {
				ok = false
				return unknownSegment
			}
			a := args[n]
			ok, tmpl = ok && a.Const, tmpl || a.Template
			return a.Path
		})
	}
	p, m, h, w = fill(path), strings.ToUpper(fill(method)), handler, writes
	if i := strings.Index(path, "{="); m == "" && i >= 0 && (i == 0 || path[i-1] == '/') {
		// A whole ServeMux pattern from the caller, its method
		// included (r.Handle("GET /items", h) of a wrapper passing its
		// pattern on to mux.Handle), below the prefix the template's
		// path may have been given: what precedes the first
		// placeholder is as written in both.
		if meth, rest, found := strings.Cut(p[i:], " "); found && isToken(meth) {
			if rest = strings.TrimLeft(rest, " \t"); strings.HasPrefix(rest, "/") {
				m, p = meth, strings.TrimSuffix(p[:i], "/")+rest
			}
		}
	}
	if hparam >= 0 && hparam < len(args) && args[hparam].Handler != "" {
		a := args[hparam]
		h, w = a.Handler, w|a.Writes
		tmpl = tmpl || a.Template
	}
	p = strings.ReplaceAll(p, "//", "/")
	return p, m, h, w, ok, tmpl
}

// handlerParam returns the index of the enclosing declaration's
// parameter a handler expression is made from (h, or r.wrap(h)), or -1.
func (x *extractor) handlerParam(h ast.Expr) int {
	if h == nil || x.decl == nil {
		return -1
	}
	params := x.decl.Type().(*types.Signature).Params()
	found := -1
	ast.Inspect(h, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if v, ok := x.pass.TypesInfo.Uses[id].(*types.Var); ok && isFuncOrHandler(v.Type()) {
				for i := 0; i < params.Len(); i++ {
					if params.At(i) == v {
						found = i
					}
				}
			}
		}
		return found < 0
	})
	return found
}

// isString reports whether t is a string type.
func isString(t types.Type) bool {
	if t == nil {
		return false
	}
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// stringParams returns the string parameters of fn, by index.
func stringParams(fn *types.Func) map[*types.Var]int {
	sig := fn.Type().(*types.Signature)
	var out map[*types.Var]int
	for i := 0; i < sig.Params().Len(); i++ {
		p := sig.Params().At(i)
		if isString(p.Type()) {
			if out == nil {
				out = map[*types.Var]int{}
			}
			out[p] = i
		}
	}
	return out
}

// handlerString writes a handler expression as a route shows it.
func handlerString(h ast.Expr) string {
	s := types.ExprString(h)
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	return s
}

// tmplCall is a call of a wrapper of this package, whose templates on
// the wrapper's own routers become routes once the walk has found them.
type tmplCall struct {
	fn   *types.Func
	args []Arg
	call *ast.CallExpr
	decl *types.Func // the declaration holding the call
}

// expandLocal adds the routes of the calls of this package's wrappers:
// each template on a router that is not a parameter, filled with a
// call's arguments, on the same router.
func (x *extractor) expandLocal() {
	type pair struct {
		c int
		r *rawRoute
	}
	done := map[pair]bool{}
	start := 0
	byFn := map[*types.Func][]*rawRoute{}
	for round := 0; round < 4; round++ {
		n := len(x.routes)
		for _, r := range x.routes[start:n] {
			if r.tmpl != nil && r.n.kind != nodeParam && r.probe == "" {
				byFn[r.tmpl] = append(byFn[r.tmpl], r)
			}
		}
		start = n
		for ci, c := range x.tmplCalls {
			for _, r := range byFn[c.fn] {
				if done[pair{ci, r}] {
					continue
				}
				done[pair{ci, r}] = true
				filled := fill(r, c.args, c.decl, c.call.Pos(), siteOf(x.pass.Fset, x.pass.Pkg.Path(), c.call.Pos()), x.pass.Pkg.Path())
				if !x.mountArg(r, filled, c.args, "", false) {
					x.routes = append(x.routes, filled)
				}
			}
		}
		if len(x.routes) == n {
			return
		}
	}
}

// mountArg mounts the router a call hands a wrapper's mount template
// (see opMount) where the template puts it, below r's router (at prefix,
// mount, for a template of another package's fact): the router's routes
// land below the filled path, as a Mount of it there would put them.
// filled is the template filled with the call's arguments: for a
// function of this package that may return a plain handler as well as a
// router, it stays a route, dropped if routes are found below (see
// fallback). mountArg reports false, and does nothing, when r mounts no
// argument, the argument is no router value, or the path still holds
// the caller's placeholders (the caller is a wrapper too: its calls are
// routes, the router's routes stay where they were).
func (x *extractor) mountArg(r, filled *rawRoute, args []Arg, prefix string, mount bool) bool {
	if !r.mountTmpl || r.harg < 1 || r.harg > len(args) || args[r.harg-1].router == nil || filled.tmpl != nil || hasTemplate(filled.path) {
		return false
	}
	sub := args[r.harg-1].router
	p := below(prefix, mount, strings.TrimSuffix(filled.path, "/*"))
	x.mountBelow(sub, r.n, p, filled.dyn, r.host)
	if sub.fw == "" && sub.n.kind == nodeResult {
		filled.path = below(prefix, mount, filled.path)
		filled.fallback = sub.n
		x.routes = append(x.routes, filled)
	}
	return true
}

// fill returns a copy of a template route with a call's arguments in
// place of its placeholders. A template whose handler is an argument (a
// wrapper's) is registered at the call (pos, site, pkg when pos is
// valid); another stays at its registration. Placeholders of the caller
// that remain make it a template of caller.
func fill(r *rawRoute, args []Arg, caller *types.Func, pos token.Pos, site Site, pkg string) *rawRoute {
	p, m, h, w, ok, tmpl := substitute(r.path, r.method, r.handler, r.harg-1, r.writes, args)
	nr := *r
	nr.path, nr.method, nr.handler, nr.writes, nr.dyn = p, m, h, w, r.dyn || !ok
	nr.harg, nr.tmpl = 0, nil
	if pos.IsValid() && r.harg > 0 {
		nr.pos, nr.site, nr.pkg = pos, site, pkg
	}
	if tmpl && caller != nil {
		nr.tmpl, nr.harg = caller, placeholderIndex(h)+1
	}
	return &nr
}

// wrapped reports whether routes registered on n with a path from the
// function's parameters are a wrapper's templates: n is a router the
// function does not make (a field, a package variable, a parameter).
func wrapped(n *node) bool {
	switch n.kind {
	case nodeHolder, nodeUnknown, nodeParam, nodeGlobal:
		return true
	}
	return false
}

// untemplate writes the placeholders of the declaration's parameters as
// dynamic segments named by the parameters: {?prefix}.
func (x *extractor) untemplate(s string) string {
	if !hasTemplate(s) {
		return s
	}
	var params *types.Tuple
	if x.decl != nil {
		params = x.decl.Type().(*types.Signature).Params()
	}
	return replaceTemplates(s, func(n int) string {
		if params != nil && n < params.Len() && params.At(n).Name() != "" && params.At(n).Name() != "_" {
			return "{?" + params.At(n).Name() + "}"
		}
		return unknownSegment
	})
}

// prefixOf keeps a prefix (a group's, a mount's, a stripped one) free of
// placeholders: only the path of a registration makes a template; a
// prefix from a parameter is a dynamic segment named by it.
func (x *extractor) prefixOf(p string, ok bool) (string, bool) {
	if hasTemplate(p) {
		return x.untemplate(p), false
	}
	return p, ok
}

// clearTemplates writes the placeholders left in a path (a router mounted
// at a wrapper's parameter) as unknown segments.
func clearTemplates(s string) string {
	if !hasTemplate(s) {
		return s
	}
	return replaceTemplates(s, func(int) string { return unknownSegment })
}

// replaceTemplates replaces each placeholder {=N} of s with f(N).
func replaceTemplates(s string, f func(int) string) string {
	return replaceMarked(s, "{=", func(in string) string {
		n, err := strconv.Atoi(in)
		if err != nil || n < 0 {
			return unknownSegment
		}
		return f(n)
	})
}

// placeholderIndex returns N of a handler written {=N}, or -1.
func placeholderIndex(h string) int {
	if !strings.HasPrefix(h, "{=") || !strings.HasSuffix(h, "}") {
		return -1
	}
	n, err := strconv.Atoi(h[2 : len(h)-1])
	if err != nil {
		return -1
	}
	return n
}
