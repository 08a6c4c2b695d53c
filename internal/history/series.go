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
	h := &History{Version: Version, Shallow: shallow, Revisions: []Figures{}, Decisions: []Decision{}}
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
