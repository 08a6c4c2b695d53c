package api

import (
	"fmt"
	"go/token"
	"path"
	"reflect"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/api/routes"
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

func routesRequires() []*analysis.Analyzer { return []*analysis.Analyzer{routes.Analyzer} }

var routeResultType = reflect.TypeOf((*RouteResult)(nil))

// RouteResult is the result of the api.unversioned-route analyzer on one
// package: the unversioned API routes the package serves, grouped by
// prefix. It deliberately does not implement finding.Source: the audit
// takes this rule's findings from Global, which groups one prefix across
// packages into one decision; go vet and other drivers see the
// per-package diagnostics.
type RouteResult struct {
	Groups []RouteGroup // sorted by subject

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
	Subject string         // the unversioned prefix: "/orders", "/api"
	Routes  []routes.Route // sorted by registration site
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

type unversioned struct{ cfg Config }

func (u *unversioned) run(pass *analysis.Pass) (any, error) {
	cc, err := u.cfg.compile()
	if err != nil {
		return nil, fmt.Errorf("%s: %s: %w", pass.Pkg.Path(), RuleUnversionedRoute, err)
	}
	res := pass.ResultOf[routes.Analyzer].(*routes.Result)
	out := &RouteResult{Groups: cc.group(res.Routes)}
	place := placer(pass, u.cfg.Components)
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

// group keeps the unversioned API routes and groups them by subject.
func (c *compiled) group(rs []routes.Route) []RouteGroup {
	by := map[string][]routes.Route{}
	for _, r := range rs {
		if !c.unversionedAPI(r) {
			continue
		}
		s := Subject(r.Path)
		by[s] = append(by[s], r)
	}
	out := make([]RouteGroup, 0, len(by))
	for s, rs := range by {
		out = append(out, RouteGroup{Subject: s, Routes: rs})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Subject < out[j].Subject })
	return out
}

// unversionedAPI decides whether a route is an API route without a version.
func (c *compiled) unversionedAPI(r routes.Route) bool {
	if c.strategy == StrategyNone || c.strategy == StrategyHeader {
		return false
	}
	switch {
	case matchAny(c.not, r.Path):
		return false
	case matchAny(c.api, r.Path):
	case r.Kind == routes.KindAPI:
	case r.Kind == routes.KindOther && underAPIPrefix(r.Path):
	default:
		return false
	}
	if c.strategy == StrategyHost {
		for _, l := range strings.FieldsFunc(r.Host, func(r rune) bool { return r == '.' || r == '-' || r == ':' }) {
			if c.version.MatchString(l) {
				return false
			}
		}
		return r.Const || r.Host != ""
	}
	for _, s := range routes.Segments(r.Path) {
		if c.version.MatchString(s) {
			return false
		}
	}
	// A path with parts that are not constants may hold the version there.
	return r.Const
}

// underAPIPrefix reports whether the first segment names an API.
func underAPIPrefix(p string) bool {
	segs := routes.Segments(p)
	if len(segs) == 0 {
		return false
	}
	switch strings.ToLower(segs[0]) {
	case "api", "apis", "rest", "rpc", "graphql", "json":
		return true
	}
	return false
}

// Subject is the unversioned prefix a route belongs to: its first path
// segment ("/orders" for GET /orders/{id}), or "/" for the root.
func Subject(p string) string {
	segs := routes.Segments(p)
	if len(segs) == 0 {
		return "/"
	}
	return "/" + segs[0]
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
	pkgs, comps, handlers := map[string]bool{}, map[string]bool{}, map[string]bool{}
	var rel []finding.Related
	for _, r := range g.Routes {
		pkgs[r.Package] = true
		if place != nil {
			comps[place(r.Package).Component] = true
		}
		handlers[r.Package+"."+r.Handler] = true
		msg := "unversioned route " + r.String()
		if r.Handler != "" {
			msg += " (" + r.Handler + ")"
		}
		rel = append(rel, finding.Related{Pos: related(r), Message: msg})
	}
	first := g.Routes[0]
	return finding.Finding{
		Rule: RuleUnversionedRoute,
		Pos:  at(first),
		Message: fmt.Sprintf("api prefix %s has no version: %s with %s in %s, e.g. %s",
			g.Subject, count(len(g.Routes), "route"), count(len(handlers), "handler"), count(len(pkgs), "package"), first.String()),
		Subject: g.Subject,
		Evidence: finding.Evidence{
			Sites:      len(g.Routes),
			Packages:   len(pkgs),
			Components: len(comps),
			Public:     true,
		},
		Related: rel,
	}
}

// count formats n with a noun in the singular or plural.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
