package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Markdown writes r as a reversibility audit in GitHub-flavoured
// Markdown, for a pull-request comment, a job summary or a wiki: the
// summary, the invest-now decisions ranked by cost with their cost
// breakdown, the cheap-later ones grouped by rule, the accepted ones with
// their reasons (a decision record), the components with their metrics,
// a Mermaid graph of the dependencies between them, the table inventory
// and the problems. Every string from the analysed code is escaped.
//
// With o.Link, each location links to its line (see GitHubLinks).
func Markdown(w io.Writer, r *Report, o MarkdownOptions) error {
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }
	at := o.location

	p("# oneway reversibility audit\n\n")
	p("%s\n\n", mdSummary(r))
	p("Policy %s, stage **%s**, invest-now at cost ≥ %d · oneway %s\n", md(r.Policy), md(r.Stage), r.Threshold, md(r.Tool))
	if note := ComponentsNote(r); note != "" {
		p("\nNote: %s\n", md(note))
	}

	groups := byClass(r.Decisions)
	baselined := slices.ContainsFunc(r.Decisions, func(d Decision) bool { return d.Baselined })

	if list := groups[InvestNow]; len(list) > 0 {
		p("\n## Invest now (%d)\n\n", len(list))
		p("Reversing these later will cost far more than fixing them now. Ranked by reversal cost.\n\n")
		for i, d := range list {
			status := ""
			if baselined {
				status = " · new"
				if d.Baselined {
					status = " · baselined"
				}
			}
			p("%d. **%s** · %s · cost **%d**%s\\\n", i+1, md(d.Message), mdCode(d.Rule), d.Cost, status)
			p("   %s · component %s\n", at(d.File, d.Line, d.Column), md(d.Component))
			p("   - cost %s\n", md(cmp.Or(d.Breakdown, strconv.Itoa(d.Cost))))
			p("   - evidence: %s\n", md(evidenceText(d)))
			if d.Subject != "" {
				p("   - subject: %s\n", md(d.Subject))
			}
			if len(d.Related) > 0 {
				p("   - related:\n")
				for _, rel := range d.Related {
					p("     - %s", at(rel.File, rel.Line, rel.Column))
					if rel.Message != "" {
						p(": %s", md(rel.Message))
					}
					p("\n")
				}
			}
		}
	}

	if list := groups[CheapLater]; len(list) > 0 {
		p("\n## Cheap to change later (%d)\n\n", len(list))
		p("Two-way doors: leave them and ship. Grouped by rule.\n")
		for _, g := range byRule(list) {
			p("\n### %s (%d)\n\n", mdCode(g.rule), len(g.decisions))
			p("| Cost | Decision | Location | Component |\n|---:|---|---|---|\n")
			for _, d := range g.decisions {
				p("| %d | %s | %s | %s |\n", d.Cost, md(d.Message), at(d.File, d.Line, d.Column), md(d.Component))
			}
		}
	}

	if list := groups[Accepted]; len(list) > 0 {
		p("\n## Accepted decisions (%d)\n\n", len(list))
		p("Taken on purpose and recorded with `//oneway:accept`: a decision record.\n\n")
		p("| Rule | Decision | Reason | Location | Cost |\n|---|---|---|---|---:|\n")
		for _, d := range list {
			reason := md(d.Reason)
			if reason == "" {
				reason = "*no reason given*"
			}
			p("| %s | %s | %s | %s | %d |\n", mdCode(d.Rule), md(d.Message), reason, at(d.File, d.Line, d.Column), d.Cost)
		}
	}

	g := buildGraph(r)
	if len(g.Nodes) > 0 {
		p("\n## Components (%d)\n\n", len(g.Nodes))
		metrics := slices.ContainsFunc(g.Nodes, func(n graphNode) bool { return n.Metrics != nil })
		p("| Component | Criticality | Packages | Invest now | Cheap later | Accepted |")
		if metrics {
			p(" Ca | Ce | I | A | D |")
		}
		p("\n|---|---|---:|---:|---:|---:|")
		if metrics {
			p("---:|---:|---:|---:|---:|")
		}
		p("\n")
		for _, n := range g.Nodes {
			p("| %s | %s | %d | %d | %d | %d |", md(n.Name), md(n.Criticality), n.Packages, n.InvestNow, n.CheapLater, n.Accepted)
			if metrics {
				if m := n.Metrics; m != nil {
					d := fmt.Sprintf("%.2f", m.D)
					if m.ZoneOfPain {
						d += " (zone of pain)"
					}
					p(" %d | %d | %.2f | %.2f | %s |", m.Ca, m.Ce, m.I, m.A, d)
				} else {
					p(" | | | | |")
				}
			}
			p("\n")
		}
		if metrics {
			p("\nCa: components that depend on it; Ce: components it depends on; I: instability Ce/(Ca+Ce); A: abstractness; D: distance from the main sequence |A+I−1|.\n")
		}
		if len(g.Edges) > 0 {
			p("\n### Dependencies\n\n")
			p("Edges are labelled with the number of uses; thick red edges carry a decision (a cycle, a forbidden or concrete dependency, a reach into internals).\n\n")
			p("```mermaid\n")
			writeMermaid(bw, g)
			p("```\n")
		}
	}

	if tables := r.Inventory.Tables; len(tables) > 0 {
		p("\n## Tables (%d)\n\n", len(tables))
		p("| Table | Reads | Writes | DDL | Components | Sites |\n|---|---:|---:|---:|---|---|\n")
		for _, t := range tables {
			var sites []string
			for i, s := range t.Sites {
				if i == 5 {
					sites = append(sites, fmt.Sprintf("and %d more", len(t.Sites)-5))
					break
				}
				sites = append(sites, at(s.File, s.Line, 0)+" ("+md(s.Kind)+")")
			}
			p("| %s | %d | %d | %d | %s | %s |\n", md(t.Label()), t.Reads, t.Writes, t.DDL, md(strings.Join(t.Components, ", ")), strings.Join(sites, "<br>"))
		}
	}

	if routes := r.Inventory.Routes; len(routes) > 0 {
		p("\n## Routes (%d, %d versioned)\n\n", len(routes), versionedRoutes(routes))
		p("| Method | Route | Kind | Version | Component | Location |\n|---|---|---|---|---|---|\n")
		for _, rt := range routes {
			p("| %s | %s | %s | %s | %s | %s |\n", md(routeMethod(rt)), md(rt.Host+rt.Path), md(rt.Kind), versionWord(rt.Versioned),
				md(rt.Component), at(rt.File, rt.Line, 0))
		}
	}

	if protos := r.Inventory.ProtoPackages; len(protos) > 0 {
		p("\n## Protobuf packages (%d)\n\n", len(protos))
		p("| Package | Version | Services | Location |\n|---|---|---|---|\n")
		for _, pp := range protos {
			p("| %s | %s | %s | %s |\n", md(pp.Package), versionWord(pp.Versioned), md(strings.Join(pp.Services, ", ")), at(pp.File, pp.Line, 0))
		}
	}

	if len(r.Problems) > 0 {
		p("\n## Problems (%d)\n\n", len(r.Problems))
		for _, pr := range r.Problems {
			where := md(pr.Package)
			if pr.File != "" {
				where = at(pr.File, pr.Line, pr.Column)
			}
			if where != "" {
				where += ": "
			}
			p("- %s: %s%s\n", md(pr.Kind), where, md(pr.Message))
		}
	}
	return bw.Flush()
}

