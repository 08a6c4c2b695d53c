package engine

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/cache"
)

// An Engine runs the analyzers over the loaded packages with the
// semantics of golang.org/x/tools/go/analysis/checker (the same results,
// facts, failed prerequisites and error messages), but it does not need
// every dependency type-checked from source:
//
//   - The analysed packages (and any other package the patterns matched)
//     come with syntax and types from go/packages; their dependencies
//     come from export data, as for any compiler.
//   - Analyzers that use facts must also run on the dependencies, whose
//     facts the analysed packages import. A dependency's facts are a
//     function of its source and of its own dependencies' facts only, so
//     the engine computes them one package at a time — parsing and
//     type-checking that package against its imports' export data,
//     running the fact analyzers, and moving the facts onto the objects
//     the analysed packages see (by object path, as go vet does) — and
//     keeps them in a content-addressed cache (see deps.go).
//   - Only the results of the requested analyzers on the analysed
//     packages are kept; helpers' results (an inspector per package) are
//     dropped as soon as their package is done.
//
// Packages are processed in dependency order by a pool of GOMAXPROCS
// workers.
type Engine struct {
	fset      *token.FileSet
	analyzers []*analysis.Analyzer // every analyzer, requirements first
	index     map[*analysis.Analyzer]int
	requested []bool // by index: a result the caller wants on the analysed packages
	despite   []bool // by index: runs on analysed packages with errors (see Options.DespiteErrors)
	onDeps    []bool // by index: runs on dependencies (a fact analyzer or a requirement of one)
	depList   []int  // indexes of the analyzers that run on dependencies, in order

	units   []*unit
	byPkg   map[*packages.Package]*unit
	byTypes map[*types.Package]*unit

	cache    *cache.Cache // nil: no cache
	exeKey   []byte       // identifies the executable (the analyzers' code)
	codeOnce sync.Once
	code     []byte               // see codeKey
	logf     func(string, ...any) // nil: no log
	keep     bool                 // see Options
	limit    bool                 // see Options
	texts    *TextScan            // see Options
	goroots  goroots              // see immutableIdentity

	lookOnce sync.Once // see lookUp

	reached *family.Memo // while processAll works: the parsed checks' (see possibleParsed)

	spent []atomic.Int64 // time in each analyzer (by index), all packages together

	unreadableMu sync.Mutex
	unreadable   map[string]string // see Unreadable

	stats struct {
		hits, misses, completed, withFacts, skipped, narrowed, unchecked, unparsed, textsAhead atomic.Int64
	}
}

// unit is one package of the graph.
type unit struct {
	pkg     *packages.Package
	root    bool // analysed: every analyzer runs on it
	initial bool // matched by the patterns: loaded from source with function bodies
	// imports are the package's imports in the graph, in the order of
	// their import paths (checker's order, which error messages follow).
	imports []*unit

	acts  []action // by analyzer index
	facts factSet  // facts about the package's objects (as the analysed packages see them)
	// partial: an analysed package whose own code has errors (see
	// Options.DespiteErrors); partialFacts the fact types whose facts
	// on it rest on code with errors, its own or an import's.
	partial      bool
	partialFacts map[reflect.Type]bool

	factsOnce sync.Once
	factUnits []*unit // see withPackageFacts

	hidden     []depObjectFact // see hiddenFacts
	hiddenOnce sync.Once
	hiddenObjs []analysis.ObjectFact

	// run are the analyzers that must run on a dependency (see plan),
	// reach which fact analyzers' scopes it is in, imports included.
	run   []int
	reach []bool
	// narrowed is set once fewer analyzers run than planned, the
	// others found impossible (see narrow); checked once the dependency
	// is type-checked from source (see runDependency); skeletal when its
	// facts were declared from its files' tokens, not parsed (see
	// skeleton).
	narrowed, checked, skeletal bool
	// early: processed by Early, on types of its own (see ownTypes);
	// earlyEntry: entry holds the facts Early found or computed, which
	// Run gives the loader's types.
	early, earlyEntry bool

	key    cache.Key // content key of a dependency (see deps.go)
	hasKey bool
	entry  *depEntry // the cached facts of a dependency, if found
}

