package api

import (
	"fmt"
	"go/token"
	"maps"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/api/internal/routes"
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

func routesRequires() []*analysis.Analyzer { return []*analysis.Analyzer{routes.Analyzer} }

var routeResultType = reflect.TypeOf((*RouteResult)(nil))

// RouteResult is the result of the api.unversioned-route analyzer on one
// package: the unversioned API routes the package serves, grouped by the
// root of their API, and every route it registers, for the inventory.
type RouteResult struct {
	Groups []RouteGroup   // sorted by subject
	All    []routes.Route // every route the package registers, as the routes analyzer found them
	// Mounts and Registrars are the package's part of the routes only
	// the whole program sees (routes.Late).
	Mounts     []routes.Mount
	Registrars []routes.Registrar
	Calls      []routes.Call
	Wrappers   []routes.Wrapper

	partial []finding.Finding // what this package alone shows; Global decides
}

// Findings implements finding.Source: the per-package findings, with
// partial evidence, that go vet weighs. The audit lets them give way to
// the decisions Global makes with every package's routes.
func (r *RouteResult) Findings() []finding.Finding {
	if r == nil {
		return nil
	}
	return r.partial
}

// RouteGroup is the unversioned routes under one prefix.
type RouteGroup struct {
	Subject   string         // the root of the API: "/api", "/" (for /orders and /customers)
	Routes    []routes.Route // sorted by registration site
	Versioned []string       // versioned prefixes below the same root: "/api/v1"; sorted
}

// PackageFindings returns the per-package findings (Evidence.Partial set),
// as they are reported to go vet.
func (r *RouteResult) PackageFindings(place func(pkgPath string) component.Placement) []finding.Finding {
	if r == nil {
		return nil
	}
	var out []finding.Finding
	for _, g := range r.Groups {
		f := groupFinding(g, place, func(rt routes.Route) token.Pos { return rt.Pos }, func(rt routes.Route) token.Pos { return rt.SitePos })
		f.Evidence.Partial = true
		out = append(out, f)
	}
	return out
}

type unversioned struct {
	cfg Config
	// The configuration is compiled once, at the first run (after the
	// driver set the flags), not for every package.
	once     sync.Once
	compiled *compiled
	err      error
}

func (u *unversioned) run(pass *analysis.Pass) (any, error) {
	u.once.Do(func() { u.compiled, u.err = u.cfg.compile() })
	cc, err := u.compiled, u.err
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", pass.Pkg.Path(), RuleUnversionedRoute, err)
	}
	res := pass.ResultOf[routes.Analyzer].(*routes.Result)
	place := placer(pass, u.cfg.Components)
	judged := make([]routes.Route, 0, len(res.Routes))
	for _, r := range res.Routes {
		if pl := place(r.Package); pl.Module == "" || !component.TestSupport(pl.Rel, false) {
			judged = append(judged, r) // a test's fake server is no API
		}
	}
	out := &RouteResult{Groups: cc.group(judged), All: res.Routes, Mounts: res.Mounts, Registrars: res.Registrars,
		Calls: res.Calls, Wrappers: res.Wrappers}
	out.partial = out.PackageFindings(place)
	for _, f := range out.partial {
		pass.Report(finding.Diagnostic(f))
	}
	return out, nil
}

// placer places packages in components from the pass's module, or by
// their import path's first element when the driver gives no module.
func placer(pass *analysis.Pass, specs []component.Spec) func(string) component.Placement {
	var mods []component.Module
	if pass.Module != nil && pass.Module.Path != "" {
		mods = append(mods, component.Module{Path: pass.Module.Path})
	}
	r := component.NewResolver(specs, mods)
	return func(p string) component.Placement {
		pl := r.Resolve(p)
		if pl.Component == "" {
			first, _, _ := strings.Cut(p, "/")
			pl.Component = first
		}
		return pl
	}
}

// group keeps the unversioned API routes and groups them by the root of
// their API: one group per API, whatever the number of its resources.
func (c *compiled) group(rs []routes.Route) []RouteGroup {
	apiResource := c.apiResources(rs)
	by := map[string]*RouteGroup{}
	versioned := map[string]map[string]bool{}
	for _, r := range rs {
		root, in := apiResource(r)
		if !c.inAPI(r, root, in) {
			continue
		}
		if v := c.versionPrefix(r); v != "" {
			if versioned[root] == nil {
				versioned[root] = map[string]bool{}
			}
			versioned[root][v] = true
			continue
		}
		if !c.unversioned(r) {
			continue
		}
		g := by[root]
		if g == nil {
			g = &RouteGroup{Subject: root}
			by[root] = g
		}
		g.Routes = append(g.Routes, r)
	}
	out := make([]RouteGroup, 0, len(by))
	for root, g := range by {
		g.Versioned = sortedKeys(versioned[root])
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Subject < out[j].Subject })
	return out
}

