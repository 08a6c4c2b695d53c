package policy

import (
	_ "embed"
	"errors"
	"io/fs"
	"path"
	"slices"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/inputfile"
)

// Stage is how far along a product is. It selects a preset of the
// invest-now threshold and the weights: see Preset.
type Stage string

// The stages, from the earliest.
const (
	Explore  Stage = "explore"  // finding product fit: only doors that touch users or data at rest are invest-now
	Traction Stage = "traction" // the default
	Scale    Stage = "scale"    // coupling inside the code base counts too
)

// stages lists the valid stages in order.
func stages() []Stage { return []Stage{Explore, Traction, Scale} }

// Criticality is how much a component matters; it weighs the cost of
// every decision made in the component.
type Criticality string

// The criticality levels.
const (
	Low    Criticality = "low"
	Normal Criticality = "normal" // the default
	High   Criticality = "high"
)

// criticalities lists the valid levels in order.
func criticalities() []Criticality { return []Criticality{Low, Normal, High} }

// Class sorts a decision by when to act on it.
type Class string

// The classes of a decision.
const (
	InvestNow  Class = "invest-now"  // reversing it later will cost far more than fixing it today
	CheapLater Class = "cheap-later" // a two-way door: leave it, ship
	Accepted   Class = "accepted"    // acknowledged in code by a directive; never fails CI
)

// Policy is a parsed and validated oneway policy: the components of the
// code base, who may depend on whom, per-rule settings and the numbers of
// the cost model. The zero value is not valid; start from Default, Parse
// or Load.
type Policy struct {
	Version    int
	Stage      Stage
	Components []Component
	Allow      []AllowRule             // in file order
	Rules      map[string]RuleSettings // by rule id
	Thresholds Thresholds              // effective values: the stage's preset, then explicit overrides
	Weights    Weights                 // effective values: the stage's preset, then explicit overrides
	Exclude    []component.Glob
	// Roots are the packages, besides package main, that wire components
	// together (composition roots), as globs relative to the module root.
	Roots  []component.Glob
	Source string // the file name it came from, or "(default)" for the embedded one
	Hash   string // hex sha256 of the bytes parsed

	catalog map[string]finding.Rule // the rules it was checked against; nil for a policy built in code: none
	pos     map[string]position     // where each setting was written, by its path
}

// Component is a named group of packages.
type Component struct {
	Name        string
	Paths       []component.Glob // packages, relative to the module root
	Criticality Criticality      // Normal unless the policy says otherwise
	Public      []component.Glob // the component's public surface packages (optional; relative to the module root)
}

// AllowRule says which components one component may depend on. Without
// allow rules any component may depend on any other; with them, a
// component may depend only on those its rule lists, and a component
// without a rule on none.
type AllowRule struct {
	From string   // a declared component
	To   []string // declared components, or "*" for any
}

// RuleSettings is what a policy says about one rule. Nil and empty fields
// leave the rule's defaults alone.
type RuleSettings struct {
	Enabled *bool
	Weight  *int
	Ignore  []string       // subject patterns in path.Match syntax, matched against the whole subject
	Options map[string]any // rule-specific options by name: int, string, []string or bool, per finding.Option.Type
}

// Thresholds are the class boundaries of the cost model.
type Thresholds struct {
	InvestNow int // a decision costing at least this much is invest-now
}

// Weights are the multipliers of the cost model.
type Weights struct {
	// Exposure: who is affected when the decision is reversed.
	Internal, CrossModule, Data, Public int
	// Criticality of the component the decision is made in.
	Low, Normal, High int
	// ZoneOfPain multiplies the coupling decisions that depend on a
	// component in the zone of pain (stable, concrete and depended upon).
	ZoneOfPain int
	// Churn multiplies a decision whose files changed in at least
	// ChurnMinCommits commits of the change log read (oneway audit
	// -history): what keeps being built on gets more expensive to
	// reverse. 1 leaves it out.
	Churn int
}

//go:embed default.yml
var defaultYAML []byte

// defaultSource is the Source of the embedded default policy.
const defaultSource = "(default)"

// DefaultBytes returns the embedded default policy, as written.
func DefaultBytes() []byte { return slices.Clone(defaultYAML) }

// Default returns the embedded default policy (stage traction, no
// components), its rule settings checked against rules. It panics only
// if the embedded file does not fit the rules, which a test rules out.
func Default(rules []finding.Rule) *Policy {
	p, err := Parse(defaultSource, defaultYAML, rules)
	if err != nil {
		panic("policy: the embedded default policy is broken:\n" + err.Error())
	}
	return p
}

