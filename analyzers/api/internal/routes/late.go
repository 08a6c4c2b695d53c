package routes

import (
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// Late binding. Services often register their routes through a list of
// modules: functions held in a slice (var Modules = []RegisterFunc{
// trips.Register, users.Register}) or values of an interface (for _, m :=
// range modules { m.RegisterRoutes(r) }), called where the router is
// made. Facts cannot follow them: the package that calls a function
// value or an interface method does not know (or import) the functions
// behind it. So each package says what it can, and the whole program
// joins them (Late):
//
//   - a Mount is a router handed to a call of a function value or an
//     interface method, at its full path where the router is served;
//   - a Registrar is a function whose router parameter gets routes and
//     that is referenced as a value, or a method that registers routes
//     on a router parameter (any interface may call it).
//
// They meet by key: the signature of the function (and the parameter
// that takes the router), the name and signature of a method.

// Mount is a router handed to a call whose callee is not known statically.
type Mount struct {
	Key      string
	Methods  []string // for an interface method: the interface's method names, sorted
	Path     string   // where the router is served; "" at the root
	Const    bool
	Host     string
	Loopback bool
	Pos      token.Pos // the call, in the package whose result holds the mount
}

// Registrar is a function or method that registers routes on a router
// parameter, which a function value or interface method call may reach.
type Registrar struct {
	Key     string
	Methods []string // for a method: the method set of its receiver (pointer), sorted
	Routes  []FactRoute
}

// funcKey is the key of parameter i of a function of signature sig
// called through a value.
func funcKey(sig *types.Signature, i int) string {
	return "func " + types.TypeString(plainSig(sig), pkgPath) + "#" + strconv.Itoa(i)
}

// plainSig is sig without its receiver: a method's as its method value
// or an interface's method has it.
func plainSig(sig *types.Signature) *types.Signature {
	return types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic())
}

// methodKey is the key of parameter i of a method called through an
// interface.
func methodKey(name string, sig *types.Signature, i int) string {
	return "method " + name + " " + types.TypeString(plainSig(sig), pkgPath) + "#" + strconv.Itoa(i)
}

func pkgPath(p *types.Package) string { return p.Path() }

// recvMethods returns the sorted names of the methods of a method's
// receiver type, its pointer's: what an interface it satisfies may call.
func recvMethods(sig *types.Signature) []string {
	t := sig.Recv().Type()
	if _, isPtr := t.(*types.Pointer); !isPtr {
		t = types.NewPointer(t)
	}
	ms := types.NewMethodSet(t)
	out := make([]string, 0, ms.Len())
	for i := 0; i < ms.Len(); i++ {
		out = append(out, ms.At(i).Obj().Name())
	}
	sort.Strings(out)
	return out
}

// probe records a router handed to a call of a function value or an
// interface method: a route with no path of its own, carried through
// the graph and facts to where the router is served, where it becomes
// a Mount.
//
// It also records calls of interface methods that pass a constant path:
// perhaps a route wrapper behind the interface (see Call). It runs for
// every call, so it looks at the arguments before anything else.
func (x *extractor) probe(call *ast.CallExpr) {
	info := x.pass.TypesInfo
	routers := false
	for _, a := range call.Args {
		if routerType(info.TypeOf(a)) != "" {
			routers = true
			break
		}
	}
	paths := pathArg(info, call)
	if !routers && !paths {
		return
	}
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
		return // a conversion
	}
	var key func(i int) string
	var methods []string
	switch callee := typeutil.Callee(info, call).(type) {
	case nil, *types.Var:
		t := info.TypeOf(call.Fun)
		if t == nil {
			return
		}
		sig, ok := t.Underlying().(*types.Signature)
		if !ok {
			return
		}
		key = func(i int) string { return funcKey(sig, i) }
	case *types.Func:
		sig := callee.Type().(*types.Signature)
		if sig.Recv() == nil || !types.IsInterface(sig.Recv().Type()) || routerType(sig.Recv().Type()) != "" ||
			callee.Pkg() != nil && frameworkOf(callee.Pkg().Path()) != "" {
			return // a concrete callee, or a router's own method (see method)
		}
		iface, ok := sig.Recv().Type().Underlying().(*types.Interface)
		if !ok {
			return
		}
		for i := 0; i < iface.NumMethods(); i++ {
			methods = append(methods, iface.Method(i).Name())
		}
		sort.Strings(methods)
		name := callee.Name()
		key = func(i int) string { return methodKey(name, sig, i) }
		if paths && stringParams(callee) != nil {
			x.calls = append(x.calls, Call{Key: templateKey(name, sig), Methods: methods, Args: x.callArgs(call),
				Pos: call.Pos(), Site: siteOf(x.pass.Fset, x.pass.Pkg.Path(), call.Pos()), Package: x.pass.Pkg.Path()})
		}
	default:
		return
	}
	if !routers {
		return
	}
	for i, a := range call.Args {
		if routerType(info.TypeOf(a)) == "" {
			continue
		}
		v := x.eval(a)
		if v == nil || v.n == nil || v.builder {
			continue
		}
		x.routes = append(x.routes, &rawRoute{
			n: v.n, fw: v.fw, host: v.host, path: x.untemplate(v.prefix), dyn: v.dyn || hasTemplate(v.prefix),
			pos: call.Pos(), site: siteOf(x.pass.Fset, x.pass.Pkg.Path(), call.Pos()), pkg: x.pass.Pkg.Path(),
			probe: key(i), probeMethods: methods,
		})
	}
}

