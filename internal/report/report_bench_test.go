package report

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// bigReport is a report the size of a large code base's audit: n
// decisions over 200 components, with related locations, and an
// inventory of a thousand routes and tables.
func bigReport(n int) *Report {
	rules := []struct {
		id, class string
		base      int
	}{
		{"coupling.concrete-dependency", CheapLater, 2}, {"coupling.cycle", InvestNow, 4},
		{"coupling.shared-global", InvestNow, 3}, {"data.shared-table", InvestNow, 4},
		{"data.select-star", CheapLater, 2}, {"api.unversioned-route", InvestNow, 3},
		{"api.storage-model-exposed", CheapLater, 3}, {"data.unbounded-mutation", Accepted, 3},
	}
	const comps = 200
	r := &Report{Version: SchemaVersion, Tool: "bench", Stage: "traction", Policy: ".oneway.yml", Threshold: 40}
	for i := range n {
		rule := rules[i%len(rules)]
		comp := fmt.Sprintf("component%03d", i%comps)
		file := fmt.Sprintf("internal/%s/store/store%d.go", comp, i%7)
		cost := rule.base * (2 + i%3) * (1 + i%5) * 2
		d := Decision{
			Rule: rule.id, Class: rule.class, Cost: cost,
			Breakdown: fmt.Sprintf("%d = base %d × exposure 3 (data at rest) × spread %d (%d sites in %d packages) × criticality 2 (normal)", cost, rule.base, 1+i%5, 1+i%40, 1+i%9),
			Factors: []Factor{
				{Name: "base", Value: rule.base, Why: "rule weight"},
				{Name: "exposure", Value: 3, Why: "data at rest"},
				{Name: "spread", Value: 1 + i%5, Why: fmt.Sprintf("%d sites in %d packages", 1+i%40, 1+i%9)},
				{Name: "criticality", Value: 2, Why: "normal"},
			},
			File: file, Line: 10 + i%400, Column: 1 + i%30,
			Message:   fmt.Sprintf("component %s depends on concrete store.Store%d of component%03d: %d calls; depend on an interface instead", comp, i, (i+1)%comps, i%17),
			Component: comp, Package: "example.com/big/internal/" + comp + "/store", Subject: fmt.Sprintf("%s->subject%d", comp, i),
			Evidence:    finding.Evidence{Sites: 1 + i%40, Packages: 1 + i%9, Components: 1 + i%4, DataAtRest: i%2 == 0},
			Fingerprint: fmt.Sprintf("%016x", uint64(i)*0x9e3779b97f4a7c15),
		}
		if rule.class == Accepted {
			d.Reason = "the export must follow every column; see ADR-12"
		}
		for j := range i % 4 {
			d.Related = append(d.Related, Location{File: fmt.Sprintf("internal/component%03d/api/api.go", (i+j)%comps), Line: 20 + j, Column: 3, Message: "used here"})
		}
		r.Decisions = append(r.Decisions, d)
	}
	for c := range comps {
		name := fmt.Sprintf("component%03d", c)
		r.Components = append(r.Components, Component{
			Name: name, Criticality: "normal",
			Packages: []string{"example.com/big/internal/" + name + "/api", "example.com/big/internal/" + name + "/store"},
			Metrics:  &Metrics{Ca: c % 7, Ce: c % 5, I: float64(c%5) / 5, A: float64(c%3) / 3, D: 0.3},
		})
		r.Inventory.Dependencies = append(r.Inventory.Dependencies, Edge{From: name, To: fmt.Sprintf("component%03d", (c+1)%comps), Sites: c % 13, Packages: 1 + c%3, Offending: c%4 == 0})
	}
	for i := range 1000 {
		comp := fmt.Sprintf("component%03d", i%comps)
		r.Inventory.Routes = append(r.Inventory.Routes, Route{
			Method: "GET", Path: fmt.Sprintf("/api/v1/%s/items/{id}/%d", comp, i), Versioned: i%3 != 0, Kind: "api",
			Component: comp, Package: "example.com/big/internal/" + comp + "/api", File: "internal/" + comp + "/api/api.go", Line: 20 + i%50, Constant: true,
		})
		r.Inventory.Tables = append(r.Inventory.Tables, Table{
			Name: fmt.Sprintf("%s_items%d", comp, i), Components: []string{comp}, Packages: []string{"example.com/big/internal/" + comp + "/store"},
			Reads: 3, Writes: 1, Sites: []SiteRef{{File: "internal/" + comp + "/store/store.go", Line: 40 + i%20, Kind: "read"}},
		})
	}
	r.Summary.Packages = 2000
	r.Sort()
	return r
}

// BenchmarkRender renders a report of 10,000 decisions in each format.
// Bytes per second is the output's size over the time.
func BenchmarkRender(b *testing.B) {
	r := bigReport(10000)
	rules := []finding.Rule{
		{ID: "coupling.concrete-dependency"}, {ID: "coupling.cycle"}, {ID: "coupling.shared-global"}, {ID: "data.shared-table"},
		{ID: "data.select-star"}, {ID: "api.unversioned-route"}, {ID: "api.storage-model-exposed"}, {ID: "data.unbounded-mutation"},
	}
	formats := []struct {
		name   string
		render func(io.Writer, *Report) error
	}{
		{"text", func(w io.Writer, r *Report) error { return Text(w, r, TextOptions{}) }},
		{"json", JSON},
		{"sarif", func(w io.Writer, r *Report) error { return SARIF(w, r, rules) }},
		{"html", HTML},
		{"markdown", func(w io.Writer, r *Report) error { return Markdown(w, r, MarkdownOptions{}) }},
	}
	for _, f := range formats {
		b.Run(f.name, func(b *testing.B) {
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := f.render(&buf, r); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
