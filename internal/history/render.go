package history

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/report"
)

// JSON writes the history as a stable, versioned JSON document.
func JSON(w io.Writer, h *History) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(h)
}

// Text writes the history for a terminal: the decisions open at HEAD,
// closing fastest first, each with the trend of its cost over the
// series; then each revision's figures. Strings from the analysed code
// are sanitized.
func Text(w io.Writer, h *History) error {
	var b strings.Builder
	fmt.Fprintf(&b, "History: %s, from %s to %s", finding.Count(len(h.Revisions), "revision"), h.From, h.To)
	if h.Shallow {
		b.WriteString(" (a shallow clone: the history before its boundary is missing)")
	}
	b.WriteString("\n\n")
	growing := 0
	for _, d := range h.Decisions {
		if d.Growth > 0 {
			growing++
		}
	}
	if h.headFailed() {
		fmt.Fprintf(&b, "HEAD could not be audited (see below): no decision to follow\n")
	} else {
		fmt.Fprintf(&b, "Closing fastest (%d open at HEAD, %d grew over the period)\n", len(h.Decisions), growing)
	}
	for _, d := range h.Decisions {
		since := "since " + d.Since(h, func(c string) string { return c })
		fmt.Fprintf(&b, "  %-11s %s %s: cost %d → %d (%+d) %s %s\n", d.Class, report.Sanitize(d.Rule), report.Sanitize(d.Label()),
			d.Costs[0], d.Costs[len(d.Costs)-1], d.Growth, spark(d.Costs), since)
		if d.Sites[0] != d.Sites[1] || d.Packages[0] != d.Packages[1] || d.Components[0] != d.Components[1] {
			fmt.Fprintf(&b, "              sites %d → %d, packages %d → %d, components %d → %d\n",
				d.Sites[0], d.Sites[1], d.Packages[0], d.Packages[1], d.Components[0], d.Components[1])
		}
	}
	b.WriteString("\n")
	b.WriteString(inventoryText(h.Inventory, report.Sanitize, "  "))
	b.WriteString("\nRevisions\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  date\tcommit\tinvest-now\tcheap-later\ttotal cost\ttables\troutes\tunversioned API routes\t")
	var failed []Figures
	for _, s := range h.Revisions {
		if s.Failed != "" {
			fmt.Fprintf(tw, "  %s\t%.7s\t-\t-\t-\t-\t-\t-\t\n", s.Date, s.Commit)
			failed = append(failed, s)
			continue
		}
		fmt.Fprintf(tw, "  %s\t%.7s\t%d\t%d\t%d\t%d\t%d\t%d\t\n", s.Date, s.Commit, s.InvestNow, s.CheapLater, s.TotalCost, s.Tables, s.Routes, s.Unversioned)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(failed) > 0 {
		b.WriteString("\nNot audited\n")
		for _, s := range failed {
			fmt.Fprintf(&b, "  %s %.7s: %s\n", s.Date, s.Commit, oneLine(s.Failed, 200))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// spark draws a series of costs as a line of block characters, scaled to
// its largest value (a space where the decision was not made).
func spark(costs []int) string {
	levels := []rune("▁▂▃▄▅▆▇█")
	top := 0
	for _, c := range costs {
		top = max(top, c)
	}
	var b strings.Builder
	for _, c := range costs {
		if c == 0 || top == 0 {
			b.WriteRune(' ')
			continue
		}
		b.WriteRune(levels[(c*len(levels)-1)/top])
	}
	return "[" + b.String() + "]"
}

// oneLine returns a message on one line (its lines joined by "; "),
// sanitized and cut to at most n runes (the JSON document keeps it
// whole).
func oneLine(msg string, n int) string {
	var lines []string
	for l := range strings.Lines(msg) {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, strings.TrimSuffix(l, ":"))
		}
	}
	line := report.Sanitize(strings.Join(lines, "; "))
	if r := []rune(line); len(r) > n {
		line = string(r[:n-1]) + "…"
	}
	return line
}

// Markdown writes the history as a Markdown document for a reversibility
// review: the decisions open at HEAD, closing fastest first, as a table
// with each one's trend, and each revision's figures. Strings from the
// analysed code are escaped.
func Markdown(w io.Writer, h *History) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Reversibility history\n\n%s, from %s to %s.", finding.Count(len(h.Revisions), "revision"), h.From, h.To)
	if h.Shallow {
		b.WriteString(" The clone is shallow: the history before its boundary is missing.")
	}
	b.WriteString("\n\n## Closing fastest\n\n")
	if h.headFailed() {
		b.WriteString("HEAD could not be audited: no decision to follow.\n")
	} else if len(h.Decisions) == 0 {
		b.WriteString("No decision is open at HEAD.\n")
	} else {
		b.WriteString("| class | rule | subject | cost | added | trend | since | sites | packages | components |\n")
		b.WriteString("|---|---|---|---:|---:|---|---|---|---|---|\n")
		for _, d := range h.Decisions {
			subject, since := d.Label(), d.Since(h, func(c string) string { return "`" + c + "`" })
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %+d | `%s` | %s | %d → %d | %d → %d | %d → %d |\n",
				d.Class, report.MarkdownCode(d.Rule), report.MarkdownText(subject), d.Costs[len(d.Costs)-1], d.Growth,
				strings.Trim(spark(d.Costs), "[]"), since, d.Sites[0], d.Sites[1], d.Packages[0], d.Packages[1], d.Components[0], d.Components[1])
		}
	}
	b.WriteString("\n## Inventory\n\n")
	b.WriteString(inventoryText(h.Inventory, report.MarkdownText, "- "))
	b.WriteString("\n## Revisions\n\n| date | commit | invest-now | cheap-later | total cost | tables | routes | unversioned API routes |\n")
	b.WriteString("|---|---|---:|---:|---:|---:|---:|---:|\n")
	for _, s := range h.Revisions {
		if s.Failed != "" {
			fmt.Fprintf(&b, "| %s | `%.7s` | not audited: %s | | | | | |\n", s.Date, s.Commit, report.MarkdownText(oneLine(s.Failed, 200)))
			continue
		}
		fmt.Fprintf(&b, "| %s | `%.7s` | %d | %d | %d | %d | %d | %d |\n", s.Date, s.Commit, s.InvestNow, s.CheapLater, s.TotalCost, s.Tables, s.Routes, s.Unversioned)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// inventoryText says in a few lines what the inventory gained and lost
// over the period, names escaped by esc (at most 12 of each list): a
// summary line, then one line for each list, starting with item ("- "
// makes a Markdown list, after a blank line).
func inventoryText(c Changes, esc func(string) string, item string) string {
	var b strings.Builder
	list := func(names []string) string {
		shown := names
		if len(shown) > 12 {
			shown = shown[:12]
		}
		var out []string
		for _, n := range shown {
			out = append(out, esc(n))
		}
		s := strings.Join(out, ", ")
		if len(names) > len(shown) {
			s += fmt.Sprintf(" and %d more", len(names)-len(shown))
		}
		return s
	}
	routes := func(rs []RouteEntry) []string {
		var out []string
		for _, r := range rs {
			out = append(out, strings.TrimSpace(r.Method+" "+r.Path))
		}
		return out
	}
	fmt.Fprintf(&b, "Inventory over the period: %s added, %s removed; %s added (%d unversioned API), %s removed\n",
		finding.Count(len(c.TablesAdded), "table"), finding.Count(len(c.TablesRemoved), "table"),
		finding.Count(len(c.RoutesAdded), "route"), unversioned(c.RoutesAdded), finding.Count(len(c.RoutesRemoved), "route"))
	if item == "- " && len(c.TablesAdded)+len(c.TablesRemoved)+len(c.RoutesAdded)+len(c.RoutesRemoved) > 0 {
		b.WriteString("\n")
	}
	for _, l := range []struct {
		what  string
		names []string
	}{
		{"tables added", c.TablesAdded}, {"tables removed", c.TablesRemoved},
		{"routes added", routes(c.RoutesAdded)}, {"routes removed", routes(c.RoutesRemoved)},
	} {
		if len(l.names) > 0 {
			fmt.Fprintf(&b, "%s%s: %s\n", item, l.what, list(l.names))
		}
	}
	return b.String()
}
