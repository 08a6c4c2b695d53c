package coupling

import (
	"math"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
)

// ComponentMetrics are Robert C. Martin's package metrics, computed per
// component over the component graph.
type ComponentMetrics struct {
	Component string `json:"component"`
	Packages  int    `json:"packages"` // analysed packages of the component

	Ca int `json:"ca"` // afferent coupling: components that depend on this one
	Ce int `json:"ce"` // efferent coupling: components this one depends on

	Types      int `json:"types"`      // exported named types
	Interfaces int `json:"interfaces"` // exported interface types
	Services   int `json:"services"`   // exported struct types with behaviour (see shapes)

	Instability float64 `json:"instability"` // I = Ce / (Ca + Ce); 0 when both are 0
	// Abstractness is A = Interfaces / (Interfaces + Services): data
	// types, enums and functions are neither abstract nor replaceable by
	// an interface, so they do not count. 0 when the component declares
	// neither (see DataOnly).
	Abstractness float64 `json:"abstractness"`
	Distance     float64 `json:"distance"` // D = |A + I - 1|, from the main sequence; 0 when DataOnly

	// DataOnly marks a component that declares no interfaces and no
	// services: data types, enums, functions. Abstractness does not apply
	// to it, and it is never in the zone of pain.
	DataOnly bool `json:"data_only,omitempty"`

	// ZoneOfPain marks a stable, concrete component that others depend
	// on (A + I <= 0.5 and Ca >= 2, not DataOnly): changing it is
	// expensive, so the decisions that couple others to it weigh more.
	ZoneOfPain bool `json:"zone_of_pain,omitempty"`
}

// The zone of pain: far from the main sequence on the stable, concrete
// side, with enough dependents that changing the component is costly.
const (
	zoneMaxSum = 0.5 // A + I at most
	zoneMinCa  = 2   // Ca at least
)

// graph is the component graph of a program.
type graph struct {
	results []*Result                     // one per package, sorted by path
	others  []*Result                     // packages not analysed: their placement and Local imports only (see Program.Imports)
	nodes   []string                      // components with analysed packages, sorted
	out     map[string]map[string][]*Edge // from -> to -> edges (in package order)
	from    map[*Edge]*Result             // the package each edge starts in
}

func newGraph(prog *family.Program) *graph {
	g := &graph{out: map[string]map[string][]*Edge{}, from: map[*Edge]*Result{}}
	seen := map[string]bool{}
	for _, p := range prog.Packages {
		for _, v := range p.Results {
			r, ok := v.(*Result)
			if !ok || r == nil || r.Component == "" || seen[r.Package] {
				continue // test variants repeat a package: keep the first
			}
			seen[r.Package] = true
			g.results = append(g.results, placed(prog, r))
		}
	}
	slices.SortFunc(g.results, func(a, b *Result) int { return strings.Compare(a.Package, b.Package) })
	g.others = unanalysed(prog)
	for _, r := range g.results {
		if !slices.Contains(g.nodes, r.Component) {
			g.nodes = append(g.nodes, r.Component)
		}
		for i := range r.Edges {
			e := &r.Edges[i]
			if g.out[r.Component] == nil {
				g.out[r.Component] = map[string][]*Edge{}
			}
			g.out[r.Component][e.ToComponent] = append(g.out[r.Component][e.ToComponent], e)
			g.from[e] = r
		}
	}
	slices.Sort(g.nodes)
	return g
}

// unanalysed returns, for each package of prog.Imports that is not among
// the analysed ones (prog.Packages) and lies in a component, its
// placement and its imports of packages of the same component, sorted by
// path.
func unanalysed(prog *family.Program) []*Result {
	if prog.Place == nil || prog.Imports == nil {
		return nil
	}
	analysed := map[string]bool{}
	for _, p := range prog.Packages {
		analysed[p.Path] = true
	}
	var out []*Result
	for pkg, imports := range prog.Imports {
		if analysed[pkg] {
			continue
		}
		pl := prog.Place(pkg)
		if pl.Component == "" {
			continue
		}
		r := &Result{Package: pkg, Module: pl.Module, Component: pl.Component}
		for _, imp := range imports {
			if prog.Place(imp).Component == pl.Component {
				r.Local = append(r.Local, Edge{To: imp, ToComponent: pl.Component})
			}
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b *Result) int { return strings.Compare(a.Package, b.Package) })
	return out
}

// placed returns r with its components as the program places them: the
// audit may join default components that the import graph shows to be
// one (component.Infer), which one package at a time cannot see. Edges
// that end inside the package's own component are dropped. r itself is
// not changed; it belongs to the driver.
func placed(prog *family.Program, r *Result) *Result {
	if prog.Place == nil {
		return r
	}
	comp := prog.Place(r.Package).Component
	same := comp == r.Component
	for _, e := range r.Local {
		same = same && prog.Place(e.To).Component == e.ToComponent
	}
	for _, e := range r.Edges {
		same = same && prog.Place(e.To).Component == e.ToComponent
	}
	if same || comp == "" {
		return r
	}
	c := *r
	c.Component = comp
	c.Edges = make([]Edge, 0, len(r.Edges))
	c.Local = slices.Clone(r.Local)
	for _, e := range r.Edges {
		e.ToComponent = prog.Place(e.To).Component
		switch e.ToComponent {
		case comp:
			e.Sites = nil
			c.Local = append(c.Local, e)
		case "":
		default:
			c.Edges = append(c.Edges, e)
		}
	}
	for i := range c.Local {
		c.Local[i].ToComponent = comp
	}
	slices.SortFunc(c.Local, func(a, b Edge) int { return strings.Compare(a.To, b.To) })
	return &c
}

// targets returns the components c depends on, sorted.
func (g *graph) targets(c string) []string {
	ts := make([]string, 0, len(g.out[c]))
	for t := range g.out[c] {
		ts = append(ts, t)
	}
	slices.Sort(ts)
	return ts
}

// Metrics computes Ca, Ce, instability, abstractness and distance for
// every component that has analysed packages, sorted by component name.
func Metrics(prog *family.Program) []ComponentMetrics {
	return newGraph(prog).metrics()
}

func (g *graph) metrics() []ComponentMetrics {
	byName := map[string]*ComponentMetrics{}
	for _, c := range g.nodes {
		byName[c] = &ComponentMetrics{Component: c}
	}
	for _, r := range g.results {
		m := byName[r.Component]
		m.Packages++
		m.Types += r.Types
		m.Interfaces += r.Interfaces
		m.Services += r.Services
	}
	for _, from := range g.nodes {
		for _, to := range g.targets(from) {
			byName[from].Ce++
			if m, ok := byName[to]; ok {
				m.Ca++
			}
		}
	}
	out := make([]ComponentMetrics, 0, len(g.nodes))
	for _, c := range g.nodes {
		m := byName[c]
		if m.Ca+m.Ce > 0 {
			m.Instability = float64(m.Ce) / float64(m.Ca+m.Ce)
		}
		m.DataOnly = m.Interfaces+m.Services == 0
		if !m.DataOnly {
			m.Abstractness = float64(m.Interfaces) / float64(m.Interfaces+m.Services)
			m.Distance = math.Abs(m.Abstractness + m.Instability - 1)
		}
		m.ZoneOfPain = !m.DataOnly && m.Abstractness+m.Instability <= zoneMaxSum && m.Ca >= zoneMinCa
		out = append(out, *m)
	}
	return out
}
