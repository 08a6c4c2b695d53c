// Package report holds oneway's neutral report model and its renderers,
// one file per format. Renderers are pure functions of a Report: no
// token.Pos, no analysis types, no I/O beyond the writer they are given.
package report

import (
	"cmp"
	"slices"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// SchemaVersion is the version of the JSON report. Field names are
// stable within a version; fields may be added.
const SchemaVersion = 1

// Report is the result of one audit.
type Report struct {
	Version   int    `json:"version"`
	Tool      string `json:"tool"`      // oneway's version
	Stage     string `json:"stage"`     // the policy's stage
	Policy    string `json:"policy"`    // where the policy came from: a module-relative path or "(default)"
	Threshold int    `json:"threshold"` // the invest-now threshold in force

	Decisions  []Decision  `json:"decisions"`
	Components []Component `json:"components"`
	Inventory  Inventory   `json:"inventory"`
	Problems   []Problem   `json:"problems,omitempty"`
	Summary    Summary     `json:"summary"`
}

// Decision is one weighed finding.
type Decision struct {
	Rule      string           `json:"rule"`
	Class     string           `json:"class"` // invest-now | cheap-later | accepted
	Cost      int              `json:"cost"`
	Breakdown string           `json:"cost_breakdown"` // "48 = base 4 × exposure 3 (public API) × …"
	Factors   []Factor         `json:"factors"`
	File      string           `json:"file"` // relative to the module root, forward slashes
	Line      int              `json:"line"`
	Column    int              `json:"column"`
	Message   string           `json:"message"`
	Component string           `json:"component"`
	Package   string           `json:"package"`
	Subject   string           `json:"subject,omitempty"`
	Evidence  finding.Evidence `json:"evidence"`
	Related   []Location       `json:"related,omitempty"`
}

// Factor is one named factor of a cost.
type Factor struct {
	Name  string `json:"name"`
	Value int    `json:"value"`
	Why   string `json:"why"`
}

// Location is a position with a note.
type Location struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message,omitempty"`
}

// Component is one component of the analysed code base.
type Component struct {
	Name        string   `json:"name"`
	Criticality string   `json:"criticality"`
	Packages    []string `json:"packages"`
	// Implicit lists packages that matched none of the policy's
	// components and were placed in the default component of their directory.
	Implicit []string `json:"implicit,omitempty"`
}

// Inventory lists what the code base commits to: the evidence behind the
// decisions, which people diff between releases.
type Inventory struct {
	Tables []Table `json:"tables"`
}

// Table is one database table the code uses.
type Table struct {
	Name       string    `json:"name"`
	Components []string  `json:"components"`
	Packages   []string  `json:"packages"`
	Reads      int       `json:"reads"`
	Writes     int       `json:"writes"`
	DDL        int       `json:"ddl"`
	Sites      []SiteRef `json:"sites"`
}

// SiteRef is one place that uses a table.
type SiteRef struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Kind string `json:"kind"` // read | write | ddl
}

// Problem is a package that could not be analysed, or another problem
// that did not stop the audit.
type Problem struct {
	Package string `json:"package,omitempty"`
	Message string `json:"message"`
}

// Summary counts the decisions by class.
type Summary struct {
	InvestNow  int `json:"invest_now"`
	CheapLater int `json:"cheap_later"`
	Accepted   int `json:"accepted"`
	Packages   int `json:"packages"` // packages analysed
	Problems   int `json:"problems"`
}

// Class names, as they appear in reports.
const (
	InvestNow  = "invest-now"
	CheapLater = "cheap-later"
	Accepted   = "accepted"
)

// classRank orders classes for display: invest-now first.
func classRank(c string) int {
	switch c {
	case InvestNow:
		return 0
	case CheapLater:
		return 1
	case Accepted:
		return 2
	}
	return 3
}

// Sort puts the report in its canonical order: decisions by class
// (invest-now first), cost (highest first), then position, rule and
// message; components by name; problems by package and message. It also
// recomputes the summary. Renderers rely on this order.
func (r *Report) Sort() {
	slices.SortStableFunc(r.Decisions, func(a, b Decision) int {
		return cmp.Or(
			cmp.Compare(classRank(a.Class), classRank(b.Class)),
			cmp.Compare(b.Cost, a.Cost),
			cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	slices.SortFunc(r.Components, func(a, b Component) int { return cmp.Compare(a.Name, b.Name) })
	slices.SortFunc(r.Inventory.Tables, func(a, b Table) int { return cmp.Compare(a.Name, b.Name) })
	for _, t := range r.Inventory.Tables {
		slices.SortFunc(t.Sites, func(a, b SiteRef) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Kind, b.Kind))
		})
	}
	slices.SortFunc(r.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.Message, b.Message))
	})
	r.Summary.InvestNow, r.Summary.CheapLater, r.Summary.Accepted = 0, 0, 0
	for _, d := range r.Decisions {
		switch d.Class {
		case InvestNow:
			r.Summary.InvestNow++
		case CheapLater:
			r.Summary.CheapLater++
		case Accepted:
			r.Summary.Accepted++
		}
	}
	r.Summary.Problems = len(r.Problems)
}
