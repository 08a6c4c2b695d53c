package report

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// TextOptions controls the text renderer.
type TextOptions struct {
	Color bool // use ANSI colours (the caller decides: a terminal, and NO_COLOR unset)
	// ShowKnown lists the decisions the baseline records (or the revision
	// compared against has) like the new ones; without it they are counted
	// in one line: what a pull request changes stays in view.
	ShowKnown bool
}

// Text writes r for people: invest-now decisions first, then cheap-later
// and accepted ones, each with its position, rule, message and cost, then
// a summary line. Decisions the baseline records are counted in one line
// unless o.ShowKnown.
func Text(w io.Writer, r *Report, o TextOptions) error {
	bw := bufio.NewWriter(w)
	paint := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	heads := map[string]*color.Color{
		InvestNow:  paint(color.FgRed, color.Bold),
		CheapLater: paint(color.FgYellow, color.Bold),
		Accepted:   paint(color.FgGreen, color.Bold),
	}
	titles := map[string]string{
		InvestNow:  "Invest now",
		CheapLater: "Cheap to change later",
		Accepted:   "Accepted",
	}
	dim := paint(color.Faint)
	rule := paint(color.FgCyan)

	known := func(d Decision) bool { return d.Baselined && d.Class != Accepted }
	counts, hidden := map[string]int{}, 0
	for _, d := range r.Decisions {
		if known(d) && !o.ShowKnown {
			hidden++
			continue
		}
		counts[d.Class]++
	}
	class := ""
	for _, d := range r.Decisions {
		if known(d) && !o.ShowKnown {
			continue
		}
		if d.Class != class {
			if class != "" {
				fmt.Fprintln(bw)
			}
			class = d.Class
			heads[class].Fprintf(bw, "%s (%d)\n", titles[class], counts[class])
		}
		fmt.Fprintf(bw, "%s:%d:%d: %s: %s\n", Sanitize(d.File), d.Line, d.Column, rule.Sprint(Sanitize(d.Rule)), Sanitize(d.Message))
		dim.Fprintf(bw, "    cost %s · component %s\n", Sanitize(d.Breakdown), Sanitize(d.Component))
		if d.Class == Accepted {
			dim.Fprintf(bw, "    accepted: %s\n", Sanitize(d.Reason))
		}
		if known(d) {
			dim.Fprintf(bw, "    in the baseline: not new\n")
		}
	}
	if hidden > 0 {
		if class != "" {
			fmt.Fprintln(bw)
		}
		dim.Fprintf(bw, "%s in the baseline not shown; -show-known lists them\n", finding.Count(hidden, "known decision"))
	}
	for _, p := range r.Problems {
		if p.File != "" {
			fmt.Fprintf(bw, "problem: %s:%d:%d: %s\n", Sanitize(p.File), p.Line, p.Column, Sanitize(p.Message))
		} else if p.Package != "" {
			fmt.Fprintf(bw, "problem: %s: %s\n", Sanitize(p.Package), Sanitize(p.Message))
		} else {
			fmt.Fprintf(bw, "problem: %s\n", Sanitize(p.Message))
		}
	}
	if hasMetrics(r.Components) {
		if len(r.Decisions) > 0 || len(r.Problems) > 0 {
			fmt.Fprintln(bw)
		}
		heads[Accepted].Fprintf(bw, "Components (%d)\n", len(r.Components))
		tw := tabwriter.NewWriter(bw, 0, 8, 2, ' ', 0)
		fmt.Fprintf(tw, "  component\tCa\tCe\tI\tA\tD\t\n")
		for _, c := range r.Components {
			if c.Metrics == nil {
				continue
			}
			m, pain := c.Metrics, ""
			if m.ZoneOfPain {
				pain = "zone of pain"
			}
			fmt.Fprintf(tw, "  %s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%s\n", Sanitize(c.Name), m.Ca, m.Ce, m.I, m.A, m.D, pain)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if tables := r.Inventory.Tables; len(tables) > 0 {
		if len(r.Decisions) > 0 || len(r.Problems) > 0 || hasMetrics(r.Components) {
			fmt.Fprintln(bw)
		}
		heads[Accepted].Fprintf(bw, "Tables (%d)\n", len(tables))
		tw := tabwriter.NewWriter(bw, 0, 8, 2, ' ', 0)
		for _, tb := range tables {
			fmt.Fprintf(tw, "  %s\t%d reads, %d writes, %d ddl\t%s\n", Sanitize(tb.Label()), tb.Reads, tb.Writes, tb.DDL, Sanitize(strings.Join(tb.Components, ", ")))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if routes := r.Inventory.Routes; len(routes) > 0 {
		if len(r.Decisions) > 0 || len(r.Problems) > 0 || len(r.Inventory.Tables) > 0 {
			fmt.Fprintln(bw)
		}
		versioned := 0
		for _, rt := range routes {
			if rt.Versioned {
				versioned++
			}
		}
		heads[Accepted].Fprintf(bw, "Routes (%d, %d versioned)\n", len(routes), versioned)
		tw := tabwriter.NewWriter(bw, 0, 8, 2, ' ', 0)
		for _, rt := range routes {
			method := rt.Method
			if method == "" {
				method = "*"
			}
			version := "unversioned"
			if rt.Versioned {
				version = "versioned"
			}
			fmt.Fprintf(tw, "  %s %s%s\t%s\t%s\t%s:%d\n", Sanitize(method), Sanitize(rt.Host), Sanitize(rt.Path), Sanitize(rt.Kind), version, Sanitize(rt.File), rt.Line)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if protos := r.Inventory.ProtoPackages; len(protos) > 0 {
		fmt.Fprintln(bw)
		heads[Accepted].Fprintf(bw, "Protobuf packages (%d)\n", len(protos))
		for _, p := range protos {
			version := "unversioned"
			if p.Versioned {
				version = "versioned"
			}
			fmt.Fprintf(bw, "  %s  %s  %s\n", Sanitize(p.Package), version, Sanitize(strings.Join(p.Services, ", ")))
		}
	}
	var implicit []string
	for _, c := range r.Components {
		implicit = append(implicit, c.Implicit...)
	}
	if len(implicit) > 0 {
		fmt.Fprintf(bw, "note: %s matched none of the policy's components and went to the default component of their directory: %s\n",
			finding.Count(len(implicit), "package"), Sanitize(strings.Join(implicit, ", ")))
	}
	note := ComponentsNote(r)
	if note != "" {
		fmt.Fprintf(bw, "note: %s\n", Sanitize(note))
	}
	if len(r.Decisions) > 0 || len(r.Problems) > 0 || len(implicit) > 0 || note != "" || len(r.Inventory.Tables) > 0 {
		fmt.Fprintln(bw)
	}
	invest := finding.Count(r.Summary.InvestNow, "invest-now decision")
	if r.Summary.NewInvestNow != r.Summary.InvestNow {
		invest += fmt.Sprintf(" (%d new)", r.Summary.NewInvestNow)
	}
	accepted := ""
	if r.Summary.Accepted > 0 {
		accepted = ", " + strconv.Itoa(r.Summary.Accepted) + " accepted"
	}
	fmt.Fprintf(bw, "%s, %s%s in %s (policy %s, stage %s, invest-now at cost ≥ %d)\n",
		invest, finding.Count(r.Summary.CheapLater, "cheap-later decision"), accepted,
		finding.Count(r.Summary.Packages, "package"), Sanitize(r.Policy), Sanitize(r.Stage), r.Threshold)
	return bw.Flush()
}

// hasMetrics reports whether there is a component graph to speak of:
// metrics of at least two components.
func hasMetrics(cs []Component) bool {
	n := 0
	for _, c := range cs {
		if c.Metrics != nil {
			n++
		}
	}
	return n >= 2
}

// Sanitize makes a string from analysed code safe to print on a
// terminal: control characters (including escape sequences and line
// breaks) are shown as Go escapes, and bytes that are not UTF-8 (string
// literals may hold any) as U+FFFD.
func Sanitize(s string) string {
	if utf8.ValidString(s) && !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s { // a byte that is not UTF-8 comes as utf8.RuneError, U+FFFD
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isControl(r rune) bool { return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) }
