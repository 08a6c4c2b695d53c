package routes

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oneway-lint/oneway/analyzers/family"
)

func run(pass *analysis.Pass) (any, error) {
	if passedOver(pass) {
		return &Result{}, nil
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	decls := map[*types.Func]*ast.FuncDecl{}
	for n := range ins.PreorderSeq((*ast.FuncDecl)(nil)) {
		d := n.(*ast.FuncDecl)
		if fn, ok := pass.TypesInfo.Defs[d.Name].(*types.Func); ok && d.Body != nil {
			decls[fn] = d
		}
	}
	cls := newClassifier(pass, decls)
	x := newExtractor(pass, decls, cls)
	for _, f := range pass.Files {
		x.walkFile(f)
	}
	res := &Result{Encodes: cls.encodes(ins)}
	x.expandLocal()
	x.markBesidePages()
	g := newGraph(x)
	g.dropFallbacks()
	posFinder := newPosFinder(pass.Fset)

	// Routes below the routers nothing in this package mounts.
	var roots []*node
	seen := map[*node]bool{}
	for _, n := range g.nodes {
		if seen[n] || len(g.parents[n]) > 0 {
			continue
		}
		seen[n] = true
		switch n.kind {
		case nodeParam:
			continue
		case nodeResult:
			if !n.used {
				continue
			}
		}
		roots = append(roots, n)
	}
	templates := map[*types.Func][]*rawRoute{}
	for _, n := range roots {
		loopback := x.loopback[n]
		prefix := ""
		if (n.kind == nodeUnknown || n.kind == nodeHolder) && !n.root {
			prefix = unknownSegment
		}
		for _, r := range g.collect(n, prefix, prefix != "", false) {
			sitePos := r.pos
			if r.site != siteOf(pass.Fset, pass.Pkg.Path(), r.pos) {
				// In another package, or a branch of a dispatching handler.
				if p, ok := posFinder.find(r.site); ok {
					sitePos = p
				}
			}
			if r.tmpl != nil {
				templates[r.tmpl] = append(templates[r.tmpl], r) // a wrapper's template: each call is a route
				continue
			}
			if r.probe != "" {
				res.Mounts = append(res.Mounts, Mount{Key: r.probe, Methods: r.probeMethods, Path: clearTemplates(r.path), Const: !r.dyn,
					Host: r.host, Loopback: loopback, Pos: r.pos})
				continue
			}
			p := clearTemplates(r.path)
			if strings.HasPrefix(p, "{?") {
				p = "/" + p // a prefix from an expression ("{?cfg.Root}" + "/api"): paths start with a slash
			}
			res.Routes = append(res.Routes, Route{
				Framework: r.fw, Method: r.method, Host: r.host, Path: p, Const: !r.dyn,
				Kind: KindOf(r.path, r.writes), Handler: r.handler, Pos: r.pos, SitePos: sitePos, Site: r.site, Package: r.pkg,
				Loopback: loopback,
			})
		}
	}
	res.Encodes = append(res.Encodes, x.encodes...)
	sort.SliceStable(res.Encodes, func(i, j int) bool { return res.Encodes[i].Pos < res.Encodes[j].Pos })
	res.Routes = Dedupe(res.Routes)
	sortRoutes(res.Routes)

	// Facts for the functions of this package.
	fns := make([]*types.Func, 0, len(decls))
	for fn := range decls {
		fns = append(fns, fn)
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].Pos() < fns[j].Pos() })
	res.Registrars = x.registrars(g, fns)
	for _, c := range x.calls {
		for i := range c.Args {
			c.Args[i].router = nil // this package's graph: not kept past it
		}
	}
	res.Calls = x.calls
	for _, fn := range fns {
		fact := &FuncFact{Writes: cls.funcWrites(fn), EncodesParams: cls.funcEncodes(fn), Dispatch: x.dispatches(fn, map[*types.Func]bool{})}
		sig := fn.Type().(*types.Signature)
		for i := 0; i < sig.Params().Len(); i++ {
			n := x.params[sig.Params().At(i)]
			if n == nil {
				continue
			}
			if rs := factRoutes(g.collect(n, "", false, true)); len(rs) > 0 {
				fact.Params = append(fact.Params, ParamRoutes{Index: i, Routes: rs})
			}
		}
		if n := x.results[fn]; n != nil {
			fact.Returns = factRoutes(g.collect(n, "", false, true))
		}
		fact.Templates = factRoutes(templates[fn])
		if s, ok := constFirstResult(pass.TypesInfo, fn, decls[fn]); ok {
			fact.ResultPath = s
		}
		if recv := sig.Recv(); recv != nil && !types.IsInterface(recv.Type()) && len(fact.Templates) > 0 {
			res.Wrappers = append(res.Wrappers, Wrapper{Key: templateKey(fn.Name(), sig), Methods: recvMethods(sig), Routes: fact.Templates})
		}
		if !fact.empty() {
			pass.ExportObjectFact(fn, fact)
		}
	}
	return res, nil
}

