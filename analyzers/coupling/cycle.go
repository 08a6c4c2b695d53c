package coupling

import (
	"fmt"
	"go/token"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Rule coupling.cycle: components that depend on each other in a
// cycle, decided over the whole program (see Global).

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
			closing, finding.Count(ev.Sites, "reference"), finding.Count(ev.Packages, "package"))
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
