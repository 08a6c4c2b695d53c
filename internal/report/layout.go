package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// graphLayout places a component graph for drawing, computed here and
// deterministically so that the HTML report needs no layout library. It
// is a layered (Sugiyama-style) layout: cycles are broken by reversing
// the edges a depth-first search finds going back, components get the
// layer of their longest path from a component nothing depends on,
// edges that span several layers pass through placeholder slots, and a
// few barycentre sweeps order each layer to reduce crossings.
// Dependents come first (left, or top when the graph is too deep to fit
// the page's width) and what they depend on after them; edges that close
// a cycle run backwards.
type graphLayout struct {
	Width, Height float64
	NodeW, NodeH  float64
	Vertical      bool      // layers run top to bottom
	Nodes         []nodeBox // parallel to componentGraph.Nodes
	Edges         []edgePath
}

type nodeBox struct {
	X, Y  float64 // top left corner
	Label string  // the name, shortened to fit the box
}

type edgePath struct {
	Edge           graphEdge
	D              string // the SVG path
	LabelX, LabelY float64
	Back           bool // the edge runs against the layering: it closes a cycle
}

const (
	layoutPad      = 24.0
	layoutGapLR    = 110.0 // between layers, left to right
	layoutGapTB    = 76.0  // between layers, top to bottom
	layoutOrderGap = 26.0  // between components in a layer
	layoutSlot     = 12.0  // extent of an edge's placeholder in a layer
	layoutNodeH    = 54.0
	layoutCharW    = 8.2 // average advance of the node font
	layoutSmallW   = 6.4 // average advance of the counts under the name
	layoutMinW     = 132.0
	layoutMaxW     = 236.0
	layoutGridCol  = 4      // components per row when there are no edges
	layoutMaxWidth = 1120.0 // wider than this, the layers run top to bottom
	layoutSweeps   = 12
)

