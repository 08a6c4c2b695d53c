package engine

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/cache"
)

// Dependencies: the packages the analysed ones import, loaded from
// export data. The fact analyzers need their facts. A dependency's facts
// depend only on its own files and on its imports' facts, so they are
// computed once, from source, and cached under a key made of the
// package's files, its imports' keys and the analyzers' code.

// depsKind names the cache's entries of dependency facts.
const depsKind = cache.KindDeps

// depEntryVersion changes when the encoding of depEntry changes.
const depEntryVersion = 5

// depEntry is what the cache holds for one dependency: the facts the
// analyzers exported on it, objects named by their object paths.
type depEntry struct {
	Objects  []depObjectFact
	Packages []depPackageFact
	// Files are the base names of the package's files that its facts
	// name (family.PlacedFact): the file set needs them, as if they were
	// parsed.
	Files []string
}

type depObjectFact struct {
	Path objectpath.Path
	Fact analysis.Fact
	// Through is set when packages other than the object's own may see
	// the fact (visibleThrough): a method, a field, a type, a constant.
	Through bool
}

type depPackageFact struct {
	Fact analysis.Fact
}

// facts lists the entry's facts, objects' first.
func (d *depEntry) facts() []analysis.Fact {
	fs := make([]analysis.Fact, 0, len(d.Objects)+len(d.Packages))
	for _, of := range d.Objects {
		fs = append(fs, of.Fact)
	}
	for _, pf := range d.Packages {
		fs = append(fs, pf.Fact)
	}
	return fs
}

func (d *depEntry) empty() bool { return d == nil || len(d.Objects) == 0 && len(d.Packages) == 0 }

// placedFiles returns the base names of the files of pkg, the entry's
// package, that its facts name (family.PlacedFact), sorted, once each.
func (d *depEntry) placedFiles(pkg string) []string {
	var files []string
	for _, f := range d.facts() {
		if pf, ok := f.(family.PlacedFact); ok {
			files = append(files, pf.FactFiles(pkg)...)
		}
	}
	slices.Sort(files)
	return slices.Compact(files)
}

// prepareDeps computes the dependencies' cache keys, finds their
// entries (lookUp), and completes the export data of the imports of
// those that must be analysed from source (completeImports) but Early
// did not. It runs before any analysis, once every package is loaded,
// so no type-checker reads a package while export data is added to it.
func (e *Engine) prepareDeps() {
	e.lookUp()
	e.completeImports(e.units)
}

// lookUp plans which analyzers run on each dependency, computes the
// dependencies' cache keys and finds their entries, once. It reads the
// dependencies' files, not their types.
func (e *Engine) lookUp() {
	e.lookOnce.Do(func() {
		if len(e.depList) == 0 {
			return
		}
		e.plan()
		if e.cache == nil {
			return
		}
		e.computeKeys()
		var keyed []*unit
		for _, u := range e.units {
			if !u.initial && u.hasKey && u.pkg.PkgPath != "unsafe" && len(u.run) > 0 {
				keyed = append(keyed, u)
			}
		}
		types := e.factTypes()
		g := Parallel()
		for _, u := range keyed {
			g.Go(func() error {
				if data, ok := e.cache.Get(depsKind, u.key); ok {
					if entry, err := decodeEntry(data, types); err == nil {
						u.entry = entry
					}
				}
				return nil
			})
		}
		_ = g.Wait() // a miss is not an error
	})
}

// completeImports completes the export data of the imports of the
// dependencies of units whose facts are computed from source (go/packages
// loads the export data of the analysed packages' direct imports only;
// those Early processed have their facts in an entry already). A
// package complete already is left as it is.
func (e *Engine) completeImports(units []*unit) {
	for _, u := range units {
		if !e.toCompute(u) {
			continue
		}
		for _, imp := range u.imports {
			e.complete(imp.pkg)
		}
	}
}

// below returns the packages below the units whose facts are computed
// from source (those of units), directly or not: the packages whose
// types their analysis reads (see Engine.ownTypes).
func (e *Engine) below(units []*unit) map[*unit]bool {
	set := map[*unit]bool{}
	for _, u := range units {
		if e.toCompute(u) {
			for _, imp := range u.imports {
				addClosure(set, imp)
			}
		}
	}
	return set
}

