// Package audit runs oneway over a whole program: it loads the packages,
// runs every family's analyzers on them, adds the whole-program
// decisions, weighs each against the policy and builds the report.
//
// Data flows one way: source → analyzers (evidence) → audit (global
// evidence, score, class) → report.
package audit

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// Options says what to audit and how.
type Options struct {
	Dir      string   // the directory to run in (the go command's working directory)
	Patterns []string // package patterns; default "./..."
	Policy   *policy.Policy
	// PolicyFile is the file the policy came from, "" for the embedded
	// default. The report names it relative to the module root.
	PolicyFile string
	Families   []family.Family
	Env        []string  // environment for the go command; nil means the current one
	Log        io.Writer // progress and verbose notes; nil for none
	Version    string    // oneway's version, recorded in the report
}

// ErrNothingAnalysed is returned (wrapped) when no package could be
// analysed at all.
var ErrNothingAnalysed = errors.New("no package could be analysed")

// ErrNoPackages is returned (wrapped) when the patterns match no package.
var ErrNoPackages = errors.New("no packages to analyse")

// Run audits the packages and returns the report. Packages that cannot
// be analysed (syntax or type errors) are listed as problems and the
// rest go on; Run fails only when there is nothing it could analyse.
func Run(ctx context.Context, o Options) (*report.Report, error) {
	if o.Policy == nil {
		return nil, errors.New("audit: no policy")
	}
	patterns := o.Patterns
	if len(patterns) == 0 {
		patterns = []string{"./..."}
	}
	cfg := &packages.Config{
		Context: ctx,
		Mode:    packages.LoadAllSyntax | packages.NeedModule,
		Dir:     o.Dir,
		Env:     o.Env,
		Tests:   false,
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%w: %s matched nothing", ErrNoPackages, strings.Join(patterns, " "))
	}
	if msgs, ok := unmatched(pkgs); ok {
		return nil, fmt.Errorf("%w: %s", ErrNoPackages, strings.Join(msgs, "; "))
	}

	rep := &report.Report{
		Version:   report.SchemaVersion,
		Tool:      o.Version,
		Stage:     string(o.Policy.Stage),
		Threshold: o.Policy.Thresholds.InvestNow,
	}

	prog := newProgram(pkgs, o.Policy)
	rep.Policy = prog.policyName(o.PolicyFile)
	var good []*packages.Package
	for _, p := range pkgs {
		if msg := packageProblem(p); msg != "" {
			rep.Problems = append(rep.Problems, report.Problem{Package: p.PkgPath, Message: msg})
			continue
		}
		if prog.excluded(p) {
			continue
		}
		good = append(good, p)
	}
	if len(good) == 0 {
		if len(rep.Problems) > 0 {
			return rep, fmt.Errorf("%w: %d packages have errors", ErrNothingAnalysed, len(rep.Problems))
		}
		return nil, fmt.Errorf("%w: every package matched by %s is excluded by the policy", ErrNoPackages, strings.Join(patterns, " "))
	}
	logf(o.Log, "analysing %d packages", len(good))

	settings := Settings(o.Policy, prog.modules())
	var all []*analysis.Analyzer
	famAnalyzers := map[string][]*analysis.Analyzer{}
	for _, f := range o.Families {
		famAnalyzers[f.Name] = f.New(settings)
		all = append(all, famAnalyzers[f.Name]...)
	}

	// A family with a whole-program part re-decides, with the whole
	// program's evidence, what its per-package passes could only see in
	// part: those partial findings give way to the global ones.
	partialGivesWay := map[*analysis.Analyzer]bool{}
	for _, f := range o.Families {
		if f.Global != nil {
			for _, a := range famAnalyzers[f.Name] {
				partialGivesWay[a] = true
			}
		}
	}
	results := map[string]map[*analysis.Analyzer]any{} // by package path
	var findings []finding.Finding
	if len(all) > 0 {
		graph, err := checker.Analyze(all, good, nil)
		if err != nil {
			return nil, fmt.Errorf("running analyzers: %w", err)
		}
		failed := map[string]bool{}
		for _, act := range graph.Roots {
			path := act.Package.PkgPath
			if act.Err != nil {
				if !failed[path+"\x00"+act.Analyzer.Name] {
					failed[path+"\x00"+act.Analyzer.Name] = true
					rep.Problems = append(rep.Problems, report.Problem{Package: path, Message: fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err)})
				}
				continue
			}
			if results[path] == nil {
				results[path] = map[*analysis.Analyzer]any{}
			}
			results[path][act.Analyzer] = act.Result
			if src, ok := act.Result.(finding.Source); ok {
				for _, f := range src.Findings() {
					if !f.Evidence.Partial || !partialGivesWay[act.Analyzer] {
						findings = append(findings, f)
					}
				}
			}
		}
	}

	// fp is the whole-program view of one family: every package with the
	// results of that family's analyzers.
	famProgram := map[string]*family.Program{}
	fp := func(f family.Family) *family.Program {
		if p, ok := famProgram[f.Name]; ok {
			return p
		}
		p := &family.Program{Fset: prog.fset, Settings: settings, Place: prog.resolver.Resolve}
		for _, pkg := range good {
			res := map[*analysis.Analyzer]any{}
			for _, a := range famAnalyzers[f.Name] {
				if r, ok := results[pkg.PkgPath][a]; ok {
					res[a] = r
				}
			}
			p.Packages = append(p.Packages, &family.Package{Path: pkg.PkgPath, Module: prog.resolver.Resolve(pkg.PkgPath).Module, Results: res})
		}
		sort.Slice(p.Packages, func(a, b int) bool { return p.Packages[a].Path < p.Packages[b].Path })
		famProgram[f.Name] = p
		return p
	}
	for _, f := range o.Families {
		if f.Global != nil {
			findings = append(findings, f.Global(fp(f))...)
		}
	}

	for _, f := range o.Families {
		if f.Inventory == nil {
			continue
		}
		inv := f.Inventory(fp(f))
		for _, t := range inv.Tables {
			rep.Inventory.Tables = append(rep.Inventory.Tables, prog.table(t))
		}
	}

	rules := map[string]finding.Rule{}
	for _, f := range o.Families {
		for _, r := range f.Rules {
			rules[r.ID] = r
		}
	}
	for _, f := range findings {
		d, ok := prog.decide(o.Policy, rules, f)
		if ok {
			rep.Decisions = append(rep.Decisions, d)
		}
	}
	rep.Components = prog.components(good, o.Policy)
	rep.Summary.Packages = len(good)
	rep.Sort()
	return rep, nil
}

