package coupling

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/component"
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
	out = append(out, g.units().cycles()...)
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
			if !slices.ContainsFunc(importers[r.Package], func(i *Result) bool { return i.Name != "main" && !i.Root && !mainOnly[i.Package] }) {
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

// units returns the graph that cycles are judged on: its nodes are the
// units that could be separated, not directories. A component is one
// unit except for the libraries kept in it: a subdirectory whose packages
// import no package of the component outside it could move out of the
// component without taking anything with it, and is a unit of its own
// (the shallowest such directory). That holds for a component the policy
// declares as for a directory: a declaration draws the boundary, it does
// not tie a self-contained library to the rest. A cycle that only the directory layout
// closes is not one between units: a vocabulary package kept in the
// server's directory (nomad/structs), imported by helpers the server
// imports; enums of the git layer (git/enum) used by the shared types the
// git layer uses. A package main, which nothing imports, is a unit of its
// own too. A library unit is named by its directory.
func (g *graph) units() *graph {
	unit := map[string]string{} // package -> unit
	byComp := map[string][]*Result{}
	for _, r := range g.results {
		unit[r.Package] = r.Component
		if r.Module != "" {
			byComp[r.Component] = append(byComp[r.Component], r)
		}
	}
	for _, rs := range byComp {
		for pkg, dir := range libraryUnits(rs) {
			unit[pkg] = dir
		}
	}
	for _, r := range g.results {
		if rel := relPath(r); r.Name == "main" && r.Module != "" && rel != "" {
			unit[r.Package] = rel
		}
	}
	u := &graph{out: map[string]map[string][]*Edge{}, from: map[*Edge]*Result{}, results: g.results}
	add := func(r *Result, e Edge) {
		from, to := unit[r.Package], e.ToComponent
		if t, ok := unit[e.To]; ok {
			to = t
		}
		if to == "" || to == from {
			return
		}
		e.ToComponent = to
		if u.out[from] == nil {
			u.out[from] = map[string][]*Edge{}
		}
		p := &e
		u.out[from][to] = append(u.out[from][to], p)
		u.from[p] = r
	}
	seen := map[string]bool{}
	for _, r := range g.results {
		if n := unit[r.Package]; !seen[n] {
			seen[n] = true
			u.nodes = append(u.nodes, n)
		}
		for _, e := range r.Edges {
			add(r, e)
		}
		for _, e := range r.Local {
			add(r, e)
		}
	}
	slices.Sort(u.nodes)
	return u
}

// relPath is the package's path relative to its module ("" for the root
// package).
func relPath(r *Result) string {
	return strings.TrimPrefix(strings.TrimPrefix(r.Package, r.Module), "/")
}

// libraryUnits returns, for the packages of one component of the default
// rule that lie in a library subdirectory (see units), that directory.
// The component's top is the deepest directory holding all its packages;
// only directories below it can be libraries.
func libraryUnits(rs []*Result) map[string]string {
	if len(rs) < 2 {
		return nil
	}
	rel := map[string]string{} // package -> module-relative path
	for _, r := range rs {
		rel[r.Package] = relPath(r)
	}
	top := rel[rs[0].Package]
	for _, r := range rs[1:] {
		for top != "" && !under(rel[r.Package], top) {
			top = parentDir(top)
		}
	}
	// A directory is no library when a package below it imports a
	// package of the component outside it.
	open := map[string]bool{}
	for _, r := range rs {
		for _, l := range r.Local {
			t, ok := rel[l.To]
			if !ok {
				continue
			}
			for d := rel[r.Package]; d != top && d != "" && !under(t, d); d = parentDir(d) {
				open[d] = true
			}
		}
	}
	out := map[string]string{}
	for _, r := range rs {
		var lib string
		for d := rel[r.Package]; d != top && d != ""; d = parentDir(d) {
			if !open[d] {
				lib = d // keep climbing: the shallowest library wins
			}
		}
		if lib != "" {
			out[r.Package] = lib
		}
	}
	return out
}

// under reports whether the slash-separated path p is dir or below it
// ("" holds everything).
func under(p, dir string) bool {
	return dir == "" || p == dir || strings.HasPrefix(p, dir+"/")
}

// parentDir returns the parent of a slash-separated path ("" for a top
// element).
func parentDir(p string) string {
	if i := strings.LastIndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return ""
}

// cycles reports one coupling.cycle per strongly connected set of two or
// more components. What makes a cycle expensive to break is not every
// import among its members (most of them go the intended way) but the
// dependencies that close it: the back edges of an order of the members
// that puts dependents before what they depend on as far as possible
// (the Eades–Lin–Smyth heuristic, weighted by references). The decision
// is sized by the references and packages of those back edges, names
// them, and is positioned at one of their imports in hand-written code.
func (g *graph) cycles() []finding.Finding {
	var out []finding.Finding
	for _, scc := range g.sccs() {
		if len(scc) < 2 {
			continue
		}
		slices.Sort(scc)
		weight := func(from, to string) int {
			n := 0
			for _, e := range g.out[from][to] {
				n += max(e.Refs, len(e.Imports))
			}
			return n
		}
		member := map[string]bool{}
		for _, c := range scc {
			member[c] = true
		}
		weights := map[string]map[string]int{}
		for _, from := range scc {
			weights[from] = map[string]int{}
			for to := range g.out[from] {
				if member[to] {
					weights[from][to] = weight(from, to)
				}
			}
		}
		order := feedbackOrder(scc, weights)
		pos := map[string]int{}
		for i, c := range order {
			pos[c] = i
		}
		ev := finding.Evidence{Components: len(scc)}
		pkgs := map[string]bool{}
		var hops, back []string
		var backRefs []int
		var f finding.Finding
		var at []finding.Related // one import of each hop, back edges first
		var rest []finding.Related
		hand := map[token.Pos]bool{} // imports in hand-written files
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
				isBack := pos[from] > pos[to]
				if isBack {
					back = append(back, hop)
					backRefs = append(backRefs, weight(from, to))
					ev.Sites += weight(from, to)
					for _, e := range edges {
						pkgs[g.from[e].Package] = true
						ev.CrossModule = ev.CrossModule || e.CrossModule
					}
				}
				if len(first.Imports) == 0 {
					continue
				}
				r := finding.Related{Pos: first.Imports[0], Message: fmt.Sprintf("%s: %s imports %s", hop, g.from[first].Package, first.To)}
				hand[r.Pos] = first.HandWritten > 0
				if isBack {
					r.Message += " (closes the cycle)"
					at = append(at, r)
					if f.Pos == 0 && first.HandWritten > 0 {
						f.Pos = r.Pos // a back edge in hand-written code
					}
				} else {
					rest = append(rest, r)
				}
			}
		}
		at = append(at, rest...)
		if f.Pos == 0 { // no back edge in hand-written code: another hop's import, hand-written if any
			for _, r := range at {
				if f.Pos == 0 || hand[r.Pos] && !hand[f.Pos] {
					f.Pos = r.Pos
				}
			}
		}
		for _, r := range at {
			if r.Pos != f.Pos {
				f.Related = append(f.Related, r)
			}
		}
		ev.Packages = len(pkgs)
		// Fan-in counts the components (not units) outside the cycle
		// that depend on it.
		inside, dependents := map[string]bool{}, map[string]bool{}
		for _, c := range scc {
			for _, es := range g.out[c] {
				for _, e := range es {
					inside[g.from[e].Component] = true
				}
			}
		}
		for _, c := range g.nodes {
			if member[c] {
				continue
			}
			for _, t := range g.targets(c) {
				if member[t] {
					for _, e := range g.out[c][t] {
						dependents[g.from[e].Component] = true
					}
				}
			}
		}
		for c := range dependents {
			if !inside[c] {
				ev.FanIn++
			}
		}
		f.Rule = RuleCycle
		f.Subject = strings.Join(scc, "<->")
		f.Evidence = ev
		closing := back[0] + " closes the cycle"
		if len(back) > 1 {
			var parts []string
			for i, b := range back {
				parts = append(parts, fmt.Sprintf("%s (%d)", b, backRefs[i]))
			}
			closing = "closed by " + strings.Join(capList(parts, maxListed), ", ")
		}
		f.Message = fmt.Sprintf("components %s depend on each other: %s; %s (%s in %s)",
			andText(capList(scc, maxListed)), strings.Join(capList(hops, maxListed), ", "),
			closing, plural(ev.Sites, "reference"), plural(ev.Packages, "package"))
		out = append(out, f)
	}
	return out
}