// passedOver reports whether run finds nothing in the pass's package by
// rule: a router's own package registers on the routers it is handed
// (its methods are modelled, frameworks.go: its code is no route), and
// the standard library's facts would only be gob-encoded for every
// importer (see FuncFact.FactScope).
func passedOver(pass *analysis.Pass) bool {
	return frameworkOf(pass.Pkg.Path()) != "" || family.StandardLibrary(pass)
}

// Dedupe keeps one route per registration and path, and one where a
// router is served both at its place and below a prefix from
// configuration, as in
//
//	if basePath == "" { root.Handle("/", mux) } else { root.Handle(basePath+"/", http.StripPrefix(basePath, mux)) }
//
// The route below the prefix says both: /{basePath}/api/items.
func Dedupe(rs []Route) []Route {
	type key struct {
		site         Site
		method, host string
	}
	paths := map[key][]string{}
	for _, r := range rs {
		k := key{r.Site, r.Method, r.Host}
		paths[k] = append(paths[k], r.Path)
	}
	type exact struct {
		k key
		p string
	}
	seen := map[exact]bool{}
	out := make([]Route, 0, len(rs))
	for _, r := range rs {
		e := exact{key{r.Site, r.Method, r.Host}, r.Path}
		if seen[e] {
			continue // one router mounted twice at one place: e.Any("/a/*", h) and e.Any("/b/*", h) of a mux serving full paths
		}
		seen[e] = true
		twin := false
		for _, q := range paths[key{r.Site, r.Method, r.Host}] {
			if dynamicTwin(q, r.Path) {
				twin = true
				break
			}
		}
		if !twin {
			out = append(out, r)
		}
	}
	return out
}

// dynamicTwin reports whether q is p below a prefix made of dynamic
// segments only: /{?basePath}/api/items and /api/items.
func dynamicTwin(q, p string) bool {
	prefix, ok := strings.CutSuffix(q, p)
	if !ok || prefix == "" || !strings.HasPrefix(prefix, "/") {
		return false
	}
	if !strings.HasPrefix(p, "/") && p != "" {
		return false
	}
	for _, s := range strings.Split(strings.TrimPrefix(strings.TrimSuffix(prefix, "/"), "/"), "/") {
		if !IsDynamic(s) {
			return false
		}
	}
	return true
}

