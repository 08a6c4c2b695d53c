package engine

import (
	"errors"
	"fmt"
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

// Type-checking what Load listed: the matched packages (and those that
// must be) from source, the others' types from export data, in
// dependency order, with go/packages' errors and rules.

// check gives every package its types — from source or export data —
// in dependency order, on GOMAXPROCS cores.
func (ld *loader) check(beforeSource func(matched []*packages.Package) func() error) error {
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
	importsOf := func(lp *loadPackage) []*loadPackage {
		out := make([]*loadPackage, 0, len(lp.Imports))
		for _, ip := range lp.Imports {
			out = append(out, ld.pkgs[ip])
		}
		return out
	}
	if beforeSource != nil {
		if early := beforeSource(ld.roots); early != nil {
			// The work first, before any export data is read, then the
			// types: see LoadOptions.BeforeSource. The work's phase holds
			// the peak of a first audit: the files parsed ahead go, and
			// are parsed again as they are type-checked.
			ld.dropParsed()
			if err := early(); err != nil {
				return err
			}
		}
	}
	inDependencyOrder(ld.order, importsOf, loadWeight, func(lp *loadPackage) {
		if ld.ctx.Err() == nil {
			ld.load(lp)
		}
	})
	return ld.ctx.Err()
}

// loadWeight estimates what loading lp costs, for the order of the
// packages ready: type-checking from source by its files; reading export
// data is cheap beside it.
func loadWeight(lp *loadPackage) int64 {
	if lp.needsrc {
		return int64(len(lp.CompiledGoFiles)) + 1
	}
	return 1
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
	tpkg, err := readExport(ld.fset, lp.Package, closureView(lp.Package))
	if err != nil {
		return err
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
	files, errs := ld.syntax(lp)
	for _, err := range errs {
		appendError(err)
	}
	lp.Syntax = files
	lp.parsed = nil
	if lp.initial { // function bodies checked
		lp.TypesInfo = newTypesInfoFor(ld.fset, files)
	} else {
		lp.TypesInfo = newTypesInfo()
	}
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
	if path == "C" {
		// Never among the imports go list names (cgo did not run).
		return fmt.Errorf("no metadata for %s", path)
	}
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

// newTypesInfo returns the type information go/packages records.
func newTypesInfo() *types.Info { return newTypesInfoFor(nil, nil) }

// newTypesInfoFor is newTypesInfo with its largest maps sized for
// files, function bodies included: a map grown entry by entry is
// rehashed at every doubling. The checker records about 1.7 expressions
// and 1.4 uses a line, one expression per 18 bytes and one use per 24
// (medians over the dependencies of nomad and gitness type-checked from
// source). The size is the lesser of what the bytes and the lines give
// at about the least rate seen (a line of template text; a file of
// long string literals, swaggo/files: 35 MB for 986 expressions), so
// that it is seldom more than needed, about half of it at the median.
func newTypesInfoFor(fset *token.FileSet, files []*ast.File) *types.Info {
	bytes, lines := 0, 0
	for _, f := range files {
		if tf := fset.File(f.Pos()); tf != nil {
			bytes += tf.Size()
			lines += tf.LineCount()
		}
	}
	// One entry every bytesEach bytes, perTenLines every ten lines.
	size := func(bytesEach, perTenLines int) int { return min(bytes/bytesEach, lines*perTenLines/10) }
	return &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue, size(30, 10)),
		Defs:         make(map[*ast.Ident]types.Object, size(140, 2)),
		Uses:         make(map[*ast.Ident]types.Object, size(40, 8)),
		Implicits:    make(map[ast.Node]types.Object),
		Instances:    make(map[*ast.Ident]types.Instance),
		Scopes:       make(map[ast.Node]*types.Scope, size(400, 1)),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection, size(300, 1)),
		FileVersions: make(map[*ast.File]string, len(files)),
	}
}
