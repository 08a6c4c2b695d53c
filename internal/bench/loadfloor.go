// Package bench holds oneway's performance harness: a generator of
// synthetic Go modules, the load floor (what loading and type-checking
// alone cost), a driver that runs the audit with profiling, and Go
// benchmarks of the audit's hot parts. docs/performance.md describes how
// to run it and what it found.
package bench

import (
	"context"
	"fmt"

	"golang.org/x/tools/go/packages"
)

// FloorMode is what the load floor asks go/packages for: syntax and
// types for the named packages, export data for their dependencies.
// It is the least any go/analysis driver that reads syntax can do.
const FloorMode = packages.LoadSyntax | packages.NeedModule

// LoadFloor loads the packages matched by patterns in dir with FloorMode
// and does nothing else. It returns how many packages matched and how
// many of them have errors.
func LoadFloor(ctx context.Context, dir string, patterns []string) (pkgs, withErrors int, err error) {
	cfg := &packages.Config{Context: ctx, Mode: FloorMode, Dir: dir}
	loaded, err := packages.Load(cfg, patterns...)
	if err != nil {
		return 0, 0, fmt.Errorf("loading packages: %w", err)
	}
	for _, p := range loaded {
		if len(p.Errors) > 0 {
			withErrors++
		}
	}
	return len(loaded), withErrors, nil
}