// Load reads the policy file at path and parses it with Parse.
// Every error is an Errors; a file that cannot be read is reported at
// line 1, column 1. So is one that is not a regular file (after
// symbolic links) or is larger than inputfile.PolicyLimit, which is
// refused without reading it all: a named pipe would block, /dev/zero
// never end.
func Load(path string, rules []finding.Rule) (*Policy, error) {
	data, err := inputfile.Read(path, inputfile.PolicyLimit)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		var ie *inputfile.Error
		switch {
		case errors.As(err, &ie):
			msg = ie.Reason // the path is already in the message
		case errors.As(err, &pe):
			msg = pe.Err.Error()
		}
		return nil, Errors{{File: path, Msg: "cannot read policy: " + msg}} // no line: the file could not be read
	}
	return Parse(path, data, rules)
}

// Validate checks p and returns every problem found, as an Errors, or
// nil. Parse runs the same checks, so a parsed policy is valid; Validate
// is for policies built or changed in code. Problems are located in the
// file p was parsed from where that is known.
func (p *Policy) Validate() error {
	var ps problems
	p.check(&ps)
	return p.locate(ps, nil).err()
}

// Enabled reports whether the rule is enabled. Rules are enabled unless
// the policy disables them.
func (p *Policy) Enabled(ruleID string) bool {
	rs, ok := p.Rules[ruleID]
	return !ok || rs.Enabled == nil || *rs.Enabled
}

// Weight returns the rule's base weight: the policy's, if it sets one,
// else the rule's own.
func (p *Policy) Weight(r finding.Rule) int {
	if w := p.Rules[r.ID].Weight; w != nil {
		return *w
	}
	return r.Weight
}

// Ignored reports whether the policy ignores the rule's decisions about
// subject: whether subject matches one of rules.<id>.ignore.
func (p *Policy) Ignored(ruleID, subject string) bool {
	for _, pattern := range p.Rules[ruleID].Ignore {
		if ok, _ := path.Match(pattern, subject); ok {
			return true
		}
	}
	return false
}

// Option returns the value of the rule's option: the policy's, if it
// sets one, else the option's default, decoded to the option's type
// (int, string, []string or bool). It returns nil if the rule has no such
// option, and the type's zero value if the default is broken (CheckRules
// reports that).
func (p *Policy) Option(r finding.Rule, name string) any {
	if v, ok := p.Rules[r.ID].Options[name]; ok {
		if list, ok := v.([]string); ok {
			return slices.Clone(list) // the policy stays as it was parsed
		}
		return v
	}
	for _, o := range r.Options {
		if o.Name == name {
			v, _ := decodeDefault(o)
			return v
		}
	}
	return nil
}

// Specs returns the components as component specs, in order.
func (p *Policy) Specs() []component.Spec {
	specs := make([]component.Spec, len(p.Components))
	for i, c := range p.Components {
		specs[i] = component.Spec{Name: c.Name, Paths: c.Paths}
	}
	return specs
}

// Resolver returns a resolver that places the packages of the given main
// modules in the policy's components.
func (p *Policy) Resolver(modules []component.Module) *component.Resolver {
	return component.NewResolver(p.Specs(), modules)
}

// NamesComponents reports whether the policy names components, by
// declaring them or in allow rules. Only when it names none does the
// audit infer components from the import graph (component.Infer): names
// the policy uses must keep meaning what they meant.
func (p *Policy) NamesComponents() bool {
	return len(p.Components) > 0 || len(p.Allow) > 0
}

// CriticalityOf returns the criticality of the named component: Normal
// for components the policy does not name (or names without a valid
// level).
func (p *Policy) CriticalityOf(name string) Criticality {
	for _, c := range p.Components {
		if c.Name == name && validCriticality(c.Criticality) {
			return c.Criticality
		}
	}
	return Normal
}

// Excluded reports whether the module-relative, slash-separated path of
// a file or package matches one of the policy's exclude globs.
func (p *Policy) Excluded(relPath string) bool {
	for _, g := range p.Exclude {
		if g.Match(relPath) {
			return true
		}
	}
	return false
}

func validStage(s Stage) bool {
	for _, v := range stages() {
		if s == v {
			return true
		}
	}
	return false
}

func validCriticality(c Criticality) bool {
	for _, v := range criticalities() {
		if c == v {
			return true
		}
	}
	return false
}