// toCompute reports whether u is a dependency whose facts are computed
// from its source (once lookUp found no entry for it).
func (e *Engine) toCompute(u *unit) bool {
	return !u.initial && u.pkg.PkgPath != "unsafe" && u.entry == nil && len(u.run) > 0
}

// complete loads the whole export data of p into the types the analysed
// packages see, if go/packages loaded only the parts other packages'
// export data mention.
func (e *Engine) complete(p *packages.Package) {
	if p.Types == nil || p.Types.Complete() || p.ExportFile == "" {
		return
	}
	if _, err := readExport(e.fset, p, closureView(p)); err != nil {
		e.noteUnreadable(p, err)
	} else {
		e.stats.completed.Add(1)
	}
}

// noteUnreadable records that p's export data could not be read (see
// Unreadable).
func (e *Engine) noteUnreadable(p *packages.Package, err error) {
	e.unreadableMu.Lock()
	defer e.unreadableMu.Unlock()
	if e.unreadable == nil {
		e.unreadable = map[string]string{}
	}
	e.unreadable[p.PkgPath] = err.Error()
}

// Unreadable returns, sorted, the dependencies whose export data could
// not be read when it was needed — a file removed from the go command's
// cache while the analysis ran, for instance — as "path: error". Facts
// that depend on them are missing: a result of such a run is incomplete.
func (e *Engine) Unreadable() []string {
	e.unreadableMu.Lock()
	defer e.unreadableMu.Unlock()
	out := make([]string, 0, len(e.unreadable))
	for path, msg := range e.unreadable {
		out = append(out, path+": "+msg)
	}
	sort.Strings(out)
	return out
}

// closureView maps the import paths of p and of the packages it imports,
// directly or not, to their types: what reading p's export data may
// complete or fill, and must not create anew. A package's import
// closure holds one package an import path (it must link), so the order
// of the walk does not matter: packages.Visit's, which sorts every
// package's imports, took twice the time and bytes (for every package of
// the depscope fixture's listing; Early asks for a view of each of
// nomad's 1,400 packages read whole, complete and the loader for the
// packages they read). A package without types is walked through once.
func closureView(p *packages.Package) map[string]*types.Package {
	view := map[string]*types.Package{}
	var untyped map[*packages.Package]bool // walked, not in the view
	var visit func(q *packages.Package)
	visit = func(q *packages.Package) {
		switch _, ok := view[q.PkgPath]; {
		case ok:
			return
		case q.Types != nil:
			view[q.PkgPath] = q.Types
		case untyped[q]:
			return
		default:
			if untyped == nil {
				untyped = map[*packages.Package]bool{}
			}
			untyped[q] = true
		}
		for _, imp := range q.Imports {
			visit(imp)
		}
	}
	visit(p)
	return view
}

// readExport reads the whole export data of p into view, a map from
// import paths to the packages to complete or fill, with go/packages'
// errors.
func readExport(fset *token.FileSet, p *packages.Package, view map[string]*types.Package) (*types.Package, error) {
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	// go/packages reads the same files the same way (go list -export may
	// name archive files, which only NewReader opens).
	r, err := gcexportdata.NewReader(f) //nolint:staticcheck // SA1019: see above; gcexportdata.Read alone rejects archives
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", p.ExportFile, err)
	}
	tpkg, err := gcexportdata.Read(r, fset, view, p.PkgPath)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", p.ExportFile, err)
	}
	return tpkg, nil
}

// hiddenFacts returns the facts about u's objects that packages
// importing u indirectly may see (AllObjectFacts: methods, fields, types,
// constants) but the loaded types lack: go/packages loads of an indirect
// import only what its importers' export data mention. The objects are
// read from u's whole export data into a universe of their own, once,
// when an analyzer first asks: the types the analysis shares are never
// changed while analyzers read them, and drivers whose analyzers never
// call AllObjectFacts pay nothing.
func (u *unit) hiddenFacts(e *Engine) []analysis.ObjectFact {
	if len(u.hidden) == 0 {
		return nil
	}
	u.hiddenOnce.Do(func() {
		pkg, err := readExport(e.fset, u.pkg, map[string]*types.Package{})
		if err != nil {
			e.noteUnreadable(u.pkg, err)
			return
		}
		for _, of := range u.hidden {
			if obj, err := objectpath.Object(pkg, of.Path); err == nil {
				u.hiddenObjs = append(u.hiddenObjs, analysis.ObjectFact{Object: obj, Fact: of.Fact})
			}
		}
	})
	return u.hiddenObjs
}