// action is the outcome of one analyzer on one package.
type action struct {
	result      any
	err         error
	diagnostics []analysis.Diagnostic
	partial     bool // the result rests on code with errors (see Partial)
}

// factSet holds the facts of one package.
type factSet struct {
	obj map[objectFactKey]analysis.Fact
	pkg map[reflect.Type]analysis.Fact
	// mu guards the maps while the package's analyzers run, some at
	// once (see execAll); they are only read once they did.
	mu *sync.RWMutex
}

type objectFactKey struct {
	obj types.Object
	typ reflect.Type
}

func newFactSet() factSet {
	return factSet{obj: map[objectFactKey]analysis.Fact{}, pkg: map[reflect.Type]analysis.Fact{}, mu: new(sync.RWMutex)}
}

// LoadMode is what an Engine needs of go/packages: syntax and types of
// the packages to analyse, export data of their dependencies (whose files
// are read only to compute their facts). Load gives it without building
// the packages to analyse.
const LoadMode = packages.LoadSyntax | packages.NeedModule | packages.NeedExportFile

// Options configure an Engine.
type Options struct {
	// Cache holds dependencies' facts; nil: none.
	Cache *cache.Cache
	// Logf logs what the engine did (-v); nil: nothing.
	Logf func(format string, args ...any)
	// ExeKey identifies the analyzers' code in cache keys (see
	// ExecutableKey).
	ExeKey []byte
	// Keep keeps the analysed packages' syntax and type information,
	// which the engine otherwise lets go of (benchmarks analyse one load
	// many times).
	Keep bool
	// LimitMemory bounds the memory of the analysis (memory.go), and of
	// the work Early returns.
	LimitMemory bool
	// Texts, if set, is what was read of the dependencies' files ahead
	// (see ScanTexts); the engine stops it when it chooses the
	// dependencies to analyse.
	Texts *TextScan
	// DespiteErrors are analyzers that also run, with the analyzers
	// they require, on an analysed package whose own code has errors
	// (parse or type errors: partial syntax and types), as if they had
	// RunDespiteErrors: their results there, and the results of any
	// analyzer that reads facts they found there, are partial (see
	// Partial). The analyzers' own RunDespiteErrors is left as it is for
	// the drivers that do not ask for partial results.
	DespiteErrors []*analysis.Analyzer
}

// New prepares the analysis of roots with the requested
// analyzers. loaded are the packages go/packages returned (every package
// the patterns matched, loaded from source); roots are those to analyse.
func New(requested []*analysis.Analyzer, loaded, roots []*packages.Package, opts Options) (*Engine, error) {
	if err := analysis.Validate(requested); err != nil {
		return nil, err
	}
	e := &Engine{
		index:   map[*analysis.Analyzer]int{},
		byPkg:   map[*packages.Package]*unit{},
		byTypes: map[*types.Package]*unit{},
		cache:   opts.Cache,
		exeKey:  opts.ExeKey,
		logf:    opts.Logf,
		keep:    opts.Keep,
		limit:   opts.LimitMemory,
		texts:   opts.Texts,
	}
	e.analyzers = withRequirements(requested)
	for i, a := range e.analyzers {
		e.index[a] = i
	}
	e.requested = make([]bool, len(e.analyzers))
	e.spent = make([]atomic.Int64, len(e.analyzers))
	for _, a := range requested {
		e.requested[e.index[a]] = true
	}
	e.despite = make([]bool, len(e.analyzers))
	var despite func(a *analysis.Analyzer)
	despite = func(a *analysis.Analyzer) {
		if i, ok := e.index[a]; ok && !e.despite[i] {
			e.despite[i] = true
			for _, r := range a.Requires {
				despite(r)
			}
		}
	}
	for _, a := range opts.DespiteErrors {
		despite(a)
	}
	e.onDeps = make([]bool, len(e.analyzers))
	var mark func(a *analysis.Analyzer)
	mark = func(a *analysis.Analyzer) {
		if e.onDeps[e.index[a]] {
			return
		}
		e.onDeps[e.index[a]] = true
		for _, r := range a.Requires {
			mark(r)
		}
	}
	for _, a := range e.analyzers {
		if len(a.FactTypes) > 0 {
			mark(a)
		}
	}
	for i, on := range e.onDeps {
		if on {
			e.depList = append(e.depList, i)
		}
	}

	initial := map[*packages.Package]bool{}
	for _, p := range loaded {
		initial[p] = true
	}
	var add func(p *packages.Package) *unit
	add = func(p *packages.Package) *unit {
		if u, ok := e.byPkg[p]; ok {
			return u
		}
		u := &unit{pkg: p, initial: initial[p], acts: make([]action, len(e.analyzers)), facts: newFactSet()}
		e.byPkg[p] = u
		if p.Types != nil {
			e.byTypes[p.Types] = u
		}
		// Without fact analyzers no package needs another: the
		// dependencies are not part of the graph.
		if len(e.depList) > 0 {
			paths := make([]string, 0, len(p.Imports))
			for path := range p.Imports {
				paths = append(paths, path)
			}
			sort.Strings(paths)
			for _, path := range paths {
				imp := add(p.Imports[path])
				u.imports = append(u.imports, imp)
			}
		}
		e.units = append(e.units, u) // in postorder: imports first
		return u
	}
	for _, p := range roots {
		add(p).root = true
	}
	if len(roots) > 0 {
		e.fset = roots[0].Fset
	}
	return e, nil
}