// mdSummary is the report's summary line.
func mdSummary(r *Report) string {
	s := r.Summary
	parts := []string{fmt.Sprintf("**%d invest-now**", s.InvestNow)}
	if s.NewInvestNow != s.InvestNow {
		parts[0] += fmt.Sprintf(" (%d new)", s.NewInvestNow)
	}
	parts = append(parts,
		fmt.Sprintf("%d cheap-later", s.CheapLater),
		fmt.Sprintf("%d accepted", s.Accepted),
		finding.Count(s.Packages, "package"))
	if s.Problems > 0 {
		parts = append(parts, finding.Count(s.Problems, "problem"))
	}
	return strings.Join(parts, " · ")
}

// MarkdownOptions are the choices of a Markdown rendering.
type MarkdownOptions struct {
	// Link returns the address of a file's line on the code host, or ""
	// for none; nil: no links.
	Link func(file string, line int) string
}

// location is mdLocation, linked to its line when o has a link for it.
func (o MarkdownOptions) location(file string, line, col int) string {
	text := mdLocation(file, line, col)
	if o.Link == nil || file == "" {
		return text
	}
	u := o.Link(file, line)
	if u == "" {
		return text
	}
	return "[" + text + "](" + u + ")"
}

// GitHubLinks links locations to their lines in a GitHub repository at a
// commit: server is the address of the server (https://github.com, or a
// GitHub Enterprise one), repo is owner/name, sha the commit; paths are
// relative to the repository's root. It returns nil (no links) when one
// of them is missing or malformed.
func GitHubLinks(server, repo, sha string) func(file string, line int) string {
	u, err := url.Parse(server)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil
	}
	owner, name, ok := strings.Cut(repo, "/")
	if !ok || strings.Contains(name, "/") || !validRepoName(owner) || !validRepoName(name) {
		return nil
	}
	if len(sha) < 7 || len(sha) > 64 || strings.ContainsFunc(sha, func(r rune) bool { return !strings.ContainsRune("0123456789abcdef", r) }) {
		return nil
	}
	base := strings.TrimSuffix(u.String(), "/") + "/" + owner + "/" + name + "/blob/" + sha + "/"
	return func(file string, line int) string {
		if file == "" || strings.HasPrefix(file, "/") || strings.HasPrefix(file, "../") || file == ".." {
			return "" // not in the repository
		}
		segs := strings.Split(filepath.ToSlash(file), "/")
		for i, s := range segs {
			// Parentheses would end a Markdown link's address,
			// Markdown decodes entity references (&amp;) in it, and
			// GitHub's math and mentions ($, @) are better not met.
			segs[i] = linkEscaper.Replace(url.PathEscape(s))
		}
		link := base + strings.Join(segs, "/")
		if line > 0 {
			link += "#L" + strconv.Itoa(line)
		}
		return link
	}
}

