package coupling

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Config is the configuration of the coupling analyzer. It is a plain
// value: the driver derives it from the policy (see ConfigFrom), and every
// field is also an analyzer flag so that go vet and nogo can set it.
type Config struct {
	// Components are the policy's components, tried in order. Empty means
	// one component per top-level directory of each main module.
	// Flag -components: "billing=internal/billing/...,cmd/billing;web=internal/web/...".
	Components []component.Spec

	// Modules are the main modules of the code base besides the analysed
	// package's own (the other modules of a go.work). Packages of modules
	// that are neither listed nor the package's own are in no component.
	// Flag -modules: "example.com/shop,example.com/shop/tools".
	Modules []string

	// Allow says which components each component may depend on. When it
	// is empty, every dependency is allowed and forbidden-dependency
	// reports nothing; when it is not, a component that is not a key may
	// depend on no other component. The target "*" allows every component.
	// Flag -allow: "web=billing,store;billing=store;cmd=*".
	Allow map[string][]string

	// Public names the public packages of components, by globs relative
	// to the module root (or full import paths). A component that is not a
	// key has the default surface: its root packages and packages with a
	// path segment in PublicNames.
	// Flag -public: "billing=billing,billing/api/...;catalog=catalog".
	Public map[string][]component.Glob

	// PublicNames are package path segments that mark a package as part of
	// its component's public surface by default (rule option
	// coupling.internal-reach public-names). Flag -public-names: "api,client,types,model".
	PublicNames []string

	// Roots are the composition roots besides package main, by globs
	// relative to the module root (or full import paths): packages that
	// wire components together. They are exempt like package main from
	// concrete-dependency and internal-reach (the policy's roots).
	// Flag -roots: "internal/app,cmd/...".
	Roots []component.Glob

	// IgnoreMain exempts package main, the composition root that wires
	// components together, from concrete-dependency (rule option
	// coupling.concrete-dependency ignore-main). Flag -ignore-main.
	IgnoreMain bool

	// IgnoreMainReach exempts package main, which wires the concrete
	// implementations of components together and so must import them,
	// from internal-reach (rule option coupling.internal-reach
	// ignore-main). Flag -ignore-main-reach.
	IgnoreMainReach bool

	// IgnoreErrors exempts reads of exported variables of type error
	// (sentinel errors such as ErrNotFound) from shared-global; writes are
	// always reported (rule option coupling.shared-global ignore-errors).
	// Flag -ignore-errors.
	IgnoreErrors bool

	// ChangeMinCommits, ChangeMinShared and ChangeMinCoupling are the
	// thresholds of coupling.change-coupling (its rule options
	// min-commits, min-shared, min-coupling); the rule needs the change
	// log only the audit reads, so they have no flags.
	ChangeMinCommits, ChangeMinShared, ChangeMinCoupling int
}

// DefaultConfig returns the configuration used when the policy says nothing.
func DefaultConfig() Config {
	return Config{
		PublicNames:       []string{"api", "client", "types", "model"},
		IgnoreMain:        true,
		IgnoreMainReach:   true,
		IgnoreErrors:      true,
		ChangeMinCommits:  DefaultMinCommits,
		ChangeMinShared:   DefaultMinShared,
		ChangeMinCoupling: DefaultMinCoupling,
	}
}

// ConfigFrom derives the configuration from the settings the driver
// passes to every family.
func ConfigFrom(s family.Settings) Config {
	c := DefaultConfig()
	c.Components = s.Components
	c.Allow = s.Allow
	c.Public = s.Public
	c.Modules = s.Modules
	c.Roots = s.Roots
	c.PublicNames = family.Option(s, RuleInternalReach, "public-names", c.PublicNames)
	c.IgnoreMain = family.Option(s, RuleConcreteDependency, "ignore-main", c.IgnoreMain)
	c.IgnoreMainReach = family.Option(s, RuleInternalReach, "ignore-main", c.IgnoreMainReach)
	c.IgnoreErrors = family.Option(s, RuleSharedGlobal, "ignore-errors", c.IgnoreErrors)
	c.ChangeMinCommits = family.Option(s, RuleChangeCoupling, "min-commits", c.ChangeMinCommits)
	c.ChangeMinShared = family.Option(s, RuleChangeCoupling, "min-shared", c.ChangeMinShared)
	c.ChangeMinCoupling = family.Option(s, RuleChangeCoupling, "min-coupling", c.ChangeMinCoupling)
	return c
}

// isZero reports whether s carries nothing, so the default analyzer serves.

