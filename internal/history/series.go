package history

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/oneway-lint/oneway/internal/report"
)

// Version is the version of the JSON document of a history; it changes
// only when a field changes meaning or goes away.
const Version = 1

// Point is one revision of the series with its audit, or why it has none
// (it did not build, nothing could be analysed).
type Point struct {
	Revision
	Report *report.Report // nil when Failed is set
	Failed string
}

// History is the series of audits and what it says.
type History struct {
	Version   int        `json:"version"`
	From      string     `json:"from"` // the first revision's date, YYYY-MM-DD
	To        string     `json:"to"`   // HEAD's
	Shallow   bool       `json:"shallow,omitempty"`
	Revisions []Figures  `json:"revisions"` // oldest first
	Decisions []Decision `json:"decisions"` // open at HEAD, closing fastest first
	// Inventory is what the code base came to commit to over the period:
	// the tables and routes of HEAD's audit that the first audited
	// revision's did not have, and those it had that are gone.
	Inventory Changes `json:"inventory"`
}

// Changes are the inventory's differences between the first audited
// revision and HEAD, sorted.
type Changes struct {
	TablesAdded   []string     `json:"tables_added"`
	TablesRemoved []string     `json:"tables_removed"`
	RoutesAdded   []RouteEntry `json:"routes_added"`
	RoutesRemoved []RouteEntry `json:"routes_removed"`
}

// RouteEntry is a route of the inventory.
type RouteEntry struct {
	Method    string `json:"method"` // "" for any method
	Path      string `json:"path"`
	Kind      string `json:"kind"`
	Versioned bool   `json:"versioned"`
}

// Figures are one revision's figures.
type Figures struct {
	Commit     string `json:"commit"`
	Date       string `json:"date"` // YYYY-MM-DD
	Failed     string `json:"failed,omitempty"`
	InvestNow  int    `json:"invest_now"`
	CheapLater int    `json:"cheap_later"`
	Accepted   int    `json:"accepted"`
	TotalCost  int    `json:"total_cost"` // of the invest-now and cheap-later decisions
	Tables     int    `json:"tables"`
	Routes     int    `json:"routes"`
	// Unversioned counts the API routes without a version.
	Unversioned int `json:"unversioned_api_routes"`
}

// Decision is a decision open at HEAD, followed back through the series.
type Decision struct {
	Fingerprint string `json:"fingerprint"`
	Rule        string `json:"rule"`
	Class       string `json:"class"` // at HEAD
	Subject     string `json:"subject,omitempty"`
	Component   string `json:"component"`
	File        string `json:"file"` // at HEAD
	Line        int    `json:"line"`
	Message     string `json:"message"`
	// FirstSeen is the oldest revision of the series with the decision
	// ("" for the first of the series: it may be older).
	FirstSeen     string `json:"first_seen,omitempty"`
	FirstSeenDate string `json:"first_seen_date,omitempty"`
	// Costs are its cost at each revision, oldest first: 0 where it was
	// not made (or the revision could not be audited, see Revisions).
	Costs []int `json:"costs"`
	// Growth is the cost added over the period: HEAD's cost less the
	// cost at the first revision of the series.
	Growth int `json:"growth"`
	// Sites, Packages and Components are its evidence at the first
	// revision where it was made and at HEAD.
	Sites      [2]int `json:"sites"`
	Packages   [2]int `json:"packages"`
	Components [2]int `json:"components"`
}