// runDependency gives u its facts: from the cache, or by analysing its
// source with the analyzers that run on dependencies.
func (e *Engine) runDependency(u *unit) {
	if u.pkg.PkgPath == "unsafe" || len(u.run) == 0 {
		return // no analyzer can find facts in it (see plan)
	}
	if u.entry != nil {
		if u.earlyEntry {
			// Found or computed by Early on types of its own: the
			// facts go onto the loader's (the files are in the file set).
			e.injectFacts(u, u.entry)
			u.entry = nil
			return
		}
		e.stats.hits.Add(1)
		if !u.entry.empty() {
			e.stats.withFacts.Add(1)
		}
		e.inject(u, u.entry)
		e.keepEntry(u, u.entry)
		return
	}
	e.stats.misses.Add(1)
	if e.fromSkeletons(u.run) {
		// Only declared facts: the files' declarations give them, read
		// off their tokens (see skeleton).
		if files, ok := e.skeletons(u.pkg); ok {
			e.stats.unchecked.Add(1)
			e.stats.unparsed.Add(1)
			u.skeletal = true
			e.declare(u, u.run, files)
			return
		}
	}
	files, errs, blanked := e.parse(u.pkg, true)
	if len(errs) == 0 {
		e.narrow(u, e.possibleParsed(u, files))
		if e.declaredOnly(u.run) {
			e.stats.unchecked.Add(1)
			e.declare(u, u.run, files)
			return
		}
	}
	src, err := e.typeCheck(u.pkg, files, errs)
	if err != nil && blanked {
		// Literals read as "" may be what made it ill-typed (see
		// minBlankedLiteral): its files as written, in their place in
		// the file set.
		e.removeFiles(files, nil)
		files, errs, _ = e.parse(u.pkg, false)
		src, err = e.typeCheck(u.pkg, files, errs)
	}
	u.checked = true
	if err != nil {
		src.illTyped = true
	}
	local := newFactSet()
	e.narrow(u, e.possible(u, src, local))
	run := u.run
	e.execAll(u, run, src, local)
	partial := false // facts read of code with errors (an analysed package's, see Options.DespiteErrors)
	for _, i := range run {
		u.acts[i].result = nil
		partial = e.notePartial(u, i) || partial
	}
	// Move the facts onto the objects the importers see: the same
	// object paths in the package go/packages loaded from export data.
	entry := &depEntry{}
	enc := new(objectpath.Encoder)
	for k, f := range local.obj {
		path, err := enc.For(k.obj)
		if err != nil {
			continue // an object no other package can name
		}
		of := depObjectFact{Path: path, Fact: f, Through: visibleThrough(k.obj)}
		entry.Objects = append(entry.Objects, of)
		if obj, err := objectpath.Object(u.pkg.Types, path); err == nil {
			u.facts.obj[objectFactKey{obj, k.typ}] = f
		} else if of.Through {
			u.hidden = append(u.hidden, of) // see hiddenFacts
		}
	}
	for t, f := range local.pkg {
		entry.Packages = append(entry.Packages, depPackageFact{Fact: f})
		u.facts.pkg[t] = f
	}
	e.keepEntry(u, entry)
	e.dropFiles(u, files, entry)
	if e.cache == nil || !u.hasKey || partial {
		return // facts resting on code with errors are not cached
	}
	for _, i := range run {
		if u.acts[i].err != nil {
			return // failures are not cached
		}
	}
	if data, err := e.encodeEntry(entry, u.pkg.PkgPath); err == nil {
		_ = e.cache.Put(depsKind, u.key, data) // a failed write is a later miss
	}
}