// feedbackOrder orders the nodes so that few (by weight) edges go
// backwards: sinks go last and sources first as they appear, else the
// node whose outgoing weight most exceeds its incoming weight goes next
// (Eades, Lin and Smyth, 1993). Ties go to the first node in sorted
// order, so the order is deterministic. out holds the weight of each
// edge between the nodes. It takes O(nodes² + edges) time: a cycle of
// thousands of components stays cheap.
func feedbackOrder(nodes []string, out map[string]map[string]int) []string {
	nodes = slices.Sorted(slices.Values(nodes))
	in := map[string]map[string]int{}
	outW, inW := map[string]int{}, map[string]int{}
	for from, tos := range out {
		for to, w := range tos {
			if from == to || w == 0 {
				continue
			}
			if in[to] == nil {
				in[to] = map[string]int{}
			}
			in[to][from] = w
			outW[from] += w
			inW[to] += w
		}
	}
	live := map[string]bool{}
	for _, n := range nodes {
		live[n] = true
	}
	take := func(n string) {
		delete(live, n)
		for m, w := range out[n] {
			if live[m] && m != n {
				inW[m] -= w
			}
		}
		for m, w := range in[n] {
			if live[m] {
				outW[m] -= w
			}
		}
	}
	var left, right []string
	for len(live) > 0 {
		next, sink := "", false
		best, bestDelta := "", 0
		for _, n := range nodes {
			if !live[n] {
				continue
			}
			if outW[n] == 0 || inW[n] == 0 {
				next, sink = n, outW[n] == 0
				break
			}
			if d := outW[n] - inW[n]; best == "" || d > bestDelta {
				best, bestDelta = n, d
			}
		}
		switch {
		case next != "" && sink:
			right = append(right, next) // reversed below
		case next != "":
			left = append(left, next)
		default:
			next = best
			left = append(left, next)
		}
		take(next)
	}
	slices.Reverse(right)
	return append(left, right...)
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

// sccs returns the sets of two or more components that depend on each
// other, each sorted, in a deterministic order.
func (g *graph) sccs() [][]string {
	out := make(map[string]map[string]bool, len(g.out))
	for from, tos := range g.out {
		out[from] = make(map[string]bool, len(tos))
		for to := range tos {
			out[from][to] = true
		}
	}
	return component.StronglyConnected(out)
}
