package coupling

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Global decides the family's rules with whole-program evidence, from the
// coupling results of every package of prog:
//
//   - forbidden-dependency, concrete-dependency and internal-reach once
//     per component edge (Subject "from->to"), and shared-global once per
//     variable, with the sites, packages and components of every
//     dependent package, the fan-in of the depended-upon component and
//     whether the edge crosses a module; a depended-upon component in the
//     zone of pain is named in the message. These supersede the
//     per-package findings of the same rules, which carry
//     Evidence.Partial: a driver that runs Global drops those.
//   - cycle, once per set of components that depend on each other.
//
// Findings are sorted by rule, then subject.
func Global(prog *family.Program) []finding.Finding {
	g := newGraph(prog)
	view := &programView{metrics: map[string]ComponentMetrics{}, written: map[string]bool{}}
	for _, m := range g.metrics() {
		view.metrics[m.Component] = m
	}
	for _, r := range g.results {
		for _, v := range r.Writes {
			view.written[v] = true
		}
	}
	out := decide(prog.Fset, g.withoutWiring(g.withRoots()), view)
	out = append(out, g.cycles()...)
	slices.SortFunc(out, func(a, b finding.Finding) int {
		return cmp.Or(strings.Compare(a.Rule, b.Rule), strings.Compare(a.Subject, b.Subject))
	})
	return out
}

// withRoots returns the results with the default public surface
// completed by what only the whole program shows: when a component's top
// directory holds no package (platform/db, platform/config), its
// shallowest packages, those without an ancestor package in the
// component, are its roots and so public. The results themselves are not
// changed; they belong to the driver.
func (g *graph) withRoots() []*Result {
	byComponent := map[string][]string{}
	for _, r := range g.results {
		byComponent[r.Component] = append(byComponent[r.Component], r.Package)
	}
	isRoot := func(comp, pkg string) bool {
		for _, p := range byComponent[comp] {
			if strings.HasPrefix(pkg, p+"/") {
				return false
			}
		}
		return true
	}
	out := make([]*Result, len(g.results))
	for i, r := range g.results {
		out[i] = r
		for j, e := range r.Edges {
			if !e.Internal || !e.DefaultSurface || !isRoot(e.ToComponent, e.To) {
				continue
			}
			if out[i] == r {
				c := *r
				c.Edges = slices.Clone(r.Edges)
				out[i] = &c
			}
			out[i].Edges[j].Internal = false
		}
	}
	return out
}

// A composition root wires the components together: it builds their
// concrete services and hands them to each other. Package main is one
// (see ignore-main); so is a package that only package main reaches
// (its importers are package main and such packages) and that takes,
// builds and hands on services without holding any in a field (a server
// package assembling the application in a function, a routes package
// taking every handler as a parameter, a CLI package behind main). Their
// concrete dependencies and reach are the wiring's job, not coupling to
// reverse. A package that holds another component's service is a
// dependent, however it is reached: under dependency injection (wire,
// fx) every service is built by package main alone. One package at a
// time (go vet) cannot see who imports a package; the audit can.

// compositionRoots returns the packages, other than package main, that
// are composition roots.
func (g *graph) compositionRoots() map[string]bool {
	importers := map[string][]*Result{}
	for _, r := range g.results {
		for _, imp := range r.Imports {
			importers[imp] = append(importers[imp], r)
		}
	}
	wires := func(r *Result) bool {
		uses := false
		for _, e := range r.Edges {
			for _, s := range e.Sites {
				if s.Kind == KindField || s.Kind == KindEmbedded {
					return false // it holds a service: a dependent
				}
				uses = uses || s.Kind.concrete()
			}
		}
		return uses
	}
	// mainOnly: the packages that only package main reaches.
	mainOnly := map[string]bool{}
	for changed := true; changed; {
		changed = false
		for _, r := range g.results {
			if r.Name == "main" || mainOnly[r.Package] || len(importers[r.Package]) == 0 {
				continue
			}
			if !slices.ContainsFunc(importers[r.Package], func(i *Result) bool { return i.Name != "main" && !mainOnly[i.Package] }) {
				mainOnly[r.Package] = true
				changed = true
			}
		}
	}
	roots := map[string]bool{}
	for _, r := range g.results {
		if mainOnly[r.Package] && wires(r) {
			roots[r.Package] = true
		}
	}
	return roots
}