// dropFiles takes u's parsed files out of the file set once its facts
// are computed, but those its facts name (family.PlacedFact), which
// importers' analyzers turn back into positions: the file set then
// holds what it would had the facts come from the cache (see inject).
// The files' line tables were most of what it kept of the dependencies
// computed from source (nomad: 23 MB of 815 packages' files, at the
// first audit's peak).
func (e *Engine) dropFiles(u *unit, files []*ast.File, entry *depEntry) {
	e.removeFiles(files, entry.placedFiles(u.pkg.PkgPath))
}

// removeFiles takes files out of the file set, but those whose base
// names keep lists.
func (e *Engine) removeFiles(files []*ast.File, keep []string) {
	for _, f := range files {
		if tf := e.fset.File(f.FileStart); tf != nil && !slices.Contains(keep, filepath.Base(tf.Name())) {
			e.fset.RemoveFile(tf)
		}
	}
}

// narrow notes that only run, of the analyzers u.run planned, runs on u.
func (e *Engine) narrow(u *unit, run []int) {
	if len(run) < len(u.run) {
		if !u.narrowed {
			e.stats.narrowed.Add(1)
			u.narrowed = true
		}
		u.run = run // what ran (the key was made of the plan)
	}
}

// possibleParsed returns the analyzers of u.run that can find a fact in
// files, u's parsed files, before type-checking (see family.ParsedFact),
// with what they require. The fact types share one family.Parsed: what
// the package's names reach is found once.
func (e *Engine) possibleParsed(u *unit, files []*ast.File) []int {
	p := &family.Parsed{
		Fset: e.fset, Files: files, Path: u.pkg.PkgPath, Module: moduleOf(u.pkg),
		Import: func(path string) *types.Package {
			pkg, _ := importOf(u.pkg, path)
			return pkg
		},
		ImportObjectFact: func(obj types.Object, ptr analysis.Fact) bool {
			_, ok := e.importedFact(u, obj, ptr)
			return ok
		},
		Memo: e.reached,
	}
	return e.dropImpossible(u, func(a *analysis.Analyzer, f analysis.Fact) (bool, bool) {
		c, ok := f.(family.ParsedFact)
		return ok, ok && c.FactPossibleParsed(p)
	})
}

// importedFact is Pass.ImportObjectFact for the objects of other
// packages than u, whatever the fact's type: u's imports' facts are all
// known (they were computed first). It returns the unit the fact was
// found on.
func (e *Engine) importedFact(u *unit, obj types.Object, ptr analysis.Fact) (*unit, bool) {
	if obj == nil || obj.Pkg() == nil {
		return nil, false
	}
	v, ok := e.byTypes[obj.Pkg()]
	if !ok || v == u {
		return nil, false
	}
	f, ok := v.facts.obj[objectFactKey{obj, factType(ptr)}]
	if ok {
		reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(f).Elem())
	}
	return v, ok
}

// declaredOnly reports whether the analyzers of run (none, maybe) give
// only declared facts (family.DeclaredFact) and require nothing: their
// facts come without type-checking.
func (e *Engine) declaredOnly(run []int) bool {
	for _, i := range run {
		a := e.analyzers[i]
		if len(a.Requires) > 0 || len(a.FactTypes) == 0 {
			return false
		}
		for _, f := range a.FactTypes {
			if _, ok := f.(family.DeclaredFact); !ok {
				return false
			}
		}
	}
	return true
}

// fromSkeletons reports whether the facts of the analyzers of run come
// from a dependency's skeletons (see skeleton) rather than its parsed
// files: they give declared facts only, and none has a check on parsed
// files (family.ParsedFact) that parsing would run first and that could
// leave it out.
func (e *Engine) fromSkeletons(run []int) bool {
	if !e.declaredOnly(run) {
		return false
	}
	for _, i := range run {
		for _, f := range e.analyzers[i].FactTypes {
			if _, ok := f.(family.ParsedFact); ok {
				return false
			}
		}
	}
	return true
}

