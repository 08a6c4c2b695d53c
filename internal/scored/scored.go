// Package scored adapts oneway's analyzers to drivers that print
// diagnostics one package at a time (go vet, golangci-lint): each finding
// is weighed against the policy where it is found, and its message ends
// with the rule id, the class and the cost, so that a reader of a single
// line sees what the audit would say.
//
// What the audit does in its driver, these wrappers do per package:
// rules the policy switches off, ignored subjects, excluded files,
// generated files and //oneway:accept directives are honoured.
package scored

import (
	"fmt"
	"go/ast"
	"path/filepath"
	"reflect"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/audit"
	"github.com/oneway-lint/oneway/internal/directive"
	"github.com/oneway-lint/oneway/policy"
)

// Analyzers returns the families' analyzers configured for pol and
// wrapped so that each finding is weighed against it.
func Analyzers(pol *policy.Policy, families []family.Family) []*analysis.Analyzer {
	settings := audit.Settings(pol, nil)
	var out []*analysis.Analyzer
	for _, f := range families {
		rules := map[string]finding.Rule{}
		for _, r := range f.Rules {
			rules[r.ID] = r
		}
		for _, a := range f.New(settings) {
			out = append(out, wrap(a, rules, pol))
		}
	}
	return out
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
func wrap(a *analysis.Analyzer, rules map[string]finding.Rule, pol *policy.Policy) *analysis.Analyzer {
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
			d := finding.Diagnostic(f)
			d.Message += " " + Note(f.Rule, pol.Score(rule, f.Evidence, s.place.Component), f.Evidence.Partial)
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
	generated  map[string]bool                  // file name → generated
	directives map[string][]directive.Directive // file name → directives
}

func newScope(pass *analysis.Pass, pol *policy.Policy) *scope {
	var modules []component.Module
	if pass.Module != nil && pass.Module.Path != "" {
		modules = []component.Module{{Path: pass.Module.Path}}
	}
	s := &scope{
		pass: pass, pol: pol,
		place:      pol.Resolver(modules).Resolve(pass.Pkg.Path()),
		generated:  map[string]bool{},
		directives: map[string][]directive.Directive{},
	}
	for _, f := range pass.Files {
		name := pass.Fset.Position(f.Package).Filename
		s.generated[name] = ast.IsGenerated(f)
		ds, _ := directive.File(pass.Fset, f) // bad directives are the audit's to report
		s.directives[name] = ds
	}
	return s
}

// reports says whether a finding is printed: its rule is on, its subject
// not ignored, its file neither excluded nor generated, and no directive
// accepts it.
func (s *scope) reports(f finding.Finding, rule finding.Rule) bool {
	if !s.pol.Enabled(f.Rule) || (f.Subject != "" && s.pol.Ignored(f.Rule, f.Subject)) {
		return false
	}
	pos := s.pass.Fset.Position(f.Pos)
	if s.place.Module != "" && s.pol.Excluded(s.rel(pos.Filename)) {
		return false
	}
	if s.generated[pos.Filename] && !rule.Generated {
		return false
	}
	for _, d := range s.directives[pos.Filename] {
		if d.Covers(f.Rule, pos.Line) {
			return false
		}
	}
	return true
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
