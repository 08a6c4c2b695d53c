package engine

import (
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"runtime"
	"slices"
	"sort"
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
// One difference: the stack go/packages names in the error of an import
// cycle depends on the order of a map's iteration; Load names the path
// from the imported package to the importer.
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
	// Logf logs where the export data came from; nil: nothing.
	Logf func(format string, args ...any)
}

// LoadWith is Load with o's help: when the export data files the last
// load was given for the same dependencies (the same sources) and
// settings are still there, the go command is not asked for them again,
// and the load is one go list that builds nothing.
func LoadWith(cfg *packages.Config, o LoadOptions, patterns ...string) ([]*packages.Package, error) {
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
	roots, err := packages.Load(&listCfg, patterns...)
	if err != nil {
		return nil, err
	}
	ld := &loader{ctx: ctx, fset: token.NewFileSet(), pkgs: map[*packages.Package]*loadPackage{}}
	packages.Visit(roots, nil, func(p *packages.Package) {
		lp := &loadPackage{Package: p}
		ld.pkgs[p] = lp
		ld.order = append(ld.order, lp) // imports first
	})
	for _, p := range roots {
		ld.pkgs[p].initial = true
	}
	for _, lp := range ld.order {
		if lp.initial {
			lp.parsed = newParsedFiles(len(lp.CompiledGoFiles))
		}
	}

	// The export data of the dependencies, from the last load or from the
	// go command, while the matched packages' files are parsed.
	exports := make(chan exportResult, 1)
	stop := make(chan struct{}) // closed with the export data known
	go func() {
		defer close(stop)
		store := newExportStore(o, cfg)
		key, keyed := store.key(ld)
		if keyed {
			if files, ok := store.get(key); ok {
				o.log("export data of %d dependencies: the files of the last load", len(files))
				exports <- exportResult{files: files}
				return
			}
		}
		deps := ld.directDeps()
		paths := make([]string, len(deps))
		for i, p := range deps {
			paths[i] = p.PkgPath
		}
		res := exportFiles(&listCfg, paths)
		o.log("export data of %d dependencies from the go command", len(res.files))
		if keyed && res.err == nil {
			store.put(key, res.files)
		}
		exports <- res
	}()
	ld.parseAhead(stop)
	res := <-exports
	if res.err != nil {
		return nil, fmt.Errorf("listing the dependencies' export data: %w", res.err)
	}
	for _, lp := range ld.order {
		if !lp.initial {
			lp.ExportFile = res.files[lp.ID]
		}
	}
	ld.plan()
	if err := ld.check(); err != nil {
		return nil, err
	}
	return roots, nil
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
	files map[string]string // export data files, by package ID
	err   error
}

type loader struct {
	ctx   context.Context
	fset  *token.FileSet
	pkgs  map[*packages.Package]*loadPackage
	order []*loadPackage // imports before their importers

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
// their export data, which makes the go command build them.
func exportFiles(listCfg *packages.Config, paths []string) exportResult {
	res := exportResult{files: map[string]string{}}
	if len(paths) == 0 {
		return res
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
	})
	return res
}

// plan decides, as go/packages does, which packages are type-checked
// from source (the matched ones, those without export data and those
// importing one of them) and which need types (those and the direct
// imports of those).
func (ld *loader) plan() {
	for _, lp := range ld.order { // imports first
		if lp.PkgPath == "unsafe" {
			continue
		}
		lp.needsrc = lp.initial || lp.ExportFile == ""
		for _, ip := range lp.Imports {
			lp.needsrc = lp.needsrc || ld.pkgs[ip].needsrc
		}
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
		src, err := os.ReadFile(name)
		if err != nil {
			lp.parsed.errs[i] = err
			return
		}
		// Object resolution included: go/packages promises it.
		lp.parsed.files[i], lp.parsed.errs[i] = parser.ParseFile(ld.fset, name, src, parser.AllErrors|parser.ParseComments)
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

// parseAhead parses the matched packages' files on GOMAXPROCS cores until
// stop is closed.
func (ld *loader) parseAhead(stop <-chan struct{}) {
	type job struct {
		lp *loadPackage
		i  int
	}
	var jobs []job
	for _, lp := range ld.order {
		if lp.initial && lp.PkgPath != "unsafe" {
			for i := range lp.CompiledGoFiles {
				jobs = append(jobs, job{lp, i})
			}
		}
	}
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