// escape records a function with router parameters referenced as a
// value: a registrar a function value call may reach.
func (x *extractor) escape(fn *types.Func) {
	fn = fn.Origin()
	sig := fn.Type().(*types.Signature)
	if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
		return
	}
	for i := 0; i < sig.Params().Len(); i++ {
		if routerType(sig.Params().At(i).Type()) != "" {
			x.escapes[escapeKey{fn, i}] = true
		}
	}
}

type escapeKey struct {
	fn *types.Func
	i  int
}

// funcValues walks a file for functions referenced as values (not
// called): registrars.
func (x *extractor) funcValues(f *ast.File) {
	// A call is visited before its function expression, which is marked
	// called before the walk reaches it.
	called := map[ast.Expr]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		switch e := n.(type) {
		case *ast.CallExpr:
			fun := ast.Unparen(e.Fun)
			called[fun] = true
			if sel, ok := fun.(*ast.SelectorExpr); ok {
				called[sel.Sel] = true
			}
		case *ast.SelectorExpr:
			if !called[e] {
				x.escapeIdent(e.Sel)
			}
			return true
		case *ast.Ident:
			if !called[e] {
				x.escapeIdent(e)
			}
		}
		return true
	})
}

// escapeIdent records the function id names, when it names one.
func (x *extractor) escapeIdent(id *ast.Ident) {
	if fn, ok := x.pass.TypesInfo.Uses[id].(*types.Func); ok {
		x.escape(fn)
	}
}

// registrars returns the package's registrars: the escaped functions and
// the methods declared here that register routes on a router parameter.
func (x *extractor) registrars(g *graph, fns []*types.Func) []Registrar {
	var out []Registrar
	routesOf := func(fn *types.Func, i int) []FactRoute {
		if _, local := x.decls[fn]; local {
			if n := x.params[fn.Type().(*types.Signature).Params().At(i)]; n != nil {
				return factRoutes(g.collect(n, "", false, true))
			}
			return nil
		}
		if f := x.cls.importFact(fn); f != nil {
			for _, pr := range f.Params {
				if pr.Index == i {
					return pr.Routes
				}
			}
		}
		return nil
	}
	keys := make([]escapeKey, 0, len(x.escapes))
	for k := range x.escapes {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.fn.FullName() != b.fn.FullName() {
			return a.fn.FullName() < b.fn.FullName()
		}
		return a.i < b.i
	})
	for _, k := range keys {
		if rs := routesOf(k.fn, k.i); len(rs) > 0 {
			out = append(out, Registrar{Key: funcKey(k.fn.Type().(*types.Signature), k.i), Routes: rs})
		}
	}
	for _, fn := range fns {
		sig := fn.Type().(*types.Signature)
		if sig.Recv() == nil || types.IsInterface(sig.Recv().Type()) {
			continue
		}
		var methods []string
		for i := 0; i < sig.Params().Len(); i++ {
			if routerType(sig.Params().At(i).Type()) == "" {
				continue
			}
			rs := routesOf(fn, i)
			if len(rs) == 0 {
				continue
			}
			if methods == nil {
				methods = recvMethods(sig)
			}
			out = append(out, Registrar{Key: methodKey(fn.Name(), sig, i), Methods: methods, Routes: rs})
		}
	}
	return out
}

