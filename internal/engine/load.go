package engine

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/internal/cache"
)

// Load loads the packages patterns match as packages.Load does with
// LoadMode — the same packages, files, errors, syntax and types — but
// without building them: packages.Load asks the go command for the
// export data of every package, the matched ones included, which makes
// it compile them although their types come from their source. On a
// code base that changed since the last build that is most of the cost
// of loading it, and for a fixture in a temporary directory all of it.
//
// Load lists the packages and their dependencies once without export
// data, then asks for the export data of the dependencies only, while it
// parses the matched packages' files; then it type-checks the matched
// packages against the dependencies' export data, as go/packages does.
// A dependency without export data (it does not build) is type-checked
// from source, and so is every package that imports it (go/packages'
// fallback). cfg.Mode is ignored; with test variants or an overlay Load
// is packages.Load.
//
// Two differences. The syntax is parsed without the parser's object
// resolution (parser.SkipObjectResolution: no ast.Ident.Obj, no
// ast.File Scope or Unresolved), which go/types does not read and
// oneway's analyzers must not (the engine's differential test runs them
// on go/packages' syntax too): it costs a walk of every file and its
// maps. And on an import cycle, which import go/packages leaves out of
// the graph (when a package reaches the cycle by more than one path) and
// the stack it names in the error depend on the order of a map's
// iteration; Load's are deterministic (imports visited in the order of
// their paths; the stack is the path from the imported package to the
// importer).
func Load(cfg *packages.Config, patterns ...string) ([]*packages.Package, error) {
	return LoadWith(cfg, LoadOptions{}, patterns...)
}

// LoadOptions let a load reuse what the last one learnt.
type LoadOptions struct {
	// Cache keeps the dependencies' export data files for the next load;
	// nil: nothing is kept.
	Cache *cache.Cache
	// Settings identify the go command's settings (go env): with the
	// build flags and the dependencies' sources they decide the export
	// data the go command gives. nil: nothing is reused.
	Settings []byte
	// GoEnv holds the go command's settings (go env), if known: GOARCH
	// gives the type sizes without asking the go command, GOFLAGS (with
	// those of its configuration file) what the build flags do. nil: the
	// go command is asked (while it lists), and GOFLAGS read from the
	// environment.
	GoEnv map[string]string
	// Logf logs where the export data came from; nil: nothing.
	Logf func(format string, args ...any)
	// BeforeSource, if set, is given the matched packages once their
	// dependencies' export data files are known and every package has
	// its (empty) types.Package, before anything is type-checked. If it
	// returns a function, the loader calls it before it reads any
	// export data (the packages' types are empty; the function may give
	// a package other types while it runs, and must give it back its
	// own, untouched, before it returns), and gives the packages their
	// types only after it returned: what the function leaves behind
	// meets their types and the matched packages' syntax in memory only
	// if it keeps it. Its error ends the load. Not called when
	// go/packages loads (Tests, Overlay).
	BeforeSource func(matched []*packages.Package) func() error
	// Listed, if set, is given the matched packages and every package
	// listed whose compiled files are known (not those using cgo, which
	// learn theirs with the export data, and which the loader changes
	// then), their dependencies included, once they are listed: before
	// the go command is asked for the export data, which may take a
	// while. It must not keep the loader waiting (see ScanTexts); what
	// it starts may read those packages' names and files while the load
	// goes on. Not called when go/packages loads (Tests, Overlay).
	Listed func(matched, all []*packages.Package)
}

// LoadWith is Load with o's help: when the export data files the last
// load was given for the same dependencies (the same sources) and
// settings are still there, the go command is not asked for them again,
// and the load is one go list that builds nothing.
func LoadWith(cfg *packages.Config, o LoadOptions, patterns ...string) ([]*packages.Package, error) {
	roots, err := loadWith(cfg, o, patterns, false)
	if errors.Is(err, errListAgain) {
		o.log("%v", err)
		return loadWith(cfg, o, patterns, true)
	}
	return roots, err
}

// errListAgain: a cgo package's compiled files could not be had apart
// from the listing (cgo failed): list everything with packages.Load,
// which reports it as go/packages does.
var errListAgain = errors.New("a package using cgo has no compiled files: listing again with packages.Load")

