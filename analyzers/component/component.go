// Package component maps Go packages to the components of a code base.
//
// A component is a named group of packages, given by globs relative to the
// module root. Where the policy names no components, each top-level
// directory of each module is one, except that below a container
// directory (internal/, pkg/ and the like, see Containers) each
// second-level directory is one. The policy package builds a Resolver
// from the policy; analyzers receive the same specs through their flags.
package component

import (
	"path"
	"slices"
	"sort"
	"strings"
)

// Spec names a component and the package globs that belong to it.
type Spec struct {
	Name  string
	Paths []Glob
}

// Module is a main module of the analysed code base.
type Module struct {
	Path string // module path, e.g. "example.com/shop"
	Dir  string // absolute directory, where known (unused by matching)
}

// Resolver maps package import paths to component names.
// The zero value puts every package of no module in no component.
type Resolver struct {
	specs   []Spec
	modules []Module // sorted by descending path length, so nested modules win

	merged   map[string]string // default component -> inferred component (see Infer)
	inferred []Inferred
	// rootClash holds the modules whose root package would share its
	// name with a top-level directory: it is named RootName instead.
	rootClash map[string]bool
}

// NewResolver returns a Resolver for the given components and main modules.
// Specs are tried in order; the first whose glob matches wins.
func NewResolver(specs []Spec, modules []Module) *Resolver {
	ms := append([]Module(nil), modules...)
	sort.SliceStable(ms, func(i, j int) bool { return len(ms[i].Path) > len(ms[j].Path) })
	return &Resolver{specs: specs, modules: ms}
}

// Placement says where a package belongs.
type Placement struct {
	Component string // the component's name; empty for packages outside the main modules
	Module    string // the main module that holds the package; empty if none
	Rel       string // the package's path relative to its module root ("" for the root package)
	// Implicit is set when the policy names components but none matched:
	// the package is then placed in the default component of its
	// top-level directory, and the audit lists it so it is not lost.
	Implicit bool
}

// Resolve places the package with the given import path.
func (r *Resolver) Resolve(pkgPath string) Placement {
	mod, rel, ok := r.split(pkgPath)
	if !ok {
		return Placement{}
	}
	pl := Placement{Module: mod, Rel: rel}
	if name, ok := r.spec(pkgPath, rel); ok {
		pl.Component = name
		return pl
	}
	pl.Component = r.defaultName(mod, rel)
	if m, ok := r.merged[pl.Component]; ok {
		pl.Component = m
	}
	pl.Implicit = len(r.specs) > 0
	return pl
}

// spec returns the name of the first spec that claims the package.
func (r *Resolver) spec(pkgPath, rel string) (string, bool) {
	for _, s := range r.specs {
		for _, g := range s.Paths {
			if g.Match(rel) || g.Match(pkgPath) {
				return s.Name, true
			}
		}
	}
	return "", false
}

// declared reports whether a spec claims the package.
func (r *Resolver) declared(pkgPath, rel string) bool {
	_, ok := r.spec(pkgPath, rel)
	return ok
}

// Component returns the name of the package's component, or "" for a
// package outside the main modules.
func (r *Resolver) Component(pkgPath string) string { return r.Resolve(pkgPath).Component }

// split finds the main module holding pkgPath.
func (r *Resolver) split(pkgPath string) (mod, rel string, ok bool) {
	for _, m := range r.modules {
		if pkgPath == m.Path {
			return m.Path, "", true
		}
		if strings.HasPrefix(pkgPath, m.Path+"/") {
			return m.Path, pkgPath[len(m.Path)+1:], true
		}
	}
	return "", "", false
}

// Containers are the directory names that, at the top of a module, hold
// components rather than being one: by Go convention internal/ and pkg/
// group the packages of many parts of a program. A package below one
// belongs to the default component of its second-level directory
// (internal/billing/...).
var Containers = [...]string{"internal", "pkg", "app", "apps", "src", "lib", "libs", "modules", "services", "components"}

func isContainer(dir string) bool {
	for _, c := range Containers {
		if dir == c {
			return true
		}
	}
	return false
}

// DefaultDir is the module-relative directory that makes the default
// component of the package at rel: its top-level directory, or the
// second-level one below a container directory ("" for the root package).
func DefaultDir(rel string) string {
	parts := strings.SplitN(rel, "/", 3)
	if len(parts) >= 2 && isContainer(parts[0]) {
		return parts[0] + "/" + parts[1]
	}
	return parts[0]
}

// RootName names the component of a module's root package when a
// top-level directory has the module's name.
const RootName = "(root)"

// defaultName is the component of a package that no spec claims: the
// directory DefaultDir gives, prefixed by the module's last element when
// there are several main modules. The module's root package takes the
// module's last element.
func (r *Resolver) defaultName(mod, rel string) string {
	base := path.Base(mod)
	if rel == "" {
		if r.rootClash[mod] {
			if len(r.modules) > 1 {
				return base + "/" + RootName
			}
			return RootName
		}
		return base
	}
	if len(r.modules) > 1 {
		return base + "/" + DefaultDir(rel)
	}
	return DefaultDir(rel)
}

// Defaults returns the components that the default rule gives the listed
// packages (one per top-level directory of each module, or per
// directory below a container), as Infer revised them, sorted by name.
// oneway init writes them into a starter policy.
func (r *Resolver) Defaults(pkgPaths []string) []DefaultComponent {
	byName := map[string]*DefaultComponent{}
	for _, p := range pkgPaths {
		mod, rel, ok := r.split(p)
		if !ok {
			continue
		}
		name := r.defaultName(mod, rel)
		pattern := "."
		if rel != "" {
			pattern = DefaultDir(rel) + "/..."
		}
		if len(r.modules) > 1 {
			pattern = mod
			if rel != "" {
				pattern = mod + "/" + DefaultDir(rel) + "/..."
			}
		}
		if m, ok := r.merged[name]; ok {
			name = m
		}
		dc := byName[name]
		if dc == nil {
			dc = &DefaultComponent{Name: name}
			byName[name] = dc
		}
		if !slices.Contains(dc.Patterns, pattern) {
			dc.Patterns = append(dc.Patterns, pattern)
		}
		dc.Packages++
	}
	out := make([]DefaultComponent, 0, len(byName))
	for _, dc := range byName {
		slices.Sort(dc.Patterns)
		out = append(out, *dc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// DefaultComponent is a component found by the default rule.
type DefaultComponent struct {
	Name     string
	Patterns []string // the globs that select it, sorted
	Packages int      // how many of the listed packages it holds
}

// TestSupport reports whether the package with the module-relative path
// rel is test support: test helpers, fixtures, mocks, fakes, end-to-end
// suites. They exist to build concrete fixtures of the components under
// test, so their dependencies are no design decision: a directory
// anywhere in the path whose name starts with "test" (test, tests,
// testing, testdata, testutil, testdb, ...), is mock, mocks, fake,
// fakes, e2e, fixture or fixtures, or — for a package that imports
// "testing" — ends with "test" or "tests" (storetest, apitests, as
// net/http/httptest is named).
func TestSupport(rel string, testing bool) bool {
	for _, seg := range strings.Split(rel, "/") {
		switch {
		case strings.HasPrefix(seg, "test"),
			seg == "mock", seg == "mocks", seg == "fake", seg == "fakes",
			seg == "e2e", seg == "fixture", seg == "fixtures",
			testing && (strings.HasSuffix(seg, "test") || strings.HasSuffix(seg, "tests")):
			return true
		}
	}
	return false
}