// declare gives u the facts the analyzers of run declare in files (see
// declaredOnly), as analysing u would have, and caches them.
func (e *Engine) declare(u *unit, run []int, files []*ast.File) {
	vars := map[*ast.Ident]bool{} // package-level variables: seen by their package only (visibleThrough)
	for _, f := range files {
		for _, d := range f.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, spec := range gd.Specs {
					for _, id := range spec.(*ast.ValueSpec).Names {
						vars[id] = true
					}
				}
			}
		}
	}
	entry := &depEntry{}
	for _, i := range run {
		for _, f := range e.analyzers[i].FactTypes {
			for _, d := range f.(family.DeclaredFact).FactsDeclared(e.fset, files) {
				entry.Objects = append(entry.Objects, depObjectFact{Path: objectpath.Path(d.Name.Name), Fact: d.Fact, Through: !vars[d.Name]})
			}
		}
	}
	data, err := e.encodeEntry(entry, u.pkg.PkgPath) // sorted, with its files
	// The files, parsed or skeletons, are in the file set already.
	e.injectFacts(u, entry)
	e.keepEntry(u, entry)
	e.dropFiles(u, files, entry)
	if err == nil && e.cache != nil && u.hasKey {
		_ = e.cache.Put(depsKind, u.key, data) // a failed write is a later miss
	}
}

// possible returns the analyzers of u.run that can find a fact in src,
// the type-checked dependency (see family.CheckedFact), with what they
// require: a fact analyzer none of whose fact types is possible there is
// left out, and so are the analyzers only it requires.
func (e *Engine) possible(u *unit, src source, local factSet) []int {
	return e.dropImpossible(u, func(a *analysis.Analyzer, f analysis.Fact) (bool, bool) {
		c, ok := f.(family.CheckedFact)
		if !ok {
			return false, true
		}
		return true, c.FactPossible(e.newPass(u, a, src, local, map[*analysis.Analyzer]any{}, new(atomic.Bool)))
	})
}

// dropImpossible returns u.run without the fact analyzers none of whose
// fact types is possible on u, and without what only those require;
// possible reports whether the fact type f of analyzer a answers, and
// its answer.
func (e *Engine) dropImpossible(u *unit, possible func(a *analysis.Analyzer, f analysis.Fact) (answers, may bool)) []int {
	drop := make([]bool, len(e.analyzers))
	dropped := false
	for _, i := range u.run {
		a := e.analyzers[i]
		if len(a.FactTypes) == 0 {
			continue
		}
		none := !family.MayFind(a, func(f analysis.Fact) (bool, bool) { return possible(a, f) })
		drop[i] = none
		dropped = dropped || none
	}
	if !dropped {
		return u.run
	}
	return e.required(u.run, func(i int) bool { return !drop[i] })
}

// keepEntry keeps entry, u's facts by object path, for Run when Early
// processes u (on types of its own, see Engine.ownTypes); otherwise the
// unit lets its entry go.
func (e *Engine) keepEntry(u *unit, entry *depEntry) {
	if u.early {
		u.entry, u.earlyEntry = entry, true
	} else {
		u.entry = nil
	}
}

// inject gives u the facts of its cache entry, and the file set the
// files they name (see injectFacts).
func (e *Engine) inject(u *unit, entry *depEntry) {
	e.injectFacts(u, entry)
	// Facts may name places in the package's files, which analyzers
	// turn back into positions of the file set: give it those files, as
	// analysing them from source would have.
	var names []string
	for _, name := range u.pkg.CompiledGoFiles {
		if slices.Contains(entry.Files, filepath.Base(name)) {
			names = append(names, name)
		}
	}
	e.addFiles(names)
}

// injectFacts gives u's objects and package the facts of entry. Objects
// the analysed packages cannot see (not in the export data loaded) are
// left out: no analyser can ask about them.
func (e *Engine) injectFacts(u *unit, entry *depEntry) {
	for _, of := range entry.Objects {
		if obj, err := objectpath.Object(u.pkg.Types, of.Path); err == nil {
			u.facts.obj[objectFactKey{obj, reflect.TypeOf(of.Fact)}] = of.Fact
		} else if of.Through {
			u.hidden = append(u.hidden, of) // see hiddenFacts
		}
	}
	for _, pf := range entry.Packages {
		u.facts.pkg[reflect.TypeOf(pf.Fact)] = pf.Fact
	}
}