// deps returns the actions the action of analyzer i on u waits for, in
// the checker's order: the analyzer's requirements on the same package,
// then, for an analyzer with facts, itself on each import.
func (e *Engine) deps(u *unit, i int) []actRef {
	a := e.analyzers[i]
	var out []actRef
	for _, r := range a.Requires {
		out = append(out, actRef{u, e.index[r]})
	}
	if len(a.FactTypes) > 0 {
		for _, imp := range u.imports {
			out = append(out, actRef{imp, i})
		}
	}
	return out
}

type actRef struct {
	u *unit
	i int
}

// Run analyses every package; a dependency Early processed gets the
// facts it found. It fails only when ctx is done.
func (e *Engine) Run(ctx context.Context) error {
	start := time.Now()
	e.prepareDeps()
	prepared := time.Now()
	// The bound is taken once the dependencies' export data is complete
	// (prepareDeps): what each dependency computed from source adds is
	// garbage once its facts are out, and the collector's own pacing
	// would let the heap grow to twice what is live. On the first audit
	// of nomad and gitness the bound made the peak 0.61× and 0.76× for
	// 1.10× and 1.05× the time (docs/performance.md).
	if e.limit {
		defer limitAnalysisMemory()()
	}

	e.processAll(ctx, e.units)
	if err := ctx.Err(); err != nil {
		return err
	}
	e.log("analysed %d packages and %d dependencies in %v (dependencies: %v preparing; %d need no facts; facts of %d from the cache (%d with facts), %d computed (%d with fewer analyzers once parsed or type-checked, %d not type-checked, %d not parsed), %d export data completed)",
		e.count(true), e.count(false), time.Since(start).Round(time.Millisecond), prepared.Sub(start).Round(time.Millisecond),
		e.stats.skipped.Load(), e.stats.hits.Load(), e.stats.withFacts.Load(), e.stats.misses.Load(), e.stats.narrowed.Load(), e.stats.unchecked.Load(), e.stats.unparsed.Load(), e.stats.completed.Load())
	if e.logf != nil {
		spent := e.timeSpent()
		names := make([]string, 0, len(spent))
		for n := range spent {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool { return spent[names[i]] > spent[names[j]] })
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, " %s %v", n, spent[n].Round(time.Millisecond))
		}
		e.log("time in analyzers (all cores):%s", b.String())
	}
	return nil
}

func (e *Engine) log(format string, args ...any) {
	if e.logf != nil {
		e.logf(format, args...)
	}
}

// timeSpent returns the time spent in each analyzer, by name, on every
// package (on several cores at once: the sum exceeds the wall time).
func (e *Engine) timeSpent() map[string]time.Duration {
	out := map[string]time.Duration{}
	for i, a := range e.analyzers {
		out[a.Name] += time.Duration(e.spent[i].Load())
	}
	return out
}

