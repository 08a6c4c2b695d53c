package coupling

import (
	"cmp"
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
	out = append(out, g.units().cycles()...)
	if prog.History != nil {
		pairs := changeCouplings(prog.History, g, ConfigFrom(prog.Settings))
		withChangeCoupling(out, pairs, prog.History)
		for _, p := range pairs {
			if !p.hidden {
				continue // a dependency ties them: its decisions carry it
			}
			if f, ok := hiddenCoupling(p, prog.History); ok {
				out = append(out, f)
			}
		}
	}
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
	// The packages not analysed count for what is self-contained: without
	// them a directory whose packages import one of them would look like a
	// library of its own.
	for _, r := range g.others {
		if r.Module != "" && byComp[r.Component] != nil {
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
