package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Delta is what changed between two audits of the same code base.
type Delta struct {
	OldSummary, NewSummary Summary

	Added        []Decision // decisions only in the new audit, in its order
	Resolved     []Decision // decisions only in the old audit, in its order
	Reclassified []Change   // decisions whose class changed
	Costlier     []Change   // decisions whose cost grew

	TablesAdded, TablesRemoved []string
	EdgesAdded, EdgesRemoved   []Edge // component dependencies
	RoutesAdded, RoutesRemoved []Route
	ProtosAdded, ProtosRemoved []ProtoPackage
}

// Change is one decision in both audits.
type Change struct {
	Old, New Decision
}

// Empty reports whether the audits have the same decisions, classes,
// costs, tables and dependencies.
func (d *Delta) Empty() bool {
	return len(d.Added)+len(d.Resolved)+len(d.Reclassified)+len(d.Costlier)+
		len(d.TablesAdded)+len(d.TablesRemoved)+len(d.EdgesAdded)+len(d.EdgesRemoved)+
		len(d.RoutesAdded)+len(d.RoutesRemoved)+len(d.ProtosAdded)+len(d.ProtosRemoved) == 0
}

// Diff compares two audits. Decisions are matched by fingerprint and
// occurrence, which do not change with line numbers. When a decision in
// either audit has no fingerprint (an audit written before fingerprints
// were recorded), all are matched instead by rule, component, package
// and subject, and decisions sharing those by their order in the file.
func Diff(old, new *Report) *Delta {
	d := &Delta{OldSummary: old.Summary, NewSummary: new.Summary}
	useFP := !slices.ContainsFunc(old.Decisions, noFingerprint) && !slices.ContainsFunc(new.Decisions, noFingerprint)
	oldKeys, newKeys := decisionKeys(old.Decisions, useFP), decisionKeys(new.Decisions, useFP)
	oldByKey := map[string]int{}
	for i, k := range oldKeys {
		oldByKey[k] = i
	}
	matched := make([]bool, len(old.Decisions))
	for i, nd := range new.Decisions {
		j, ok := oldByKey[newKeys[i]]
		if !ok {
			d.Added = append(d.Added, nd)
			continue
		}
		matched[j] = true
		od := old.Decisions[j]
		if od.Class != nd.Class {
			d.Reclassified = append(d.Reclassified, Change{od, nd})
		}
		if nd.Cost > od.Cost {
			d.Costlier = append(d.Costlier, Change{od, nd})
		}
	}
	for j, od := range old.Decisions {
		if !matched[j] {
			d.Resolved = append(d.Resolved, od)
		}
	}

	tables := func(r *Report) []string {
		var names []string
		for _, t := range r.Inventory.Tables {
			names = append(names, t.Label())
		}
		return names
	}
	d.TablesAdded, d.TablesRemoved = setDiff(tables(old), tables(new), cmp.Compare[string])
	edgeKey := func(a, b Edge) int { return cmp.Or(cmp.Compare(a.From, b.From), cmp.Compare(a.To, b.To)) }
	d.EdgesAdded, d.EdgesRemoved = setDiff(old.Inventory.Dependencies, new.Inventory.Dependencies, edgeKey)
	routeKey := func(a, b Route) int {
		return cmp.Or(cmp.Compare(a.Host, b.Host), cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method))
	}
	d.RoutesAdded, d.RoutesRemoved = setDiff(old.Inventory.Routes, new.Inventory.Routes, routeKey)
	protoKey := func(a, b ProtoPackage) int { return cmp.Compare(a.Package, b.Package) }
	d.ProtosAdded, d.ProtosRemoved = setDiff(old.Inventory.ProtoPackages, new.Inventory.ProtoPackages, protoKey)
	return d
}

func noFingerprint(d Decision) bool { return d.Fingerprint == "" }

// decisionKeys returns the key that identifies each decision across audits.
func decisionKeys(ds []Decision, useFP bool) []string {
	keys := make([]string, len(ds))
	if useFP {
		for i, d := range ds {
			keys[i] = d.Fingerprint + ":" + strconv.Itoa(d.Occurrence)
		}
		return keys
	}
	order := make([]int, len(ds))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		x, y := ds[a], ds[b]
		return cmp.Or(cmp.Compare(x.File, y.File), cmp.Compare(x.Line, y.Line), cmp.Compare(x.Column, y.Column), cmp.Compare(x.Message, y.Message))
	})
	seen := map[string]int{}
	for _, i := range order {
		d := ds[i]
		k := strings.Join([]string{d.Rule, d.Component, d.Package, d.Subject}, "\x00")
		keys[i] = k + "\x00" + strconv.Itoa(seen[k])
		seen[k]++
	}
	return keys
}