// loadWith is LoadWith; withPackages: packages.Load lists the graph.
func loadWith(cfg *packages.Config, o LoadOptions, patterns []string, withPackages bool) ([]*packages.Package, error) {
	if cfg.Tests || len(cfg.Overlay) > 0 {
		c := *cfg
		c.Mode = LoadMode
		return packages.Load(&c, patterns...)
	}
	ctx := cfg.Context
	if ctx == nil {
		ctx = context.Background()
	}
	listCfg := *cfg
	listCfg.Context = ctx
	listCfg.Mode = listMode
	var g *graph
	err := errPackagesLists
	if !withPackages {
		g, err = listGraph(&listCfg, patterns, o.GoEnv)
	}
	switch {
	case errors.Is(err, errPackagesLists):
		roots, err := packages.Load(&listCfg, patterns...)
		if err != nil {
			return nil, err
		}
		g = &graph{roots: roots}
		packages.Visit(roots, nil, func(p *packages.Package) { g.all = append(g.all, p) })
	case err != nil:
		return nil, err
	default:
		o.log("listed %d packages, %d of them use cgo", len(g.all), len(g.cgo))
	}
	ld := newLoader(ctx, g)
	if o.Listed != nil {
		known := make([]*packages.Package, 0, len(g.all))
		for _, p := range g.all {
			if g.cgo[p] == nil {
				known = append(known, p)
			}
		}
		o.Listed(g.roots, known)
	}

	// The export data of the dependencies, from the last load or from the
	// go command, while the matched packages' files are parsed.
	exports := make(chan exportResult, 1)
	stop := make(chan struct{}) // closed with the export data known
	jobs := ld.parseJobs()
	go func() {
		defer close(stop)
		exports <- ld.exportData(&listCfg, o, cfg)
	}()
	ld.parseAhead(jobs, stop)
	res := <-exports
	if res.err != nil {
		return nil, res.err
	}
	if !ld.patchCgo(res.cgo, false) {
		return nil, errListAgain
	}
	for _, lp := range ld.order {
		if !lp.initial {
			lp.ExportFile = res.files[lp.ID]
		}
	}
	ld.plan()
	if err := ld.check(o.BeforeSource); err != nil {
		return nil, err
	}
	return g.roots, nil
}

// exportData gets the dependencies' export data files (and the compiled
// files of those using cgo), from the last load or from the go command,
// once the matched packages using cgo have theirs.
func (ld *loader) exportData(listCfg *packages.Config, o LoadOptions, cfg *packages.Config) exportResult {
	if err := ld.compileMatched(listCfg); err != nil {
		return exportResult{err: err}
	}
	store := newExportStore(o, cfg)
	key, keyed := store.key(ld)
	if keyed {
		if e, ok := store.get(key); ok {
			o.log("export data of %d dependencies: the files of the last load", len(e.files))
			return e
		}
	}
	deps := ld.directDeps()
	paths := make([]string, len(deps))
	for i, p := range deps {
		paths[i] = p.PkgPath
	}
	res := exportFiles(listCfg, paths, ld.cgo)
	if res.err != nil {
		res.err = fmt.Errorf("listing the dependencies' export data: %w", res.err)
		return res
	}
	o.log("export data of %d dependencies from the go command", len(res.files))
	// An entry without a cgo dependency's compiled files is never kept:
	// cgo may succeed next time, with no file of the key changed.
	if keyed && ld.cgoComplete(res.cgo, false) {
		store.put(key, res)
	}
	return res
}

// cgoComplete reports whether files holds the compiled files of every
// package that uses cgo, the matched ones if matched, else the others.
func (ld *loader) cgoComplete(files map[string]cgoFiles, matched bool) bool {
	for p := range ld.cgo {
		if _, ok := files[p.ID]; !ok && ld.pkgs[p].initial == matched {
			return false
		}
	}
	return true
}

