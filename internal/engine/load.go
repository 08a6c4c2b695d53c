package engine

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"maps"
	"os"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
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
	pkgs, _, err := LoadExpecting(cfg, nil, patterns...)
	return pkgs, err
}

// LoadExpecting is Load asking for the export data of expected — the
// import paths of the dependencies a last load of the same patterns
// imported directly — while it lists the packages rather than after: the
// two go commands run at once. A wrong guess costs time only: what it
// left out is asked for after the listing. It returns the import paths
// to expect next time.
func LoadExpecting(cfg *packages.Config, expected []string, patterns ...string) (pkgs []*packages.Package, direct []string, err error) {
	if cfg.Tests || len(cfg.Overlay) > 0 {
		c := *cfg
		c.Mode = LoadMode
		pkgs, err := packages.Load(&c, patterns...)
		return pkgs, nil, err
	}
	ctx := cfg.Context
	if ctx == nil {
		ctx = context.Background()
	}
	listCfg := *cfg
	listCfg.Context = ctx
	listCfg.Mode = listMode
	var guessed chan exportResult
	if len(expected) > 0 {
		guessed = make(chan exportResult, 1)
		go func() { guessed <- exportFiles(&listCfg, expected) }()
	}
	roots, err := packages.Load(&listCfg, patterns...)
	if err != nil {
		return nil, nil, err
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

	// The export data of the dependencies, while the matched packages'
	// files are parsed.
	deps := ld.directDeps()
	exports := make(chan exportResult, 1)
	go func() {
		res := exportResult{files: map[string]string{}, listed: map[string]bool{}}
		need := deps
		if guessed != nil {
			if g := <-guessed; g.err == nil {
				res = g
				need = slices.DeleteFunc(slices.Clone(deps), func(p *packages.Package) bool { return g.listed[p.ID] })
			}
		}
		if len(need) > 0 {
			paths := make([]string, len(need))
			for i, p := range need {
				paths[i] = p.PkgPath
			}
			more := exportFiles(&listCfg, paths)
			maps.Copy(res.files, more.files)
			res.err = more.err
		}
		exports <- res
	}()
	ld.parseAll(func(lp *loadPackage) bool { return lp.initial })
	res := <-exports
	if res.err != nil {
		return nil, nil, fmt.Errorf("listing the dependencies' export data: %w", res.err)
	}
	for _, lp := range ld.order {
		if !lp.initial {
			lp.ExportFile = res.files[lp.ID]
		}
	}
	ld.plan()
	ld.parseAll(func(lp *loadPackage) bool { return lp.needsrc && lp.parsed == nil })
	if err := ld.check(); err != nil {
		return nil, nil, err
	}
	for _, p := range deps {
		direct = append(direct, p.PkgPath)
	}
	return roots, direct, nil
}

// listMode is LoadMode without what makes the go command build the
// packages (types, which go/packages reads from export data).
const listMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedModule | packages.NeedTypesSizes

type exportResult struct {
	files  map[string]string // export data files, by package ID
	listed map[string]bool   // the IDs of the packages listed
	err    error
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

type parsedFiles struct {
	files []*ast.File
	errs  []error
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
	res := exportResult{files: map[string]string{}, listed: map[string]bool{}}
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
		res.listed[p.ID] = true
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

// parseAll parses the files of the packages that want it, in parallel.
func (ld *loader) parseAll(want func(*loadPackage) bool) {
	type job struct {
		lp *loadPackage
		i  int
	}
	var jobs []job
	for _, lp := range ld.order {
		if lp.PkgPath == "unsafe" || !want(lp) {
			continue
		}
		lp.parsed = &parsedFiles{files: make([]*ast.File, len(lp.CompiledGoFiles)), errs: make([]error, len(lp.CompiledGoFiles))}
		for i := range lp.CompiledGoFiles {
			jobs = append(jobs, job{lp, i})
		}
	}
	var g errgroup.Group
	g.SetLimit(runtime.GOMAXPROCS(0))
	for _, j := range jobs {
		g.Go(func() error {
			if ld.ctx.Err() != nil {
				return nil
			}
			name := j.lp.CompiledGoFiles[j.i]
			src, err := os.ReadFile(name)
			if err != nil {
				j.lp.parsed.errs[j.i] = err
				return nil
			}
			// Object resolution included: go/packages promises it.
			j.lp.parsed.files[j.i], j.lp.parsed.errs[j.i] = parser.ParseFile(ld.fset, name, src, parser.AllErrors|parser.ParseComments)
			return nil
		})
	}
	_ = g.Wait()
	for _, j := range jobs {
		if j.i == 0 {
			j.lp.parsed.files = compact(j.lp.parsed.files)
			j.lp.parsed.errs = compact(j.lp.parsed.errs)
		}
	}
}

// compact drops the zero values of s, keeping the order of the others.
func compact[T comparable](s []T) []T {
	var zero T
	out := s[:0]
	for _, v := range s {
		if v != zero {
			out = append(out, v)
		}
	}
	return out
}

// check gives every package its types — from source or export data —
// in dependency order, on GOMAXPROCS cores.
func (ld *loader) check() error {
	for _, lp := range ld.order {
		lp.Fset = ld.fset
		if lp.PkgPath == "unsafe" {
			lp.Types = types.Unsafe
			lp.Syntax = []*ast.File{}
			lp.TypesInfo = newTypesInfo()
			continue
		}
		// Every package gets its types.Package before any export data is
		// read, so that reading never creates one (go/packages' rule).
		lp.Types = types.NewPackage(lp.PkgPath, lp.Name)
	}
	pending := make(map[*loadPackage]int, len(ld.order))
	importers := make(map[*loadPackage][]*loadPackage, len(ld.order))
	for _, lp := range ld.order {
		for _, ip := range lp.Imports {
			pending[lp]++
			importers[ld.pkgs[ip]] = append(importers[ld.pkgs[ip]], lp)
		}
	}
	ready := make(chan *loadPackage, len(ld.order))
	for _, lp := range ld.order {
		if pending[lp] == 0 {
			ready <- lp
		}
	}
	var mu sync.Mutex
	left := len(ld.order)
	if left == 0 {
		close(ready)
	}
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for lp := range ready {
				if ld.ctx.Err() == nil {
					ld.load(lp)
				}
				mu.Lock()
				for _, imp := range importers[lp] {
					pending[imp]--
					if pending[imp] == 0 {
						ready <- imp
					}
				}
				left--
				if left == 0 {
					close(ready)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return ld.ctx.Err()
}

// load gives lp its types, from source or from export data.
func (ld *loader) load(lp *loadPackage) {
	switch {
	case lp.PkgPath == "unsafe":
	case lp.needsrc:
		ld.checkSource(lp)
	case lp.needtypes:
		if err := ld.readExport(lp); err != nil {
			lp.exportErr = err
			lp.Errors = append(lp.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
}

// readExport reads lp's export data into its types.Package, filling the
// packages of the graph it mentions.
func (ld *loader) readExport(lp *loadPackage) error {
	ld.exportMu.Lock()
	defer ld.exportMu.Unlock()
	if lp.Types.Complete() {
		return nil
	}
	lp.IllTyped = true
	if lp.ExportFile == "" {
		return fmt.Errorf("no export data file")
	}
	f, err := os.Open(lp.ExportFile)
	if err != nil {
		return err
	}
	defer func() { _ = f.Close() }()
	r, err := gcexportdata.NewReader(f) //nolint:staticcheck // SA1019: go/packages reads archives this way too
	if err != nil {
		return fmt.Errorf("reading %s: %v", lp.ExportFile, err)
	}
	view := map[string]*types.Package{}
	packages.Visit([]*packages.Package{lp.Package}, func(p *packages.Package) bool {
		if _, ok := view[p.PkgPath]; ok {
			return false
		}
		view[p.PkgPath] = p.Types
		return true
	}, nil)
	tpkg, err := gcexportdata.Read(r, ld.fset, view, lp.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %v", lp.ExportFile, err)
	}
	lp.Types = tpkg
	lp.IllTyped = false
	return nil
}

// checkSource type-checks lp from its parsed files, recording errors as
// go/packages does.
func (ld *loader) checkSource(lp *loadPackage) {
	appendError := func(err error) {
		var (
			se scanner.ErrorList
			te types.Error
			pe *os.PathError
			le packages.Error
		)
		switch {
		case errors.As(err, &le):
			lp.Errors = append(lp.Errors, le)
		case errors.As(err, &pe):
			lp.Errors = append(lp.Errors, packages.Error{Pos: pe.Path + ":1", Msg: pe.Err.Error(), Kind: packages.ParseError})
		case errors.As(err, &se):
			for _, e := range se {
				lp.Errors = append(lp.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		case errors.As(err, &te):
			lp.TypeErrors = append(lp.TypeErrors, te)
			lp.Errors = append(lp.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
		default:
			lp.Errors = append(lp.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
	}
	for _, err := range lp.parsed.errs {
		appendError(err)
	}
	lp.Syntax = lp.parsed.files
	lp.parsed = nil
	lp.TypesInfo = newTypesInfo()
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			ip := lp.Imports[path]
			if ip == nil {
				return nil, ld.importError(lp, path)
			}
			if ip.Types != nil && ip.Types.Complete() {
				return ip.Types, nil
			}
			if err := ld.pkgs[ip].exportErr; err != nil {
				return nil, err
			}
			return nil, fmt.Errorf("no complete types for %s", path)
		}),
		// Function bodies matter in the matched packages only.
		IgnoreFuncBodies: !lp.initial,
		Error:            appendError,
		Sizes:            lp.TypesSizes,
	}
	if m := lp.Module; m != nil && m.GoVersion != "" {
		conf.GoVersion = "go" + m.GoVersion
	}
	typErr := types.NewChecker(conf, ld.fset, lp.Types, lp.TypesInfo).Files(lp.Syntax)
	if typErr != nil && len(lp.Errors) == 0 && len(lp.Syntax) > 0 {
		if msg := typErr.Error(); strings.HasPrefix(msg, "package requires newer Go version") {
			appendError(types.Error{Fset: ld.fset, Pos: lp.Syntax[0].Package, Msg: msg})
		}
	}
	if typErr != nil && len(lp.Errors) == 0 {
		appendError(typErr)
	}
	ill := len(lp.Errors) > 0
	for _, ip := range lp.Imports {
		ill = ill || ip.IllTyped
	}
	lp.IllTyped = ill
}

// importError says why path, imported by lp, is not among its imports
// (go/packages leaves out an import that closes a cycle or that go list
// did not list), as go/packages does.
func (ld *loader) importError(lp *loadPackage, path string) error {
	var target *packages.Package
	for _, q := range ld.order {
		if q.PkgPath == path {
			target = q.Package
		}
	}
	if target == nil {
		return fmt.Errorf("missing package: %q", path)
	}
	// The cycle: a path from the imported package back to lp.
	from := map[*packages.Package]*packages.Package{target: nil}
	queue := []*packages.Package{target}
	for len(queue) > 0 && from[lp.Package] == nil {
		p := queue[0]
		queue = queue[1:]
		paths := make([]string, 0, len(p.Imports))
		for path := range p.Imports {
			paths = append(paths, path)
		}
		sort.Strings(paths)
		for _, path := range paths {
			if ip := p.Imports[path]; from[ip] == nil && ip != target {
				from[ip] = p
				queue = append(queue, ip)
			}
		}
	}
	if from[lp.Package] == nil {
		return fmt.Errorf("no metadata for %s", path)
	}
	var stack []*packages.Package
	for p := lp.Package; p != nil; p = from[p] {
		stack = append([]*packages.Package{p}, stack...)
	}
	return fmt.Errorf("import cycle: %s", stack)
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		FileVersions: make(map[*ast.File]string),
	}
}
