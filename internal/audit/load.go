package audit

import (
	"context"
	"fmt"
	"time"

	"golang.org/x/tools/go/packages"
)

// load loads the packages matched by patterns with engine.LoadMode.
//
// Export data makes the go command build the packages, and a package
// that type-checks may still fail to build: an //go:embed pattern that
// matches no file (a web UI not built yet), a compiler error beside the
// type errors. Those build errors are not problems of the code the audit
// reads, and its results must not depend on how the dependencies were
// loaded: when any package has errors from go list, the go command is
// asked again for its errors without building (as loading every package
// from source does), and those replace them.
func load(ctx context.Context, cfg *packages.Config, patterns []string, log func(string, ...any)) ([]*packages.Package, error) {
	start := time.Now()
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	var all []*packages.Package
	listErrors := false
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		all = append(all, p)
		for _, e := range p.Errors {
			listErrors = listErrors || e.Kind == packages.ListError
		}
	})
	log("loaded %d packages (%d with their dependencies) in %v", len(pkgs), len(all), time.Since(start).Round(time.Millisecond))
	if !listErrors {
		return pkgs, nil
	}

	// The same go list invocation as packages.LoadAllSyntax makes
	// (-compiled -deps, no -export), without type-checking.
	listCfg := *cfg
	listCfg.Context = ctx
	listCfg.Mode = packages.NeedName | packages.NeedCompiledGoFiles | packages.NeedImports | packages.NeedDeps
	listed, err := packages.Load(&listCfg, patterns...)
	if err != nil {
		return nil, fmt.Errorf("listing packages: %w", err)
	}
	want := map[string][]packages.Error{}
	packages.Visit(listed, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			if e.Kind == packages.ListError {
				want[p.ID] = append(want[p.ID], e)
			}
		}
	})
	changed := false
	for _, p := range all {
		var kept []packages.Error
		n := 0
		for _, e := range p.Errors {
			if e.Kind == packages.ListError {
				n++
				continue
			}
			kept = append(kept, e)
		}
		if n == 0 && len(want[p.ID]) == 0 {
			continue
		}
		errs := append(append([]packages.Error{}, want[p.ID]...), kept...)
		if len(errs) != len(p.Errors) {
			changed = true
		}
		p.Errors = errs
	}
	if !changed {
		return pkgs, nil
	}
	// A package type-checked from source is ill-typed when it or one of
	// its imports has errors (go/packages' rule), now without the build
	// errors.
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if p.TypesInfo == nil {
			return // loaded from export data
		}
		ill := len(p.Errors) > 0
		for _, imp := range p.Imports {
			ill = ill || imp.IllTyped
		}
		p.IllTyped = ill
	})
	log("go list reported errors of the build: replaced by those of listing without building (%v)", time.Since(start).Round(time.Millisecond))
	return pkgs, nil
}