var linkEscaper = strings.NewReplacer("(", "%28", ")", "%29", "&", "%26", "$", "%24", "@", "%40")

// validRepoName reports whether s may be a GitHub owner or repository
// name: letters, digits, '-', '_' and '.'.
func validRepoName(s string) bool {
	return s != "" && s != "." && s != ".." && !strings.ContainsFunc(s, func(r rune) bool {
		return (r < 'a' || r > 'z') && (r < 'A' || r > 'Z') && (r < '0' || r > '9') && !strings.ContainsRune("-_.", r)
	})
}

// mdLocation is file:line:col as inline code when it is a plain path
// (no backslash escapes to read in the raw text: `billing/billing.go:52:9`),
// else escaped.
func mdLocation(file string, line, col int) string {
	loc := location(file, line, col)
	plain := func(r rune) bool {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".-_/:@+~", r)
	}
	if loc == "" || strings.ContainsFunc(loc, func(r rune) bool { return !plain(r) }) {
		return md(loc)
	}
	return "`" + loc + "`"
}

// location is file:line:col, leaving out what is unknown.
func location(file string, line, col int) string {
	s := file
	if line > 0 {
		s += ":" + strconv.Itoa(line)
		if col > 0 {
			s += ":" + strconv.Itoa(col)
		}
	}
	return s
}