// registerFlags binds the fields of *c to flags in fs.
func registerFlags(fs *flag.FlagSet, c *Config) {
	fs.Var((*componentsFlag)(&c.Components), "components",
		"components as name=glob,glob;name=glob (default: one per top-level directory)")
	fs.Var((*finding.ListFlag)(&c.Modules), "modules", "other main modules of the code base, comma-separated")
	fs.Var((*globsFlag)(&c.Roots), "roots", "composition roots besides package main, as globs, comma-separated")
	fs.Var((*allowFlag)(&c.Allow), "allow", "allowed dependencies as component=component,component;... (\"*\" allows all)")
	fs.Var((*publicFlag)(&c.Public), "public", "public packages of components as component=glob,glob;...")
	fs.Var((*finding.ListFlag)(&c.PublicNames), "public-names", "package path segments public by default, comma-separated")
	fs.BoolVar(&c.IgnoreMain, "ignore-main", c.IgnoreMain, "do not report concrete dependencies of package main")
	fs.BoolVar(&c.IgnoreMainReach, "ignore-main-reach", c.IgnoreMainReach, "do not report imports of internal packages by package main")
	fs.BoolVar(&c.IgnoreErrors, "ignore-errors", c.IgnoreErrors, "do not report reads of exported error variables")
}

// entries splits "a=x,y;b=z" into names and their comma-separated values,
// in order. Empty values ("a=") are allowed.
func entries(s string) ([]string, [][]string, error) {
	var names []string
	var values [][]string
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, rest, ok := strings.Cut(part, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, nil, fmt.Errorf("%q: want name=value,value", part)
		}
		if slices.Contains(names, name) {
			return nil, nil, fmt.Errorf("%q is given twice", name)
		}
		var vs []string
		for _, v := range strings.Split(rest, ",") {
			if v = strings.TrimSpace(v); v != "" {
				vs = append(vs, v)
			}
		}
		names = append(names, name)
		values = append(values, vs)
	}
	return names, values, nil
}

func compileGlobs(name string, patterns []string) ([]component.Glob, error) {
	gs := make([]component.Glob, 0, len(patterns))
	for _, p := range patterns {
		g, err := component.CompileGlob(p)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		gs = append(gs, g)
	}
	return gs, nil
}

func globStrings(gs []component.Glob) string {
	ss := make([]string, len(gs))
	for i, g := range gs {
		ss[i] = g.String()
	}
	return strings.Join(ss, ",")
}

// componentsFlag is "name=glob,glob;name=glob", order preserved.
type componentsFlag []component.Spec

func (f *componentsFlag) String() string {
	parts := make([]string, len(*f))
	for i, s := range *f {
		parts[i] = s.Name + "=" + globStrings(s.Paths)
	}
	return strings.Join(parts, ";")
}

func (f *componentsFlag) Set(s string) error {
	names, values, err := entries(s)
	if err != nil {
		return err
	}
	specs := make([]component.Spec, len(names))
	for i, name := range names {
		if len(values[i]) == 0 {
			return fmt.Errorf("component %s has no paths", name)
		}
		gs, err := compileGlobs(name, values[i])
		if err != nil {
			return err
		}
		specs[i] = component.Spec{Name: name, Paths: gs}
	}
	*f = specs
	return nil
}

// allowFlag is "component=component,component;...", printed sorted.
type allowFlag map[string][]string

func (f *allowFlag) String() string {
	return entriesString(*f, func(vs []string) string { return strings.Join(vs, ",") })
}

// entriesString prints m as "key=values;...", sorted by key: the form
// entries reads.
func entriesString[V any](m map[string]V, values func(V) string) string {
	parts := make([]string, 0, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		parts = append(parts, k+"="+values(m[k]))
	}
	return strings.Join(parts, ";")
}

func (f *allowFlag) Set(s string) error {
	names, values, err := entries(s)
	if err != nil {
		return err
	}
	m := make(map[string][]string, len(names))
	for i, name := range names {
		m[name] = values[i]
	}
	*f = m
	return nil
}

// publicFlag is "component=glob,glob;...", printed sorted.
type publicFlag map[string][]component.Glob

func (f *publicFlag) String() string { return entriesString(*f, globStrings) }

func (f *publicFlag) Set(s string) error {
	names, values, err := entries(s)
	if err != nil {
		return err
	}
	m := make(map[string][]component.Glob, len(names))
	for i, name := range names {
		gs, err := compileGlobs(name, values[i])
		if err != nil {
			return err
		}
		m[name] = gs
	}
	*f = m
	return nil
}

// globsFlag is a comma-separated list of package globs.
type globsFlag []component.Glob

func (f *globsFlag) String() string { return globStrings(*f) }

func (f *globsFlag) Set(s string) error {
	var patterns []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			patterns = append(patterns, p)
		}
	}
	gs, err := compileGlobs("roots", patterns)
	if err != nil {
		return err
	}
	*f = gs
	return nil
}