// addFiles adds files to the file set with their lines (and //line
// directives, which only parsing finds).
func (e *Engine) addFiles(names []string) {
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			continue
		}
		if bytes.Contains(data, []byte("//line ")) || bytes.Contains(data, []byte("/*line ")) {
			_, _ = parser.ParseFile(e.fset, name, data, parser.AllErrors|parser.ParseComments)
			continue
		}
		e.fset.AddFile(name, -1, len(data)).SetLinesForContent(data)
	}
}

// importOf returns the complete types of the package p imports by path.
func importOf(p *packages.Package, path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	ip := p.Imports[path]
	if ip == nil {
		return nil, fmt.Errorf("no metadata for %s", path)
	}
	if ip.Types == nil || !ip.Types.Complete() {
		return nil, fmt.Errorf("no complete types for %s", path)
	}
	return ip.Types, nil
}

// typeCheck type-checks a dependency's parsed files against its imports'
// export data, as go/packages would; errs are the parser's.
func (e *Engine) typeCheck(p *packages.Package, files []*ast.File, errs []error) (source, error) {
	src := source{files: files}
	src.info = newTypesInfoFor(e.fset, files)
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			return importOf(p, path)
		}),
		Sizes: p.TypesSizes,
		Error: func(err error) {
			var te types.Error
			if errors.As(err, &te) {
				src.typeErrors = append(src.typeErrors, te)
			}
			errs = append(errs, err)
		},
	}
	if m := p.Module; m != nil && m.GoVersion != "" {
		conf.GoVersion = "go" + m.GoVersion
	}
	src.pkg = types.NewPackage(p.PkgPath, p.Name)
	if err := types.NewChecker(conf, e.fset, src.pkg, src.info).Files(src.files); err != nil && len(errs) == 0 {
		errs = append(errs, err)
	}
	return src, errors.Join(errs...)
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

// computeKeys gives every dependency (a unit the patterns did not
// match), and everything those depend on, a content key: its identity,
// its files' contents, the analyzers' code, and its imports' keys.
func (e *Engine) computeKeys() {
	need := map[*unit]bool{}
	for _, u := range e.units {
		if !u.initial {
			addClosure(need, u)
		}
	}
	// Hash the files in parallel first; the keys follow the graph.
	type job struct {
		u   *unit
		sum [sha256.Size]byte
		ok  bool
	}
	var jobs []job
	for _, u := range e.units { // postorder: imports first
		if need[u] {
			jobs = append(jobs, job{u: u})
		}
	}
	g := Parallel()
	for i := range jobs {
		g.Go(func() error {
			jobs[i].sum, jobs[i].ok = hashFiles(jobs[i].u.pkg, &e.goroots)
			return nil
		})
	}
	_ = g.Wait() // a file that cannot be read leaves its package without a key
	for _, j := range jobs {
		u := j.u
		if !j.ok {
			continue
		}
		h := sha256.New()
		fmt.Fprintf(h, "oneway deps %d\x00", depEntryVersion)
		h.Write(e.codeKey())
		p := u.pkg
		fmt.Fprintf(h, "%q %q %q\x00", p.ID, p.PkgPath, p.Name)
		if p.Module != nil {
			fmt.Fprintf(h, "module %q %q\x00", p.Module.Path, p.Module.GoVersion)
		}
		if s := p.TypesSizes; s != nil {
			fmt.Fprintf(h, "sizes %d %d\x00", s.Sizeof(types.Typ[types.Int]), s.Alignof(types.Typ[types.Int64]))
		}
		h.Write(j.sum[:])
		fmt.Fprintf(h, "run %v\x00", u.run) // the analyzers plan chose
		ok := true
		for _, imp := range u.imports {
			if !imp.hasKey {
				ok = false
				break
			}
			h.Write(imp.key[:])
		}
		if ok {
			copy(u.key[:], h.Sum(nil))
			u.hasKey = true
		}
	}
}

