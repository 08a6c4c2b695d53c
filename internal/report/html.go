package report

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

//go:embed assets/report.html.tmpl assets/report.css assets/report.js
var htmlAssets embed.FS

// HTML writes r as one self-contained HTML page: the same audit as
// [Markdown] plus two drawings computed here, a reversibility map (every
// decision by reversal cost against spread) and the component graph. It
// loads nothing from the network: styles and script are inline and
// allowed by hash in the page's Content-Security-Policy, which forbids
// everything else. Every string from the analysed code goes through
// html/template's contextual escaping.
func HTML(w io.Writer, r *Report) error {
	page, err := htmlAssets.ReadFile("assets/report.html.tmpl")
	if err != nil {
		return err
	}
	css, err := htmlAssets.ReadFile("assets/report.css")
	if err != nil {
		return err
	}
	js, err := htmlAssets.ReadFile("assets/report.js")
	if err != nil {
		return err
	}
	tmpl, err := template.New("report").Parse(string(page))
	if err != nil {
		return err
	}
	// Control characters from the analysed code are shown as escapes,
	// as on a terminal; html/template escapes the rest.
	v := newHTMLView(mapStrings(r, Sanitize))
	// The assets are oneway's own files, embedded at build time: the only
	// content that bypasses escaping. Their hashes let the page's policy
	// allow exactly them.
	v.CSS = template.CSS(css)
	v.JS = template.JS(js)
	v.CSP = fmt.Sprintf("default-src 'none'; style-src '%s'; script-src '%s'; img-src data:; base-uri 'none'; form-action 'none'",
		CSPHash(css), CSPHash(js))
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, v); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// CSPHash is the Content-Security-Policy source that allows exactly the
// inline style or script b ('sha256-…' without the quotes), for the
// self-contained pages oneway writes.
func CSPHash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

type htmlView struct {
	R         *Report
	CSS       template.CSS
	JS        template.JS
	CSP       string
	Baselined bool // some decision is baselined: show new/baselined marks

	Note string // how the components were formed, where the import graph joined some

	Invest   []htmlDecision
	Cheap    []htmlGroup
	Accepted []htmlDecision
	Map      scatter
	Graph    htmlGraph

	Components []htmlComponent
	Metrics    bool // some component has metrics
	Tables     []htmlTable
	Routes     []htmlRoute
	Versioned  int // versioned routes
	Protos     []htmlProto
}

type htmlRoute struct {
	Route
	Method, Version, Where string
}

type htmlProto struct {
	ProtoPackage
	Version, Where string
}

type htmlDecision struct {
	Decision
	N        int    // rank among the invest-now decisions, from 1
	Anchor   string // element id
	Where    string // file:line:col
	Evidence string
	Factors  []Factor
}

type htmlGroup struct {
	Rule      string
	Decisions []htmlDecision
}

type htmlComponent struct {
	Name, Criticality               string
	Packages                        int
	InvestNow, CheapLater, Accepted int
	M                               *Metrics
}

type htmlTable struct {
	Table
	Where []string // the sites, file:line (kind)
	More  int      // sites left out
}

