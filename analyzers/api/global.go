package api

import (
	"go/token"
	"sort"

	"github.com/oneway-lint/oneway/analyzers/api/internal/routes"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Global decides the family's rules for the whole program:
// api.unversioned-route and api.storage-model-exposed.
//
// api.unversioned-route: the
// unversioned routes of every package, grouped by the root of their API
// across packages, so that one API spread over several packages (or
// served by several binaries) is one decision, placed at its first route.
func Global(prog *family.Program) []finding.Finding {
	out := append(routeGlobal(prog), storageGlobal(prog)...)
	return append(out, moduleGlobal(prog)...)
}

func routeGlobal(prog *family.Program) []finding.Finding {
	by := map[string][]routes.Route{}
	versioned := map[string]map[string]bool{}
	add := func(groups []RouteGroup) {
		for _, g := range groups {
			by[g.Subject] = append(by[g.Subject], g.Routes...)
			for _, v := range g.Versioned {
				if versioned[g.Subject] == nil {
					versioned[g.Subject] = map[string]bool{}
				}
				versioned[g.Subject][v] = true
			}
		}
	}
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			if rr, ok := res.(*RouteResult); ok && rr != nil {
				add(rr.Groups)
			}
		}
	}
	if late := lateRoutes(prog); len(late) > 0 {
		cc, err := ConfigFrom(prog.Settings).compile()
		if err == nil {
			judged := late[:0:0]
			for _, r := range late {
				if !testSupportRoute(prog, r) {
					judged = append(judged, r)
				}
			}
			add(cc.group(judged))
		}
	}
	subjects := make([]string, 0, len(by))
	for s := range by {
		subjects = append(subjects, s)
	}
	sort.Strings(subjects)
	site := func(r routes.Route) token.Pos { return r.SitePos }
	var out []finding.Finding
	for _, s := range subjects {
		rs := routes.Dedupe(by[s]) // a module both called and reached late
		sort.SliceStable(rs, func(i, j int) bool {
			if c := rs[i].Site.Compare(rs[j].Site); c != 0 {
				return c < 0
			}
			return rs[i].String() < rs[j].String()
		})
		out = append(out, groupFinding(RouteGroup{Subject: s, Routes: rs, Versioned: sortedKeys(versioned[s])}, prog.Place, site, site))
	}
	return out
}

// lateRoutes joins the routers handed to function values and interface
// methods with the registrars that may be behind them (routes.Late), and
// the calls of interface methods with the route wrappers behind them
// (routes.LateCalls), across the program.
func lateRoutes(prog *family.Program) []routes.Route {
	var mounts []routes.Mount
	var regs []routes.Registrar
	var calls []routes.Call
	var wrappers []routes.Wrapper
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			if rr, ok := res.(*RouteResult); ok && rr != nil {
				mounts = append(mounts, rr.Mounts...)
				regs = append(regs, rr.Registrars...)
				calls = append(calls, rr.Calls...)
				wrappers = append(wrappers, rr.Wrappers...)
			}
		}
	}
	var out []routes.Route
	if len(mounts) > 0 && len(regs) > 0 {
		out = routes.Late(mounts, regs, prog.Fset)
	}
	if len(calls) > 0 && len(wrappers) > 0 {
		out = append(out, routes.LateCalls(calls, wrappers, prog.Fset)...)
	}
	return out
}