func (e *Engine) count(roots bool) int {
	n := 0
	for _, u := range e.units {
		if u.root == roots {
			n++
		}
	}
	return n
}

// weight estimates what processing u costs, for the order of the units
// ready: analysing its source (a package analysed, a dependency whose
// facts are computed) by its files; a dependency's facts from the cache,
// or none to find, cost next to nothing.
func (e *Engine) weight(u *unit) int64 {
	if u.root || u.initial || u.entry == nil && len(u.run) > 0 && u.pkg.PkgPath != "unsafe" {
		return int64(len(u.pkg.CompiledGoFiles)) + 1
	}
	return 1
}

// withRequirements returns the analyzers and those they require,
// directly or not, each once, requirements first (analysis.Validate
// rejected cycles).
func withRequirements(analyzers []*analysis.Analyzer) []*analysis.Analyzer {
	var out []*analysis.Analyzer
	seen := map[*analysis.Analyzer]bool{}
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		for _, r := range a.Requires {
			visit(r)
		}
		out = append(out, a)
	}
	for _, a := range analyzers {
		visit(a)
	}
	return out
}

// processAll processes units in dependency order (an import not among
// them is done already), until ctx is done.
func (e *Engine) processAll(ctx context.Context, units []*unit) {
	// What the parsed checks find of their imports' types, for the units
	// processed now, on the same types (Early's own, or the loader's).
	e.reached = family.NewMemo()
	defer func() { e.reached = nil }()
	inDependencyOrder(units, func(u *unit) []*unit { return u.imports }, e.weight, func(u *unit) {
		if ctx.Err() == nil {
			e.process(u)
		}
	})
}

// process runs the analyzers on one unit.
func (e *Engine) process(u *unit) {
	switch {
	case u.root:
		src := sourceOf(u.pkg)
		// A package analysed whose own code has complete types runs every
		// analyzer even when an import has errors: that import has no
		// facts, as a package outside every fact scope has none.
		src.illTyped = src.illTyped && !CompleteTypes(u.pkg)
		u.partial = src.illTyped
		e.runSource(u, e.all(), src)
	case u.initial:
		e.runSource(u, e.depList, sourceOf(u.pkg))
	default:
		e.runDependency(u)
	}
}

func (e *Engine) all() []int {
	out := make([]int, len(e.analyzers))
	for i := range out {
		out[i] = i
	}
	return out
}

// errIllTyped: an analyzer without RunDespiteErrors does not run on a
// package with errors in it or below it.
var errIllTyped = errors.New("analysis skipped due to errors in package")

// SkippedForErrors reports whether err (from Outcome) says the analyzer
// did not run for errors in the package's code, rather than that it
// failed.
func SkippedForErrors(err error) bool { return errors.Is(err, errIllTyped) }

// CompleteTypes reports whether p's own code type-checked without error
// and nothing it uses has an invalid type: a package whose imports have
// errors, but which uses nothing of theirs that the errors left without
// a type, has all of its own types.
func CompleteTypes(p *packages.Package) bool {
	if len(p.Errors) > 0 || len(p.TypeErrors) > 0 || p.Types == nil || p.TypesInfo == nil {
		return false
	}
	for _, tv := range p.TypesInfo.Types {
		// A built-in whose call is a constant (len of a constant string)
		// keeps the invalid type: it has no signature of its own.
		if invalid(tv.Type) && !tv.IsBuiltin() {
			return false
		}
	}
	for _, m := range []map[*ast.Ident]types.Object{p.TypesInfo.Defs, p.TypesInfo.Uses} {
		for _, obj := range m {
			switch obj.(type) {
			case nil, *types.PkgName, *types.Label, *types.Builtin:
				continue // no type of their own
			}
			if invalid(obj.Type()) {
				return false
			}
		}
	}
	return true
}

// invalid reports whether t is or holds the invalid type (a named type is
// not looked into: using one is no use of its invalid parts).
func invalid(t types.Type) bool {
	switch t := t.(type) {
	case nil:
		return true
	case *types.Basic:
		return t.Kind() == types.Invalid
	case *types.Pointer:
		return invalid(t.Elem())
	case *types.Slice:
		return invalid(t.Elem())
	case *types.Array:
		return invalid(t.Elem())
	case *types.Map:
		return invalid(t.Key()) || invalid(t.Elem())
	case *types.Chan:
		return invalid(t.Elem())
	case *types.Tuple:
		for v := range t.Variables() {
			if invalid(v.Type()) {
				return true
			}
		}
	case *types.Signature:
		return invalid(t.Params()) || invalid(t.Results())
	}
	return false
}

