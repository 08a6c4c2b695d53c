package component

import (
	"path"
	"slices"
	"strings"
)

// Inferred is a component the import graph made of several default
// components: the directories below one container directory (app/,
// internal/, …) whose packages import each other, directly or through
// other components. They are layers of one unit, not units of their own:
// a cycle between them, or a concrete dependency of one on another, is
// how the unit is built, not coupling to reverse.
type Inferred struct {
	Name    string   // the component's name: the container's
	Members []string // the default components it joins, sorted
}

// Infer returns a resolver that places packages as r does, except that
// the default components below one container directory that depend on
// each other are joined into one, named after the container (see
// Inferred). imports maps each package of the main modules to the
// packages it imports (others are ignored). A component the policy
// declares is never changed, and neither is a top-level directory: those
// are the units the authors chose, while the second-level split below a
// container is the default rule's guess, which the import graph corrects.
func (r *Resolver) Infer(imports map[string][]string) *Resolver {
	c := *r
	c.rootClash = r.rootClashes(imports)
	// The component graph of the default components, the root package
	// named apart where it clashes.
	out := map[string]map[string]bool{}
	dirOf := map[string]string{} // default component -> its container component
	taken := map[string]bool{}
	for pkg, deps := range imports {
		from := c.Resolve(pkg).Component
		if from == "" {
			continue
		}
		taken[from] = true
		if container, ok := c.inferable(pkg); ok {
			dirOf[from] = container
		}
		for _, d := range deps {
			to := c.Resolve(d).Component
			if to == "" || to == from {
				continue
			}
			if out[from] == nil {
				out[from] = map[string]bool{}
			}
			out[from][to] = true
		}
	}

	c.merged = map[string]string{}
	for _, scc := range StronglyConnected(out) {
		byContainer := map[string][]string{}
		for _, comp := range scc {
			if d, ok := dirOf[comp]; ok {
				byContainer[d] = append(byContainer[d], comp)
			}
		}
		for container, members := range byContainer {
			if len(members) < 2 {
				continue
			}
			slices.Sort(members)
			name := container
			if taken[name] && !slices.Contains(members, name) {
				name += "/*" // the container's own package is a component apart
			}
			for _, m := range members {
				c.merged[m] = name
			}
			c.inferred = append(c.inferred, Inferred{Name: name, Members: members})
		}
	}
	slices.SortFunc(c.inferred, func(a, b Inferred) int { return strings.Compare(a.Name, b.Name) })
	return &c
}

// rootClashes returns the modules whose root package, named after the
// module, would silently share its component with a top-level directory
// of the same name (nomad/ in module .../nomad).
func (r *Resolver) rootClashes(imports map[string][]string) map[string]bool {
	roots := map[string]bool{} // modules whose root package is analysed
	for pkg := range imports {
		if pl := r.Resolve(pkg); pl.Module != "" && pl.Rel == "" {
			roots[pl.Module] = true
		}
	}
	clash := map[string]bool{}
	for pkg := range imports {
		if pl := r.Resolve(pkg); pl.Rel != "" && roots[pl.Module] && pl.Component == r.defaultName(pl.Module, "") {
			clash[pl.Module] = true
		}
	}
	return clash
}

// Inferred returns the components Infer joined, sorted by name.
func (r *Resolver) Inferred() []Inferred { return r.inferred }

// inferable reports whether pkg belongs to a default component below a
// container directory, and returns its container's component name.
func (r *Resolver) inferable(pkg string) (container string, ok bool) {
	mod, rel, found := r.split(pkg)
	if !found || rel == "" || r.declared(pkg, rel) {
		return "", false
	}
	top, _, below := strings.Cut(DefaultDir(rel), "/")
	if !below {
		return "", false
	}
	if len(r.modules) > 1 {
		return path.Base(mod) + "/" + top, true
	}
	return top, true
}

// StronglyConnected returns the strongly connected sets of two or more
// nodes of the graph out (node -> successors), each sorted, in a
// deterministic order (Tarjan's algorithm over sorted nodes and edges).
func StronglyConnected(out map[string]map[string]bool) [][]string {
	var nodes []string
	for n, ts := range out {
		nodes = append(nodes, n)
		for t := range ts {
			nodes = append(nodes, t)
		}
	}
	slices.Sort(nodes)
	nodes = slices.Compact(nodes)
	succ := func(n string) []string {
		var ts []string
		for t := range out[n] {
			ts = append(ts, t)
		}
		slices.Sort(ts)
		return ts
	}
	index := map[string]int{}
	low := map[string]int{}
	on := map[string]bool{}
	var stack []string
	var sccs [][]string
	var visit func(n string)
	visit = func(n string) {
		index[n] = len(index)
		low[n] = index[n]
		stack = append(stack, n)
		on[n] = true
		for _, t := range succ(n) {
			if _, seen := index[t]; !seen {
				visit(t)
				low[n] = min(low[n], low[t])
			} else if on[t] {
				low[n] = min(low[n], index[t])
			}
		}
		if low[n] != index[n] {
			return
		}
		var scc []string
		for {
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			on[top] = false
			scc = append(scc, top)
			if top == n {
				break
			}
		}
		if len(scc) > 1 {
			slices.Sort(scc)
			sccs = append(sccs, scc)
		}
	}
	for _, n := range nodes {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	return sccs
}
