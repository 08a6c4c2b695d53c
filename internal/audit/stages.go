package audit

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"slices"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/engine"
	"github.com/oneway-lint/oneway/internal/report"
)

// run audits the packages matched by patterns, with lc (see loadCache)
// for the facts of dependencies and their export data files, and exeKey
// for their keys. It returns the report and the directories of the
// source files read (see resultsKey.covers). The stages:
//
//  1. loadPackages: the packages, with the engine's loader; once they
//     are listed, the families are made and the dependencies' files
//     read for the scopes' texts (engine.ScanTexts); once the export
//     data is known, the engine is made and the dependencies' facts
//     computed before the matched packages are type-checked
//     (engine.Engine.Early);
//  2. selectPackages: which of them are audited, and their problems;
//  3. analyse: every family's analyzers on them, through the engine;
//  4. wholeProgram: the families' whole-program decisions and inventory;
//  5. decide: each finding weighed against the policy, the directives
//     applied, the components and their metrics.
func run(ctx context.Context, o Options, patterns []string, lc loadCache, exeKey func() []byte) (*report.Report, []string, error) {
	c := lc.c
	changes := readHistory(ctx, o)
	eo := engine.Options{
		Cache: c, Logf: func(format string, args ...any) { logf(o.Log, format, args...) }, LimitMemory: true,
	}
	// The families are made as soon as the packages are listed, and the
	// dependencies' files read for their scopes' texts while the go
	// command gives the export data (engine.ScanTexts); the engine once
	// the export data is known, for the dependencies' facts to be
	// computed before the matched packages are type-checked
	// (engine.Engine.Early).
	var fams *families
	hooks := engine.LoadOptions{
		Listed: func(matched, all []*packages.Package) {
			eo.Texts.Stop() // a load listing again (a package using cgo that fails)
			fams = newFamilies(o, mainModules(matched))
			eo.Texts = engine.ScanTexts(fams.all, matched, all)
		},
		BeforeSource: func(matched []*packages.Package) func() error {
			if fams == nil {
				fams = newFamilies(o, mainModules(matched))
			}
			eng, err := fams.newEngine(matched, matched, eo, exeKey)
			if err != nil {
				return nil // analyse makes it again and fails
			}
			fams.eng = eng
			return eng.Early(ctx)
		},
	}
	pkgs, err := loadPackages(ctx, o, patterns, lc, hooks)
	eo.Texts.Stop() // the load is over, whether the engine stopped it or not
	if err != nil {
		_, _ = changes() // let it end
		return nil, nil, err
	}
	read := sourceDirs(pkgs)
	if o.afterLoad != nil {
		o.afterLoad()
	}

	rep := &report.Report{
		Version:   report.SchemaVersion,
		Tool:      o.Version,
		Stage:     string(o.Policy.Stage),
		Threshold: o.Policy.Thresholds.InvestNow,
	}
	prog := newProgram(pkgs, o.Policy)
	rep.Policy = prog.policyName(o.PolicyFile)
	rep.Root = prog.root
	sel, err := prog.selectPackages(pkgs, patterns, rep)
	log, herr := changes()
	if errors.Is(err, ErrNothingAnalysed) {
		return rep, nil, err // with the packages' problems
	}
	if err != nil {
		return nil, nil, err
	}
	if herr != nil {
		return nil, nil, fmt.Errorf("reading the change log (-history): %w", herr)
	}
	directives := prog.directives(sel.good)
	if fams == nil {
		fams = newFamilies(o, prog.modules())
	}
	fams.prog = prog
	if log != nil {
		fams.history = prog.history(log, sel.all(), prog.packageClauses(sel.all()))
		rep.History = historyInfo(log)
	}
	logf(o.Log, "analysing %d packages", len(sel.good)+len(sel.partial))
	progress(o.Progress, fmt.Sprintf("analysing %d packages…", len(sel.good)+len(sel.partial)))
	defer progress(o.Progress, "")

	res, err := fams.analyse(ctx, pkgs, sel, eo, exeKey, rep)
	if err != nil {
		return nil, nil, err
	}

	wholeStart := time.Now()
	global, metrics, err := fams.wholeProgram(ctx, sel, res, rep)
	if err != nil {
		return nil, nil, err
	}
	fams.decide(rep, res, global, directives, metrics, sel)
	logf(o.Log, "whole-program decisions and report in %v", time.Since(wholeStart).Round(time.Millisecond))
	if err := interrupted(ctx); err != nil {
		return nil, nil, err
	}
	return rep, read, nil
}