// source is the syntax and types an analyzer sees of a package.
type source struct {
	files      []*ast.File
	pkg        *types.Package
	info       *types.Info
	typeErrors []types.Error
	illTyped   bool
}

func sourceOf(p *packages.Package) source {
	return source{files: p.Syntax, pkg: p.Types, info: p.TypesInfo, typeErrors: p.TypeErrors, illTyped: p.IllTyped}
}

// runSource runs the analyzers (indexes, in order) on src, the package
// of u as go/packages loaded it, keeping only the results asked for.
func (e *Engine) runSource(u *unit, list []int, src source) {
	e.execAll(u, list, src, u.facts)
	for _, i := range list {
		e.notePartial(u, i)
	}
	for i := range u.acts {
		if !u.root || !e.requested[i] {
			u.acts[i].result = nil
		}
	}
	// Nothing reads a package's syntax and type information after its
	// analyzers ran (results keep what they need of them; directives
	// were read before): let go of what loading kept in memory.
	if !e.keep {
		u.pkg.TypesInfo = nil
		u.pkg.Syntax = nil
	}
}

// execAll runs the analyzers list (requirements first) on u, each as soon
// as those it requires did, several at once: a package that many others
// import (the last of a chain, a command importing every component, a
// large dependency) is not analysed on one core while the others wait
// for it.
func (e *Engine) execAll(u *unit, list []int, src source, own factSet) {
	done := make([]chan struct{}, len(e.analyzers))
	for _, i := range list {
		done[i] = make(chan struct{})
	}
	var wg sync.WaitGroup
	for _, i := range list {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(done[i])
			for _, r := range e.analyzers[i].Requires {
				if c := done[e.index[r]]; c != nil {
					<-c
				}
			}
			e.exec(u, i, src, own)
		}()
	}
	wg.Wait()
}

// notePartial marks the facts of analyzer i on u as resting on code with
// errors when its result does (see Partial), for the importers that read
// them, and reports whether it does.
func (e *Engine) notePartial(u *unit, i int) bool {
	if !u.acts[i].partial {
		return false
	}
	for _, f := range e.analyzers[i].FactTypes {
		if u.partialFacts == nil {
			u.partialFacts = map[reflect.Type]bool{}
		}
		u.partialFacts[reflect.TypeOf(f)] = true
	}
	return true
}

// exec runs analyzer i on u, seeing src, with own holding the facts of
// src's package.
func (e *Engine) exec(u *unit, i int, src source, own factSet) {
	a := e.analyzers[i]
	act := &u.acts[i]
	var failed []string
	skipped := true // every failure is a requirement skipped on this package
	for _, d := range e.deps(u, i) {
		err := d.u.acts[d.i].err
		if err == nil || d.u != u && (errors.Is(err, errIllTyped) || d.u.partial) {
			// An import with errors has no facts (see process), nor
			// one analysed in part on which the analyzer failed: the
			// audit reports that failure with it.
			continue
		}
		failed = append(failed, fmt.Sprintf("%s@%s", e.analyzers[d.i], d.u.pkg))
		skipped = skipped && errors.Is(err, errIllTyped)
	}
	if failed != nil && skipped {
		act.err = errIllTyped // for this package's errors, as its requirement
		return
	}
	if failed != nil {
		sort.Strings(failed)
		act.err = fmt.Errorf("failed prerequisites: %s", strings.Join(failed, ", "))
		return
	}
	despite := a.RunDespiteErrors || u.partial && e.despite[i]
	if src.illTyped && !despite {
		act.err = errIllTyped
		return
	}
	// The result is partial when the package's code has errors, when a
	// requirement's result is, and when the analyzer reads a fact found
	// in code with errors (see newPass).
	var partial atomic.Bool
	partial.Store(u.partial)
	inputs := make(map[*analysis.Analyzer]any, len(a.Requires))
	for _, r := range a.Requires {
		inputs[r] = u.acts[e.index[r]].result
		if u.acts[e.index[r]].partial {
			partial.Store(true)
		}
	}
	defer func() { act.partial = partial.Load() }()
	pass := e.newPass(u, a, src, own, inputs, &partial)
	pass.Report = func(d analysis.Diagnostic) {
		if u.root { // a dependency's are nobody's concern, as under the checker
			act.diagnostics = append(act.diagnostics, d)
		}
	}
	t0 := time.Now()
	res, err := runGuarded(a, pass)
	e.spent[i].Add(int64(time.Since(t0)))
	if err == nil {
		if got, want := reflect.TypeOf(res), a.ResultType; got != want {
			err = fmt.Errorf("internal error: on package %s, analyzer %s returned a result of type %v, but declared ResultType %v",
				pass.Pkg.Path(), a, got, want)
			res = nil
		}
	}
	pass.ExportObjectFact = nil
	pass.ExportPackageFact = nil
	act.result, act.err = res, err
}