func newHTMLView(r *Report) *htmlView {
	v := &htmlView{R: r, Baselined: slices.ContainsFunc(r.Decisions, func(d Decision) bool { return d.Baselined })}
	group := map[string]int{}
	for i, d := range r.Decisions {
		hd := htmlDecision{
			Decision: d, Anchor: "d" + strconv.Itoa(i+1),
			Where: location(d.File, d.Line, d.Column), Evidence: evidenceText(d), Factors: d.Factors,
		}
		switch d.Class {
		case InvestNow:
			hd.N = len(v.Invest) + 1
			v.Invest = append(v.Invest, hd)
		case CheapLater:
			gi, ok := group[d.Rule]
			if !ok {
				gi = len(v.Cheap)
				group[d.Rule] = gi
				v.Cheap = append(v.Cheap, htmlGroup{Rule: d.Rule})
			}
			v.Cheap[gi].Decisions = append(v.Cheap[gi].Decisions, hd)
		case Accepted:
			v.Accepted = append(v.Accepted, hd)
		}
	}
	// Rule groups: the one with the most expensive decision first (the
	// decisions are sorted by cost, so that is the first of each).
	slices.SortStableFunc(v.Cheap, func(a, b htmlGroup) int {
		return cmp.Or(cmp.Compare(b.Decisions[0].Cost, a.Decisions[0].Cost), cmp.Compare(a.Rule, b.Rule))
	})

	v.Note = ComponentsNote(r)
	g := buildGraph(r)
	for _, n := range g.Nodes {
		v.Components = append(v.Components, htmlComponent{
			Name: n.Name, Criticality: n.Criticality, Packages: n.Packages,
			InvestNow: n.InvestNow, CheapLater: n.CheapLater, Accepted: n.Accepted, M: n.Metrics,
		})
		v.Metrics = v.Metrics || n.Metrics != nil
	}
	v.Graph = newHTMLGraph(g)
	v.Map = newScatter(r)

	for _, t := range r.Inventory.Tables {
		ht := htmlTable{Table: t}
		for i, s := range t.Sites {
			if i == 8 {
				ht.More = len(t.Sites) - i
				break
			}
			ht.Where = append(ht.Where, location(s.File, s.Line, 0)+" ("+s.Kind+")")
		}
		v.Tables = append(v.Tables, ht)
	}
	for _, rt := range r.Inventory.Routes {
		v.Routes = append(v.Routes, htmlRoute{Route: rt, Method: routeMethod(rt), Version: versionWord(rt.Versioned), Where: location(rt.File, rt.Line, 0)})
	}
	v.Versioned = versionedRoutes(r.Inventory.Routes)
	for _, pp := range r.Inventory.ProtoPackages {
		v.Protos = append(v.Protos, htmlProto{ProtoPackage: pp, Version: versionWord(pp.Versioned), Where: location(pp.File, pp.Line, 0)})
	}
	return v
}

// classCSS maps a class to its CSS class name; unknown classes get none.
func classCSS(class string) string {
	switch class {
	case InvestNow, CheapLater, Accepted:
		return class
	}
	return "unknown"
}

// htmlGraph is the component graph placed for SVG.
type htmlGraph struct {
	W, H     string
	Nodes    []htmlNode
	Edges    []htmlEdge
	NoEdges  bool
	Vertical bool
}

type htmlNode struct {
	ID, Name, Label, Class string
	X, Y, W, H             string
	TX, TY1, TY2           string // text positions
	InvestNow, CheapLater  int
	Accepted               int
	Title                  string
}

type htmlEdge struct {
	D, LX, LY, Label, Title string
	Offending               bool
}

func newHTMLGraph(g componentGraph) htmlGraph {
	l := layoutGraph(g)
	hg := htmlGraph{W: num(l.Width), H: num(l.Height), NoEdges: len(l.Edges) == 0, Vertical: l.Vertical}
	for i, n := range g.Nodes {
		b := l.Nodes[i]
		hg.Nodes = append(hg.Nodes, htmlNode{
			ID: n.ID, Name: n.Name, Label: b.Label, Class: cmp.Or(n.worst(), "none"),
			X: num(b.X), Y: num(b.Y), W: num(l.NodeW), H: num(l.NodeH),
			TX: num(b.X + 14), TY1: num(b.Y + 22), TY2: num(b.Y + 41),
			InvestNow: n.InvestNow, CheapLater: n.CheapLater, Accepted: n.Accepted,
			Title: nodeTooltip(n),
		})
	}
	for _, e := range l.Edges {
		hg.Edges = append(hg.Edges, htmlEdge{
			D: e.D, LX: num(e.LabelX), LY: num(e.LabelY), Label: strconv.Itoa(e.Edge.Sites),
			Title: fmt.Sprintf("%s → %s: %s in %s", g.Nodes[e.Edge.From].Name, g.Nodes[e.Edge.To].Name,
				finding.Count(e.Edge.Sites, "use"), finding.Count(e.Edge.Packages, "package")),
			Offending: e.Edge.Offending,
		})
	}
	return hg
}

