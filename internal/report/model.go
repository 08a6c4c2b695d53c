// Package report holds oneway's neutral report model and its renderers,
// one file per format. Renderers are pure functions of a Report: no
// token.Pos, no analysis types, no I/O beyond the writer they are given.
package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

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
	// History is the change log the audit read (oneway audit -history);
	// nil without it.
	History *History `json:"history,omitempty"`

	// Root is the directory the report's paths are relative to (the main
	// modules' common directory), for the formats that must name files
	// from elsewhere (UnderDir). No format writes it.
	Root string `json:"-"`
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

	// Fingerprint identifies the decision across unrelated edits: it is
	// made of the rule, component, package and subject, never of line
	// numbers. Decisions that share one are told apart by Occurrence.
	Fingerprint string `json:"fingerprint"`
	Occurrence  int    `json:"occurrence,omitempty"` // 0 for the first decision with its fingerprint, 1 for the next…
	// Reason is why an accepted decision was taken on purpose (from its
	// //oneway:accept directive).
	Reason string `json:"reason,omitempty"`
	// Baselined is set for a decision recorded in the baseline (or
	// present at the revision compared against): it is not new.
	Baselined bool `json:"baselined,omitempty"`
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
	// Metrics are the component's coupling metrics, where the coupling
	// family computed them.
	Metrics *Metrics `json:"metrics,omitempty"`
	// Implicit lists packages that matched none of the policy's
	// components and were placed in the default component of their directory.
	Implicit []string `json:"implicit,omitempty"`
	// Joins lists the directory components this one joins because their
	// packages import each other (inferred from the import graph when
	// the policy names no components), sorted.
	Joins []string `json:"joins,omitempty"`
}

// ComponentsNote says how the components were formed where the import
// graph joined directories: "app joins app/api, app/auth and 3 more
// (directories that import each other)". It is "" when no component
// joins directories.
func ComponentsNote(r *Report) string {
	var parts []string
	for _, c := range r.Components {
		if len(c.Joins) == 0 {
			continue
		}
		list := c.Joins
		more := ""
		if len(list) > 4 {
			list, more = list[:4], fmt.Sprintf(" and %d more", len(c.Joins)-4)
		}
		parts = append(parts, fmt.Sprintf("%s joins %s%s", c.Name, strings.Join(list, ", "), more))
	}
	if len(parts) == 0 {
		return ""
	}
	return "components inferred from the import graph: " + strings.Join(parts, "; ") +
		" (directories whose packages import each other are one component; 'oneway init' writes them into a policy to rename, split or merge)"
}

// Metrics are a component's coupling metrics (Robert C. Martin's).
type Metrics struct {
	Ca         int     `json:"ca"`           // afferent coupling: components that depend on it
	Ce         int     `json:"ce"`           // efferent coupling: components it depends on
	I          float64 `json:"instability"`  // Ce / (Ca + Ce)
	A          float64 `json:"abstractness"` // share of interfaces among its exported types
	D          float64 `json:"distance"`     // |A + I − 1|
	ZoneOfPain bool    `json:"zone_of_pain,omitempty"`
}

// Edge is a dependency between two components.
type Edge struct {
	From     string `json:"from"`
	To       string `json:"to"`
	Sites    int    `json:"sites"`    // uses of To's identifiers in From
	Packages int    `json:"packages"` // packages of From that depend on To
	// Offending is set when a decision (cycle, forbidden or concrete
	// dependency, internal reach) is about this edge.
	Offending bool `json:"offending,omitempty"`
}

// Inventory lists what the code base commits to: the evidence behind the
// decisions, which people diff between releases.
type Inventory struct {
	Tables        []Table        `json:"tables"`
	Routes        []Route        `json:"routes"`
	ProtoPackages []ProtoPackage `json:"proto_packages"`
	// Dependencies is the component graph.
	Dependencies []Edge `json:"dependencies"`
}

// Table is one database table the code uses.
type Table struct {
	Name string `json:"name"`
	// Store names the kind of datastore when it is not a SQL database
	// ("cql"): tables of the same name in two stores are two tables.
	Store      string    `json:"store,omitempty"`
	Components []string  `json:"components"`
	Packages   []string  `json:"packages"`
	Reads      int       `json:"reads"`
	Writes     int       `json:"writes"`
	DDL        int       `json:"ddl"`
	Sites      []SiteRef `json:"sites"`
}

// Label is the table's name, with its store when that is not SQL:
// "schema_version (cql)".
func (t Table) Label() string {
	if t.Store == "" {
		return t.Name
	}
	return t.Name + " (" + t.Store + ")"
}