// moduleOf returns the module of p as a pass names it (with no path
// when p has none).
func moduleOf(p *packages.Package) *analysis.Module {
	if m := p.Module; m != nil {
		return &analysis.Module{Path: m.Path, Version: m.Version, GoVersion: m.GoVersion}
	}
	return &analysis.Module{}
}

// newPass builds the pass of a on src, the package of u (or, for a
// dependency analysed from source, its own type-checked copy).
func (e *Engine) newPass(u *unit, a *analysis.Analyzer, src source, own factSet, inputs map[*analysis.Analyzer]any, partial *atomic.Bool) *analysis.Pass {
	p := u.pkg
	module := moduleOf(p)
	owns := func(t reflect.Type) bool {
		for _, f := range a.FactTypes {
			if reflect.TypeOf(f) == t {
				return true
			}
		}
		return false
	}
	// set returns the facts of the package holding an object or a
	// package as src sees it, and its unit (nil for src's own).
	set := func(pkg *types.Package) (factSet, *unit, bool) {
		if pkg == src.pkg {
			return own, nil, true
		}
		if v, ok := e.byTypes[pkg]; ok && v != u {
			return v.facts, v, true
		}
		return factSet{}, nil, false
	}
	// read notes that a fact of type t found on v was read: one found
	// in code with errors makes the result partial.
	read := func(v *unit, t reflect.Type) {
		if v != nil && (v.partial || v.partialFacts[t]) {
			partial.Store(true)
		}
	}
	pass := &analysis.Pass{
		Analyzer:     a,
		Fset:         p.Fset,
		Files:        src.files,
		OtherFiles:   p.OtherFiles,
		IgnoredFiles: p.IgnoredFiles,
		Pkg:          src.pkg,
		TypesInfo:    src.info,
		TypesSizes:   p.TypesSizes,
		TypeErrors:   src.typeErrors,
		Module:       module,
		ResultOf:     inputs,
	}
	if pass.Fset == nil {
		pass.Fset = e.fset
	}
	pass.ReadFile = func(name string) ([]byte, error) {
		if slices.Contains(pass.OtherFiles, name) || slices.Contains(pass.IgnoredFiles, name) {
			return os.ReadFile(name)
		}
		for _, f := range pass.Files {
			if tf := pass.Fset.File(f.FileStart); tf != nil && tf.Name() == name {
				return os.ReadFile(name)
			}
		}
		return nil, fmt.Errorf("Pass.ReadFile: %s is not among OtherFiles, IgnoredFiles, or names of Files", name)
	}
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		if obj == nil {
			panic("nil object")
		}
		t := factType(ptr)
		if !owns(t) || obj.Pkg() == nil {
			return false
		}
		if obj.Pkg() != src.pkg {
			v, ok := e.importedFact(u, obj, ptr)
			if ok {
				read(v, t)
			}
			return ok
		}
		own.mu.RLock()
		f, ok := own.obj[objectFactKey{obj, t}]
		own.mu.RUnlock()
		if ok {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ExportObjectFact = func(obj types.Object, fact analysis.Fact) {
		if obj.Pkg() != src.pkg {
			panic(fmt.Sprintf("internal error: in analysis %s of package %s: Fact.Set(%s, %T): can't set facts on objects belonging another package", a, p, obj, fact))
		}
		own.mu.Lock()
		own.obj[objectFactKey{obj, factType(fact)}] = fact
		own.mu.Unlock()
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		if pkg == nil {
			panic("nil package")
		}
		t := factType(ptr)
		if !owns(t) {
			return false
		}
		s, v, ok := set(pkg)
		if !ok {
			return false
		}
		if v == nil {
			own.mu.RLock()
		}
		f, ok := s.pkg[t]
		if v == nil {
			own.mu.RUnlock()
		}
		if ok {
			read(v, t)
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
		}
		return ok
	}
	pass.ExportPackageFact = func(fact analysis.Fact) {
		own.mu.Lock()
		own.pkg[factType(fact)] = fact
		own.mu.Unlock()
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		own.mu.RLock()
		for t, f := range own.pkg {
			if owns(t) {
				out = append(out, analysis.PackageFact{Package: src.pkg, Fact: f})
			}
		}
		own.mu.RUnlock()
		for _, v := range u.withPackageFacts() {
			for t, f := range v.facts.pkg {
				if owns(t) {
					read(v, t)
					out = append(out, analysis.PackageFact{Package: v.pkg.Types, Fact: f})
				}
			}
		}
		return out
	}
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		own.mu.RLock()
		for k, f := range own.obj {
			if owns(k.typ) {
				out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
			}
		}
		own.mu.RUnlock()
		direct := map[*unit]bool{}
		for _, imp := range u.imports {
			direct[imp] = true
		}
		// The checker passes a fact on from a package to its importer
		// only for objects the importer may see (exportedFrom): the facts
		// about plain functions and variables reach direct importers only.
		for _, v := range u.closure() {
			for k, f := range v.facts.obj {
				if owns(k.typ) && exportedFrom(k.obj, v.pkg.Types) && (direct[v] || visibleThrough(k.obj)) {
					read(v, k.typ)
					out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
				}
			}
			for _, of := range v.hiddenFacts(e) {
				if owns(reflect.TypeOf(of.Fact)) {
					read(v, reflect.TypeOf(of.Fact))
					out = append(out, of)
				}
			}
		}
		return out
	}
	return pass
}