// scatter is the reversibility map: decisions by reversal cost (y)
// against spread (x, evidence sites on a log scale).
type scatter struct {
	W, H                       string
	Left, Top, Right, Bottom   string // the plot area
	PlotW, TickX               string
	XTicks, YTicks             []tick
	XTitleX, XTitleY, YTitleY  string
	Threshold                  bool
	TY, TLabelX, TLabelY, TTop string
	THeight                    string
	Points                     []point
	Labels                     []pointLabel
	Empty                      bool
}

type tick struct {
	Pos, Label string
}

type point struct {
	X, Y, R, Class, Href, Title string
}

type pointLabel struct {
	X, Y, Text string
}

func newScatter(r *Report) scatter {
	const (
		w, h                     = 960.0, 400.0
		left, right, top, bottom = 64.0, 24.0, 20.0, 56.0
	)
	pw, ph := w-left-right, h-top-bottom
	s := scatter{
		W: num(w), H: num(h),
		Left: num(left), Top: num(top), Right: num(w - right), Bottom: num(h - bottom),
		PlotW: num(pw), TickX: num(left - 8),
		XTitleX: num(left + pw/2), XTitleY: num(h - 14), YTitleY: num(top + ph/2),
		Empty: len(r.Decisions) == 0,
	}
	maxSites, maxCost := 10, r.Threshold
	for _, d := range r.Decisions {
		maxSites = max(maxSites, d.Evidence.Sites)
		maxCost = max(maxCost, d.Cost)
	}
	xMax := niceLog(maxSites)
	yMax, yStep := niceLinear(float64(maxCost) * 1.12)
	xOf := func(sites int) float64 {
		const inset = 16 // keeps the dots at one site off the axis
		return left + inset + (pw-2*inset)*math.Log10(float64(max(sites, 1)))/math.Log10(float64(xMax))
	}
	yOf := func(cost float64) float64 { return top + ph - ph*cost/yMax }
	for _, t := range logTicks(xMax) {
		s.XTicks = append(s.XTicks, tick{Pos: num(xOf(t)), Label: strconv.Itoa(t)})
	}
	for c := 0.0; c <= yMax+yStep/2; c += yStep {
		s.YTicks = append(s.YTicks, tick{Pos: num(yOf(c)), Label: strconv.FormatFloat(c, 'f', -1, 64)})
	}
	if r.Threshold > 0 && float64(r.Threshold) <= yMax {
		ty := yOf(float64(r.Threshold))
		s.Threshold = true
		s.TY, s.TTop, s.THeight = num(ty), num(top), num(ty-top)
		s.TLabelX, s.TLabelY = num(w-right-6), num(ty-6)
	}

	// Every decision gets its own dot: one that would cover another moves
	// sideways (along the log-scaled spread, never off its cost) to the
	// nearest free place; invest-now decisions are placed first, so they
	// keep their places, and drawn last, on top.
	rank := map[int]int{} // decision index → invest-now rank, as in the list
	for i, d := range r.Decisions {
		if d.Class == InvestNow {
			rank[i] = len(rank) + 1
		}
	}
	order := make([]int, 0, len(r.Decisions))
	for pass := range 2 {
		for i, d := range r.Decisions {
			if (d.Class == InvestNow) == (pass == 0) {
				order = append(order, i)
			}
		}
	}
	pl := newPlacer(left+6, w-right-6)
	dots := make([]placedDot, len(r.Decisions))
	labels := map[[2]float64][]int{} // by the place a group of dots aimed at: their ranks
	var aims [][2]float64
	for _, i := range order {
		d := r.Decisions[i]
		radius := 6.0
		if d.Class == InvestNow {
			radius = 7.5
		}
		cx, cy := xOf(max(d.Evidence.Sites, 1)), yOf(float64(d.Cost))
		dots[i] = pl.place(cx, cy, radius)
		if n := rank[i]; n > 0 {
			k := [2]float64{cx, cy}
			if _, ok := labels[k]; !ok {
				aims = append(aims, k)
			}
			labels[k] = append(labels[k], i)
		}
	}
	// Draw cheap decisions first so the expensive ones are on top.
	for j := len(order) - 1; j >= 0; j-- {
		i := order[j]
		d, p := r.Decisions[i], dots[i]
		title := fmt.Sprintf("%s — %s, cost %d, %s\n%s\n%s · component %s",
			d.Rule, d.Class, d.Cost, finding.Count(d.Evidence.Sites, "site"), d.Message, location(d.File, d.Line, d.Column), d.Component)
		if n := rank[i]; n > 0 {
			title = "#" + strconv.Itoa(n) + " " + title
		}
		s.Points = append(s.Points, point{
			X: num(p.x), Y: num(p.y), R: num(p.r), Class: classCSS(d.Class),
			Href: "#d" + strconv.Itoa(i+1), Title: title,
		})
	}
	for _, k := range aims {
		var texts []string
		right := 0.0
		for _, i := range labels[k] {
			texts = append(texts, "#"+strconv.Itoa(rank[i]))
			right = max(right, dots[i].x+dots[i].r)
		}
		s.Labels = append(s.Labels, pointLabel{X: num(right + 4), Y: num(k[1] + 4), Text: strings.Join(texts, " ")})
	}
	return s
}

