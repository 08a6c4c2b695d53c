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
		cspHash(css), cspHash(js))
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, v); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

func cspHash(b []byte) string {
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
				plural(e.Edge.Sites, "use"), plural(e.Edge.Packages, "package")),
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

	// Decisions at the same place are spread sideways around it, so that
	// every one can be seen and pointed at.
	type spot struct{ sites, cost int }
	at := map[spot][]int{}
	var spots []spot
	for i, d := range r.Decisions {
		k := spot{max(d.Evidence.Sites, 1), d.Cost}
		if _, ok := at[k]; !ok {
			spots = append(spots, k)
		}
		at[k] = append(at[k], i)
	}
	rank := map[int]int{} // decision index → invest-now rank, as in the list
	for i, d := range r.Decisions {
		if d.Class == InvestNow {
			rank[i] = len(rank) + 1
		}
	}
	// Draw cheap decisions first so the expensive ones are on top.
	for pass := range 2 {
		for _, k := range spots {
			ids := at[k]
			cx, cy := xOf(k.sites), yOf(float64(k.cost))
			var labels []string
			lastX := cx
			for j, i := range ids {
				d := r.Decisions[i]
				if (d.Class == InvestNow) != (pass == 1) {
					continue
				}
				x := cx + (float64(j)-float64(len(ids)-1)/2)*13
				lastX = max(lastX, x)
				radius := 6.0
				if d.Class == InvestNow {
					radius = 7.5
				}
				title := fmt.Sprintf("%s — %s, cost %d, %s\n%s\n%s · component %s",
					d.Rule, d.Class, d.Cost, plural(d.Evidence.Sites, "site"), d.Message, location(d.File, d.Line, d.Column), d.Component)
				if n := rank[i]; n > 0 {
					title = "#" + strconv.Itoa(n) + " " + title
					labels = append(labels, "#"+strconv.Itoa(n))
				}
				s.Points = append(s.Points, point{
					X: num(x), Y: num(cy), R: num(radius), Class: classCSS(d.Class),
					Href: "#d" + strconv.Itoa(i+1), Title: title,
				})
			}
			if len(labels) > 0 {
				s.Labels = append(s.Labels, pointLabel{X: num(lastX + 11), Y: num(cy + 4), Text: strings.Join(labels, " ")})
			}
		}
	}
	return s
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