// withPackageFacts returns the packages u depends on, directly or not,
// that have package facts. It must be called only once u's imports are
// done; it is computed once.
func (u *unit) withPackageFacts() []*unit {
	u.factsOnce.Do(func() {
		var seen map[*unit]bool
		add := func(v *unit) {
			if seen == nil {
				seen = map[*unit]bool{}
			}
			if !seen[v] {
				seen[v] = true
				u.factUnits = append(u.factUnits, v)
			}
		}
		for _, imp := range u.imports {
			if len(imp.facts.pkg) > 0 {
				add(imp)
			}
			for _, v := range imp.withPackageFacts() {
				add(v)
			}
		}
	})
	return u.factUnits
}

// addClosure adds u and the packages it depends on, directly or not,
// to set.
func addClosure(set map[*unit]bool, u *unit) {
	if set[u] {
		return
	}
	set[u] = true
	for _, imp := range u.imports {
		addClosure(set, imp)
	}
}

// closure returns the packages u depends on, directly or not.
func (u *unit) closure() []*unit {
	seen := map[*unit]bool{}
	var out []*unit
	var walk func(v *unit)
	walk = func(v *unit) {
		for _, imp := range v.imports {
			if !seen[imp] {
				seen[imp] = true
				out = append(out, imp)
				walk(imp)
			}
		}
	}
	walk(u)
	return out
}

// factType returns the type of a fact, which must be a pointer.
func factType(fact analysis.Fact) reflect.Type {
	t := reflect.TypeOf(fact)
	if t.Kind() != reflect.Pointer {
		panic(fmt.Sprintf("invalid Fact type: got %T, want pointer", fact))
	}
	return t
}

