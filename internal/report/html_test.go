package report

import (
	"bytes"
	"context"
	"fmt"
	"html"
	"math"
	"math/rand/v2"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/browsertest"
)

// TestHTMLSelfContained checks that the page refers to nothing outside
// itself and that its Content-Security-Policy allows exactly its own
// style and script.
func TestHTMLSelfContained(t *testing.T) {
	out := render(t, "html", full())
	outside := regexp.MustCompile(`https?:|src=|@import|url\([^#]|<link|<iframe|<object|<embed`)
	for _, loc := range outside.FindAllStringIndex(out, -1) {
		t.Errorf("the page refers to something outside itself:\n%s", excerpt(out, loc[0]))
	}
	csp := regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`).FindStringSubmatch(out)
	if csp == nil {
		t.Fatal("no Content-Security-Policy meta element")
	}
	policy := html.UnescapeString(csp[1])
	for _, el := range []struct{ tag, directive string }{{"style", "style-src"}, {"script", "script-src"}} {
		m := regexp.MustCompile(`(?s)<`+el.tag+`>(.*?)</`+el.tag+`>`).FindAllStringSubmatch(out, -1)
		if len(m) != 1 {
			t.Fatalf("%d <%s> elements, want 1", len(m), el.tag)
		}
		want := el.directive + " '" + CSPHash([]byte(m[0][1])) + "'"
		if !strings.Contains(policy, want) {
			t.Errorf("the policy %q does not allow the page's %s by its hash (%s)", policy, el.tag, want)
		}
	}
	if !strings.Contains(policy, "default-src 'none'") {
		t.Errorf("the policy %q does not forbid everything else", policy)
	}
}

// TestHTMLBrowser loads the page in headless Chromium and fails on any
// console message (a script error, or a style, script or request that
// the page's policy blocked) and unless the page's script ran to its end.
func TestHTMLBrowser(t *testing.T) {
	bin := browsertest.Chromium(t)
	if testing.Short() {
		t.Skip("starts a browser")
	}
	cases := []struct {
		name, reason string
		report       *Report
	}{
		{"full", "every part of the page, with both drawings", full()},
		{"empty", "a page with nothing to show", &Report{Version: SchemaVersion}},
		{"hostile", "injected markup must neither run nor be requested: the policy would log it", hostileReport()},
		{"large", "60 components, one depending on all the others: the graph scrolls, its labels stay readable", largeReport(60)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := HTML(&b, tc.report); err != nil {
				t.Fatal(err)
			}
			dom, console := browsertest.Load(t, bin, b.Bytes())
			for _, line := range console {
				t.Errorf("%s (%s): console message: %s", tc.name, tc.reason, line)
			}
			if !strings.Contains(dom, `data-ready="1"`) {
				t.Errorf("%s: the page's script did not run to its end (no data-ready on <html>); the DOM:\n%.2000s", tc.name, dom)
			}
			if strings.Contains(dom, "<script>alert") {
				t.Errorf("%s: injected markup became an element", tc.name)
			}
			// Every text of the component graph is drawn at 10 px or more.
			if len(tc.report.Components) > 1 {
				m := regexp.MustCompile(`data-least-text-px="([0-9.]+)"`).FindStringSubmatch(dom)
				if m == nil {
					t.Fatalf("%s: the graph's drawn text size is not recorded", tc.name)
				}
				if px, _ := strconv.ParseFloat(m[1], 64); px < 10 {
					t.Errorf("%s: the graph's smallest text is drawn at %.1f px, want 10 or more", tc.name, px)
				}
			}
			if scrolls := strings.Contains(dom, `data-scrolls="1"`); scrolls != (tc.name == "large") {
				t.Errorf("%s: the graph scrolls: %t, want %t", tc.name, scrolls, tc.name == "large")
			}
		})
	}
}

// TestDOTGraphviz draws the DOT output with Graphviz, when it is
// installed, and checks that a hostile component name comes out of the
// drawing exactly as it went in (on one line, control characters shown
// as escapes): quotes, backslashes and entities are neither syntax nor
// lost.
func TestDOTGraphviz(t *testing.T) {
	bin, err := exec.LookPath("dot")
	if err != nil {
		t.Skip("no Graphviz dot on PATH: the DOT output is not drawn")
	}
	for _, r := range []*Report{full(), hostileReport()} {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		cmd := exec.CommandContext(ctx, bin, "-Tsvg")
		cmd.Stdin = strings.NewReader(render(t, "dot", r))
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		cancel()
		if err != nil || stderr.Len() > 0 {
			t.Fatalf("dot: %v\n%s", err, stderr.String())
		}
		var labels []string
		for _, m := range regexp.MustCompile(`<text[^>]*>([^<]*)</text>`).FindAllStringSubmatch(stdout.String(), -1) {
			labels = append(labels, strings.ReplaceAll(html.UnescapeString(m[1]), "\u00a0", " "))
		}
		if r.Components[0].Name == hostile || r.Components[1].Name == hostile {
			want := strings.Join(strings.Fields(oneLine(hostile)), " ")
			found := false
			for _, l := range labels {
				if strings.Join(strings.Fields(l), " ") == want {
					found = true
				}
			}
			if !found {
				t.Errorf("Graphviz drew the labels %q, none of which is the hostile name %q", labels, want)
			}
		}
	}
}

// largeReport is a report of n components: a command depending on all
// the others, each of which depends on the next, with a decision each.
func largeReport(n int) *Report {
	r := &Report{Version: SchemaVersion, Tool: "test", Stage: "traction", Threshold: 40, Summary: Summary{Packages: n}}
	name := func(i int) string { return fmt.Sprintf("internal/service%02d", i) }
	r.Components = append(r.Components, Component{Name: "cmd", Packages: []string{"example.com/m/cmd"}})
	for i := 1; i < n; i++ {
		r.Components = append(r.Components, Component{Name: name(i), Packages: []string{"example.com/m/" + name(i)}})
		r.Inventory.Dependencies = append(r.Inventory.Dependencies, Edge{From: "cmd", To: name(i), Sites: i})
		if i+1 < n {
			r.Inventory.Dependencies = append(r.Inventory.Dependencies, Edge{From: name(i), To: name(i + 1), Sites: 2})
		}
		r.Decisions = append(r.Decisions, Decision{
			Rule: "coupling.concrete-dependency", Class: CheapLater, Cost: 10 + i%30, File: name(i) + "/x.go", Line: i,
			Message: "depends on a concrete type", Component: name(i), Evidence: finding.Evidence{Sites: i},
		})
	}
	r.Summary.CheapLater = n - 1
	r.Sort()
	return r
}

// TestScatterDotsApart: on the reversibility map no dot covers another,
// even where many decisions share a cost and nearly the same spread, and
// each keeps its cost (y) exactly; the invest-now ones keep their spread
// too when nothing was there before them.
func TestScatterDotsApart(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	dense := &Report{Version: SchemaVersion, Threshold: 40}
	for i := range 300 {
		class := CheapLater
		if i%10 == 0 {
			class = InvestNow
		}
		dense.Decisions = append(dense.Decisions, Decision{
			Rule: "data.shared-table", Class: class, Cost: 10 + rng.IntN(12)*5, File: "x.go", Line: i + 1,
			Evidence: finding.Evidence{Sites: 1 + rng.IntN(40)},
		})
	}
	dense.Sort()
	for name, r := range map[string]*Report{"dense": dense, "large": largeReport(60), "full": full()} {
		s := newScatter(r)
		if len(s.Points) != len(r.Decisions) {
			t.Fatalf("%s: %d dots for %d decisions", name, len(s.Points), len(r.Decisions))
		}
		type dot struct{ x, y, r float64 }
		var dots []dot
		for _, p := range s.Points {
			var d dot
			for _, f := range []struct {
				s string
				v *float64
			}{{p.X, &d.x}, {p.Y, &d.y}, {p.R, &d.r}} {
				v, err := strconv.ParseFloat(f.s, 64)
				if err != nil {
					t.Fatal(err)
				}
				*f.v = v
			}
			dots = append(dots, d)
		}
		overlaps := 0
		for i := range dots {
			for j := i + 1; j < len(dots); j++ {
				if math.Hypot(dots[i].x-dots[j].x, dots[i].y-dots[j].y) < dots[i].r+dots[j].r-0.01 {
					overlaps++
				}
			}
		}
		if overlaps > 0 {
			t.Errorf("%s: %d pairs of dots overlap on the reversibility map", name, overlaps)
		}
	}
}
