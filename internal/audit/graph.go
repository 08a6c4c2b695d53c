package audit

import (
	"strings"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/report"
)

// attachMetrics gives each component its coupling metrics.
func attachMetrics(comps []report.Component, metrics []family.Metrics) {
	by := map[string]family.Metrics{}
	for _, m := range metrics {
		by[m.Component] = m
	}
	for i := range comps {
		m, ok := by[comps[i].Name]
		if !ok {
			continue
		}
		comps[i].Metrics = &report.Metrics{
			Ca: m.Ca, Ce: m.Ce, I: round(m.Instability), A: round(m.Abstractness), D: round(m.Distance),
			ZoneOfPain: m.ZoneOfPain,
		}
	}
}

// round keeps two decimals, so reports do not depend on the last bits of
// a float.
func round(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// markOffending marks the edges of the component graph that a coupling
// decision is about: "from->to" subjects, and every edge inside a cycle
// ("a<->b<->c").
func markOffending(edges []report.Edge, ds []report.Decision) {
	direct := map[string]bool{}
	var cycles []map[string]bool
	for _, d := range ds {
		if !strings.HasPrefix(d.Rule, "coupling.") || d.Class == report.Accepted {
			continue
		}
		switch {
		case strings.Contains(d.Subject, "<->"):
			set := map[string]bool{}
			for _, c := range strings.Split(d.Subject, "<->") {
				set[c] = true
			}
			cycles = append(cycles, set)
		case strings.Contains(d.Subject, "->"):
			direct[d.Subject] = true
		}
	}
	for i := range edges {
		e := &edges[i]
		e.Offending = direct[e.From+"->"+e.To]
		for _, c := range cycles {
			if c[e.From] && c[e.To] {
				e.Offending = true
			}
		}
	}
}