// setDiff returns the elements of b not in a and of a not in b, each
// sorted by compare.
func setDiff[T any](a, b []T, compare func(x, y T) int) (added, removed []T) {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.SortFunc(a, compare)
	slices.SortFunc(b, compare)
	for _, x := range b {
		if _, ok := slices.BinarySearchFunc(a, x, compare); !ok {
			added = append(added, x)
		}
	}
	for _, x := range a {
		if _, ok := slices.BinarySearchFunc(b, x, compare); !ok {
			removed = append(removed, x)
		}
	}
	return added, removed
}

func (d *Delta) headline() string {
	s := fmt.Sprintf("%d new, %d resolved, %d changed class, %d cost grew; %s added, %d removed; %s added, %d removed",
		len(d.Added), len(d.Resolved), len(d.Reclassified), len(d.Costlier),
		finding.Count(len(d.TablesAdded), "table"), len(d.TablesRemoved),
		dependencies(len(d.EdgesAdded)), len(d.EdgesRemoved))
	if len(d.RoutesAdded)+len(d.RoutesRemoved) > 0 {
		s += fmt.Sprintf("; %s added, %d removed", finding.Count(len(d.RoutesAdded), "route"), len(d.RoutesRemoved))
	}
	if len(d.ProtosAdded)+len(d.ProtosRemoved) > 0 {
		s += fmt.Sprintf("; %s added, %d removed", finding.Count(len(d.ProtosAdded), "protobuf package"), len(d.ProtosRemoved))
	}
	return s
}

// routeText describes a route in a diff.
func routeText(rt Route) string {
	return routeMethod(rt) + " " + rt.Host + rt.Path + " (" + rt.Kind + ", " + versionWord(rt.Versioned) + ")"
}

func dependencies(n int) string {
	if n == 1 {
		return "1 dependency"
	}
	return strconv.Itoa(n) + " dependencies"
}

func (d *Delta) counts() string {
	o, n := d.OldSummary, d.NewSummary
	return fmt.Sprintf("invest-now %d → %d · cheap-later %d → %d · accepted %d → %d",
		o.InvestNow, n.InvestNow, o.CheapLater, n.CheapLater, o.Accepted, n.Accepted)
}

// DiffText writes d for people, as oneway diff prints it.
func DiffText(w io.Writer, d *Delta) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	if d.Empty() {
		p("no changes between the audits\n%s\n", d.counts())
		return bw.Flush()
	}
	p("%s\n%s\n", d.headline(), d.counts())
	decision := func(x Decision) string {
		return Sanitize(location(x.File, x.Line, x.Column) + ": " + x.Rule + ": " + x.Message)
	}
	section := func(title string, n int) bool {
		if n > 0 {
			p("\n%s (%d)\n", title, n)
		}
		return n > 0
	}
	if section("New", len(d.Added)) {
		for _, x := range d.Added {
			p("  %s, cost %d  %s\n", x.Class, x.Cost, decision(x))
		}
	}
	if section("Resolved", len(d.Resolved)) {
		for _, x := range d.Resolved {
			p("  %s, cost %d  %s\n", x.Class, x.Cost, decision(x))
		}
	}
	if section("Changed class", len(d.Reclassified)) {
		for _, c := range d.Reclassified {
			p("  %s → %s, cost %d → %d  %s\n", c.Old.Class, c.New.Class, c.Old.Cost, c.New.Cost, decision(c.New))
		}
	}
	if section("Cost grew", len(d.Costlier)) {
		for _, c := range d.Costlier {
			p("  cost %d → %d (%s)  %s\n", c.Old.Cost, c.New.Cost, c.New.Class, decision(c.New))
			p("      now %s\n", Sanitize(c.New.Breakdown))
		}
	}
	if section("Tables added", len(d.TablesAdded)) {
		for _, t := range d.TablesAdded {
			p("  %s\n", Sanitize(t))
		}
	}
	if section("Tables removed", len(d.TablesRemoved)) {
		for _, t := range d.TablesRemoved {
			p("  %s\n", Sanitize(t))
		}
	}
	if section("Dependencies added", len(d.EdgesAdded)) {
		for _, e := range d.EdgesAdded {
			p("  %s → %s (%s)\n", Sanitize(e.From), Sanitize(e.To), finding.Count(e.Sites, "site"))
		}
	}
	if section("Dependencies removed", len(d.EdgesRemoved)) {
		for _, e := range d.EdgesRemoved {
			p("  %s → %s\n", Sanitize(e.From), Sanitize(e.To))
		}
	}
	if section("Routes added", len(d.RoutesAdded)) {
		for _, rt := range d.RoutesAdded {
			p("  %s  %s\n", Sanitize(routeText(rt)), Sanitize(location(rt.File, rt.Line, 0)))
		}
	}
	if section("Routes removed", len(d.RoutesRemoved)) {
		for _, rt := range d.RoutesRemoved {
			p("  %s\n", Sanitize(routeText(rt)))
		}
	}
	if section("Protobuf packages added", len(d.ProtosAdded)) {
		for _, pp := range d.ProtosAdded {
			p("  %s (%s)\n", Sanitize(pp.Package), versionWord(pp.Versioned))
		}
	}
	if section("Protobuf packages removed", len(d.ProtosRemoved)) {
		for _, pp := range d.ProtosRemoved {
			p("  %s\n", Sanitize(pp.Package))
		}
	}
	return bw.Flush()
}

