package audit

import (
	"fmt"
	"sort"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/directive"
	"github.com/oneway-lint/oneway/internal/filter"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// fileDirectives are the directives of the analysed packages' files,
// file by file, read before the analysis (which lets go of the syntax).
type fileDirectives []fileDirective

type fileDirective struct {
	found []directive.Directive
	bad   []directive.Problem
}

// directives reads the //oneway:accept directives of the packages'
// files, leaving out generated files (for a cgo file, the user's file
// decides: see generatedFile).
func (pr *program) directives(pkgs []*packages.Package) fileDirectives {
	var fd fileDirectives
	for _, p := range pkgs {
		for _, f := range p.Syntax {
			if found, bad := filter.FileDirectives(pr.fset, f); len(found) > 0 || len(bad) > 0 {
				fd = append(fd, fileDirective{found, bad})
			}
		}
	}
	return fd
}

// accept applies the //oneway:accept directives of the analysed packages
// to the decisions: a decision that one covers (at its position or at one
// of its related locations) becomes accepted, with the directive's reason.
// It returns the problems with directives: no reason, an unknown rule,
// or a directive that covers no decision of a rule the policy enables
// (unless it is in a file of withheld: a decision placed or related there
// was left out for resting on code that does not compile, and the
// directive may be waiting for it).
func (pr *program) accept(ds []report.Decision, fd fileDirectives, pol *policy.Policy, rules map[string]finding.Rule, withheld map[string]bool) []report.Problem {
	var dirs []directive.Directive
	var problems []report.Problem
	problem := func(d directive.Directive, msg string) {
		problems = append(problems, report.Problem{
			Kind: report.DirectiveProblem, File: pr.rel(d.File), Line: d.Line, Column: d.Column, Message: msg,
		})
	}
	for _, f := range fd {
		for _, b := range f.bad {
			problem(b.Directive, b.Message)
		}
		for _, d := range f.found {
			if unknown := unknownRules(d, rules); unknown != "" {
				problem(d, fmt.Sprintf("directive names unknown rule %s; 'oneway rules' lists them", unknown))
				continue
			}
			dirs = append(dirs, d)
		}
	}
	if len(dirs) == 0 {
		return problems
	}

	accepting := filter.NewDirectives(dirs, pr.rel)
	for i := range ds {
		d := &ds[i]
		locs := []filter.Location{{File: d.File, Line: d.Line}}
		for _, r := range d.Related {
			locs = append(locs, filter.Location{File: r.File, Line: r.Line})
		}
		if dir, ok := accepting.Accept(d.Rule, locs); ok {
			d.Class = report.Accepted
			d.Reason = dir.Reason
		}
	}
	for _, d := range accepting.Unused() {
		if !withheld[d.File] && enablesAny(d, pol) && !d.AllLinters { // //nolint for every linter is mostly for others
			problem(d, "directive matches no decision: remove it, or move it to the decision's line or the line above")
		}
	}
	sort.SliceStable(problems, func(a, b int) bool { return problems[a].Line < problems[b].Line })
	return problems
}

// unknownRules returns the directive's rule ids that the catalogue lacks.
func unknownRules(d directive.Directive, rules map[string]finding.Rule) string {
	var bad []string
	for _, r := range d.Rules {
		if _, ok := rules[r]; !ok {
			bad = append(bad, fmt.Sprintf("%q", r))
		}
	}
	if len(bad) == 0 {
		return ""
	}
	return fmt.Sprint(bad)
}

// enablesAny reports whether the policy enables a rule the directive
// names: a directive for rules switched off matches nothing on purpose.
func enablesAny(d directive.Directive, pol *policy.Policy) bool {
	if d.Rules == nil {
		return true
	}
	for _, r := range d.Rules {
		if pol.Enabled(r) {
			return true
		}
	}
	return false
}
