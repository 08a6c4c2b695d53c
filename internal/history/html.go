package history

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/oneway-lint/oneway/internal/report"
)

//go:embed assets/history.html.tmpl assets/history.css
var htmlAssets embed.FS

// The drawing's geometry, in SVG user units.
const (
	chartWidth, chartHeight = 720, 220
	chartLeft, chartRight   = 50, 660
	chartTop, chartBottom   = 12, 180
	trendWidth, trendHeight = 120, 24
)

// htmlView is what the page template reads.
type htmlView struct {
	H                       *History
	CSS                     template.CSS
	CSP                     string
	Width, Height           int
	Left, Right, Bottom     int
	Label                   int
	MaxCost, MaxCount       int
	CostPoints, CountPoints string
	Ticks                   []tick
	HeadFailed              bool
	Rows                    []htmlRow
	Inventory               string   // the summary of the inventory's changes
	InventoryItems          []string // and its lists
	TrendWidth, TrendHeight int
}

type tick struct {
	X    int
	Text string
}

type htmlRow struct {
	D              Decision
	Subject, Since string
	Cost           int
	Added          string
	Costs, Points  string
}

// HTML writes the history as one self-contained page: a chart of the
// open decisions' total cost and of the invest-now decisions at each
// revision, the decisions open at HEAD with a trend line each, and the
// revisions' figures — drawn in the page's own SVG, with nothing loaded
// from the network (the style is allowed by hash in the page's
// Content-Security-Policy, which forbids everything else). Strings from
// the analysed code go through html/template's contextual escaping.
func HTML(w io.Writer, h *History) error {
	page, err := htmlAssets.ReadFile("assets/history.html.tmpl")
	if err != nil {
		return err
	}
	css, err := htmlAssets.ReadFile("assets/history.css")
	if err != nil {
		return err
	}
	tmpl, err := template.New("history").Parse(string(page))
	if err != nil {
		return err
	}
	v := htmlView{
		H: h, CSS: template.CSS(css),
		CSP:   fmt.Sprintf("default-src 'none'; style-src '%s'; base-uri 'none'; form-action 'none'", report.CSPHash(css)),
		Width: chartWidth, Height: chartHeight, Left: chartLeft, Right: chartRight, Bottom: chartBottom, Label: chartBottom + 20,
		TrendWidth: trendWidth, TrendHeight: trendHeight,
	}
	n := len(h.Revisions)
	v.HeadFailed = h.headFailed()
	costs, counts := make([]int, n), make([]int, n)
	for i, s := range h.Revisions {
		costs[i], counts[i] = s.TotalCost, s.InvestNow
		v.MaxCost, v.MaxCount = max(v.MaxCost, s.TotalCost), max(v.MaxCount, s.InvestNow)
	}
	x := func(i, width, left int) int {
		if n <= 1 {
			return left
		}
		return left + i*width/(n-1)
	}
	v.CostPoints = polyline(costs, func(i int) int { return x(i, chartRight-chartLeft, chartLeft) }, chartTop, chartBottom)
	v.CountPoints = polyline(counts, func(i int) int { return x(i, chartRight-chartLeft, chartLeft) }, chartTop, chartBottom)
	for i, s := range h.Revisions {
		if i == 0 || i == n-1 || n <= 7 || i%(n/6+1) == 0 {
			v.Ticks = append(v.Ticks, tick{X: x(i, chartRight-chartLeft, chartLeft), Text: s.Date})
		}
	}
	if !v.HeadFailed {
		for _, d := range h.Decisions {
			subject, since := d.Label(), d.Since(h, func(c string) string { return c })
			var cs []string
			for _, c := range d.Costs {
				cs = append(cs, fmt.Sprint(c))
			}
			v.Rows = append(v.Rows, htmlRow{
				D: d, Subject: report.Sanitize(subject), Since: since, Cost: d.Costs[len(d.Costs)-1], Added: fmt.Sprintf("%+d", d.Growth),
				Costs:  strings.Join(cs, ", "),
				Points: polyline(d.Costs, func(i int) int { return x(i, trendWidth-4, 2) }, 2, trendHeight-2),
			})
		}
	}
	inv := strings.Split(strings.TrimSuffix(inventoryText(h.Inventory, report.Sanitize, ""), "\n"), "\n")
	v.Inventory, v.InventoryItems = inv[0], inv[1:]
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, v); err != nil {
		return err
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// polyline returns the points of a line through values, x from xOf, y
// scaled so that the largest value is at top and 0 at bottom.
func polyline(values []int, xOf func(int) int, top, bottom int) string {
	peak := 0
	for _, v := range values {
		peak = max(peak, v)
	}
	var b strings.Builder
	for i, v := range values {
		y := bottom
		if peak > 0 {
			y = bottom - v*(bottom-top)/peak
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%d,%d", xOf(i), y)
	}
	return b.String()
}
