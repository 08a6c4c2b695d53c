package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// DOT writes the component graph of r in Graphviz's DOT language (render
// it with dot -Tsvg): one node per component, filled by the most urgent
// class of its decisions, and one edge per dependency, labelled with its
// number of uses; edges that carry a decision are thick and red. Node
// ids are c0, c1…; names appear only in quoted, escaped labels.
func DOT(w io.Writer, r *Report) error {
	g := buildGraph(r)
	bw := bufio.NewWriter(w)
	fmt.Fprintln(bw, "digraph components {")
	fmt.Fprintln(bw, `  graph [rankdir=LR, fontname="Helvetica", label="oneway component graph", labelloc=t];`)
	fmt.Fprintln(bw, `  node [shape=box, style="rounded,filled", fillcolor="#f6f8fa", color="#57606a", fontname="Helvetica"];`)
	fmt.Fprintln(bw, `  edge [color="#57606a", fontname="Helvetica", fontsize=10];`)
	for _, n := range g.Nodes {
		attrs := []string{"label=" + dotString(n.Name), "tooltip=" + dotString(nodeTooltip(n))}
		switch n.worst() {
		case InvestNow:
			attrs = append(attrs, `fillcolor="#ffebe9"`, `color="#cf222e"`)
		case CheapLater:
			attrs = append(attrs, `fillcolor="#fff8c5"`, `color="#9a6700"`)
		}
		fmt.Fprintf(bw, "  %s [%s];\n", n.ID, strings.Join(attrs, ", "))
	}
	for _, e := range g.Edges {
		attrs := []string{"label=" + dotString(sitesLabel(e))}
		if e.Offending {
			attrs = append(attrs, `color="#cf222e"`, `fontcolor="#cf222e"`, "penwidth=2.5")
		}
		fmt.Fprintf(bw, "  %s -> %s [%s];\n", g.Nodes[e.From].ID, g.Nodes[e.To].ID, strings.Join(attrs, ", "))
	}
	fmt.Fprintln(bw, "}")
	return bw.Flush()
}

// nodeTooltip describes a component: its decisions and metrics.
func nodeTooltip(n graphNode) string {
	s := fmt.Sprintf("%s: %d invest-now, %d cheap-later, %d accepted; %s",
		n.Name, n.InvestNow, n.CheapLater, n.Accepted, finding.Count(n.Packages, "package"))
	if m := n.Metrics; m != nil {
		s += fmt.Sprintf("; Ca %d, Ce %d, I %.2f, A %.2f, D %.2f", m.Ca, m.Ce, m.I, m.A, m.D)
		if m.ZoneOfPain {
			s += " (zone of pain)"
		}
	}
	return s
}
