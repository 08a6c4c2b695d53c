package api

import (
	"net/http"
	"slices"
	"sort"

	"github.com/oneway-lint/oneway/analyzers/api/internal/routes"
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
)

// Inventory lists every route the program registers, with its full path
// and whether it carries a version, and every protobuf package its
// generated code declares: what the code base promises to clients.
func Inventory(prog *family.Program) family.Inventory {
	cfg := ConfigFrom(prog.Settings)
	cc, err := cfg.compile()
	if err != nil {
		cc, _ = DefaultConfig().compile() // the analyzers reported the bad setting
	}
	var inv family.Inventory
	type key struct {
		method, host, path string
		site               routes.Site
	}
	seen := map[key]bool{}
	var kept []routes.Route
	protos := map[string]*family.ProtoPackage{}
	addRoute := func(r routes.Route) {
		if r.Loopback || testSupportRoute(prog, r) {
			return // a command's local callback server, a test's fake server: nothing clients call
		}
		k := key{r.Method, r.Host, r.Path, r.Site}
		if seen[k] {
			return // a registration seen from several packages
		}
		seen[k] = true
		kept = append(kept, r)
	}
	for _, p := range prog.Packages {
		for _, res := range p.Results {
			switch res := res.(type) {
			case *RouteResult:
				for _, r := range res.All {
					addRoute(r)
				}
			case *ProtoResult:
				for _, pp := range res.Packages {
					if q, ok := protos[pp.Name]; ok {
						q.Services = mergeSorted(q.Services, pp.Services)
						continue
					}
					protos[pp.Name] = &family.ProtoPackage{
						Package: pp.Name, Versioned: ProtoPackageVersioned(pp.Name),
						Services: append([]string(nil), pp.Services...), Pos: pp.Pos,
					}
				}
			}
		}
	}
	for _, r := range lateRoutes(prog) {
		addRoute(r)
	}
	apiResource := cc.apiResources(kept)
	for _, r := range kept {
		inv.Routes = append(inv.Routes, inventoryRoute(cc, r, apiResource))
	}
	names := make([]string, 0, len(protos))
	for n := range protos {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		inv.ProtoPackages = append(inv.ProtoPackages, *protos[n])
	}
	return inv
}

// inventoryRoute is a route as the inventory lists it. A route whose
// handler could not be classified is api where the api rules count it
// in an API (below an API root, on a resource whose other routes encode
// JSON, on a path the policy names): DELETE /api/items/{id} answering 204.
func inventoryRoute(cc *compiled, r routes.Route, apiResource func(routes.Route) (string, bool)) family.Route {
	pos := r.SitePos
	if !pos.IsValid() {
		pos = r.Pos
	}
	kind := r.Kind
	switch {
	case matchAny(cc.protocols, r.Path):
		kind = routes.KindProtocol
	case kind == routes.KindOther && r.Method != http.MethodOptions: // a CORS preflight is no operation
		if root, in := apiResource(r); cc.inAPI(r, root, in) {
			kind = routes.KindAPI
		}
	}
	return family.Route{
		Method: r.Method, Host: r.Host, Path: routes.Shown(r.Path), Constant: r.Const,
		Versioned: cc.versionPrefix(r) != "", Kind: string(kind), Package: r.Package, Pos: pos,
	}
}

// testSupportRoute reports whether a route is registered in a test-support
// package (fixtures, fakes, mocks, test helpers: component.TestSupport).
func testSupportRoute(prog *family.Program, r routes.Route) bool {
	if prog.Place == nil {
		return false
	}
	pl := prog.Place(r.Package)
	return pl.Module != "" && component.TestSupport(pl.Rel, false)
}

func mergeSorted(a, b []string) []string {
	out := slices.Concat(a, b)
	slices.Sort(out)
	return slices.Compact(out)
}
