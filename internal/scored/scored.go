// Package scored adapts oneway's analyzers to drivers that print
// diagnostics one package at a time (go vet, golangci-lint): each finding
// is weighed against the policy where it is found, and its message ends
// with the rule id, the class and the cost, so that a reader of a single
// line sees what the audit would say.
//
// What the audit does in its driver, these wrappers do per package, with
// the same filter (package filter): rules the policy switches off,
// ignored subjects, excluded files, generated files and //oneway:accept
// directives at a finding's position or at a related location.
package scored

import (
	"fmt"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/directive"
	"github.com/oneway-lint/oneway/internal/filter"
	"github.com/oneway-lint/oneway/policy"
)

// Analyzers returns the families' analyzers configured for pol and
// wrapped so that each finding is weighed against it.
func Analyzers(pol *policy.Policy, families []family.Family, opts ...Option) []*analysis.Analyzer {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	settings := pol.Settings(nil)
	var out []*analysis.Analyzer
	for _, f := range families {
		rules := map[string]finding.Rule{}
		for _, r := range f.Rules {
			rules[r.ID] = r
		}
		for _, a := range f.New(settings) {
			out = append(out, wrap(a, rules, pol, o))
		}
	}
	return out
}

// Option changes how the wrapped analyzers report.
type Option func(*options)

type options struct {
	relatedInMessage bool
	investNowOnly    bool
}

// InvestNowOnly reports only the decisions that are invest-now: go vet
// fails the run on any diagnostic, and a cheap-later decision is no
// reason to. A decision whose class the audit decides (Partial evidence)
// is reported when the cost one package shows already reaches the
// threshold: more evidence only raises it.
func InvestNowOnly() Option { return func(o *options) { o.investNowOnly = true } }

// RelatedInMessage writes a finding's related locations into its
// message, after its note, instead of the diagnostic's Related field:
// golangci-lint makes each related location an issue of its own (a
// service's 15 decisions became 117 issues, and its default cap of 50
// issues per linter dropped real ones). One decision, one issue.
func RelatedInMessage() Option { return func(o *options) { o.relatedInMessage = true } }

// maxRelatedInMessage is how many related locations a message names
// before it says how many more there are.
const maxRelatedInMessage = 5

// relatedText lists the related locations of d in words, each as a path
// relative to the directory of d's file, its line and what it is.
func relatedText(fset *token.FileSet, d analysis.Diagnostic) string {
	if len(d.Related) == 0 {
		return ""
	}
	dir := filepath.Dir(fset.Position(d.Pos).Filename)
	var parts []string
	for i, r := range d.Related {
		if i == maxRelatedInMessage {
			parts = append(parts, fmt.Sprintf("and %d more", len(d.Related)-i))
			break
		}
		p := fset.Position(r.Pos)
		name := p.Filename
		if rel, err := filepath.Rel(dir, name); err == nil {
			name = filepath.ToSlash(rel)
		}
		parts = append(parts, fmt.Sprintf("%s:%d %s", name, p.Line, r.Message))
	}
	return " (also " + strings.Join(parts, "; ") + ")"
}

// Note is what ends a finding's message where only the finding is
// printed: the rule, class and cost, or, when the evidence is partial,
// the cost seen so far and that the audit decides the class.
func Note(rule string, c policy.Cost, partial bool) string {
	if partial {
		return fmt.Sprintf("[%s, cost ≥ %d from this package alone; oneway audit decides the class]", rule, c.Total)
	}
	return fmt.Sprintf("[%s, %s, cost %d]", rule, c.Class, c.Total)
}

var sourceType = reflect.TypeFor[finding.Source]()

// wrap returns a copy of a whose findings are weighed and noted.
// Analyzers whose result is not a finding.Source are returned as they are.
func wrap(a *analysis.Analyzer, rules map[string]finding.Rule, pol *policy.Policy, o options) *analysis.Analyzer {
	if a.ResultType == nil || !a.ResultType.Implements(sourceType) {
		return a
	}
	w := *a
	w.Run = func(pass *analysis.Pass) (any, error) {
		report := pass.Report
		pass.Report = func(analysis.Diagnostic) {} // re-reported below with their cost
		res, err := a.Run(pass)
		pass.Report = report
		if err != nil {
			return res, err
		}
		src, _ := res.(finding.Source)
		if src == nil {
			return res, nil
		}
		s := newScope(pass, pol)
		for _, f := range src.Findings() {
			rule, ok := rules[f.Rule]
			if !ok {
				rule = finding.Rule{ID: f.Rule, Weight: 1}
			}
			if !s.reports(f, rule) {
				continue
			}
			cost := pol.Score(rule, f.Evidence, s.place.Component)
			if o.investNowOnly && cost.Class != policy.InvestNow {
				continue
			}
			d := finding.Diagnostic(f)
			d.Message += " " + Note(f.Rule, cost, f.Evidence.Partial)
			if o.relatedInMessage {
				d.Message += relatedText(pass.Fset, d)
				d.Related = nil
			}
			report(d)
		}
		return res, nil
	}
	return &w
}

// scope is what a wrapper knows of the package it reports on.
type scope struct {
	pass       *analysis.Pass
	pol        *policy.Policy
	place      component.Placement
	generated  map[string]bool // file name → generated
	directives *filter.Directives
}

func newScope(pass *analysis.Pass, pol *policy.Policy) *scope {
	var modules []component.Module
	if pass.Module != nil && pass.Module.Path != "" {
		modules = []component.Module{{Path: pass.Module.Path}}
	}
	s := &scope{
		pass: pass, pol: pol,
		place:     pol.Resolver(modules).Resolve(pass.Pkg.Path()),
		generated: map[string]bool{},
	}
	var dirs []directive.Directive
	for _, f := range pass.Files {
		name, gen := filter.GeneratedFile(pass.Fset, f)
		s.generated[name] = gen
		ds, _ := filter.FileDirectives(pass.Fset, f) // bad directives are the audit's to report
		dirs = append(dirs, ds...)
	}
	s.directives = filter.NewDirectives(dirs, func(file string) string { return file })
	return s
}

// reports says whether a finding is printed, as the audit decides it
// (package filter): its rule is on, its subject not ignored, its file
// neither excluded nor generated, and no directive accepts it at its
// position or at a related location.
func (s *scope) reports(f finding.Finding, rule finding.Rule) bool {
	pos := s.pass.Fset.Position(f.Pos)
	where := filter.Where{File: s.rel(pos.Filename), Excludable: s.place.Module != "", Generated: s.generated[pos.Filename]}
	if !filter.Reports(s.pol, rule, f.Subject, where) {
		return false
	}
	locs := []filter.Location{{File: pos.Filename, Line: pos.Line}}
	for _, r := range f.Related {
		rp := s.pass.Fset.Position(r.Pos)
		locs = append(locs, filter.Location{File: rp.Filename, Line: rp.Line})
	}
	_, accepted := s.directives.Accept(f.Rule, locs)
	return !accepted
}

// rel is a file's path relative to the module root, as the policy's
// exclude globs expect it.
func (s *scope) rel(name string) string {
	base := filepath.Base(name)
	if s.place.Rel == "" {
		return base
	}
	return s.place.Rel + "/" + base
}