// Settings turns the policy into the plain settings analyzers receive;
// modules are the main modules of the code base, where known.
func Settings(p *policy.Policy, modules []string) family.Settings {
	s := family.Settings{Components: p.Specs(), Modules: modules}
	for id, rs := range p.Rules {
		if len(rs.Options) > 0 {
			if s.Options == nil {
				s.Options = map[string]map[string]any{}
			}
			s.Options[id] = rs.Options
		}
	}
	for _, a := range p.Allow {
		if s.Allow == nil {
			s.Allow = map[string][]string{}
		}
		s.Allow[a.From] = append(s.Allow[a.From], a.To...)
	}
	for _, c := range p.Components {
		if len(c.Public) > 0 {
			if s.Public == nil {
				s.Public = map[string][]component.Glob{}
			}
			s.Public[c.Name] = c.Public
		}
	}
	return s
}

// unmatched reports whether no pattern matched a real package: every
// "package" go list returned is an error standing for a pattern (a
// directory that does not exist, a path outside the module) with no
// files. It returns the errors.
func unmatched(pkgs []*packages.Package) ([]string, bool) {
	var msgs []string
	for _, p := range pkgs {
		if len(p.GoFiles) > 0 || len(p.CompiledGoFiles) > 0 || len(p.Errors) == 0 {
			return nil, false
		}
		for _, e := range p.Errors {
			if e.Kind != packages.ListError {
				return nil, false
			}
			msgs = append(msgs, e.Msg)
		}
	}
	sort.Strings(msgs)
	return msgs, true
}