// loadPackages loads the packages patterns match, with errors that say
// what the user got wrong.
func loadPackages(ctx context.Context, o Options, patterns []string, lc loadCache, hooks engine.LoadOptions) ([]*packages.Package, error) {
	cfg := &packages.Config{
		Context: ctx,
		Dir:     o.Dir,
		Env:     o.Env,
		Tests:   false,
	}
	progress(o.Progress, "loading packages…")
	if o.beforeLoad != nil {
		o.beforeLoad()
	}
	pkgs, err := load(cfg, patterns, lc, hooks, func(format string, args ...any) { logf(o.Log, format, args...) })
	if err := interrupted(ctx); err != nil {
		return nil, err
	}
	if err != nil {
		// Outside a module ./... matches nothing (ErrNoPackages below);
		// other patterns make the go command fail: the same mistake.
		if strings.Contains(err.Error(), "go.mod file not found") {
			return nil, fmt.Errorf("%w: %s is not in a Go module (no go.mod in it or above it)", ErrNoPackages, o.Dir)
		}
		return nil, fmt.Errorf("loading packages: %w", err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%w: %s matched nothing", ErrNoPackages, strings.Join(patterns, " "))
	}
	if msgs, ok := unmatched(pkgs); ok {
		return nil, fmt.Errorf("%w: %s", ErrNoPackages, strings.Join(msgs, "; "))
	}
	return pkgs, nil
}

// selection is what an audit analyses: good, the packages it analyses
// whole, and partial, those that do not compile but are analysed in part
// for the inventory (see family.Family.Partial).
type selection struct {
	good, partial []*packages.Package
}

// all returns the packages analysed, whole or in part.
func (s selection) all() []*packages.Package {
	return append(slices.Clip(s.good), s.partial...)
}

// partialNote ends the problem of a package analysed in part.
const partialNote = "; analysed in part: what it registers, queries and imports is listed, no decision is drawn from it"

// selectPackages returns the packages to analyse: those of the main
// modules, without errors in them or below them, not excluded by the
// policy, and in part those whose errors are code being written (see
// analysableInPart). The packages with errors become the report's
// problems. With nothing to analyse it returns an error (and rep, for
// its problems).
func (pr *program) selectPackages(pkgs []*packages.Package, patterns []string, rep *report.Report) (selection, error) {
	var good, partial []*packages.Package
	audited := map[*packages.Package]bool{}
	outside := 0
	mains := mainModulePaths(pkgs)
	for _, p := range pkgs {
		// Only the code of the main modules is audited: not the standard
		// library, not dependencies (vendored or not) named by a pattern.
		// A package the go command could not place in a module (a
		// directory whose name is no valid import path) is audited when
		// its path is below a main module's: its errors are reported.
		placed := p.Module != nil || p.PkgPath == "command-line-arguments"
		unplaced := !placed && len(p.Errors) > 0 && below(p.PkgPath, mains)
		if (p.Module != nil && !p.Module.Main) || (!placed && !unplaced) {
			outside++
			continue
		}
		audited[p] = true
	}
	broken := brokenClosures(pkgs) // the others have no problem
	reported := map[*packages.Package]bool{}
	for p := range broken {
		if audited[p] && !analysableDespiteImports(p, audited) {
			reported[p] = true
		}
	}
	for _, p := range pkgs {
		if !audited[p] {
			continue
		}
		if reported[p] {
			if msg := pr.packageProblem(p, audited, reported); msg != "" {
				kind := report.PackageProblem
				if excludedByConstraints(p) {
					kind = report.ExcludedPackage
				}
				inPart := kind == report.PackageProblem && !pr.excluded(p) && analysableInPart(p, audited)
				if inPart {
					msg += partialNote
					partial = append(partial, p)
				}
				rep.Problems = append(rep.Problems, report.Problem{Kind: kind, Package: p.PkgPath, Message: msg, Partial: inPart})
				continue
			}
		}
		if pr.excluded(p) {
			continue
		}
		good = append(good, p)
	}
	if len(good) > 0 || len(partial) > 0 {
		return selection{good, partial}, nil
	}
	if len(rep.Problems) > 0 {
		rep.Sort()
		if len(rep.Problems) == 1 {
			return selection{}, fmt.Errorf("%w: 1 package has errors", ErrNothingAnalysed)
		}
		return selection{}, fmt.Errorf("%w: %d packages have errors", ErrNothingAnalysed, len(rep.Problems))
	}
	if outside > 0 {
		return selection{}, fmt.Errorf("%w: %s matched only packages outside the main modules", ErrNoPackages, strings.Join(patterns, " "))
	}
	return selection{}, fmt.Errorf("%w: every package matched by %s is excluded by the policy", ErrNoPackages, strings.Join(patterns, " "))
}

// analysableDespiteImports reports whether p, which depends on a package
// with errors, is analysed all the same: its own code has complete types
// (it uses nothing the errors left without one), and every package with
// errors that it reaches is audited, so reported as a problem itself, and
// has errors of code being written (it does not parse or type-check), not
// of the build (an import cycle, a missing module: the go command's list
// errors). Only the broken package's facts are missing, and the report
// says it is incomplete; the package importing it keeps its routes,
// tables and decisions.
func analysableDespiteImports(p *packages.Package, audited map[*packages.Package]bool) bool {
	return engine.CompleteTypes(p) && onlyCodeErrors(p, audited)
}

// analysableInPart reports whether p, which has errors or uses what a
// dependency's errors left without a type, is analysed in part (see
// family.Family.Partial): its code parsed, at least in part, and every
// error it reaches is code being written in an audited package, not the
// build's (see analysableDespiteImports).
func analysableInPart(p *packages.Package, audited map[*packages.Package]bool) bool {
	return len(p.Syntax) > 0 && p.Types != nil && p.TypesInfo != nil && onlyCodeErrors(p, audited)
}

// onlyCodeErrors reports whether every package with errors that p
// reaches, p included, is audited (so reported as a problem itself) and
// has only parse and type errors.
func onlyCodeErrors(p *packages.Package, audited map[*packages.Package]bool) bool {
	ok := true
	packages.Visit([]*packages.Package{p}, func(q *packages.Package) bool {
		for _, e := range q.Errors {
			ok = ok && audited[q] && (e.Kind == packages.TypeError || e.Kind == packages.ParseError)
		}
		return ok
	}, nil)
	return ok
}

// excludedByConstraints reports whether p's only error is that the build
// constraints exclude all its Go files: no broken code, nothing to analyse
// under this build.
func excludedByConstraints(p *packages.Package) bool {
	if len(p.Errors) == 0 {
		return false
	}
	for _, e := range p.Errors {
		if e.Kind != packages.ListError || !strings.Contains(e.Msg, "build constraints exclude all Go files") {
			return false
		}
	}
	return true
}

// families are the rule families of an audit with their analyzers,
// configured by the policy.
type families struct {
	o        Options
	prog     *program
	settings family.Settings
	list     []family.Family
	byName   map[string][]*analysis.Analyzer // each family's analyzers
	all      []*analysis.Analyzer
	// partialGivesWay: the analyzers of a family with a whole-program
	// part, which re-decides with the whole program's evidence what the
	// per-package passes could only see in part: those partial findings
	// give way to the global ones.
	partialGivesWay map[*analysis.Analyzer]bool
	programs        map[string]*family.Program // see program
	history         *family.History            // nil without -history
	// eng was made before the packages were type-checked (see run); nil:
	// analyse makes it.
	eng *engine.Engine
}

// newFamilies returns the families of o configured for the main
// modules (paths); the program is set once known.
func newFamilies(o Options, modules []string) *families {
	f := &families{
		o: o, settings: o.Policy.Settings(modules), list: o.Families,
		byName: map[string][]*analysis.Analyzer{}, partialGivesWay: map[*analysis.Analyzer]bool{},
		programs: map[string]*family.Program{},
	}
	for _, fam := range o.Families {
		f.byName[fam.Name] = fam.New(f.settings)
		f.all = append(f.all, f.byName[fam.Name]...)
		if fam.Global != nil {
			for _, a := range f.byName[fam.Name] {
				f.partialGivesWay[a] = true
			}
		}
	}
	return f
}

// analysed is what the analyzers found on the analysed packages.
type analysed struct {
	results  map[string]map[*analysis.Analyzer]any // by package path
	findings []finding.Finding                     // from the per-package passes
	// partial are the results that rest on code with errors (see
	// engine.Engine.Partial), by package path: for the inventory only.
	partial map[string]map[*analysis.Analyzer]bool
	// withheld are the files where findings were left out for resting
	// on code with errors (placed or related there): a directive there
	// may be waiting for one.
	withheld map[string]bool
}

// analyse runs every family's analyzers on the selected packages through
// the engine (pkgs are all the packages loaded); those of sel.partial
// only the analyzers the families name in Partial. An analyzer that
// failed on a package analysed whole is a problem of the report.
func (f *families) analyse(ctx context.Context, pkgs []*packages.Package, sel selection, eo engine.Options, exeKey func() []byte, rep *report.Report) (analysed, error) {
	out := analysed{results: map[string]map[*analysis.Analyzer]any{}, partial: map[string]map[*analysis.Analyzer]bool{}, withheld: map[string]bool{}}
	if len(f.all) == 0 {
		return out, nil
	}
	eng := f.eng
	if eng != nil {
		if err := eng.Restrict(sel.all()); err != nil {
			return out, fmt.Errorf("running analyzers: %w", err)
		}
	} else {
		var err error
		if eng, err = f.newEngine(pkgs, sel.all(), eo, exeKey); err != nil {
			return out, fmt.Errorf("running analyzers: %w", err)
		}
	}
	if err := eng.Run(ctx); err != nil {
		if ierr := interrupted(ctx); ierr != nil {
			return out, ierr
		}
		return out, fmt.Errorf("running analyzers: %w", err)
	}
	for _, msg := range eng.Panics() {
		logf(f.o.Log, "%s", msg)
	}
	// Facts computed without a dependency's export data are incomplete:
	// the report says so, and is not cached (see cacheable).
	for _, msg := range eng.Unreadable() {
		path, why, _ := strings.Cut(msg, ": ")
		rep.Problems = append(rep.Problems, report.Problem{Kind: report.PackageProblem, Package: path,
			Message: "its export data could not be read (" + why + "): facts of the dependencies that import it are missing; run the audit again"})
	}
	inPart := map[*packages.Package]bool{}
	for _, p := range sel.partial {
		inPart[p] = true
	}
	for _, a := range f.all {
		for _, p := range sel.all() {
			result, err := eng.Outcome(p, a)
			if err != nil {
				// On a package analysed in part, what did not run for its
				// errors is no news; an analyzer that failed on it is.
				if !inPart[p] || !engine.SkippedForErrors(err) {
					rep.Problems = append(rep.Problems, report.Problem{Kind: report.PackageProblem, Package: p.PkgPath, Message: eng.Cause(p, a)})
				}
				continue
			}
			if out.results[p.PkgPath] == nil {
				out.results[p.PkgPath] = map[*analysis.Analyzer]any{}
			}
			out.results[p.PkgPath][a] = result
			if eng.Partial(p, a) {
				if out.partial[p.PkgPath] == nil {
					out.partial[p.PkgPath] = map[*analysis.Analyzer]bool{}
				}
				out.partial[p.PkgPath][a] = true
				if src, ok := result.(finding.Source); ok {
					for _, fd := range src.Findings() {
						f.noteWithheld(fd, out.withheld)
					}
				}
				continue
			}
			if src, ok := result.(finding.Source); ok {
				for _, fd := range src.Findings() {
					if !fd.Evidence.Partial || !f.partialGivesWay[a] {
						out.findings = append(out.findings, fd)
					}
				}
			}
		}
	}
	return out, nil
}

// newEngine returns the engine that runs the families' analyzers on
// roots, of the packages loaded.
func (f *families) newEngine(loaded, roots []*packages.Package, eo engine.Options, exeKey func() []byte) (*engine.Engine, error) {
	// The executable's key is computed while the packages load (see
	// Run), and only for a cache; without it, nothing is cached.
	if eo.Cache != nil {
		if eo.ExeKey = exeKey(); eo.ExeKey == nil {
			eo.Cache = nil
		}
	}
	eo.DespiteErrors = f.despiteErrors()
	return engine.New(f.all, loaded, roots, eo)
}

// despiteErrors returns the analyzers the families name in Partial.
func (f *families) despiteErrors() []*analysis.Analyzer {
	var out []*analysis.Analyzer
	for _, fam := range f.list {
		for _, a := range f.byName[fam.Name] {
			if slices.Contains(fam.Partial, a.Name) {
				out = append(out, a)
			}
		}
	}
	return out
}

// program is the whole-program view of one family: every analysed
// package with the results of that family's analyzers. With sound set,
// the results that rest on code with errors are left out, and so are the
// packages left with none: the evidence decisions may rest on. Without,
// the packages analysed in part count with what was found in them: the
// inventory, and the check that a decision does not stand only for lack
// of that evidence (see wholeProgram).
func (f *families) program(fam family.Family, sel selection, res analysed, modules []family.Module, sound bool) *family.Program {
	key := fmt.Sprintf("%s %t", fam.Name, sound && len(sel.partial) > 0)
	if p, ok := f.programs[key]; ok {
		return p
	}
	p := &family.Program{Fset: f.prog.fset, Settings: f.settings, Place: f.prog.resolver.Resolve, Modules: modules, Imports: f.prog.imports, History: f.history}
	for _, pkg := range sel.all() {
		r := map[*analysis.Analyzer]any{}
		left := slices.Contains(sel.partial, pkg) // not every analyzer ran on it, or one failed
		for _, a := range f.byName[fam.Name] {
			v, ok := res.results[pkg.PkgPath][a]
			switch {
			case !ok:
			case !sound || !res.partial[pkg.PkgPath][a]:
				r[a] = v
			default:
				left = true // a result left out of this view
			}
		}
		if len(r) == 0 && left {
			continue // nothing of the package for this view
		}
		p.Packages = append(p.Packages, &family.Package{Path: pkg.PkgPath, Module: f.prog.resolver.Resolve(pkg.PkgPath).Module, Results: r})
	}
	sort.Slice(p.Packages, func(a, b int) bool { return p.Packages[a].Path < p.Packages[b].Path })
	f.programs[key] = p
	return p
}

// partialFiles returns the files of the packages where one of fam's
// results is partial (analysed in part, or reading facts of such a
// package), by the names the file set gives them (fset.File: the file
// parsed, whatever its //line directives say; cgo's generated file).
func (f *families) partialFiles(fam family.Family, sel selection, res analysed) map[string]bool {
	files := map[string]bool{}
	for _, p := range sel.all() {
		for _, a := range f.byName[fam.Name] {
			if res.partial[p.PkgPath][a] {
				for _, name := range p.CompiledGoFiles {
					files[name] = true
				}
				break
			}
		}
	}
	return files
}

// touches reports whether a finding is placed, or has a related location,
// in one of files (see partialFiles).
func (f *families) touches(fd finding.Finding, files map[string]bool) bool {
	in := func(pos token.Pos) bool {
		tf := f.prog.fset.File(pos)
		return tf != nil && files[tf.Name()]
	}
	if in(fd.Pos) {
		return true
	}
	for _, r := range fd.Related {
		if in(r.Pos) {
			return true
		}
	}
	return false
}

// findingKey identifies a whole-program finding across the two views of a
// program: its rule and subject (or, without one, its position).
func (f *families) findingKey(fd finding.Finding) string {
	if fd.Subject != "" {
		return fd.Rule + "\x00" + fd.Subject
	}
	pos := f.prog.fset.Position(fd.Pos)
	return fmt.Sprintf("%s\x00%s:%d", fd.Rule, pos.Filename, pos.Line)
}

// globalFindings returns fam's whole-program findings. With packages
// analysed in part, a decision stands only when it holds both without
// what was found in them (the sound view: partial evidence neither adds
// nor inflates a decision) and with it (a decision that arose only for
// lack of their evidence — a composition root, a reader, an interface
// that is there — waits too), is taken as the sound view has it, and is
// neither placed nor related in a package with partial results. The
// findings withheld are noted in withheld (their files), for the
// directives waiting for them.
func (f *families) globalFindings(fam family.Family, sel selection, res analysed, modules []family.Module, withheld map[string]bool) []finding.Finding {
	sound := fam.Global(f.program(fam, sel, res, modules, true))
	if len(sel.partial) == 0 {
		return sound
	}
	whole := map[string]bool{}
	for _, fd := range fam.Global(f.program(fam, sel, res, modules, false)) {
		whole[f.findingKey(fd)] = true
	}
	files := f.partialFiles(fam, sel, res)
	var out []finding.Finding
	for _, fd := range sound {
		if whole[f.findingKey(fd)] && !f.touches(fd, files) {
			out = append(out, fd)
			continue
		}
		f.noteWithheld(fd, withheld)
	}
	return out
}

// noteWithheld adds the files of a finding withheld for resting on code
// with errors to withheld (by the names directives are read under).
func (f *families) noteWithheld(fd finding.Finding, withheld map[string]bool) {
	withheld[f.prog.fset.Position(fd.Pos).Filename] = true
	for _, r := range fd.Related {
		withheld[f.prog.fset.Position(r.Pos).Filename] = true
	}
}

// wholeProgram runs the families' whole-program parts: their global
// findings, and their inventories into rep.
func (f *families) wholeProgram(ctx context.Context, sel selection, res analysed, rep *report.Report) ([]finding.Finding, []family.Metrics, error) {
	modules := f.prog.moduleInfo(ctx, sel.all())
	if err := interrupted(ctx); err != nil {
		return nil, nil, err // the git tags may be missing
	}
	var global []finding.Finding
	for _, fam := range f.list {
		if fam.Global != nil {
			global = append(global, f.globalFindings(fam, sel, res, modules, res.withheld)...)
		}
	}
	var metrics []family.Metrics
	for _, fam := range f.list {
		if fam.Inventory == nil {
			continue
		}
		inv := fam.Inventory(f.program(fam, sel, res, modules, false))
		for _, t := range inv.Tables {
			rep.Inventory.Tables = append(rep.Inventory.Tables, f.prog.table(t))
		}
		for _, r := range inv.Routes {
			rep.Inventory.Routes = append(rep.Inventory.Routes, f.prog.route(r))
		}
		for _, p := range inv.ProtoPackages {
			rep.Inventory.ProtoPackages = append(rep.Inventory.ProtoPackages, f.prog.proto(p))
		}
		for _, d := range inv.Dependencies {
			rep.Inventory.Dependencies = append(rep.Inventory.Dependencies, report.Edge{From: d.From, To: d.To, Sites: d.Sites, Packages: d.Packages})
		}
		metrics = append(metrics, inv.Metrics...)
	}
	return global, metrics, nil
}

// decide weighs the per-package and global findings against the policy
// into rep's decisions, applies the directives, and completes the
// report: components with their metrics, offending edges, order,
// numbering.
func (f *families) decide(rep *report.Report, res analysed, global []finding.Finding, directives fileDirectives, metrics []family.Metrics, sel selection) {
	rules := map[string]finding.Rule{}
	for _, fam := range f.list {
		for _, r := range fam.Rules {
			rules[r.ID] = r
		}
	}
	churn := f.churnCounter()
	for i, fs := range [][]finding.Finding{res.findings, global} {
		for _, fd := range fs {
			fd.Evidence.Churn = churn(fd)
			if d, ok := f.prog.decide(f.o.Policy, rules, fd, i == 1); ok {
				rep.Decisions = append(rep.Decisions, d)
			}
		}
	}
	rep.Problems = append(rep.Problems, f.prog.accept(rep.Decisions, directives, f.o.Policy, rules, res.withheld)...)
	rep.Components = f.prog.components(sel.all(), f.o.Policy)
	attachMetrics(rep.Components, metrics)
	markOffending(rep.Inventory.Dependencies, rep.Decisions)
	rep.Summary.Packages = len(sel.good) + len(sel.partial)
	rep.Sort()
	number(rep.Decisions)
}
