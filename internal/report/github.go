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

// GitHubAnnotationLimit is how many annotations of each kind (error,
// warning, notice) GitHub shows for one step of a workflow; the runner
// drops the rest.
const GitHubAnnotationLimit = 10

// GitHub writes r as GitHub Actions workflow commands to w, which the
// runner turns into annotations on the pull request's changed lines:
// invest-now decisions are errors, cheap-later ones notices (an
// invest-now decision recorded in the baseline is a notice too: it does
// not fail the build), problems with directives and packages warnings;
// accepted decisions are not annotated. Each kind is capped at
// [GitHubAnnotationLimit], the most expensive first; when some are left
// out, the last notice says how many and where to find them, and the
// notices leave a slot for it.
//
// summary, when not nil, receives the whole report as Markdown (see
// [Markdown]): the CLI passes the file named by $GITHUB_STEP_SUMMARY,
// opened for appending, when that variable is set, so that the job's
// summary page lists every decision, with o's links. With a nil summary
// only the annotations are written.
func GitHub(w, summary io.Writer, r *Report, o MarkdownOptions) error {
	var errs, warns, notes []annotation
	for _, d := range r.Decisions {
		a := annotation{
			file: d.File, line: d.Line, col: d.Column, cost: d.Cost,
			title: d.Class + ": " + d.Rule + " (cost " + strconv.Itoa(d.Cost) + ")",
			msg:   d.Message + "\ncost " + cmp.Or(d.Breakdown, strconv.Itoa(d.Cost)) + " · component " + d.Component,
		}
		switch {
		case d.Class == InvestNow && !d.Baselined:
			a.kind = "error"
			errs = append(errs, a)
		case d.Class == InvestNow:
			a.kind = "notice"
			a.title = "invest-now (baselined): " + d.Rule + " (cost " + strconv.Itoa(d.Cost) + ")"
			notes = append(notes, a)
		case d.Class == CheapLater:
			a.kind = "notice"
			notes = append(notes, a)
		}
	}
	for _, p := range r.Problems {
		a := annotation{kind: "warning", file: p.File, line: p.Line, col: p.Column, msg: p.Message, title: "oneway: " + p.Kind + " problem"}
		switch p.Kind {
		case DirectiveProblem:
			a.title = "oneway: directive (" + DirectiveRule + ")"
		case PackageProblem, ExcludedPackage:
			a.title = "oneway: package not analysed"
			if p.Package != "" {
				a.msg = p.Package + ": " + p.Message
			}
		}
		warns = append(warns, a)
	}
	byCost := func(a, b annotation) int { return cmp.Compare(b.cost, a.cost) }
	slices.SortStableFunc(errs, byCost)
	slices.SortStableFunc(notes, byCost)

	limit := GitHubAnnotationLimit
	over := len(errs) > limit || len(warns) > limit || len(notes) > limit
	noteLimit := limit
	if over {
		noteLimit = limit - 1 // room for the notice that says what was left out
	}
	var left []string
	emit := func(bw *bufio.Writer, list []annotation, n int, what string) {
		for _, a := range list[:min(n, len(list))] {
			a.write(bw)
		}
		if len(list) > n {
			left = append(left, strconv.Itoa(len(list)-n)+" "+what)
		}
	}
	bw := bufio.NewWriter(w)
	emit(bw, errs, limit, "errors")
	emit(bw, warns, limit, "warnings")
	emit(bw, notes, noteLimit, "notices")
	if len(left) > 0 {
		where := "run oneway audit -format markdown for the full list"
		if summary != nil {
			where = "the job summary lists every decision"
		}
		annotation{kind: "notice", title: "oneway: more decisions",
			msg: fmt.Sprintf("%s not shown (GitHub shows %d annotations of each kind per step): %s",
				strings.Join(left, ", "), limit, where)}.write(bw)
	}
	fmt.Fprintf(bw, "oneway: %s (%d new), %s, %s in %s (policy %s, stage %s, invest-now at cost ≥ %d)\n",
		finding.Count(r.Summary.InvestNow, "invest-now decision"), r.Summary.NewInvestNow,
		finding.Count(r.Summary.CheapLater, "cheap-later decision"),
		finding.Count(r.Summary.Accepted, "accepted decision"),
		finding.Count(r.Summary.Packages, "package"),
		ghData(r.Policy), ghData(r.Stage), r.Threshold)
	if note := ComponentsNote(r); note != "" {
		fmt.Fprintf(bw, "oneway: %s\n", ghData(note))
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if summary != nil {
		return Markdown(summary, r, o)
	}
	return nil
}

type annotation struct {
	kind      string // error | warning | notice
	file      string
	line, col int
	title     string
	msg       string
	cost      int
}

// write writes a as one workflow command line:
// ::KIND file=F,line=L,col=C,title=T::MSG
func (a annotation) write(w *bufio.Writer) {
	var props []string
	if a.file != "" {
		props = append(props, "file="+ghProperty(a.file))
		if a.line > 0 {
			props = append(props, "line="+strconv.Itoa(a.line))
			if a.col > 0 {
				props = append(props, "col="+strconv.Itoa(a.col))
			}
		}
	}
	if a.title != "" {
		props = append(props, "title="+ghProperty(a.title))
	}
	fmt.Fprintf(w, "::%s", a.kind)
	if len(props) > 0 {
		fmt.Fprintf(w, " %s", strings.Join(props, ","))
	}
	fmt.Fprintf(w, "::%s\n", ghData(a.msg))
}
