package coupling

import (
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/component"
)

// placer places packages in components for one pass and answers the
// policy's questions about them: may one component depend on another,
// is a package part of its component's public surface.
type placer struct {
	cfg      *Config
	resolver *component.Resolver
	cache    map[string]component.Placement
}

// newPlacer returns a placer for a package of module mod (its own module,
// "" if unknown) or nil when no main module is known.
func newPlacer(cfg *Config, pkgPath, mod string) *placer {
	mods := make([]component.Module, 0, len(cfg.Modules)+1)
	if mod == "" {
		mod = gopathModule(pkgPath)
	}
	if mod != "" {
		mods = append(mods, component.Module{Path: mod})
	}
	for _, m := range cfg.Modules {
		if m != mod {
			mods = append(mods, component.Module{Path: m})
		}
	}
	if len(mods) == 0 {
		return nil
	}
	return &placer{
		cfg:      cfg,
		resolver: component.NewResolver(cfg.Components, mods),
		cache:    map[string]component.Placement{},
	}
}

// gopathModule is the module to assume for a package when the driver
// names none (GOPATH-style trees, some build systems): the first path
// element when it has no dot, so "shop/orders" lives in "shop". For a
// dotted path the module's extent is unknown and it returns "": the
// package is then in no component and cross-component rules are skipped.
func gopathModule(pkgPath string) string {
	first, _, _ := strings.Cut(pkgPath, "/")
	if first == "" || strings.Contains(first, ".") {
		return ""
	}
	return first
}

func (p *placer) place(pkgPath string) component.Placement {
	pl, ok := p.cache[pkgPath]
	if !ok {
		pl = p.resolver.Resolve(pkgPath)
		p.cache[pkgPath] = pl
	}
	return pl
}

// root reports whether the policy names the package a composition root.
func (p *placer) root(pkgPath string, pl component.Placement) bool {
	for _, g := range p.cfg.Roots {
		if g.Match(pl.Rel) || g.Match(pkgPath) {
			return true
		}
	}
	return false
}

// allowed reports whether component from may depend on component to.
func (p *placer) allowed(from, to string) bool {
	if len(p.cfg.Allow) == 0 {
		return true
	}
	targets := p.cfg.Allow[from]
	return slices.Contains(targets, "*") || slices.Contains(targets, to)
}

// declared reports whether the policy declares the component or its
// public surface (rather than the component being one directory of the
// default rule, whose subdirectories are no boundary of their own).
func (p *placer) declared(comp string) bool {
	if _, ok := p.cfg.Public[comp]; ok {
		return true
	}
	return slices.ContainsFunc(p.cfg.Components, func(s component.Spec) bool { return s.Name == comp })
}

// public reports whether the package pl (with import path pkgPath) is part
// of its component's public surface.
func (p *placer) public(pkgPath string, pl component.Placement) bool {
	if globs, ok := p.cfg.Public[pl.Component]; ok {
		for _, g := range globs {
			if g.Match(pl.Rel) || g.Match(pkgPath) {
				return true
			}
		}
		return false
	}
	if slices.Contains(p.roots(pl), pl.Rel) {
		return true
	}
	if pl.Rel != "" {
		for _, seg := range strings.Split(pl.Rel, "/") {
			if slices.Contains(p.cfg.PublicNames, seg) {
				return true
			}
		}
	}
	return false
}

// roots returns the root packages (relative to the module) of the
// component of pl: the literal prefix of each of its globs when the policy
// names it, else the directory of its default component (its top-level
// directory, the second-level one below a container directory such as
// internal/, or the module root).
func (p *placer) roots(pl component.Placement) []string {
	for _, s := range p.cfg.Components {
		if s.Name != pl.Component {
			continue
		}
		var roots []string
		for _, g := range s.Paths {
			if r, ok := literalRoot(g.String()); ok {
				roots = append(roots, r)
			}
		}
		return roots
	}
	return []string{component.DefaultDir(pl.Rel)}
}

// literalRoot returns the package a glob is rooted at: "internal/billing"
// for "internal/billing/..." and "cmd/billing" for "cmd/billing". It
// returns false for globs with wildcards before their end.
func literalRoot(pattern string) (string, bool) {
	p := strings.TrimPrefix(pattern, "./")
	p = strings.TrimSuffix(p, "...")
	p = strings.TrimSuffix(p, "/")
	if p == "." {
		p = ""
	}
	if strings.ContainsAny(p, "*?[") {
		return "", false
	}
	return p, true
}
