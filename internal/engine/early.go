package engine

import (
	"context"
	"errors"
	"fmt"
	"go/token"
	"go/types"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/packages"
)

// Early returns the work on the dependencies that can be done before
// the loader reads any export data or type-checks any package, or nil
// when it is not worth doing apart (see earlyShare): a loader's
// LoadOptions.BeforeSource. The work finds the facts of every
// dependency whose types and whose imports' types come from export
// data — from the cache or, for those without an entry, by analysing
// their source — on types of its own (see ownTypes), and keeps them by
// object path, as the cache does (depEntry); Run gives them to the
// loader's types. None of the loaded packages' types take memory while
// it works, and none of its types once it is done: the memory of a
// first audit is the larger of the two phases rather than their sum,
// and the second holds what the loader reads, not the whole export
// data of every package below a dependency analysed.
//
// Early is called before the export data is read (it reads the
// dependencies' files, not their types); the function it returns too.
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
		// The units processed here: those whose facts are computed from
		// source, and every package below them, whose facts they read.
		below := e.below(early)
		var list []*unit
		for _, u := range early {
			if below[u] || e.toCompute(u) {
				list = append(list, u)
			}
		}
		restore := e.ownTypes(ctx, below)
		var lift func()
		if e.limit {
			// See earlyHeadroom. The collections before and after make
			// the bound, and the pacing of the loading that follows,
			// start from what is live, not from what the last collection
			// found amid the export data read or two dependencies
			// analysed. A limit the user set (GOMEMLIMIT) is left alone.
			runtime.GC()
			if restoreLimit, ok := limitMemory(earlyHeadroom, followMinHeadroom, inUseHeadroom); ok {
				stop := followLive(followHeadroom, followMinHeadroom)
				lift = func() {
					stop()
					restoreLimit()
				}
			}
		}
		defer func() {
			restore() // before the collection: Early's types are garbage
			if lift != nil {
				lift()
				runtime.GC()
			}
		}()
		for _, u := range list {
			u.early = true
		}
		e.processAll(ctx, list)
		if err := ctx.Err(); err != nil {
			return err
		}
		// What refers to the types of Early's own goes with them; the
		// facts stay in the entries, for Run to give the loader's
		// packages (see runDependency).
		for _, u := range list {
			u.facts = newFactSet()
			u.hidden, u.hiddenObjs, u.hiddenOnce = nil, nil, sync.Once{}
		}
		e.log("facts of %d dependencies before any export data is read, in %v", len(list), time.Since(start).Round(time.Millisecond))
		return nil
	}
}

// ownTypes gives every unit of below, while Early works, types of its
// own: its whole export data, read into packages the loader never sees,
// in dependency order on every core (below holds every package below
// each of its units, and once those are read whole, reading a package's
// export data changes that package alone, so packages not above one
// another are read at once). Every fact Early finds is on those types;
// restore gives the units back the loader's, empty and untouched, and
// with the facts kept by object path (depEntry) the types of Early's
// own go: after it, the memory holds the export data the loader reads,
// not the whole of every package below a dependency analysed.
func (e *Engine) ownTypes(ctx context.Context, below map[*unit]bool) (restore func()) {
	var list []*unit
	for _, u := range e.units { // postorder: imports first
		if below[u] {
			list = append(list, u)
		}
	}
	loader := make(map[*unit]*types.Package, len(list))
	for _, u := range list {
		loader[u] = u.pkg.Types
	}
	// The export data names the files of its declarations: the reader
	// adds each to the file set, named by a string of the export data,
	// which it keeps whole. Those files leave the set with the types.
	before := map[*token.File]bool{}
	e.fset.Iterate(func(f *token.File) bool {
		before[f] = true
		return true
	})
	index := make(map[*unit]int, len(list))
	for i, u := range list {
		index[u] = i
	}
	// swapped: the unit has types of Early's own. failed: its export
	// data could not be read, or that of a package below it: it has an
	// empty package of Early's own, which reading the export data of the
	// packages above it fills with what they mention (as the loader's
	// packages are filled), so those reads take turns (degraded).
	swapped := make([]bool, len(list))
	failed := make([]bool, len(list))
	var degraded sync.Mutex
	var reads atomic.Int64
	inDependencyOrder(list, func(u *unit) []*unit { return u.imports }, nil, func(u *unit) {
		i, p := index[u], u.pkg
		if ctx.Err() != nil || p.Types == nil || p.Types.Complete() {
			return // unsafe; or cancelled, and so is every read above
		}
		below := false
		for _, imp := range u.imports {
			if j, ok := index[imp]; ok && failed[j] {
				below = true
			}
		}
		if below {
			degraded.Lock()
			defer degraded.Unlock()
		}
		var pkg *types.Package
		err := errors.New("no export data file") // the loader says so
		if p.ExportFile != "" {
			view := closureView(p)
			delete(view, p.PkgPath) // the loader's, empty: read into a new one
			if pkg, err = readExport(e.fset, p, view); err != nil {
				e.noteUnreadable(p, err)
			}
		}
		if err != nil {
			pkg, below = types.NewPackage(p.PkgPath, p.Name), true
		} else {
			reads.Add(1)
		}
		p.Types = pkg // read by the packages above p only, after it
		swapped[i], failed[i] = true, below
	})
	for i, u := range list {
		if swapped[i] {
			delete(e.byTypes, loader[u])
			e.byTypes[u.pkg.Types] = u
		}
	}
	e.log("the whole export data of %d packages read apart", reads.Load())
	var added []*token.File
	e.fset.Iterate(func(f *token.File) bool {
		if !before[f] {
			added = append(added, f)
		}
		return true
	})
	return func() {
		for _, f := range added {
			e.fset.RemoveFile(f)
		}
		added = nil
		for i, u := range list {
			if swapped[i] {
				delete(e.byTypes, u.pkg.Types)
				u.pkg.Types = loader[u]
				e.byTypes[loader[u]] = u
			}
		}
	}
}

// earlyShare: Early's work is done apart when the dependencies whose
// facts it computes from source have at least 1/earlyShare as many
// files as the matched packages. Apart, the packages below those
// computed are read whole apart (those the loader needs read again by
// it), the files parsed ahead parsed again, and two more collections
// run: on the 2,000-package synthetic module, whose two dependencies to
// compute have 5 files against 3,159, the first audit took 1.04–1.06×
// the time (measured when Early worked on the loader's types). On the real code bases tried the
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