func layoutGraph(g componentGraph) graphLayout {
	n := len(g.Nodes)
	l := graphLayout{NodeH: layoutNodeH, Nodes: make([]nodeBox, n)}
	need := 0.0
	for _, nd := range g.Nodes {
		need = max(need, float64(utf8.RuneCountInString(oneLine(nd.Name)))*layoutCharW+40,
			float64(utf8.RuneCountInString(nd.countsText()))*layoutSmallW+32)
	}
	l.NodeW = min(max(need, layoutMinW), layoutMaxW)
	maxChars := int((l.NodeW - 28) / layoutCharW)
	for i, nd := range g.Nodes {
		l.Nodes[i].Label = shorten(oneLine(nd.Name), maxChars)
	}
	if n == 0 {
		return l
	}
	var edges []graphEdge
	for _, e := range g.Edges {
		if e.From != e.To {
			edges = append(edges, e)
		}
	}
	if len(edges) == 0 {
		cols := min(n, layoutGridCol)
		rows := (n + cols - 1) / cols
		for i := range l.Nodes {
			l.Nodes[i].X = layoutPad + float64(i%cols)*(l.NodeW+layoutOrderGap)
			l.Nodes[i].Y = layoutPad + float64(i/cols)*(l.NodeH+layoutOrderGap)
		}
		l.Width = 2*layoutPad + float64(cols)*l.NodeW + float64(cols-1)*layoutOrderGap
		l.Height = 2*layoutPad + float64(rows)*l.NodeH + float64(rows-1)*layoutOrderGap
		return l
	}

	back := breakCycles(n, edges)
	rank := longestPathRanks(n, edges, back)
	maxRank := slices.Max(rank)

	// Every edge becomes a chain of slots from its upper-layer end to its
	// lower-layer end, with a placeholder in each layer it crosses.
	type slot struct {
		real int // the component, or -1 for a placeholder
		rank int
	}
	slots := make([]slot, n, n*2)
	for v := range n {
		slots[v] = slot{v, rank[v]}
	}
	chains := make([][]int, len(edges))
	for ei, e := range edges {
		u, v := e.From, e.To
		if back[ei] {
			u, v = v, u
		}
		chain := []int{u}
		for r := rank[u] + 1; r < rank[v]; r++ {
			slots = append(slots, slot{-1, r})
			chain = append(chain, len(slots)-1)
		}
		chains[ei] = append(chain, v)
	}
	pred := make([][]int, len(slots))
	succ := make([][]int, len(slots))
	for _, chain := range chains {
		for i := 1; i < len(chain); i++ {
			succ[chain[i-1]] = append(succ[chain[i-1]], chain[i])
			pred[chain[i]] = append(pred[chain[i]], chain[i-1])
		}
	}
	layers := make([][]int, maxRank+1)
	for s, sl := range slots {
		layers[sl.rank] = append(layers[sl.rank], s)
	}

	// Order the layers by barycentres, sweeping down and up.
	pos := make([]float64, len(slots))
	setPos := func(layer []int) {
		for i, s := range layer {
			pos[s] = float64(i) - float64(len(layer)-1)/2
		}
	}
	for _, layer := range layers {
		setPos(layer)
	}
	for sweep := range layoutSweeps {
		down := sweep%2 == 0
		for step := range layers {
			r := step
			nbrs := pred
			if !down {
				r = len(layers) - 1 - step
				nbrs = succ
			}
			key := make(map[int]float64, len(layers[r]))
			for _, s := range layers[r] {
				key[s] = pos[s]
				if len(nbrs[s]) > 0 {
					sum := 0.0
					for _, t := range nbrs[s] {
						sum += pos[t]
					}
					key[s] = sum / float64(len(nbrs[s]))
				}
			}
			slices.SortStableFunc(layers[r], func(a, b int) int { return cmp.Compare(key[a], key[b]) })
			setPos(layers[r])
		}
	}

	// Coordinates along the layers (depth) and across them (breadth).
	lrWidth := 2*layoutPad + float64(maxRank+1)*l.NodeW + float64(maxRank)*layoutGapLR
	l.Vertical = lrWidth > layoutMaxWidth
	depthExt, breadthExt, gap := l.NodeW, l.NodeH, layoutGapLR
	if l.Vertical {
		depthExt, breadthExt, gap = l.NodeH, l.NodeW, layoutGapTB
	}
	extent := func(s int) float64 {
		if slots[s].real < 0 {
			return layoutSlot
		}
		return breadthExt
	}
	layerLen := func(layer []int) float64 {
		total := 0.0
		for i, s := range layer {
			if i > 0 {
				total += layoutOrderGap
			}
			total += extent(s)
		}
		return total
	}
	breadth := 0.0
	for _, layer := range layers {
		breadth = max(breadth, layerLen(layer))
	}
	depthAt := func(r int) float64 { return layoutPad + float64(r)*(depthExt+gap) }
	centre := make([]float64, len(slots)) // breadth coordinate of each slot's centre
	for _, layer := range layers {
		b := layoutPad + (breadth-layerLen(layer))/2
		for _, s := range layer {
			centre[s] = b + extent(s)/2
			b += extent(s) + layoutOrderGap
		}
	}
	xy := func(depth, across float64) (float64, float64) {
		if l.Vertical {
			return across, depth
		}
		return depth, across
	}
	for v := range n {
		l.Nodes[v].X, l.Nodes[v].Y = xy(depthAt(rank[v]), centre[v]-breadthExt/2)
	}
	depthTotal := 2*layoutPad + float64(maxRank+1)*depthExt + float64(maxRank)*gap
	l.Width, l.Height = xy(depthTotal, breadth+2*layoutPad)

	// Spread the ends of the edges that leave or enter a component on the
	// same side over that side, in the order of where they come from or
	// go to, so that they do not all meet in one point.
	type end struct{ ei, at int } // at: 0 the chain's first slot, 1 its last
	sides := map[[2]int][]end{}   // (component, side) → ends; side 0 far, 1 near
	for ei, chain := range chains {
		sides[[2]int{chain[0], 0}] = append(sides[[2]int{chain[0], 0}], end{ei, 0})
		last := chain[len(chain)-1]
		sides[[2]int{last, 1}] = append(sides[[2]int{last, 1}], end{ei, 1})
	}
	port := make([][2]float64, len(edges))
	for v := range n {
		for side := range 2 {
			ends := sides[[2]int{v, side}]
			other := func(e end) float64 {
				c := chains[e.ei]
				if e.at == 0 {
					return centre[c[1]]
				}
				return centre[c[len(c)-2]]
			}
			slices.SortStableFunc(ends, func(a, b end) int { return cmp.Or(cmp.Compare(other(a), other(b)), cmp.Compare(a.ei, b.ei)) })
			span := min(breadthExt*0.6, float64(len(ends)-1)*12)
			for i, e := range ends {
				if len(ends) > 1 {
					port[e.ei][e.at] = -span/2 + span*float64(i)/float64(len(ends)-1)
				}
			}
		}
	}

	var labels [][2]float64 // where the labels placed so far are
	// Route each edge through its chain: out of the far side of its
	// upper-layer end, straight through its placeholders, into the near
	// side of its lower-layer end; a back edge is drawn the other way.
	for ei, e := range edges {
		var pts [][2]float64 // (depth, breadth)
		chain := chains[ei]
		for i, s := range chain {
			d, c := depthAt(slots[s].rank), centre[s]
			switch {
			case i == 0:
				pts = append(pts, [2]float64{d + depthExt, c + port[ei][0]})
			case i == len(chain)-1:
				pts = append(pts, [2]float64{d, c + port[ei][1]})
			default:
				pts = append(pts, [2]float64{d, c}, [2]float64{d + depthExt, c})
			}
		}
		if back[ei] {
			slices.Reverse(pts)
		}
		var path strings.Builder
		x, y := xy(pts[0][0], pts[0][1])
		fmt.Fprintf(&path, "M%s %s", num(x), num(y))
		var curves [][4][2]float64 // in x, y
		for i := 1; i < len(pts); i++ {
			a, b := pts[i-1], pts[i]
			half := (b[0] - a[0]) / 2
			var c [4][2]float64
			c[0][0], c[0][1] = xy(a[0], a[1])
			c[1][0], c[1][1] = xy(a[0]+half, a[1])
			c[2][0], c[2][1] = xy(b[0]-half, b[1])
			c[3][0], c[3][1] = xy(b[0], b[1])
			fmt.Fprintf(&path, " C%s %s, %s %s, %s %s", num(c[1][0]), num(c[1][1]), num(c[2][0]), num(c[2][1]), num(c[3][0]), num(c[3][1]))
			curves = append(curves, c)
		}
		lx, ly := l.placeLabel(curves, labels)
		labels = append(labels, [2]float64{lx, ly})
		l.Edges = append(l.Edges, edgePath{Edge: e, D: path.String(), LabelX: lx, LabelY: ly, Back: back[ei]})
	}
	return l
}

