package audit

import (
	"crypto/sha256"
	"path/filepath"
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
// With lc's cache and go environment, the dependencies the last load of
// the same patterns imported are asked for while the packages are listed
// (a guess: see engine.LoadExpecting).
func load(cfg *packages.Config, patterns []string, lc loadCache, log func(string, ...any)) ([]*packages.Package, error) {
	start := time.Now()
	var key cache.Key
	var expected []string
	guess := lc.guess(cfg)
	if guess {
		key = importsKey(cfg, patterns, lc.env)
		if data, ok := lc.c.Get(cache.KindImports, key); ok && len(data) > 0 {
			expected = strings.Split(string(data), "\n")
		}
	}
	pkgs, direct, err := engine.LoadExpecting(cfg, expected, patterns...)
	if err != nil {
		return nil, err
	}
	if guess && !slices.Equal(direct, expected) {
		_ = lc.c.Put(cache.KindImports, key, []byte(strings.Join(direct, "\n"))) // a failure costs the next load time only
	}
	n := 0
	packages.Visit(pkgs, nil, func(*packages.Package) { n++ })
	log("loaded %d packages (%d with their dependencies) in %v", len(pkgs), n, time.Since(start).Round(time.Millisecond))
	return pkgs, nil
}

// loadCache is what a load may reuse: the cache (nil: none) and the go
// command's environment (go env; nil: not read).
type loadCache struct {
	c   *cache.Cache
	env map[string]string
}

// guess reports whether the load may guess its dependencies. Not with
// -mod=mod: a guess naming a package that no longer exists would make
// the go command look for a module providing it and add it to go.mod.
func (lc loadCache) guess(cfg *packages.Config) bool {
	if lc.c == nil || lc.env == nil {
		return false
	}
	flags := append(strings.Fields(lc.env["GOFLAGS"]), cfg.BuildFlags...)
	for i, f := range flags {
		f = "-" + strings.TrimLeft(f, "-") // -mod or --mod
		if f == "-mod=mod" || f == "-mod" && i+1 < len(flags) && flags[i+1] == "mod" {
			return false
		}
	}
	return true
}

// importsKey names the dependencies a load of patterns imported: the
// directory, the patterns and what selects files (build flags, the go
// command's settings). It need not be exact: a wrong guess costs time
// only.
func importsKey(cfg *packages.Config, patterns []string, env map[string]string) cache.Key {
	h := sha256.New()
	dir, _ := filepath.Abs(cfg.Dir)
	parts := []string{"oneway-imports-1", dir}
	parts = append(parts, patterns...)
	parts = append(parts, "--")
	parts = append(parts, cfg.BuildFlags...)
	for _, v := range []string{"GOMOD", "GOWORK", "GOFLAGS", "GOOS", "GOARCH", "CGO_ENABLED", "GOEXPERIMENT"} {
		parts = append(parts, v+"="+env[v])
	}
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	var k cache.Key
	h.Sum(k[:0])
	return k
}
