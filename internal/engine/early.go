package engine

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"golang.org/x/tools/go/packages"
)

// Early returns the work on the dependencies that can be done before
// the packages loaded from source are type-checked, or nil when it is
// not worth doing apart (see earlyShare): a loader's
// LoadOptions.BeforeSource. The work gives their facts to every
// dependency whose types and whose imports' types come from export
// data — from the cache or, for those without an entry, by analysing
// their source — while none of the loaded packages' syntax and types
// take memory: the memory of a first audit is then the larger of the
// two phases rather than their sum, and the collector, marking a
// smaller heap, costs less. Run does the rest.
//
// Early is called before the export data is read (it reads the
// dependencies' files, not their types); the function it returns, once
// the export data of the dependencies go/packages reads is read and
// before any package is type-checked from source.
func (e *Engine) Early(ctx context.Context) func() error {
	e.lookUp()
	loaded := map[*packages.Package]bool{} // types from source (see fromSource)
	var early []*unit
	matched, compute := 0, 0    // files
	for _, u := range e.units { // postorder: imports first
		if u.initial {
			matched += len(u.pkg.CompiledGoFiles)
		}
		src := fromSource(u.pkg, u.initial, func(ip *packages.Package) bool { return loaded[ip] })
		loaded[u.pkg] = src
		if !src {
			early = append(early, u)
			if e.toCompute(u) {
				compute += len(u.pkg.CompiledGoFiles)
			}
		}
	}
	if compute == 0 || compute*earlyShare < matched {
		return nil
	}
	return func() error {
		start := time.Now()
		// Only the imports of the units processed here: every one comes
		// from export data. Another dependency's may be a package the
		// loader has yet to type-check from source (one importing a
		// matched package); Run completes those.
		e.completeImports(early)
		if e.limit {
			// See earlyHeadroom. The collections before and after make
			// the bound, and the pacing of the loading that follows,
			// start from what is live, not from what the last collection
			// found amid the export data read or two dependencies
			// analysed. A limit the user set (GOMEMLIMIT) is left alone.
			runtime.GC()
			if restore, ok := limitMemory(earlyHeadroom, inUseHeadroom); ok {
				stop := followLive(followHeadroom)
				defer func() {
					stop()
					restore()
					runtime.GC()
				}()
			}
		}
		e.processAll(ctx, early)
		if err := ctx.Err(); err != nil {
			return err
		}
		for _, u := range early {
			u.early = true
		}
		e.log("facts of %d dependencies before type-checking the packages loaded from source, in %v", len(early), time.Since(start).Round(time.Millisecond))
		return nil
	}
}

// earlyShare: Early's work is done apart when the dependencies whose
// facts it computes from source have at least 1/earlyShare as many
// files as the matched packages. Apart, the export data is read before
// any matched package is type-checked, no longer beside it, and two
// more collections run: on the 2,000-package synthetic module, whose
// two dependencies to compute have 5 files against 3,159, the first
// audit took 1.04–1.06× the time. On the real code bases tried the
// dependencies to compute have 1.5 to 12 times the matched packages'
// files (gitness 2,406 against 1,529, nomad 5,358 against 1,191).
const earlyShare = 4

// Restrict makes roots, some of the packages New was given as roots,
// the packages Run analyses: a driver that creates the engine before it
// knows which packages it can analyse (see Early) names them once it
// does. Packages only the others reach are left alone.
func (e *Engine) Restrict(roots []*packages.Package) error {
	keep := map[*unit]bool{}
	for _, p := range roots {
		u := e.byPkg[p]
		if u == nil || !u.root {
			return fmt.Errorf("restricting the analysis to %s: not a package the engine was given to analyse", p.PkgPath)
		}
		keep[u] = true
	}
	reached := map[*unit]bool{}
	for _, u := range e.units {
		u.root = keep[u]
		if u.root {
			addClosure(reached, u)
		}
	}
	units := make([]*unit, 0, len(reached))
	for _, u := range e.units {
		if reached[u] {
			units = append(units, u)
		}
	}
	e.units = units
	return nil
}