// placeLabel picks where an edge's label goes: the middle of the middle
// curve, or else the first point along the edge, from the middle
// outwards, that is clear of the labels placed before and of the
// components.
func (l *graphLayout) placeLabel(curves [][4][2]float64, placed [][2]float64) (float64, float64) {
	const clear = 22.0
	at := func(c [4][2]float64, t float64) (float64, float64) {
		u := 1 - t
		a, b, cc, d := u*u*u, 3*u*u*t, 3*u*t*t, t*t*t
		return a*c[0][0] + b*c[1][0] + cc*c[2][0] + d*c[3][0], a*c[0][1] + b*c[1][1] + cc*c[2][1] + d*c[3][1]
	}
	free := func(x, y float64) bool {
		for _, p := range placed {
			if (p[0]-x)*(p[0]-x)+(p[1]-y)*(p[1]-y) < clear*clear {
				return false
			}
		}
		for _, nb := range l.Nodes {
			if x > nb.X-10 && x < nb.X+l.NodeW+10 && y > nb.Y-10 && y < nb.Y+l.NodeH+10 {
				return false
			}
		}
		return true
	}
	mid := (len(curves) - 1) / 2
	order := []int{mid}
	for d := 1; d < len(curves); d++ {
		if mid+d < len(curves) {
			order = append(order, mid+d)
		}
		if mid-d >= 0 {
			order = append(order, mid-d)
		}
	}
	for _, i := range order {
		for _, t := range []float64{0.5, 0.35, 0.65, 0.2, 0.8} {
			if x, y := at(curves[i], t); free(x, y) {
				return x, y
			}
		}
	}
	return at(curves[mid], 0.5)
}

// breakCycles returns, for each edge, whether a depth-first search from
// the nodes in index order finds it reaching back to a node on the
// stack. Reversing those edges leaves the graph acyclic.
func breakCycles(n int, edges []graphEdge) []bool {
	out := make([][]int, n) // edge indexes by source, in target order
	for i, e := range edges {
		out[e.From] = append(out[e.From], i)
	}
	back := make([]bool, len(edges))
	state := make([]int, n) // 0 new, 1 on the stack, 2 done
	var visit func(v int)
	visit = func(v int) {
		state[v] = 1
		for _, ei := range out[v] {
			switch w := edges[ei].To; state[w] {
			case 0:
				visit(w)
			case 1:
				back[ei] = true
			}
		}
		state[v] = 2
	}
	for v := range n {
		if state[v] == 0 {
			visit(v)
		}
	}
	return back
}

// longestPathRanks gives each node the length of the longest path to it
// from a node without predecessors, with the back edges reversed.
func longestPathRanks(n int, edges []graphEdge, back []bool) []int {
	indeg := make([]int, n)
	succ := make([][]int, n)
	for ei, e := range edges {
		u, v := e.From, e.To
		if back[ei] {
			u, v = v, u
		}
		succ[u] = append(succ[u], v)
		indeg[v]++
	}
	rank := make([]int, n)
	var ready []int
	for v := range n {
		if indeg[v] == 0 {
			ready = append(ready, v)
		}
	}
	for len(ready) > 0 {
		slices.Sort(ready)
		u := ready[0]
		ready = ready[1:]
		for _, v := range succ[u] {
			rank[v] = max(rank[v], rank[u]+1)
			if indeg[v]--; indeg[v] == 0 {
				ready = append(ready, v)
			}
		}
	}
	return rank
}

// num formats a coordinate with at most one decimal.
func num(f float64) string {
	s := fmt.Sprintf("%.1f", f)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		s = "0"
	}
	return s
}

// shorten cuts s to at most n runes, with an ellipsis.
func shorten(s string, n int) string {
	if n < 2 || utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