// Route is one HTTP route the code base serves.
type Route struct {
	Method    string `json:"method"` // "" for any method
	Host      string `json:"host,omitempty"`
	Path      string `json:"path"`
	Versioned bool   `json:"versioned"`
	Kind      string `json:"kind"` // api | page | health | metrics | static | protocol | debug | other
	Component string `json:"component"`
	Package   string `json:"package"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	Constant  bool   `json:"constant"`
}

// ProtoPackage is one protobuf package found in generated code.
type ProtoPackage struct {
	Package   string   `json:"package"`
	Versioned bool     `json:"versioned"`
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Services  []string `json:"services"`
}

// SiteRef is one place that uses a table.
type SiteRef struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Kind string `json:"kind"` // read | write | ddl
}

// History says which change log an audit read: the period (the year
// before the audited commit), the commits that counted, and what the
// clone lacked.
type History struct {
	From    string `json:"from"` // YYYY-MM-DD
	To      string `json:"to"`   // the audited commit's date
	Head    string `json:"head"` // the audited commit
	Commits int    `json:"commits"`
	// Large counts the commits left out for changing more than 30 files.
	Large int `json:"large,omitempty"`
	// Shallow: the clone is shallow, the history before its boundary is
	// missing (CI checkouts of depth 1: fetch the history to use it).
	Shallow bool `json:"shallow,omitempty"`
	// Renames: renames were followed (not in a clone without the files'
	// contents).
	Renames bool `json:"renames"`
}

// Problem is a package that could not be analysed, a directive that is
// wrong or matches nothing, or another problem that did not stop the
// audit.
type Problem struct {
	Kind    string `json:"kind"` // "package" or "directive"
	Package string `json:"package,omitempty"`
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Message string `json:"message"`
	// Partial: the package does not compile but was analysed in part:
	// what it registers, queries and imports is in the inventory, no
	// decision is drawn from it (the problem still fails the audit).
	Partial bool `json:"partial,omitempty"`
}

// Problem kinds.
const (
	// PackageProblem: a package that could not be analysed (it does not
	// type-check, depends on one that does not, lacks a dependency, or
	// an analyzer failed on it). The audit is incomplete: oneway audit
	// exits 3 unless -skip-broken.
	PackageProblem = "package"
	// ExcludedPackage: a package the patterns name whose every file the
	// build constraints exclude (an edition built with a tag): nothing to
	// analyse under this build, and no failure.
	ExcludedPackage  = "excluded"
	DirectiveProblem = "directive"
)

// Summary counts the decisions by class.
type Summary struct {
	InvestNow  int `json:"invest_now"`
	CheapLater int `json:"cheap_later"`
	Accepted   int `json:"accepted"`
	// NewInvestNow counts the invest-now decisions that are not in the
	// baseline: the ones that fail a build.
	NewInvestNow int `json:"new_invest_now"`
	// Resolved counts the baseline's decisions that are gone, when the
	// audit ran against a baseline or a revision.
	Resolved int `json:"resolved,omitempty"`
	Packages int `json:"packages"` // packages analysed
	Problems int `json:"problems"`
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
// recomputes the summary and normalises the lists (Normalize). Renderers
// rely on this form.
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
	slices.SortFunc(r.Inventory.Tables, func(a, b Table) int { return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.Store, b.Store)) })
	slices.SortFunc(r.Inventory.Routes, func(a, b Route) int {
		return cmp.Or(cmp.Compare(a.Host, b.Host), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method),
			cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	slices.SortFunc(r.Inventory.ProtoPackages, func(a, b ProtoPackage) int {
		return cmp.Or(cmp.Compare(a.Package, b.Package), cmp.Compare(a.File, b.File))
	})
	for _, t := range r.Inventory.Tables {
		slices.SortFunc(t.Sites, func(a, b SiteRef) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Kind, b.Kind))
		})
	}
	slices.SortFunc(r.Inventory.Dependencies, func(a, b Edge) int {
		return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To))
	})
	slices.SortFunc(r.Problems, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Package, b.Package), cmp.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Message, b.Message))
	})
	r.Summary.InvestNow, r.Summary.CheapLater, r.Summary.Accepted, r.Summary.NewInvestNow = 0, 0, 0, 0
	for _, d := range r.Decisions {
		switch d.Class {
		case InvestNow:
			r.Summary.InvestNow++
			if !d.Baselined {
				r.Summary.NewInvestNow++
			}
		case CheapLater:
			r.Summary.CheapLater++
		case Accepted:
			r.Summary.Accepted++
		}
	}
	r.Summary.Problems = len(r.Problems)
	r.Normalize()
}