// withoutWiring returns the results with the concrete dependencies and
// internal reach of composition roots taken out. The results themselves
// are not changed.
func (g *graph) withoutWiring(results []*Result) []*Result {
	roots := g.compositionRoots()
	out := make([]*Result, len(results))
	for i, r := range results {
		out[i] = r
		if !roots[r.Package] {
			continue
		}
		c := *r
		c.Edges = slices.Clone(r.Edges)
		for j := range c.Edges {
			e := &c.Edges[j]
			e.Internal = false
			e.Sites = slices.DeleteFunc(slices.Clone(e.Sites), func(s Site) bool { return s.Kind.concrete() })
		}
		out[i] = &c
	}
	return out
}

// cycles reports one coupling.cycle per strongly connected set of two or
// more components, at one import of each dependency between them.
func (g *graph) cycles() []finding.Finding {
	var out []finding.Finding
	for _, scc := range g.sccs() {
		if len(scc) < 2 {
			continue
		}
		slices.Sort(scc)
		ev := finding.Evidence{Components: len(scc)}
		pkgs := map[string]bool{}
		var hops []string
		var f finding.Finding
		var at []finding.Related // one import of each hop
		for _, from := range scc {
			for _, to := range g.targets(from) {
				if !slices.Contains(scc, to) {
					continue
				}
				edges := g.out[from][to]
				// packages are in path order, imports in file order, hand-written first
				first := edges[0]
				for _, e := range edges {
					if e.HandWritten > 0 {
						first = e
						break
					}
				}
				hop := fmt.Sprintf("%s -> %s", from, to)
				hops = append(hops, hop)
				msg := fmt.Sprintf("%s: %s imports %s", hop, g.from[first].Package, first.To)
				if len(first.Imports) > 0 {
					at = append(at, finding.Related{Pos: first.Imports[0], Message: msg})
					if f.Pos == 0 && first.HandWritten > 0 {
						f.Pos = first.Imports[0] // the first hop in hand-written code
					}
				}
				for _, e := range edges {
					ev.Sites += len(e.Imports)
					pkgs[g.from[e].Package] = true
					ev.CrossModule = ev.CrossModule || e.CrossModule
				}
			}
		}
		if f.Pos == 0 && len(at) > 0 {
			f.Pos = at[0].Pos // every hop is in generated code
		}
		for _, r := range at {
			if r.Pos != f.Pos {
				f.Related = append(f.Related, r)
			}
		}
		ev.Packages = len(pkgs)
		for _, c := range g.nodes {
			if slices.Contains(scc, c) {
				continue
			}
			for _, t := range g.targets(c) {
				if slices.Contains(scc, t) {
					ev.FanIn++
					break
				}
			}
		}
		f.Rule = RuleCycle
		f.Subject = strings.Join(scc, "<->")
		f.Evidence = ev
		f.Message = fmt.Sprintf("components %s depend on each other: %s (%s in %s)",
			andText(capList(scc, maxListed)), strings.Join(capList(hops, maxListed), ", "), plural(ev.Sites, "import"), plural(ev.Packages, "package"))
		out = append(out, f)
	}
	return out
}

// maxListed is how many components or dependencies a cycle's message
// names; the related locations and the subject keep them all.
const maxListed = 8

// capList keeps the first n items and says how many more there are.
func capList(items []string, n int) []string {
	if len(items) <= n {
		return items
	}
	return append(append([]string(nil), items[:n]...), fmt.Sprintf("%d more", len(items)-n))
}

// andText joins names as "a, b and c".
func andText(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// sccs returns the strongly connected components of the component graph
// (Tarjan's algorithm), visiting nodes and edges in sorted order so the
// result is deterministic.
func (g *graph) sccs() [][]string {
	index := map[string]int{}
	low := map[string]int{}
	onStack := map[string]bool{}
	var stack []string
	var out [][]string
	next := 0

	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range g.targets(v) {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var scc []string
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				scc = append(scc, w)
				if w == v {
					break
				}
			}
			out = append(out, scc)
		}
	}
	for _, v := range g.nodes {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	return out
}