func factRoutes(rs []*rawRoute) []FactRoute {
	out := make([]FactRoute, 0, len(rs))
	for _, r := range rs {
		out = append(out, FactRoute{
			Framework: r.fw, Method: r.method, Host: r.host, Path: r.path, Const: !r.dyn,
			Writes: r.writes, Handler: r.handler, Site: r.site,
			Probe: r.probe, ProbeMethods: r.probeMethods, HandlerArg: r.harg, Mount: r.mountTmpl,
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if c := out[i].Compare(out[j].Site); c != 0 {
			return c < 0
		}
		return out[i].Path+" "+out[i].Method < out[j].Path+" "+out[j].Method
	})
	return out
}

// graph indexes the nodes, routes and edges the extractor found.
type graph struct {
	fset     *token.FileSet
	pkg      string  // the package's path
	nodes    []*node // in order of first appearance
	parents  map[*node][]*edge
	children map[*node][]*edge
	routesOn map[*node][]*rawRoute
	// visits counts collect's steps, for the test that bounds them.
	visits int
}

func newGraph(x *extractor) *graph {
	g := &graph{fset: x.pass.Fset, pkg: x.pass.Pkg.Path(), parents: map[*node][]*edge{}, children: map[*node][]*edge{}, routesOn: map[*node][]*rawRoute{}}
	known := map[*node]bool{}
	addNode := func(n *node) {
		if !known[n] {
			known[n] = true
			g.nodes = append(g.nodes, n)
		}
	}
	// A field or variable given one router is that router: mounting it
	// mounts the router, registering on it registers there.
	aliases := map[*node][]*edge{}
	for _, e := range x.edges {
		if e.alias {
			aliases[e.child] = append(aliases[e.child], e)
		}
	}
	// canon returns the router n is, n's prefix below it, whether n is at
	// a mount point there, and whether the prefix is dynamic.
	var canon func(n *node, depth int) (*node, string, bool, bool)
	canon = func(n *node, depth int) (*node, string, bool, bool) {
		as := aliases[n]
		if len(as) != 1 || depth > 16 {
			return n, "", false, false
		}
		t, p, m, d := canon(as[0].parent, depth+1)
		p, m = place(p, m, as[0].prefix, as[0].mount)
		return t, p, m, d || as[0].dyn
	}
	for _, r := range x.routes {
		n, p, m, d := canon(r.n, 0)
		if n != r.n {
			c := *r
			c.n, c.path, c.dyn = n, below(p, m, r.path), r.dyn || d
			r = &c
		}
		addNode(r.n)
		g.routesOn[r.n] = append(g.routesOn[r.n], r)
	}
	for _, e := range x.edges {
		if e.alias && len(aliases[e.child]) == 1 {
			continue
		}
		c := *e
		c.child, _, _, _ = canon(e.child, 0)
		var p string
		var m, d bool
		c.parent, p, m, d = canon(e.parent, 0)
		c.prefix, c.mount = place(p, m, e.prefix, e.mount)
		c.dyn = e.dyn || d
		if c.child == c.parent {
			continue
		}
		addNode(c.child)
		addNode(c.parent)
		g.parents[c.child] = append(g.parents[c.child], &c)
		g.children[c.parent] = append(g.children[c.parent], &c)
	}
	return g
}

// dropFallbacks drops the routes standing for a handler that turned out
// to be a router with routes of its own.
func (g *graph) dropFallbacks() {
	memo := map[*node]int{} // 0 unknown, 1 visiting or empty, 2 has routes
	var has func(n *node) bool
	has = func(n *node) bool {
		switch memo[n] {
		case 1:
			return false
		case 2:
			return true
		}
		memo[n] = 1
		for _, r := range g.routesOn[n] {
			if r.fallback == nil {
				memo[n] = 2
				return true
			}
		}
		for _, e := range g.children[n] {
			if has(e.child) {
				memo[n] = 2
				return true
			}
		}
		return false
	}
	for n, rs := range g.routesOn {
		kept := rs[:0]
		for _, r := range rs {
			if r.fallback == nil || !has(r.fallback) {
				kept = append(kept, r)
			}
		}
		g.routesOn[n] = kept
	}
}

// Bounds of one collect. A router mounted at two prefixes below a router
// mounted at two prefixes … serves 2^depth paths: past maxMountPaths
// paths through the mounts, or maxRoutes routes, the rest is left out.
const (
	maxMountPaths = 10_000
	maxRoutes     = 200_000
)

// collect returns the routes registered on n and on every router mounted
// below it, with paths relative to n's parent at prefix. Served routes
// (!rel) get full paths, "/" for the root; routes of a fact (rel) keep
// their paths relative to n: "" (n itself) stays apart from "/", which
// only the caller, mounting n, resolves.
func (g *graph) collect(n *node, prefix string, dyn bool, rel bool) []*rawRoute {
	var out []*rawRoute
	var visit func(n *node, prefix string, mount, dyn bool, host string, depth int)
	onPath := map[*node]bool{}
	paths := 0
	visit = func(n *node, prefix string, mount, dyn bool, host string, depth int) {
		g.visits++
		if onPath[n] || depth > 64 || paths >= maxMountPaths || len(out) >= maxRoutes {
			return
		}
		paths++
		onPath[n] = true
		defer delete(onPath, n)
		for _, r := range g.routesOn[n] {
			c := *r
			c.path = below(prefix, mount, r.path)
			if !rel && prefix == "" {
				c.path = JoinPath("", c.path)
			}
			c.dyn = dyn || r.dyn
			if c.host == "" {
				c.host = host
			}
			out = append(out, &c)
		}
		for _, e := range g.children[n] {
			h := host
			if e.host != "" {
				h = e.host
			}
			p, m := place(prefix, mount, e.prefix, e.mount)
			start := len(out)
			visit(e.child, p, m, dyn || e.dyn, h, depth+1)
			if e.child.kind == nodeParam {
				// The routes of a wrapper's templates, filled with the
				// arguments of the call handing it the router.
				for i := start; i < len(out); i++ {
					if r := out[i]; r.tmpl == e.child.fn && r.tmpl != nil {
						out[i] = fill(r, e.args, e.caller, e.callPos, siteOf(g.fset, g.pkg, e.callPos), g.pkg)
					}
				}
			}
		}
	}
	visit(n, prefix, false, dyn, "", 0)
	return out
}

// String formats a node for debugging.
func (n *node) String() string { return fmt.Sprintf("node(%d %v %d)", n.kind, n.fn, n.index) }