// compileMatched gives the matched packages that use cgo their compiled
// files and imports, from the go command.
func (ld *loader) compileMatched(listCfg *packages.Config) error {
	var paths []string
	for _, lp := range ld.order {
		if lp.initial && ld.cgo[lp.Package] != nil {
			paths = append(paths, lp.PkgPath)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	files, err := compiledFiles(listCfg, paths)
	if err != nil {
		return err
	}
	if !ld.patchCgo(files, true) {
		return errListAgain
	}
	return nil
}

func (o LoadOptions) log(format string, args ...any) {
	if o.Logf != nil {
		o.Logf(format, args...)
	}
}

// listMode is LoadMode without what makes the go command build the
// packages (types, which go/packages reads from export data).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

type exportResult struct {
	files map[string]string   // export data files, by package ID
	cgo   map[string]cgoFiles // the compiled files of those using cgo, by ID
	err   error
}

type loader struct {
	ctx   context.Context
	fset  *token.FileSet
	roots []*packages.Package
	pkgs  map[*packages.Package]*loadPackage
	order []*loadPackage                        // imports before their importers
	cgo   map[*packages.Package]map[string]bool // graph.cgo
	byID  map[string]*packages.Package

	exportMu sync.Mutex // gcexportdata.Read may fill any package of the graph
}

// loadPackage is one package of the graph and what Load does with it.
type loadPackage struct {
	*packages.Package
	initial   bool // matched by the patterns
	needsrc   bool // parsed and type-checked from source
	needtypes bool // its types are needed: from source or export data
	parsed    *parsedFiles
	exportErr error // why its export data could not be read
}

// newLoader returns the loader of g's packages.
func newLoader(ctx context.Context, g *graph) *loader {
	ld := &loader{ctx: ctx, fset: token.NewFileSet(), roots: g.roots, pkgs: map[*packages.Package]*loadPackage{},
		cgo: g.cgo, byID: map[string]*packages.Package{}}
	for _, p := range g.all {
		ld.pkgs[p] = &loadPackage{Package: p}
		ld.byID[p.ID] = p
	}
	for _, p := range g.roots {
		ld.pkgs[p].initial = true
	}
	ld.sort()
	for _, lp := range ld.order {
		if lp.initial && ld.cgo[lp.Package] == nil {
			lp.parsed = newParsedFiles(len(lp.CompiledGoFiles))
		}
	}
	return ld
}

// sort orders the packages imports first.
func (ld *loader) sort() {
	ld.order = ld.order[:0]
	packages.Visit(ld.roots, nil, func(p *packages.Package) {
		ld.order = append(ld.order, ld.pkgs[p])
	})
}

// patchCgo gives the packages that use cgo their compiled files and the
// imports cgo adds, from files (by ID): the matched ones if matched, else
// the others. False if one has none (cgo failed) or an import is not in
// the graph.
func (ld *loader) patchCgo(files map[string]cgoFiles, matched bool) bool {
	if !ld.cgoComplete(files, matched) {
		return false
	}
	changed := false
	for _, p := range slices.SortedFunc(maps.Keys(ld.cgo), func(a, b *packages.Package) int { return strings.Compare(a.ID, b.ID) }) {
		lp, listed := ld.pkgs[p], ld.cgo[p]
		if lp.initial != matched {
			continue
		}
		f := files[lp.ID]
		lp.CompiledGoFiles = f.CompiledGoFiles
		for _, path := range slices.Sorted(maps.Keys(f.Imports)) {
			if listed[path] {
				continue // kept, or left out as go/packages leaves it
			}
			ip := ld.byID[f.Imports[path]]
			if ip == nil || ld.reaches(ip, lp.Package) {
				return false
			}
			lp.Imports[path] = ip
			changed = true
		}
		if matched {
			lp.parsed = newParsedFiles(len(lp.CompiledGoFiles))
		}
	}
	if changed {
		ld.sort()
	}
	return true
}

// reaches reports whether to is among from's imports, transitively.
func (ld *loader) reaches(from, to *packages.Package) bool {
	found := false
	packages.Visit([]*packages.Package{from}, func(p *packages.Package) bool {
		found = found || p == to
		return !found
	}, nil)
	return found
}

// directDeps returns the packages the matched ones import that are not
// matched, sorted by import path.
func (ld *loader) directDeps() []*packages.Package {
	var out []*packages.Package
	seen := map[*packages.Package]bool{}
	for _, lp := range ld.order {
		if !lp.initial {
			continue
		}
		for _, ip := range lp.Imports {
			if !ld.pkgs[ip].initial && ip.PkgPath != "unsafe" && !seen[ip] {
				seen[ip] = true
				out = append(out, ip)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].PkgPath < out[j].PkgPath })
	return out
}

// exportFiles lists paths (import paths) and their dependencies with
// their export data, which makes the go command build them, and the
// compiled files of those among cgo.
func exportFiles(listCfg *packages.Config, paths []string, cgo map[*packages.Package]map[string]bool) exportResult {
	res := exportResult{files: map[string]string{}, cgo: map[string]cgoFiles{}}
	if len(paths) == 0 {
		return res
	}
	usesCgo := map[string]bool{}
	for p := range cgo {
		usesCgo[p.ID] = true
	}
	c := *listCfg
	// CompiledGoFiles: without them the go command leaves out of the
	// imports those cgo adds (runtime/cgo), which -deps lists all the same.
	c.Mode = packages.NeedName | packages.NeedExportFile | packages.NeedImports | packages.NeedDeps | packages.NeedCompiledGoFiles
	deps, err := packages.Load(&c, paths...)
	if err != nil {
		res.err = err
		return res
	}
	packages.Visit(deps, nil, func(p *packages.Package) {
		if p.ExportFile != "" {
			res.files[p.ID] = p.ExportFile
		}
		if usesCgo[p.ID] && len(p.CompiledGoFiles) > 0 && !slices.ContainsFunc(p.Errors, func(e packages.Error) bool {
			return e.Kind == packages.ListError
		}) {
			// Only what cgo made of it: a package it failed on is left out,
			// and the loader lists with packages.Load (see errListAgain).
			imports := map[string]string{}
			for path, ip := range p.Imports {
				imports[path] = ip.ID
			}
			res.cgo[p.ID] = cgoFiles{CompiledGoFiles: p.CompiledGoFiles, Imports: imports}
		}
	})
	return res
}

// plan decides, as go/packages does, which packages are type-checked
// from source (the matched ones, those without export data and those
// importing one of them) and which need types (those and the direct
// imports of those).
func (ld *loader) plan() {
	for _, lp := range ld.order { // imports first
		lp.needsrc = fromSource(lp.Package, lp.initial, func(ip *packages.Package) bool { return ld.pkgs[ip].needsrc })
		if lp.needsrc && lp.parsed == nil {
			lp.parsed = newParsedFiles(len(lp.CompiledGoFiles))
		}
	}
	for _, lp := range ld.order {
		if lp.needsrc {
			lp.needtypes = true
			for _, ip := range lp.Imports {
				ld.pkgs[ip].needtypes = true
			}
		}
	}
}

// fromSource reports whether Load type-checks p from source: p matched,
// without export data, or importing a package that is (imported says,
// of each import, asked imports first).
func fromSource(p *packages.Package, matched bool, imported func(*packages.Package) bool) bool {
	if p.PkgPath == "unsafe" {
		return false
	}
	if matched || p.ExportFile == "" {
		return true
	}
	for _, ip := range p.Imports {
		if imported(ip) {
			return true
		}
	}
	return false
}

// parsedFiles is the parse of one package's files, file by file: a file
// is parsed once, ahead of the type-checking (while the dependencies'
// export data is on its way) or by it.
type parsedFiles struct {
	files []*ast.File
	errs  []error
	once  []sync.Once
}

func newParsedFiles(n int) *parsedFiles {
	return &parsedFiles{files: make([]*ast.File, n), errs: make([]error, n), once: make([]sync.Once, n)}
}

// parse parses lp's i-th file, once.
func (ld *loader) parse(lp *loadPackage, i int) {
	lp.parsed.once[i].Do(func() {
		name := lp.CompiledGoFiles[i]
		src, release, err := readSource(name)
		defer release()
		if err != nil {
			lp.parsed.errs[i] = err
			return
		}
		// Without object resolution: see Load.
		lp.parsed.files[i], lp.parsed.errs[i] = parser.ParseFile(ld.fset, name, src, parser.AllErrors|parser.ParseComments|parser.SkipObjectResolution)
	})
}

// syntax returns lp's parsed files and the errors of parsing them, in
// the order of its files, parsing those not parsed yet.
func (ld *loader) syntax(lp *loadPackage) ([]*ast.File, []error) {
	for i := range lp.CompiledGoFiles {
		ld.parse(lp, i)
	}
	files := slices.DeleteFunc(lp.parsed.files, func(f *ast.File) bool { return f == nil })
	errs := slices.DeleteFunc(lp.parsed.errs, func(err error) bool { return err == nil })
	return files, errs
}

// dropParsed forgets the matched packages' files parsed so far (the
// type-checking parses them again), and takes them out of the file set,
// where a file parsed again must be the only one of its name (positions
// are looked up by file name: routes' posFinder among others).
func (ld *loader) dropParsed() {
	for _, lp := range ld.order {
		if lp.parsed == nil {
			continue
		}
		for _, f := range lp.parsed.files {
			if f == nil {
				continue
			}
			if tf := ld.fset.File(f.FileStart); tf != nil {
				ld.fset.RemoveFile(tf)
			}
		}
		lp.parsed = newParsedFiles(len(lp.CompiledGoFiles))
	}
}

// parseJob is a file of a matched package to parse.
type parseJob struct {
	lp *loadPackage
	i  int
}

// parseJobs returns the files of the matched packages that can be parsed
// ahead: all but those of packages using cgo, whose compiled files are
// not known yet.
func (ld *loader) parseJobs() []parseJob {
	var jobs []parseJob
	for _, lp := range ld.order {
		if lp.initial && lp.parsed != nil && lp.PkgPath != "unsafe" {
			for i := range lp.CompiledGoFiles {
				jobs = append(jobs, parseJob{lp, i})
			}
		}
	}
	return jobs
}

// parseAhead parses jobs on GOMAXPROCS cores until stop is closed.
func (ld *loader) parseAhead(jobs []parseJob, stop <-chan struct{}) {
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		if closed(stop) || ld.ctx.Err() != nil {
			break // the type-checker parses the rest
		}
		g.Go(func() error {
			ld.parse(j.lp, j.i)
			return nil
		})
	}
	_ = g.Wait()
}

// closed reports whether c is closed.
func closed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