// evidenceText describes a decision's evidence in words.
func evidenceText(d Decision) string {
	e := d.Evidence
	parts := []string{e.String()}
	if e.FanIn > 0 {
		parts = append(parts, "fan-in "+strconv.Itoa(e.FanIn))
	}
	if e.Columns > 0 {
		parts = append(parts, finding.Count(e.Columns, "column"))
	}
	if e.Public {
		parts = append(parts, "public")
	}
	if e.DataAtRest {
		parts = append(parts, "data at rest")
	}
	if e.CrossModule {
		parts = append(parts, "crosses modules")
	}
	if e.Partial {
		parts = append(parts, "partial evidence")
	}
	return strings.Join(parts, ", ")
}

func versionedRoutes(routes []Route) int {
	n := 0
	for _, rt := range routes {
		if rt.Versioned {
			n++
		}
	}
	return n
}

// routeMethod is a route's method, * for any.
func routeMethod(rt Route) string {
	if rt.Method == "" {
		return "*"
	}
	return rt.Method
}

func versionWord(versioned bool) string {
	if versioned {
		return "versioned"
	}
	return "unversioned"
}

// byClass splits decisions by class, keeping their order.
func byClass(ds []Decision) map[string][]Decision {
	m := map[string][]Decision{}
	for _, d := range ds {
		m[d.Class] = append(m[d.Class], d)
	}
	return m
}

type ruleGroup struct {
	rule      string
	decisions []Decision
}

// byRule groups decisions by rule: the group with the most expensive
// decision first, then by rule id; each group keeps the decisions' order.
func byRule(ds []Decision) []ruleGroup {
	var groups []ruleGroup
	index := map[string]int{}
	for _, d := range ds {
		i, ok := index[d.Rule]
		if !ok {
			i = len(groups)
			index[d.Rule] = i
			groups = append(groups, ruleGroup{rule: d.Rule})
		}
		groups[i].decisions = append(groups[i].decisions, d)
	}
	top := func(g ruleGroup) int {
		m := 0
		for _, d := range g.decisions {
			m = max(m, d.Cost)
		}
		return m
	}
	slices.SortStableFunc(groups, func(a, b ruleGroup) int {
		return cmp.Or(cmp.Compare(top(b), top(a)), cmp.Compare(a.rule, b.rule))
	})
	return groups
}

// writeMermaid writes the component graph as a Mermaid flowchart. Node
// ids are c0, c1…; names are quoted labels with Mermaid entity codes.
func writeMermaid(w *bufio.Writer, g componentGraph) {
	fmt.Fprintln(w, "graph LR")
	for _, n := range g.Nodes {
		fmt.Fprintf(w, "  %s[%s]\n", n.ID, mermaidLabel(n.Name))
	}
	var offending []string
	for i, e := range g.Edges {
		arrow := "-->"
		if e.Offending {
			arrow = "==>"
			offending = append(offending, strconv.Itoa(i))
		}
		fmt.Fprintf(w, "  %s %s|%s| %s\n", g.Nodes[e.From].ID, arrow, mermaidLabel(sitesLabel(e)), g.Nodes[e.To].ID)
	}
	fmt.Fprintln(w, "  classDef investnow fill:#ffebe9,stroke:#cf222e,color:#1f2328")
	fmt.Fprintln(w, "  classDef cheaplater fill:#fff8c5,stroke:#9a6700,color:#1f2328")
	var invest, cheap []string
	for _, n := range g.Nodes {
		switch n.worst() {
		case InvestNow:
			invest = append(invest, n.ID)
		case CheapLater:
			cheap = append(cheap, n.ID)
		}
	}
	if len(invest) > 0 {
		fmt.Fprintf(w, "  class %s investnow\n", strings.Join(invest, ","))
	}
	if len(cheap) > 0 {
		fmt.Fprintf(w, "  class %s cheaplater\n", strings.Join(cheap, ","))
	}
	if len(offending) > 0 {
		fmt.Fprintf(w, "  linkStyle %s stroke:#cf222e,stroke-width:3px,color:#cf222e\n", strings.Join(offending, ","))
	}
}