// apiResources returns a function giving a route's API root and whether
// a route of the same resource encodes JSON: a route the handler check
// could not classify belongs to that API (DELETE /orders/{id} answering
// 204 beside GET /orders/{id}).
func (c *compiled) apiResources(rs []routes.Route) func(routes.Route) (root string, apiResource bool) {
	set := map[string]bool{}
	for _, r := range rs {
		if r.Kind == routes.KindAPI {
			root, res := c.Root(r.Host, r.Path)
			set[root+"\x00"+res] = true
		}
	}
	return func(r routes.Route) (string, bool) {
		root, res := c.Root(r.Host, r.Path)
		return root, set[root+"\x00"+res]
	}
}

// inAPI decides whether a route is part of an API: it encodes JSON, the
// policy names its path, or its handler could not be classified and it
// is below an API root (/api) or on a resource of the API.
func (c *compiled) inAPI(r routes.Route, root string, apiResource bool) bool {
	if c.strategy == StrategyNone || c.strategy == StrategyHeader {
		return false
	}
	switch {
	case r.Loopback, matchAny(c.not, r.Path), matchAny(c.protocols, r.Path):
		return false
	case matchAny(c.api, r.Path), r.Kind == routes.KindAPI:
		return true
	case r.Kind == routes.KindOther:
		prefix, _ := deploymentRoot(r.Path)
		return apiResource || strings.TrimPrefix(root, r.Host+prefix) != "/"
	}
	return false
}

// versionPrefix returns the versioned prefix of a route (/api/v1, or
// the host for the host strategy), or "" when it has no version.
func (c *compiled) versionPrefix(r routes.Route) string {
	if c.strategy == StrategyHost {
		for _, l := range strings.FieldsFunc(r.Host, func(r rune) bool { return r == '.' || r == '-' || r == ':' }) {
			if c.version.MatchString(l) {
				return r.Host
			}
		}
		return ""
	}
	segs := routes.Segments(r.Path)
	for i, s := range segs {
		if c.version.MatchString(s) || routes.RPCService(s) && c.rpcVersioned(s) {
			return r.Host + "/" + strings.Join(segs[:i+1], "/")
		}
	}
	return ""
}

// unversioned decides whether a route without a version segment can be
// said to have none: a path with parts that are not constants may hold
// the version there.
func (c *compiled) unversioned(r routes.Route) bool {
	if c.strategy == StrategyHost {
		return r.Const || r.Host != ""
	}
	prefix, rest := deploymentRoot(r.Path)
	if prefix != "" && !c.rootIn(rest) {
		// Below a prefix from configuration with no API root after it,
		// the prefix may be the API's own root with its version:
		// oapi-codegen's options.BaseURL of "/api/v1".
		return false
	}
	return r.Const || rest != "" && !routes.HasDynamic(rest)
}

// rootIn reports whether a path has an API root segment (api, rest, …)
// among its first literal segments: Root finds one.
func (c *compiled) rootIn(p string) bool {
	root, _ := c.Root("", p)
	return root != "/"
}

// deploymentRoot splits a path whose first segments are unknown (a router
// mounted below a root path from configuration: e.Group(cfg.RootPath),
// http.StripPrefix(basePath, mux)) into that prefix and the rest. The
// prefix is where the service is deployed, not part of its API: the
// rest is what clients address below it, and what kinds, roots and
// versions are judged on. rest is the whole path when it starts with a
// known segment, "" when nothing is known.
func deploymentRoot(p string) (prefix, rest string) {
	rest = p
	for strings.HasPrefix(rest, "/") {
		seg, _, _ := strings.Cut(rest[1:], "/")
		if !routes.IsDynamic(seg) {
			break
		}
		prefix += "/" + seg
		rest = rest[1+len(seg):]
	}
	if prefix != "" && rest == "" {
		return prefix, ""
	}
	return prefix, rest
}

// DefaultAPIRoots returns the path segments that hold an API below them,
// a new slice each time.
func DefaultAPIRoots() []string { return []string{"api", "apis", "rest", "rpc", "graphql", "json"} }

// maxRootDepth is how deep in a path an API root segment is looked for:
// /api, /admin/api, /services/billing/api.
const maxRootDepth = 3

