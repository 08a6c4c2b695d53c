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
}

// Settings is what the driver tells the analyzers, derived from the
// policy: plain values, never the policy itself.
type Settings struct {
	// Components are the policy's components, in the order they are tried.
	// Empty means one component per top-level directory of each module.
	Components []component.Spec
	// Options holds rule-specific options by rule id and option name,
	// decoded to the option's type (int, string, []string or bool).
	// An option that is absent takes the rule's default.
	Options map[string]map[string]any
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
}

// Package holds the results of a family's analyzers on one package.
type Package struct {
	Path    string
	Module  string // main module path, "" for packages outside the main modules
	Results map[*analysis.Analyzer]any
}

// Result returns the result of analyzer a on the package, if any.
func (p *Package) Result(a *analysis.Analyzer) any { return p.Results[a] }
