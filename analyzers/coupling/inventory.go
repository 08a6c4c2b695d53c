package coupling

import "github.com/oneway-lint/oneway/analyzers/family"

// Inventory is the component graph and each component's metrics, for the
// audit's reports.
func Inventory(prog *family.Program) family.Inventory {
	g := newGraph(prog)
	var inv family.Inventory
	for _, from := range g.nodes {
		for _, to := range g.targets(from) {
			d := family.Dependency{From: from, To: to}
			pkgs := map[*Result]bool{}
			for _, e := range g.out[from][to] {
				d.Sites += e.Refs
				pkgs[g.from[e]] = true
			}
			d.Packages = len(pkgs)
			inv.Dependencies = append(inv.Dependencies, d)
		}
	}
	for _, m := range g.metrics() {
		inv.Metrics = append(inv.Metrics, family.Metrics{
			Component: m.Component, Ca: m.Ca, Ce: m.Ce,
			Instability: m.Instability, Abstractness: m.Abstractness, Distance: m.Distance,
			ZoneOfPain: m.ZoneOfPain,
		})
	}
	return inv
}