// placer places dots on a chart without covering one another: a dot
// that would moves sideways to the nearest free place within reach, else
// stays where it aims (a chart of thousands of decisions at one place
// cannot show them all apart).
type placer struct {
	minX, maxX float64
	cells      map[[2]int][]placedDot // by cell of placerCell pixels
}

type placedDot struct{ x, y, r float64 }

const (
	placerCell  = 16.0 // at least the largest diameter
	placerStep  = 2.0  // how far apart the places tried are
	placerReach = 160  // places tried on each side
)

func newPlacer(minX, maxX float64) *placer {
	return &placer{minX: minX, maxX: maxX, cells: map[[2]int][]placedDot{}}
}

// place places a dot of radius r aimed at (x, y), and records it.
func (p *placer) place(x, y, r float64) placedDot {
	at := x
	for k := 0; k <= 2*placerReach; k++ {
		dx := float64((k+1)/2) * placerStep
		if k%2 == 1 {
			dx = -dx
		}
		cand := x + dx
		if cand < p.minX || cand > p.maxX {
			continue
		}
		if p.free(cand, y, r) {
			at = cand
			break
		}
	}
	c := [2]int{int(math.Floor(at / placerCell)), int(math.Floor(y / placerCell))}
	d := placedDot{at, y, r}
	p.cells[c] = append(p.cells[c], d)
	return d
}

// free reports whether a dot at (x, y) of radius r covers none placed.
func (p *placer) free(x, y, r float64) bool {
	cx, cy := int(math.Floor(x/placerCell)), int(math.Floor(y/placerCell))
	for i := cx - 1; i <= cx+1; i++ {
		for j := cy - 1; j <= cy+1; j++ {
			for _, o := range p.cells[[2]int{i, j}] {
				if math.Hypot(o.x-x, o.y-y) < o.r+r+0.5 {
					return false
				}
			}
		}
	}
	return true
}

// niceLog is the smallest of 1, 2, 5, 10, 20, 50… at least n.
func niceLog(n int) int {
	for m := 1; ; m *= 10 {
		for _, f := range []int{1, 2, 5} {
			if f*m >= n {
				return f * m
			}
		}
	}
}

// logTicks are the ticks 1, 2, 5, 10… up to max.
func logTicks(limit int) []int {
	var ts []int
	for m := 1; m <= limit; m *= 10 {
		for _, f := range []int{1, 2, 5} {
			if f*m <= limit {
				ts = append(ts, f*m)
			}
		}
	}
	return ts
}

// niceLinear returns an axis maximum at least v and a step that divides
// it into four to eight parts of 1, 2 or 5 times a power of ten.
func niceLinear(v float64) (limit, step float64) {
	if v <= 0 {
		return 10, 2
	}
	raw := v / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, f := range []float64{1, 2, 5, 10} {
		if step = f * mag; step >= raw {
			break
		}
	}
	return math.Ceil(v/step) * step, step
}
