package coupling

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// A decision is built the same way from one package (the analyzer, in vet
// mode) and from every package of the program (Global in the audit), so
// that both classify alike; only the evidence differs.

// site is one position that makes up a decision.
type site struct {
	pkg  string // dependent package
	pos  token.Pos
	note string // for Related
}

// group gathers the sites of one decision.
type group struct {
	rule    string
	subject string
	to      string   // depended-upon component
	from    []string // dependent components, sorted, unique
	pkgs    []string // dependent packages, sorted, unique
	sites   []site   // positions, in dependent package then file order
	count   int      // sites that make the decision (may exceed len(sites) for imports)
	kinds   map[Kind]int
	// For concrete-dependency: the sites that bind the dependents to the
	// types' representation (see Kind.binding), and their packages.
	binding     int
	bindingPkgs []string
	objects     []string // qualified names used, in order of first use
	targets     []string // depended-upon packages, sorted, unique
	cross       bool

	// For shared-global: the variable has a basic type, and a site writes
	// it other than to pass on build information or its own package
	// writes it at run time.
	value, wrote bool
}

func (g *group) addPkg(comp, pkg string) {
	if i, ok := slices.BinarySearch(g.from, comp); !ok {
		g.from = slices.Insert(g.from, i, comp)
	}
	if i, ok := slices.BinarySearch(g.pkgs, pkg); !ok {
		g.pkgs = slices.Insert(g.pkgs, i, pkg)
	}
}

func (g *group) addTarget(pkg string) {
	if i, ok := slices.BinarySearch(g.targets, pkg); !ok {
		g.targets = slices.Insert(g.targets, i, pkg)
	}
}

func (g *group) addObject(name string) {
	if !slices.Contains(g.objects, name) {
		g.objects = append(g.objects, name)
	}
}

// programView is the whole-program knowledge Global adds to a decision;
// nil in a per-package pass.
type programView struct {
	metrics map[string]ComponentMetrics
	// written holds the exported variables ("path.Name") that some
	// package of the program writes (Result.Writes).
	written map[string]bool
}

// decide turns the edges of the given packages into the decisions of the
// per-package rules (forbidden-dependency, concrete-dependency,
// internal-reach, shared-global), one per rule and subject, sorted by
// rule, then subject. Results must be sorted by package path.
func decide(fset *token.FileSet, results []*Result, view *programView) []finding.Finding {
	groups := map[string]*group{}
	var order []*group
	get := func(rule, subject, to string) *group {
		key := rule + "\x00" + subject
		g, ok := groups[key]
		if !ok {
			g = &group{rule: rule, subject: subject, to: to, kinds: map[Kind]int{}}
			groups[key] = g
			order = append(order, g)
		}
		return g
	}

	for _, r := range results {
		for i := range r.Edges {
			e := &r.Edges[i]
			edgeSubject := r.Component + "->" + e.ToComponent
			refs := max(e.Refs, len(e.Imports))
			if e.Forbidden {
				g := get(RuleForbiddenDependency, edgeSubject, e.ToComponent)
				addImports(g, r, e, refs)
			}
			if e.Internal {
				g := get(RuleInternalReach, edgeSubject, e.ToComponent)
				addImports(g, r, e, refs)
			}
			for _, s := range e.Sites {
				var g *group
				if s.Kind.concrete() {
					g = get(RuleConcreteDependency, edgeSubject, e.ToComponent)
				} else {
					g = get(RuleSharedGlobal, e.To+"."+s.Object, e.ToComponent)
				}
				g.addPkg(r.Component, r.Package)
				g.addTarget(e.To)
				g.cross = g.cross || e.CrossModule
				name := e.ToName + "." + s.Object
				g.addObject(name)
				g.kinds[s.Kind]++
				g.count++
				if s.Kind.binding() {
					g.binding++
					if i, ok := slices.BinarySearch(g.bindingPkgs, r.Package); !ok {
						g.bindingPkgs = slices.Insert(g.bindingPkgs, i, r.Package)
					}
				}
				g.value = g.value || s.Value
				g.wrote = g.wrote || s.Kind == KindWrite && !s.Build || s.Written
				g.sites = append(g.sites, site{pkg: r.Package, pos: s.Pos, note: fmt.Sprintf("%s %s", kindVerb(s.Kind), name)})
			}
		}
	}

	out := make([]finding.Finding, 0, len(order))
	for _, g := range order {
		if g.rule == RuleSharedGlobal && readLikeConstant(g, view) {
			continue
		}
		// Sites of one package come from several edges: order them by file.
		slices.SortStableFunc(g.sites, func(a, b site) int {
			if c := strings.Compare(a.pkg, b.pkg); c != 0 {
				return c
			}
			pa, pb := fset.Position(a.pos), fset.Position(b.pos)
			return cmp.Or(strings.Compare(pa.Filename, pb.Filename), cmp.Compare(pa.Offset, pb.Offset))
		})
		out = append(out, g.finding(view))
	}
	slices.SortFunc(out, func(a, b finding.Finding) int {
		return cmp.Or(strings.Compare(a.Rule, b.Rule), strings.Compare(a.Subject, b.Subject))
	})
	return out
}

