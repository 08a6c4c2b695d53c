// Package family defines what a family of oneway rules provides to the
// drivers: its rules, its per-package analyzers, and the whole-program
// part that only the audit runs.
//
// Each family package (coupling, data, api) exports a function
// returning its Family; the analyzers package lists them all.
package family

import (
	"go/token"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Family is one family of rules and the analyzers that find them.
type Family struct {
	Name  string         // the rule-id prefix, e.g. "data"
	Rules []finding.Rule // every rule of the family, sorted by id

	// New builds the family's per-package analyzers for the given
	// settings. The results of the analyzers that report findings
	// implement finding.Source; the others are helpers they require.
	New func(Settings) []*analysis.Analyzer

	// Global, if not nil, decides the family's whole-program rules from
	// the results of its analyzers on every package of the program.
	Global func(*Program) []finding.Finding

	// Inventory, if not nil, lists what the program commits to that the
	// family can see (tables, routes): the evidence behind its decisions,
	// which the audit reports beside them.
	Inventory func(*Program) Inventory

	// Partial names the analyzers whose results Inventory reads and
	// which tolerate partial syntax and types (invalid types, missing
	// objects, bad expressions): the audit runs them, with what they
	// require, on a package that does not compile, so that one broken
	// file does not hide what the package registers, queries and
	// imports. What they find there goes to the inventory; no decision
	// is placed there or drawn from a result that read their facts about
	// it, and the audit keeps a whole-program decision only when Global
	// makes it both with and without those results. Their
	// RunDespiteErrors stays false for other drivers.
	Partial []string
}

// Inventory is what a code base commits to outside itself.
type Inventory struct {
	Tables        []Table        // sorted by name
	Routes        []Route        // every route registration
	ProtoPackages []ProtoPackage // every protobuf package in generated code
	Dependencies  []Dependency   // the component graph, sorted by From then To
	Metrics       []Metrics      // per component, sorted by name
}

// Dependency is an edge of the component graph.
type Dependency struct {
	From, To string
	Sites    int // references from From to package-level objects of To
	Packages int // packages of From that import To
}

// Metrics are a component's coupling metrics.
type Metrics struct {
	Component                           string
	Ca, Ce                              int
	Instability, Abstractness, Distance float64
	ZoneOfPain                          bool
}

// Route is one HTTP route the code base serves.
type Route struct {
	Method    string // upper case; "" for any method
	Host      string // "" for any host
	Path      string // the full path a client sees, wildcards as the router writes them; parts that are not constants by the expression they come from ({cfg.RootPath}), {?} when not shown
	Constant  bool   // every part of the path is known statically
	Versioned bool   // the path (or host) carries a version as the policy defines it
	Kind      string // api, page, health, metrics, static, protocol, debug or other
	Package   string // the package holding the registration
	Pos       token.Pos
}

// ProtoPackage is one protobuf package the code base serves or uses.
type ProtoPackage struct {
	Package   string
	Versioned bool
	Services  []string // fully qualified service names, sorted
	Pos       token.Pos
}

// Table is one database table and the code that uses it.
type Table struct {
	Name       string   // as the database knows it, schema-qualified when the code qualifies it
	Store      string   // the kind of datastore when not SQL ("cql"), see queries.Site.Store
	Components []string // sorted
	Packages   []string // sorted
	Sites      []Site   // sorted by position
}

// Site kinds of a table.
const (
	Read  = "read"
	Write = "write"
	DDL   = "ddl"
)

// Site is one place in the code that uses a table.
type Site struct {
	Pos      token.Pos
	Kind     string // Read, Write or DDL
	Package  string
	Constant bool // the SQL text or table is known at compile time
}

// Rules returns the rules of the families, in family order.
func Rules(fams []Family) []finding.Rule {
	var rules []finding.Rule
	for _, f := range fams {
		rules = append(rules, f.Rules...)
	}
	return rules
}

// Settings is what the driver tells the analyzers, derived from the
// policy: plain values, never the policy itself.
type Settings struct {
	// Components are the policy's components, in the order they are tried.
	// Empty means one component per top-level directory of each module.
	Components []component.Spec
	// Allow says which components each component may depend on
	// ("*" means any); empty means the policy has no allow rules.
	Allow map[string][]string
	// Public names the public packages of components, by globs relative
	// to the module root; a component not named has the default surface.
	Public map[string][]component.Glob
	// Modules are the main modules of the code base (several for a
	// go.work), so that per-package passes can tell them apart.
	Modules []string
	// Roots are the composition roots besides package main, by globs
	// relative to the module root (the policy's roots).
	Roots []component.Glob
	// Options holds rule-specific options by rule id and option name,
	// decoded to the option's type (int, string, []string or bool).
	// An option that is absent takes the rule's default.
	Options map[string]map[string]any
}

// IsZero reports whether s says nothing: families then return their
// default analyzer values, so that drivers see the same values each time.
func (s Settings) IsZero() bool {
	return len(s.Components) == 0 && len(s.Allow) == 0 && len(s.Public) == 0 && len(s.Modules) == 0 && len(s.Roots) == 0 && len(s.Options) == 0
}

// Option returns the value of a rule option, or def when it is not set
// or has another type.
func Option[T any](s Settings, rule, name string, def T) T {
	if v, ok := s.Options[rule][name].(T); ok {
		return v
	}
	return def
}

// Program is the whole-program view a family's Global function works on.
type Program struct {
	Fset     *token.FileSet
	Packages []*Package // the analysed packages, sorted by import path
	Settings Settings
	// Place places a package of the analysed code base in its component.
	Place func(pkgPath string) component.Placement
	// Modules are the main modules, with what the driver knows of their
	// releases.
	Modules []Module
	// Imports is the import graph of the main modules' packages by import
	// path — of every one the driver loaded, analysed or not (a package
	// that does not compile, one the policy leaves out): the code's
	// structure beyond what the analysed packages' results show. nil when
	// the driver does not know it.
	Imports map[string][]string
	// History is how the code changed over a period, from version
	// control; nil when the driver did not read it.
	History *History
}

// Module is a main module of the program.
type Module struct {
	Path string
	// GoMod is the position of the module directive in go.mod (the
	// driver adds go.mod to the file set), or token.NoPos.
	GoMod token.Pos
	// Tags are the module's release tags from version control (v2.1.0,
	// with a nested module's directory prefix removed); nil when they are
	// not known, which rules must not read as "no releases".
	Tags []string
}

// Package holds the results of a family's analyzers on one package.
type Package struct {
	Path    string
	Module  string // main module path, "" for packages outside the main modules
	Results map[*analysis.Analyzer]any
}

// Before orders positions deterministically: by file name, then offset.
// (token.Pos values of different files follow the order the files were
// parsed in, which concurrent loading does not fix.)
func (p *Program) Before(a, b token.Pos) bool {
	pa, pb := p.Fset.Position(a), p.Fset.Position(b)
	if pa.Filename != pb.Filename {
		return pa.Filename < pb.Filename
	}
	return pa.Offset < pb.Offset
}

// Result returns the result of analyzer a on the package, if any.
func (p *Package) Result(a *analysis.Analyzer) any { return p.Results[a] }
