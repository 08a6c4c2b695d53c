package audit

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"github.com/oneway-lint/oneway/internal/cache"
	"github.com/oneway-lint/oneway/internal/engine"
)

// load loads the packages matched by patterns with the engine's loader:
// syntax and types of the matched packages from their source, without
// building them, and export data of their dependencies.
//
// Its errors are those of listing, parsing and type-checking: not the
// go command's errors of building a matched package (an //go:embed
// pattern that matches no file, a web UI not built yet), which are no
// problem of the code the audit reads.
//
// With lc's cache and the go command's settings, the load reuses what
// the last one learnt (engine.LoadOptions).
func load(cfg *packages.Config, patterns []string, lc loadCache, hooks engine.LoadOptions, log func(string, ...any)) ([]*packages.Package, error) {
	start := time.Now()
	o := lc.options()
	o.Logf = log
	o.Listed, o.BeforeSource = hooks.Listed, hooks.BeforeSource
	pkgs, err := engine.LoadWith(cfg, o, patterns...)
	if err != nil {
		return nil, err
	}
	n := 0
	packages.Visit(pkgs, nil, func(*packages.Package) { n++ })
	log("loaded %d packages (%d with their dependencies) in %v", len(pkgs), n, time.Since(start).Round(time.Millisecond))
	return pkgs, nil
}

// loadCache is what a load may reuse: the cache (nil: none) and the go
// command's settings (go env; nil: not read).
type loadCache struct {
	c   *cache.Cache
	env map[string]string
}

// options returns the engine's load options.
func (lc loadCache) options() engine.LoadOptions {
	if lc.c == nil || lc.env == nil {
		return engine.LoadOptions{}
	}
	var settings strings.Builder
	for _, name := range slices.Sorted(maps.Keys(lc.env)) {
		// Where the main module is changes no dependency's export data
		// (a dependency's directory is part of its identity): clones and
		// worktrees of a code base share the dependencies' files.
		if name != "GOMOD" {
			fmt.Fprintf(&settings, "%s=%q\x00", name, lc.env[name])
		}
	}
	return engine.LoadOptions{Cache: lc.c, Settings: []byte(settings.String()), GoEnv: lc.env}
}
