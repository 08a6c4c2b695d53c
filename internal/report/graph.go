package report

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// componentGraph is the component graph that the Markdown (Mermaid), DOT
// and HTML renderers draw: every component of the report and every
// component an edge names, and the dependencies between them. Node ids
// are safe identifiers (c0, c1, …) in name order, never component names.
type componentGraph struct {
	Nodes []graphNode
	Edges []graphEdge
}

type graphNode struct {
	ID          string // c0, c1…: safe in Mermaid, DOT, SVG and HTML ids
	Name        string
	Criticality string
	Packages    int
	Metrics     *Metrics
	InvestNow   int // decisions of each class about the component
	CheapLater  int
	Accepted    int
}

type graphEdge struct {
	From, To  int // indexes into Nodes
	Sites     int
	Packages  int
	Offending bool
}

// worst is the most urgent class of the component's decisions, or "".
func (n graphNode) worst() string {
	switch {
	case n.InvestNow > 0:
		return InvestNow
	case n.CheapLater > 0:
		return CheapLater
	case n.Accepted > 0:
		return Accepted
	}
	return ""
}

func buildGraph(r *Report) componentGraph {
	names := map[string]bool{}
	for _, c := range r.Components {
		names[c.Name] = true
	}
	for _, e := range r.Inventory.Dependencies {
		names[e.From] = true
		names[e.To] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	slices.Sort(sorted)
	index := make(map[string]int, len(sorted))
	g := componentGraph{Nodes: make([]graphNode, len(sorted))}
	for i, n := range sorted {
		index[n] = i
		g.Nodes[i] = graphNode{ID: "c" + strconv.Itoa(i), Name: n}
	}
	for _, c := range r.Components {
		n := &g.Nodes[index[c.Name]]
		n.Criticality = c.Criticality
		n.Packages += len(c.Packages)
		if c.Metrics != nil {
			n.Metrics = c.Metrics
		}
	}
	for _, d := range r.Decisions {
		i, ok := index[d.Component]
		if !ok {
			continue
		}
		switch d.Class {
		case InvestNow:
			g.Nodes[i].InvestNow++
		case CheapLater:
			g.Nodes[i].CheapLater++
		case Accepted:
			g.Nodes[i].Accepted++
		}
	}
	for _, e := range r.Inventory.Dependencies {
		g.Edges = append(g.Edges, graphEdge{From: index[e.From], To: index[e.To], Sites: e.Sites, Packages: e.Packages, Offending: e.Offending})
	}
	slices.SortStableFunc(g.Edges, func(a, b graphEdge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	return g
}

// sitesLabel is an edge's label: how many uses of the target the source has.
func sitesLabel(e graphEdge) string {
	return finding.Count(e.Sites, "site")
}

// countsText is the line under a component's name in the HTML graph.
func (n graphNode) countsText() string {
	var parts []string
	if n.InvestNow > 0 {
		parts = append(parts, strconv.Itoa(n.InvestNow)+" invest")
	}
	if n.CheapLater > 0 {
		parts = append(parts, strconv.Itoa(n.CheapLater)+" later")
	}
	if n.Accepted > 0 {
		parts = append(parts, strconv.Itoa(n.Accepted)+" ok")
	}
	if len(parts) == 0 {
		return "no decisions"
	}
	return strings.Join(parts, " · ")
}