// Root returns the root of the API a route belongs to, where a version
// segment would go, and the route's resource below it (its first
// segment there). The root is the path up to an API root segment (api,
// rest, rpc… in the first three literal segments: /api, /admin/api), or
// "/" when the API is served at the top: /orders and /customers are two
// resources of one API whose root is "/". A host is written before the
// root.
func (c *compiled) Root(host, p string) (root, resource string) {
	prefix, rest := deploymentRoot(p)
	if prefix != "" && rest != "" {
		host += prefix // judged below the deployment root
		p = rest
	}
	segs := routes.Segments(p)
	for i, s := range segs {
		if i >= maxRootDepth || isParam(s) {
			break
		}
		if c.roots[strings.ToLower(s)] {
			if i+1 < len(segs) {
				resource = segs[i+1]
			}
			return host + "/" + strings.Join(segs[:i+1], "/"), resource
		}
	}
	if len(segs) > 0 {
		resource = segs[0]
	}
	return host + "/", resource
}

func isParam(s string) bool {
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, ":") || strings.HasPrefix(s, "*")
}

// Subject is the root of the API a route belongs to, with the default
// API roots: "/api" for GET /api/orders, "/" for GET /orders/{id}.
func Subject(p string) string {
	c, _ := DefaultConfig().compile()
	root, _ := c.Root("", p)
	return root
}

func sortedKeys(m map[string]bool) []string {
	if len(m) == 0 {
		return nil
	}
	return slices.Sorted(maps.Keys(m))
}

// matchAny matches a path against globs: * matches one segment, a
// trailing /** (or /...) everything below, other text as path.Match.
func matchAny(globs []string, p string) bool {
	for _, g := range globs {
		if matchGlob(g, p) {
			return true
		}
	}
	return false
}

func matchGlob(g, p string) bool {
	for _, suffix := range []string{"/**", "/..."} {
		if base, ok := strings.CutSuffix(g, suffix); ok {
			gs, ps := routes.Segments(base), routes.Segments(p)
			if len(ps) < len(gs) {
				return false
			}
			return matchGlob(base, "/"+strings.Join(ps[:len(gs)], "/"))
		}
	}
	ok, err := path.Match(g, p)
	return err == nil && ok
}

// groupFinding builds the finding of one group; at gives the position
// to report, related the position of each route.
func groupFinding(g RouteGroup, place func(string) component.Placement, at, related func(routes.Route) token.Pos) finding.Finding {
	pkgs, comps, handlers, resources := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	var rel []finding.Related
	for _, r := range g.Routes {
		pkgs[r.Package] = true
		if place != nil {
			comps[place(r.Package).Component] = true
		}
		handlers[r.Package+"."+r.Handler] = true
		resources[routes.Shown(resourceOf(g.Subject, r))] = true
		msg := "unversioned route " + r.String()
		if r.Handler != "" {
			msg += " (" + r.Handler + ")"
		}
		rel = append(rel, finding.Related{Pos: related(r), Message: msg})
	}
	first := g.Routes[0]
	subject := routes.Shown(g.Subject)
	msg := fmt.Sprintf("api root %s has no version: %s (%s) with %s in %s, e.g. %s",
		subject, finding.Count(len(g.Routes), "route"), list(sortedKeys(resources), 5), finding.Count(len(handlers), "handler"),
		finding.Count(len(pkgs), "package"), first.String())
	if len(g.Versioned) > 0 {
		versioned := make([]string, len(g.Versioned))
		for i, v := range g.Versioned {
			versioned[i] = routes.Shown(v)
		}
		msg += "; versioned beside it: " + list(versioned, 3)
	}
	return finding.Finding{
		Rule:    RuleUnversionedRoute,
		Pos:     at(first),
		Message: msg,
		Subject: subject,
		Evidence: finding.Evidence{
			Sites:      len(g.Routes),
			Packages:   len(pkgs),
			Components: len(comps),
			Public:     true,
		},
		Related: rel,
	}
}

// resourceOf names the resource of a route below its API root: /orders
// for GET /orders/{id} at the root /, /api/lists for GET /api/lists/:id.
func resourceOf(root string, r routes.Route) string {
	rest := strings.TrimPrefix(r.Host+r.Path, root)
	segs := routes.Segments(rest)
	base := strings.TrimSuffix(root, "/")
	if len(segs) == 0 {
		return base + "/"
	}
	return base + "/" + segs[0]
}

// list joins at most n names, saying how many more there are.
func list(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:n], ", ") + fmt.Sprintf(" and %d more", len(names)-n)
}

// rpcVersioned reports whether an RPC service's package has a version
// component: memos.api.v1.MemoService.
func (c *compiled) rpcVersioned(seg string) bool {
	parts := strings.Split(seg, ".")
	for _, p := range parts[:len(parts)-1] {
		if c.version.MatchString(p) {
			return true
		}
	}
	return false
}