func addImports(g *group, r *Result, e *Edge, refs int) {
	g.addPkg(r.Component, r.Package)
	g.addTarget(e.To)
	g.cross = g.cross || e.CrossModule
	g.count += refs
	for _, p := range e.Imports {
		g.sites = append(g.sites, site{pkg: r.Package, pos: p, note: "imports " + e.To})
	}
}

// finding builds the decision of g.
func (g *group) finding(view *programView) finding.Finding {
	ev := finding.Evidence{
		Sites:       g.count,
		Packages:    len(g.pkgs),
		Components:  len(g.from),
		CrossModule: g.cross,
		Partial:     view == nil,
	}
	var zone string
	if view != nil {
		m := view.metrics[g.to]
		ev.FanIn = m.Ca
		if m.ZoneOfPain {
			ev.ZoneOfPain = true
			zone = fmt.Sprintf("; %s is in the zone of pain (I %.2f, A %.2f)", g.to, m.Instability, m.Abstractness)
		}
	}
	f := finding.Finding{Rule: g.rule, Subject: g.subject, Evidence: ev}
	if len(g.sites) > 0 {
		f.Pos = g.sites[0].pos
		for _, s := range g.sites[1:] {
			f.Related = append(f.Related, finding.Related{Pos: s.pos, Message: s.note})
		}
	}
	from := "component " + g.from[0]
	if len(g.from) > 1 {
		from = "components " + andText(g.from)
	}
	noun := "site"
	if g.rule == RuleConcreteDependency {
		noun = "use" // the sites that weigh are the binding ones, counted below
	}
	spread := spreadText(ev, noun, view != nil)
	switch g.rule {
	case RuleForbiddenDependency:
		f.Message = forbiddenDependencyMessage(g, from, spread, zone)
	case RuleInternalReach:
		f.Message = internalReachMessage(g, from, spread, zone)
	case RuleConcreteDependency:
		concreteDependency(g, &f, from, spread, zone)
	case RuleSharedGlobal:
		f.Message = sharedGlobalMessage(g, from, spread, zone)
	}
	return f
}

// spreadText describes the sites, packages and, with whole-program
// evidence, the fan-in.
func spreadText(ev finding.Evidence, noun string, global bool) string {
	s := finding.Count(ev.Sites, noun)
	if global || ev.Packages > 1 {
		s += " in " + finding.Count(ev.Packages, "package")
	}
	if global && ev.FanIn > 0 {
		s += fmt.Sprintf(", fan-in %d", ev.FanIn)
	}
	if ev.CrossModule {
		s += ", across modules"
	}
	return s
}

// listText lists up to n names and how many more there are.
func listText(names []string, n int) string {
	if len(names) <= n {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:n], ", "), len(names)-n)
}

// kindsText counts the sites by kind, in a fixed order.
func kindsText(kinds map[Kind]int) string {
	var parts []string
	for _, k := range [...]Kind{KindField, KindParam, KindResult, KindLiteral, KindAssertion,
		KindEmbedded, KindSelect, KindType, KindRead, KindWrite} {
		switch n := kinds[k]; {
		case n == 1, n > 1 && k == KindEmbedded:
			parts = append(parts, fmt.Sprintf("%d %s", n, k))
		case n > 1:
			parts = append(parts, fmt.Sprintf("%d %ss", n, k))
		}
	}
	return strings.Join(parts, ", ")
}

func kindVerb(k Kind) string {
	switch k {
	case KindField:
		return "field of type"
	case KindParam:
		return "parameter of type"
	case KindResult:
		return "result of type"
	case KindLiteral:
		return "composite literal of"
	case KindAssertion:
		return "type assertion to"
	case KindEmbedded:
		return "embeds"
	case KindSelect:
		return "selects field"
	case KindRead:
		return "reads"
	case KindWrite:
		return "writes"
	}
	return "uses type"
}

// andText joins names as "a, b and c".
func andText(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