// exportedFrom reports whether obj may be visible to a package that
// imports pkg (the rule of go/analysis/checker).
func exportedFrom(obj types.Object, pkg *types.Package) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Exported() && obj.Pkg() == pkg || obj.Signature().Recv() != nil
	case *types.Var:
		if obj.IsField() {
			return true
		}
		return obj.Pkg() == pkg
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// visibleThrough reports whether facts about obj pass through packages
// other than its own (exportedFrom with any other package).
func visibleThrough(obj types.Object) bool {
	switch obj := obj.(type) {
	case *types.Func:
		return obj.Signature().Recv() != nil
	case *types.Var:
		return obj.IsField()
	case *types.TypeName, *types.Const:
		return true
	}
	return false
}

// Partial reports whether the result of analyzer a on the analysed
// package p rests on code with errors: p's own (it ran despite them, see
// Options.DespiteErrors), or a package's whose facts it read, directly or
// through other facts.
func (e *Engine) Partial(p *packages.Package, a *analysis.Analyzer) bool {
	return e.byPkg[p].acts[e.index[a]].partial
}

// Outcome returns the result of analyzer a on the analysed package p,
// or its error (see Cause).
func (e *Engine) Outcome(p *packages.Package, a *analysis.Analyzer) (result any, err error) {
	act := e.byPkg[p].acts[e.index[a]]
	return act.result, act.err
}

// Program returns the whole-program view of the analysers' results on
// the analysed packages pkgs (family.Program): the file set and, sorted
// by path, each package with its module and the results of as. Settings
// and Place are the caller's. An analyzer that failed on a package is an
// error.
func (e *Engine) Program(pkgs []*packages.Package, as []*analysis.Analyzer) (*family.Program, error) {
	prog := &family.Program{}
	for _, p := range pkgs {
		if prog.Fset == nil {
			prog.Fset = p.Fset
		}
		fp := &family.Package{Path: p.PkgPath, Results: map[*analysis.Analyzer]any{}}
		if p.Module != nil {
			fp.Module = p.Module.Path
		}
		for _, a := range as {
			res, err := e.Outcome(p, a)
			if err != nil {
				return nil, fmt.Errorf("%s on %s: %w", a.Name, p.PkgPath, err)
			}
			fp.Results[a] = res
		}
		prog.Packages = append(prog.Packages, fp)
	}
	slices.SortFunc(prog.Packages, func(a, b *family.Package) int { return strings.Compare(a.Path, b.Path) })
	return prog, nil
}

// Diagnostics returns the diagnostics analyzer a reported on the
// analysed package p, in the order reported.
func (e *Engine) Diagnostics(p *packages.Package, a *analysis.Analyzer) []analysis.Diagnostic {
	return e.byPkg[p].acts[e.index[a]].diagnostics
}

// ObjectFacts returns the facts the analyzers exported about the
// objects of the analysed package p.
func (e *Engine) ObjectFacts(p *packages.Package) []analysis.ObjectFact {
	var out []analysis.ObjectFact
	for k, f := range e.byPkg[p].facts.obj {
		out = append(out, analysis.ObjectFact{Object: k.obj, Fact: f})
	}
	return out
}

// PackageFacts returns the facts the analyzers exported about the
// analysed package p.
func (e *Engine) PackageFacts(p *packages.Package) []analysis.PackageFact {
	var out []analysis.PackageFact
	for _, f := range e.byPkg[p].facts.pkg {
		out = append(out, analysis.PackageFact{Package: p.Types, Fact: f})
	}
	return out
}

// Panics returns the analyzer panics of every action, for -v.
func (e *Engine) Panics() []string {
	var out []string
	for _, u := range e.units {
		for _, act := range u.acts {
			var pe *PanicError
			if errors.As(act.err, &pe) {
				out = append(out, fmt.Sprintf("%s on %s: %v\n%s", pe.Analyzer, u.pkg.PkgPath, pe.Value, pe.Stack))
			}
		}
	}
	sort.Strings(out)
	return out
}

// ExecutableKey identifies the running executable by its contents, for
// the cache: the analyzers' code is part of what their facts depend on.
// It is nil when the executable cannot be read, and then there is no
// cache. It reads the whole executable: call it once per run.
func ExecutableKey() []byte {
	name, err := os.Executable()
	if err != nil {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer func() { _ = f.Close() }()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil
	}
	return h.Sum(nil)
}