// Late joins the mounts and registrars of the whole program: the routes
// each registrar registers below each router handed to a call that may
// reach it. Registration sites are positions of fset when its files hold
// them (nil: none).
func Late(mounts []Mount, regs []Registrar, fset *token.FileSet) []Route {
	find := newPosFinder(fset).pos
	by := groupBy(regs, func(r Registrar) string { return r.Key })
	var out []Route
	// A registrar may hand the router on to further modules: its probes
	// are mounts in turn, a few levels deep.
	for depth := 0; depth < maxLateDepth && len(mounts) > 0; depth++ {
		var next []Mount
		for _, m := range mounts {
			for _, r := range by[m.Key] {
				if !subset(m.Methods, r.Methods) {
					continue
				}
				for _, fr := range r.Routes {
					if hasTemplate(fr.Path) || hasTemplate(fr.Method) {
						p, meth, h, w, ok, _ := substitute(fr.Path, fr.Method, fr.Handler, fr.HandlerArg-1, fr.Writes, nil)
						fr.Path, fr.Method, fr.Handler, fr.Writes, fr.Const = p, meth, h, w, fr.Const && ok
					}
					p := JoinPath(strings.TrimSuffix(m.Path, "/"), fr.Path)
					if !strings.HasPrefix(p, "/") {
						p = "/" + p // below a prefix from an expression: {?cfg.Root}/users
					}
					host := fr.Host
					if host == "" {
						host = m.Host
					}
					if fr.Probe != "" {
						next = append(next, Mount{Key: fr.Probe, Methods: fr.ProbeMethods, Path: p, Const: m.Const && fr.Const,
							Host: host, Loopback: m.Loopback, Pos: m.Pos})
						continue
					}
					site := fr.Site
					out = append(out, Route{
						Framework: fr.Framework, Method: fr.Method, Host: host, Path: p, Const: m.Const && fr.Const,
						Kind: KindOf(p, fr.Writes), Handler: fr.Handler, Pos: m.Pos, SitePos: find(site), Site: site,
						Package: fr.Package, Loopback: m.Loopback,
					})
				}
			}
		}
		mounts = next
	}
	sortRoutes(out)
	return out
}

// maxLateDepth bounds how many registrars deep Late follows a router.
const maxLateDepth = 4

// subset reports whether every name of a (sorted) is in b (sorted).
func subset(a, b []string) bool {
	j := 0
	for _, s := range a {
		for j < len(b) && b[j] < s {
			j++
		}
		if j == len(b) || b[j] != s {
			return false
		}
	}
	return true
}

// Call is a call of an interface method with a string argument: perhaps
// a route wrapper of the program behind the interface (see Wrapper).
type Call struct {
	Key     string
	Methods []string // the interface's method names, sorted
	Args    []Arg
	Pos     token.Pos // the call, in the package whose result holds it
	Site    Site      // the call
	Package string
}

// Wrapper is a method whose registrations are templates (see
// wrappers.go): an interface's Call may reach it.
type Wrapper struct {
	Key     string
	Methods []string // the method set of its receiver (pointer), sorted
	Routes  []FactRoute
}

// templateKey is the key of a method called through an interface.
func templateKey(name string, sig *types.Signature) string {
	return "wrapper " + name + " " + types.TypeString(plainSig(sig), pkgPath)
}

// LateCalls joins the interface calls and wrappers of the whole program:
// each call of a wrapper behind an interface is a route, at the call
// when the wrapper takes the handler. Sites are positions of fset when
// its files hold them (nil: none).
func LateCalls(calls []Call, wrappers []Wrapper, fset *token.FileSet) []Route {
	find := newPosFinder(fset).pos
	by := groupBy(wrappers, func(w Wrapper) string { return w.Key })
	var out []Route
	for _, c := range calls {
		for _, w := range by[c.Key] {
			if !subset(c.Methods, w.Methods) {
				continue
			}
			for _, fr := range w.Routes {
				p, m, h, wr, ok, _ := substitute(fr.Path, fr.Method, fr.Handler, fr.HandlerArg-1, fr.Writes, c.Args)
				p = clearTemplates(p)
				if !strings.HasPrefix(p, "/") {
					p = "/" + p
				}
				site, pkg := fr.Site, fr.Package
				if fr.HandlerArg > 0 {
					site, pkg = c.Site, c.Package
				}
				out = append(out, Route{
					Framework: fr.Framework, Method: clearTemplates(m), Host: fr.Host, Path: p, Const: fr.Const && ok,
					Kind: KindOf(p, wr), Handler: h, Pos: c.Pos, SitePos: find(site), Site: site, Package: pkg,
				})
			}
		}
	}
	sortRoutes(out)
	return out
}

// pathArg reports whether a call passes a constant path ("/users"):
// only such calls of interface methods may be a wrapper's routes.
func pathArg(info *types.Info, call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if s, ok := constString(info, a); ok && strings.HasPrefix(s, "/") {
			return true
		}
	}
	return false
}

// groupBy indexes xs by key, in their order.
func groupBy[T any](xs []T, key func(T) string) map[string][]T {
	by := map[string][]T{}
	for _, x := range xs {
		k := key(x)
		by[k] = append(by[k], x)
	}
	return by
}
