// Package analyzers is the one list of oneway's rule families, their
// analyzers and the rules they report.
//
// Each family (coupling, data, api) lives in a package of its own below
// this one. A family has per-package go/analysis passes, which every
// driver can run (go vet, golangci-lint, nogo, the audit), and optionally
// a whole-program part that only the audit runs, over the results of
// those passes for every package.
package analyzers

import (
	"sort"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/api"
	"github.com/oneway-lint/oneway/analyzers/coupling"
	"github.com/oneway-lint/oneway/analyzers/data"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// Families returns every family of rules, sorted by name.
func Families() []family.Family {
	fams := []family.Family{
		api.Family(),
		coupling.Family(),
		data.Family(),
	}
	sort.Slice(fams, func(i, j int) bool { return fams[i].Name < fams[j].Name })
	return fams
}

// Rules returns every rule of every family, sorted by id.
func Rules() []finding.Rule {
	var rules []finding.Rule
	for _, f := range Families() {
		rules = append(rules, f.Rules...)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules
}

// Lookup returns the rule with the given id.
func Lookup(id string) (finding.Rule, bool) {
	for _, r := range Rules() {
		if r.ID == id {
			return r, true
		}
	}
	return finding.Rule{}, false
}

// Analyzers returns the per-package analyzers of every family, built
// with default settings, in family order. These are the values to list
// in a nogo target or to hand to any go/analysis driver.
func Analyzers() []*analysis.Analyzer {
	var as []*analysis.Analyzer
	for _, f := range Families() {
		as = append(as, f.New(family.Settings{})...)
	}
	return as
}