// hashFiles hashes the base names and contents of the files an analyzer
// may read of p: facts name no directory (family.PlacedFact), so a
// package's entry serves wherever its files are. The files of a module
// in the module cache, or of the standard library of a released Go,
// cannot change without their version changing: for those the version
// stands for the contents.
func hashFiles(p *packages.Package, goroots *goroots) (sum [sha256.Size]byte, ok bool) {
	h := sha256.New()
	if id, ok := immutableIdentity(p, goroots); ok {
		h.Write([]byte(id))
		copy(sum[:], h.Sum(nil))
		return sum, true
	}
	for _, list := range [][]string{p.CompiledGoFiles, p.OtherFiles} {
		for _, name := range list {
			f, err := os.Open(name)
			if err != nil {
				return sum, false
			}
			fmt.Fprintf(h, "%q\x00", filepath.Base(name))
			n, err := io.Copy(h, f)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
			if err != nil {
				return sum, false
			}
			var b [8]byte
			binary.LittleEndian.PutUint64(b[:], uint64(n))
			h.Write(b[:])
		}
		h.Write([]byte{0})
	}
	for _, name := range p.IgnoredFiles {
		fmt.Fprintf(h, "%q\x00", filepath.Base(name))
	}
	copy(sum[:], h.Sum(nil))
	return sum, true
}

// immutableIdentity names the files of p by a version and their names
// in its directory, when p belongs to a module version in the module cache (a directory
// named path@version, whose contents go.sum vouches for) or to the
// standard library of a released Go (GOROOT/VERSION), and every file is
// in that directory.
func immutableIdentity(p *packages.Package, goroots *goroots) (string, bool) {
	var dir, version string
	switch m := p.Module; {
	case m != nil && !m.Main && m.Replace == nil && m.Version != "" && strings.HasSuffix(m.Dir, "@"+m.Version):
		dir, version = m.Dir, "module "+m.Path+"@"+m.Version
	case m == nil && len(p.CompiledGoFiles) > 0:
		suffix := string(filepath.Separator) + filepath.Join("src", filepath.FromSlash(p.PkgPath))
		pkgDir := filepath.Dir(p.CompiledGoFiles[0])
		root, ok := strings.CutSuffix(pkgDir, suffix)
		if !ok {
			return "", false
		}
		v, ok := goroots.version(root)
		if !ok {
			return "", false
		}
		dir, version = pkgDir, "goroot "+v
	default:
		return "", false
	}
	var b strings.Builder
	b.WriteString(version)
	for _, list := range [][]string{p.CompiledGoFiles, p.OtherFiles, p.IgnoredFiles} {
		b.WriteByte(0)
		for _, name := range list {
			rel, err := filepath.Rel(dir, name)
			if err != nil || !filepath.IsLocal(rel) {
				return "", false
			}
			fmt.Fprintf(&b, "%q ", filepath.ToSlash(rel))
		}
	}
	return b.String(), true
}

// goroots remembers the versions of the Go distributions read.
type goroots struct {
	sync.Mutex
	m map[string]string // by GOROOT: its version, "" for none
}

// version returns the first line of root/VERSION, which released Go
// distributions have (a toolchain built from source does not).
func (g *goroots) version(root string) (string, bool) {
	g.Lock()
	defer g.Unlock()
	if v, ok := g.m[root]; ok {
		return v, v != ""
	}
	v := ""
	if b, err := os.ReadFile(filepath.Join(root, "VERSION")); err == nil {
		line, _, _ := strings.Cut(string(b), "\n")
		if strings.HasPrefix(line, "go") {
			v = line
		}
	}
	if g.m == nil {
		g.m = map[string]string{}
	}
	g.m[root] = v
	return v, v != ""
}

// codeKey identifies the code of the analyzers that run on dependencies:
// the executable, their names and their flags.
func (e *Engine) codeKey() []byte {
	e.codeOnce.Do(func() {
		h := sha256.New()
		h.Write(e.exeKey)
		for _, i := range e.depList {
			a := e.analyzers[i]
			fmt.Fprintf(h, "%s\x00", a.Name)
			a.Flags.VisitAll(func(f *flag.Flag) { fmt.Fprintf(h, "-%s=%s\x00", f.Name, f.Value) })
		}
		e.code = h.Sum(nil)
	})
	return e.code
}