// packageProblem describes why a package cannot be analysed, or "".
func packageProblem(p *packages.Package) string {
	var msgs []string
	seen := map[string]bool{}
	packages.Visit([]*packages.Package{p}, nil, func(q *packages.Package) {
		for _, e := range q.Errors {
			m := e.Error()
			if q != p {
				m = "in dependency " + q.PkgPath + ": " + m
			}
			if !seen[m] {
				seen[m] = true
				msgs = append(msgs, m)
			}
		}
	})
	if len(msgs) == 0 {
		return ""
	}
	sort.Strings(msgs)
	if len(msgs) > 3 {
		msgs = append(msgs[:3], fmt.Sprintf("and %d more errors", len(msgs)-3))
	}
	return strings.Join(msgs, "; ")
}

func logf(w io.Writer, format string, args ...any) {
	if w != nil {
		fmt.Fprintf(w, "oneway: "+format+"\n", args...)
	}
}

// program holds what the audit knows about the loaded code base.
type program struct {
	fset     *token.FileSet
	root     string              // directory paths are made relative to
	resolver *component.Resolver // package → component
	fileMod  map[string]string   // absolute file → package path
	modDirs  map[string]string   // module path → directory
	pol      *policy.Policy
}

func newProgram(pkgs []*packages.Package, pol *policy.Policy) *program {
	pr := &program{fileMod: map[string]string{}, modDirs: map[string]string{}, pol: pol}
	var mods []component.Module
	for _, p := range pkgs {
		if pr.fset == nil {
			pr.fset = p.Fset
		}
		if m := p.Module; m != nil && m.Main {
			if _, ok := pr.modDirs[m.Path]; !ok {
				pr.modDirs[m.Path] = m.Dir
				mods = append(mods, component.Module{Path: m.Path, Dir: m.Dir})
			}
		}
		for _, f := range p.CompiledGoFiles {
			pr.fileMod[f] = p.PkgPath
		}
		for _, f := range p.GoFiles {
			pr.fileMod[f] = p.PkgPath
		}
	}
	if pr.fset == nil {
		pr.fset = token.NewFileSet()
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	pr.resolver = pol.Resolver(mods)
	pr.root = commonDir(mods)
	return pr
}

// commonDir is the deepest directory holding every main module.
func commonDir(mods []component.Module) string {
	root := ""
	for i, m := range mods {
		if i == 0 {
			root = m.Dir
			continue
		}
		for root != "" && !within(m.Dir, root) {
			parent := filepath.Dir(root)
			if parent == root {
				break
			}
			root = parent
		}
	}
	return root
}

func within(dir, root string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// rel makes an absolute file name relative to the root, with forward slashes.
func (pr *program) rel(file string) string {
	if pr.root == "" || file == "" {
		return filepath.ToSlash(file)
	}
	r, err := filepath.Rel(pr.root, file)
	if err != nil {
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(r)
}

// modules returns the paths of the main modules, sorted.
func (pr *program) modules() []string {
	mods := make([]string, 0, len(pr.modDirs))
	for m := range pr.modDirs {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	return mods
}

// policyName names the policy file for the report.
func (pr *program) policyName(file string) string {
	if file == "" {
		return "(default)"
	}
	abs, err := filepath.Abs(file)
	if err != nil || pr.root == "" || !within(abs, pr.root) {
		return filepath.ToSlash(file)
	}
	return pr.rel(abs)
}

// excluded reports whether the policy excludes the whole package.
func (pr *program) excluded(p *packages.Package) bool {
	pl := pr.resolver.Resolve(p.PkgPath)
	return pl.Module != "" && pr.pol.Excluded(pl.Rel)
}

// decide weighs one finding against the policy. It returns false for
// findings the policy switches off, ignores or excludes.
func (pr *program) decide(pol *policy.Policy, rules map[string]finding.Rule, f finding.Finding) (report.Decision, bool) {
	rule, ok := rules[f.Rule]
	if !ok {
		rule = finding.Rule{ID: f.Rule, Weight: 1}
	}
	if !pol.Enabled(f.Rule) || (f.Subject != "" && pol.Ignored(f.Rule, f.Subject)) {
		return report.Decision{}, false
	}
	pos := pr.fset.Position(f.Pos)
	file := pr.rel(pos.Filename)
	if pol.Excluded(file) {
		return report.Decision{}, false
	}
	pkg := pr.fileMod[pos.Filename]
	comp := pr.resolver.Resolve(pkg).Component
	cost := pol.Score(rule, f.Evidence, comp)
	d := report.Decision{
		Rule:      f.Rule,
		Class:     string(cost.Class),
		Cost:      cost.Total,
		Breakdown: cost.String(),
		File:      file,
		Line:      pos.Line,
		Column:    pos.Column,
		Message:   f.Message,
		Component: comp,
		Package:   pkg,
		Subject:   f.Subject,
		Evidence:  f.Evidence,
	}
	for _, fc := range cost.Factors {
		d.Factors = append(d.Factors, report.Factor{Name: fc.Name, Value: fc.Value, Why: fc.Why})
	}
	for _, r := range f.Related {
		rp := pr.fset.Position(r.Pos)
		d.Related = append(d.Related, report.Location{File: pr.rel(rp.Filename), Line: rp.Line, Column: rp.Column, Message: r.Message})
	}
	return d, true
}

// table converts a family's table to the report's.
func (pr *program) table(t family.Table) report.Table {
	out := report.Table{
		Name:       t.Name,
		Components: append([]string{}, t.Components...),
		Packages:   append([]string{}, t.Packages...),
		Sites:      []report.SiteRef{},
	}
	for _, s := range t.Sites {
		pos := pr.fset.Position(s.Pos)
		out.Sites = append(out.Sites, report.SiteRef{File: pr.rel(pos.Filename), Line: pos.Line, Kind: s.Kind})
		switch s.Kind {
		case family.Read:
			out.Reads++
		case family.Write:
			out.Writes++
		case family.DDL:
			out.DDL++
		}
	}
	return out
}

// components lists the components of the analysed packages.
func (pr *program) components(pkgs []*packages.Package, pol *policy.Policy) []report.Component {
	by := map[string]*report.Component{}
	for _, p := range pkgs {
		pl := pr.resolver.Resolve(p.PkgPath)
		if pl.Component == "" {
			continue
		}
		c := by[pl.Component]
		if c == nil {
			c = &report.Component{Name: pl.Component, Criticality: string(pol.CriticalityOf(pl.Component))}
			by[pl.Component] = c
		}
		c.Packages = append(c.Packages, p.PkgPath)
		if pl.Implicit {
			c.Implicit = append(c.Implicit, p.PkgPath)
		}
	}
	out := make([]report.Component, 0, len(by))
	for _, c := range by {
		sort.Strings(c.Packages)
		sort.Strings(c.Implicit)
		out = append(out, *c)
	}
	return out
}

// CostNote is the note that ends a finding's message where only the
// finding is printed (go vet, golangci-lint): the cost and the class, or,
// when the evidence is partial, the cost seen so far and that the audit
// decides the class.
func CostNote(rule string, c policy.Cost, partial bool) string {
	if partial {
		return fmt.Sprintf("[%s, cost ≥ %d from this package alone; oneway audit decides the class]", rule, c.Total)
	}
	return fmt.Sprintf("[%s, %s, cost %d]", rule, c.Class, c.Total)
}