// Build matches the decisions of the points (oldest first, the last
// HEAD's) by fingerprint and occurrence, and ranks the decisions open at
// HEAD (invest-now and cheap-later; accepted ones are decided) closing
// fastest first: the most cost added over the period, then the highest
// cost, then by rule and subject.
func Build(points []Point, shallow bool) *History {
	h := &History{Version: Version, Shallow: shallow, Revisions: []Figures{}, Decisions: []Decision{},
		Inventory: Changes{TablesAdded: []string{}, TablesRemoved: []string{}, RoutesAdded: []RouteEntry{}, RoutesRemoved: []RouteEntry{}}}
	if len(points) == 0 {
		return h
	}
	h.From, h.To = day(points[0].Time), day(points[len(points)-1].Time)
	type key struct {
		fp  string
		occ int
	}
	at := make([]map[key]*report.Decision, len(points))
	for i, p := range points {
		s := Figures{Commit: p.Commit, Date: day(p.Time), Failed: p.Failed}
		at[i] = map[key]*report.Decision{}
		if p.Report != nil {
			for j := range p.Report.Decisions {
				d := &p.Report.Decisions[j]
				at[i][key{d.Fingerprint, d.Occurrence}] = d
				switch d.Class {
				case report.InvestNow:
					s.InvestNow++
					s.TotalCost += d.Cost
				case report.CheapLater:
					s.CheapLater++
					s.TotalCost += d.Cost
				case report.Accepted:
					s.Accepted++
				}
			}
			s.Tables = len(p.Report.Inventory.Tables)
			s.Routes = len(p.Report.Inventory.Routes)
			for _, r := range p.Report.Inventory.Routes {
				if r.Kind == "api" && !r.Versioned {
					s.Unversioned++
				}
			}
		}
		h.Revisions = append(h.Revisions, s)
	}
	head := points[len(points)-1].Report
	if head == nil {
		return h
	}
	for _, p := range points {
		if p.Report != nil {
			h.Inventory = inventoryChanges(p.Report, head)
			break
		}
	}
	for _, d := range head.Decisions {
		if d.Class == report.Accepted {
			continue
		}
		k := key{d.Fingerprint, d.Occurrence}
		td := Decision{
			Fingerprint: d.Fingerprint, Rule: d.Rule, Class: d.Class, Subject: d.Subject, Component: d.Component,
			File: d.File, Line: d.Line, Message: d.Message, Costs: make([]int, len(points)),
		}
		first := -1
		for i := range points {
			if old, ok := at[i][k]; ok {
				td.Costs[i] = old.Cost
				if first < 0 {
					first = i
				}
			}
		}
		if first > 0 {
			td.FirstSeen, td.FirstSeenDate = points[first].Commit, day(points[first].Time)
		}
		td.Growth = d.Cost - td.Costs[0]
		then := at[first][k]
		td.Sites = [2]int{then.Evidence.Sites, d.Evidence.Sites}
		td.Packages = [2]int{then.Evidence.Packages, d.Evidence.Packages}
		td.Components = [2]int{then.Evidence.Components, d.Evidence.Components}
		h.Decisions = append(h.Decisions, td)
	}
	slices.SortStableFunc(h.Decisions, func(a, b Decision) int {
		return cmp.Or(b.Growth-a.Growth, b.Costs[len(b.Costs)-1]-a.Costs[len(a.Costs)-1],
			strings.Compare(a.Rule, b.Rule), strings.Compare(a.Subject, b.Subject), strings.Compare(a.File, b.File))
	})
	return h
}

// headFailed reports whether HEAD, the last revision, could not be
// audited: then there is no decision to follow.
func (h *History) headFailed() bool {
	return len(h.Revisions) > 0 && h.Revisions[len(h.Revisions)-1].Failed != ""
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// Label names the decision: its subject, or its place for one without.
func (d Decision) Label() string {
	if d.Subject != "" {
		return d.Subject
	}
	return fmt.Sprintf("%s:%d", d.File, d.Line)
}

// Since says from which revision of h the decision was made: the date and
// commit quote(commit) shows, or "before" the series.
func (d Decision) Since(h *History, quote func(string) string) string {
	if d.FirstSeen == "" {
		return "before " + h.From
	}
	return fmt.Sprintf("%s (%s)", d.FirstSeenDate, quote(fmt.Sprintf("%.7s", d.FirstSeen)))
}

// inventoryChanges returns the tables and routes head has that first has
// not, and those first has that head has not.
func inventoryChanges(first, head *report.Report) Changes {
	tables := func(r *report.Report) map[string]bool {
		out := map[string]bool{}
		for _, t := range r.Inventory.Tables {
			out[t.Name] = true
		}
		return out
	}
	routes := func(r *report.Report) map[RouteEntry]bool {
		out := map[RouteEntry]bool{}
		for _, rt := range r.Inventory.Routes {
			out[RouteEntry{Method: rt.Method, Path: rt.Path, Kind: rt.Kind, Versioned: rt.Versioned}] = true
		}
		return out
	}
	t0, t1 := tables(first), tables(head)
	r0, r1 := routes(first), routes(head)
	c := Changes{TablesAdded: missing(t1, t0), TablesRemoved: missing(t0, t1), RoutesAdded: missing(r1, r0), RoutesRemoved: missing(r0, r1)}
	slices.Sort(c.TablesAdded)
	slices.Sort(c.TablesRemoved)
	byRoute := func(a, b RouteEntry) int {
		return cmp.Or(strings.Compare(a.Path, b.Path), strings.Compare(a.Method, b.Method), strings.Compare(a.Kind, b.Kind))
	}
	slices.SortFunc(c.RoutesAdded, byRoute)
	slices.SortFunc(c.RoutesRemoved, byRoute)
	return c
}

// missing returns the keys of a that b lacks (never nil), unsorted.
func missing[K comparable](a, b map[K]bool) []K {
	out := []K{}
	for k := range a {
		if !b[k] {
			out = append(out, k)
		}
	}
	return out
}

// unversioned counts the API routes without a version among rs.
func unversioned(rs []RouteEntry) int {
	n := 0
	for _, r := range rs {
		if r.Kind == "api" && !r.Versioned {
			n++
		}
	}
	return n
}
