package api

import (
	"go/token"
	"sort"

	"github.com/oneway-lint/oneway/analyzers/api/routes"
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
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			rr, ok := res.(*RouteResult)
			if !ok || rr == nil {
				continue
			}
			for _, g := range rr.Groups {
				by[g.Subject] = append(by[g.Subject], g.Routes...)
				for _, v := range g.Versioned {
					if versioned[g.Subject] == nil {
						versioned[g.Subject] = map[string]bool{}
					}
					versioned[g.Subject][v] = true
				}
			}
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
		rs := by[s]
		sort.SliceStable(rs, func(i, j int) bool {
			a, b := rs[i].Site, rs[j].Site
			if a.Filename != b.Filename {
				return a.Filename < b.Filename
			}
			if a.Offset != b.Offset {
				return a.Offset < b.Offset
			}
			return rs[i].String() < rs[j].String()
		})
		out = append(out, groupFinding(RouteGroup{Subject: s, Routes: rs, Versioned: sortedKeys(versioned[s])}, prog.Place, site, site))
	}
	return out
}