// DiffMarkdown writes d as Markdown, for a pull-request comment.
func DiffMarkdown(w io.Writer, d *Delta) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	p("# oneway: changes since the last audit\n\n")
	if d.Empty() {
		p("No changes between the audits.\n\n%s\n", d.counts())
		return bw.Flush()
	}
	p("%s\n\n%s\n", md(d.headline()), d.counts())
	table := func(title string, n int, head string) bool {
		if n == 0 {
			return false
		}
		p("\n## %s (%d)\n\n%s\n", title, n, head)
		return true
	}
	const decisionHead = "| Class | Cost | Rule | Decision | Location |\n|---|---:|---|---|---|"
	if table("New", len(d.Added), decisionHead) {
		for _, x := range d.Added {
			p("| %s | %d | %s | %s | %s |\n", md(x.Class), x.Cost, mdCode(x.Rule), md(x.Message), mdLocation(x.File, x.Line, x.Column))
		}
	}
	if table("Resolved", len(d.Resolved), decisionHead) {
		for _, x := range d.Resolved {
			p("| %s | %d | %s | %s | %s |\n", md(x.Class), x.Cost, mdCode(x.Rule), md(x.Message), mdLocation(x.File, x.Line, x.Column))
		}
	}
	const changeHead = "| Class | Cost | Rule | Decision | Location |\n|---|---|---|---|---|"
	if table("Changed class", len(d.Reclassified), changeHead) {
		for _, c := range d.Reclassified {
			p("| %s → **%s** | %d → %d | %s | %s | %s |\n", md(c.Old.Class), md(c.New.Class), c.Old.Cost, c.New.Cost,
				mdCode(c.New.Rule), md(c.New.Message), mdLocation(c.New.File, c.New.Line, c.New.Column))
		}
	}
	if table("Cost grew", len(d.Costlier), "| Cost | Class | Rule | Decision | Location |\n|---|---|---|---|---|") {
		for _, c := range d.Costlier {
			p("| %d → **%s** | %s | %s | %s | %s |\n", c.Old.Cost, md(cmp.Or(c.New.Breakdown, strconv.Itoa(c.New.Cost))), md(c.New.Class),
				mdCode(c.New.Rule), md(c.New.Message), mdLocation(c.New.File, c.New.Line, c.New.Column))
		}
	}
	list := func(title string, items []string) {
		if len(items) > 0 {
			p("\n## %s (%d)\n\n", title, len(items))
			for _, it := range items {
				p("- %s\n", it)
			}
		}
	}
	esc := func(ss []string) []string {
		var out []string
		for _, s := range ss {
			out = append(out, md(s))
		}
		return out
	}
	edges := func(es []Edge, sites bool) []string {
		var out []string
		for _, e := range es {
			s := md(e.From) + " → " + md(e.To)
			if sites {
				s += " (" + finding.Count(e.Sites, "site") + ")"
			}
			out = append(out, s)
		}
		return out
	}
	list("Tables added", esc(d.TablesAdded))
	list("Tables removed", esc(d.TablesRemoved))
	list("Dependencies added", edges(d.EdgesAdded, true))
	list("Dependencies removed", edges(d.EdgesRemoved, false))
	var routesAdded, routesRemoved, protosAdded, protosRemoved []string
	for _, rt := range d.RoutesAdded {
		routesAdded = append(routesAdded, md(routeText(rt))+" at "+mdLocation(rt.File, rt.Line, 0))
	}
	for _, rt := range d.RoutesRemoved {
		routesRemoved = append(routesRemoved, md(routeText(rt)))
	}
	for _, pp := range d.ProtosAdded {
		protosAdded = append(protosAdded, md(pp.Package)+" ("+versionWord(pp.Versioned)+")")
	}
	for _, pp := range d.ProtosRemoved {
		protosRemoved = append(protosRemoved, md(pp.Package))
	}
	list("Routes added", routesAdded)
	list("Routes removed", routesRemoved)
	list("Protobuf packages added", protosAdded)
	list("Protobuf packages removed", protosRemoved)
	return bw.Flush()
}