// factTypes maps the names of the dependency analyzers' fact types to
// their types, for decoding.
func (e *Engine) factTypes() map[string]reflect.Type {
	m := map[string]reflect.Type{}
	for _, i := range e.depList {
		for _, f := range e.analyzers[i].FactTypes {
			t := reflect.TypeOf(f)
			m[factName(t)] = t
		}
	}
	return m
}

func factName(t reflect.Type) string { return t.Elem().PkgPath() + "." + t.Elem().Name() }

// encodeEntry writes an entry as a gob stream: counts, then each fact
// preceded by its object path and type name, in a fixed order, then the
// base names of the package's files that the facts name (pkg is the
// package's path).
//
// An entry without facts is empty data: most dependencies have none,
// and a gob stream costs its type descriptions to decode.
func (e *Engine) encodeEntry(d *depEntry, pkg string) ([]byte, error) {
	if d.empty() {
		return []byte{}, nil
	}
	sort.Slice(d.Objects, func(i, j int) bool {
		if d.Objects[i].Path != d.Objects[j].Path {
			return d.Objects[i].Path < d.Objects[j].Path
		}
		return factName(reflect.TypeOf(d.Objects[i].Fact)) < factName(reflect.TypeOf(d.Objects[j].Fact))
	})
	sort.Slice(d.Packages, func(i, j int) bool {
		return factName(reflect.TypeOf(d.Packages[i].Fact)) < factName(reflect.TypeOf(d.Packages[j].Fact))
	})
	var buf bytes.Buffer
	enc := gob.NewEncoder(&buf)
	if err := enc.Encode([2]int{len(d.Objects), len(d.Packages)}); err != nil {
		return nil, err
	}
	for _, of := range d.Objects {
		if err := enc.Encode(objectRecord{string(of.Path), factName(reflect.TypeOf(of.Fact)), of.Through}); err != nil {
			return nil, err
		}
		if err := enc.Encode(of.Fact); err != nil {
			return nil, err
		}
	}
	for _, pf := range d.Packages {
		if err := enc.Encode(factName(reflect.TypeOf(pf.Fact))); err != nil {
			return nil, err
		}
		if err := enc.Encode(pf.Fact); err != nil {
			return nil, err
		}
	}
	d.Files = d.placedFiles(pkg)
	if err := enc.Encode(d.Files); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// objectRecord precedes an object's fact in an entry.
type objectRecord struct {
	Path, Type string
	Through    bool
}

// decodeEntry reads an entry written by encodeEntry; types are the
// fact types by name (factTypes).
func decodeEntry(data []byte, types map[string]reflect.Type) (*depEntry, error) {
	if len(data) == 0 {
		return &depEntry{}, nil
	}
	dec := gob.NewDecoder(bytes.NewReader(data))
	var n [2]int
	if err := dec.Decode(&n); err != nil {
		return nil, err
	}
	fact := func(name string) (analysis.Fact, error) {
		t, ok := types[name]
		if !ok {
			return nil, fmt.Errorf("unknown fact type %s", name)
		}
		f := reflect.New(t.Elem()).Interface().(analysis.Fact)
		return f, dec.Decode(f)
	}
	d := &depEntry{}
	for range n[0] {
		var rec objectRecord
		if err := dec.Decode(&rec); err != nil {
			return nil, err
		}
		f, err := fact(rec.Type)
		if err != nil {
			return nil, err
		}
		d.Objects = append(d.Objects, depObjectFact{Path: objectpath.Path(rec.Path), Fact: f, Through: rec.Through})
	}
	for range n[1] {
		var name string
		if err := dec.Decode(&name); err != nil {
			return nil, err
		}
		f, err := fact(name)
		if err != nil {
			return nil, err
		}
		d.Packages = append(d.Packages, depPackageFact{Fact: f})
	}
	if err := dec.Decode(&d.Files); err != nil {
		return nil, err
	}
	return d, nil
}

// Parallel returns a group running as many goroutines at a time as the
// program may run in parallel: for work bound by system calls and CPU.
func Parallel() *errgroup.Group {
	g := new(errgroup.Group)
	g.SetLimit(runtime.GOMAXPROCS(0))
	return g
}
