// Package finding defines the neutral records that oneway's analyzers report:
// the metadata of a rule, the evidence behind a decision and the finding itself.
//
// It is a leaf package: analyzers, the policy's cost model and the audit driver
// all speak in these types, and none of them needs to know about the others.
package finding

import (
	"fmt"
	"go/token"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Rule describes one rule: a stable id and the text people read about it.
// Ids have the form family.name and never change once released: they are
// the diagnostic Category, the policy key, the directive token and the
// SARIF ruleId.
type Rule struct {
	ID      string // family.name, e.g. "data.shared-table"
	Title   string // a short title, e.g. "table written by several components"
	Summary string // one line, lower case, no trailing period
	Doc     string // the full description: why it is a one-way door and what to do

	// Weight is the rule's default base weight in the cost model; the
	// policy may override it.
	Weight int

	// Global marks a rule that only the whole-program audit can decide
	// (component cycles, tables shared across components). Such rules are
	// never reported by the per-package passes on their own.
	Global bool

	// Generated marks a rule that reads generated code on purpose
	// (protobuf descriptors, sqlc queries). Other rules' findings in files
	// marked "Code generated … DO NOT EDIT." are not reported.
	Generated bool

	// Options lists the rule-specific settings a policy may give under
	// rules.<id>, besides the common enabled, weight and ignore.
	Options []Option
}

// OptionType is the type of a rule-specific policy option.
type OptionType string

// The types a rule option may have.
const (
	OptionInt     OptionType = "int"
	OptionString  OptionType = "string"
	OptionStrings OptionType = "strings" // a list of strings
	OptionBool    OptionType = "bool"
)

// Option describes one rule-specific policy setting.
type Option struct {
	Name    string     // the YAML key, lower case with dashes
	Type    OptionType // how the value is decoded and checked
	Default string     // the default, as it would be written in YAML
	Doc     string     // one line
}

var ruleIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]*\.[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// ValidID reports whether id has the form family.name
// (lower case letters, digits and inner dashes).
func ValidID(id string) bool { return ruleIDPattern.MatchString(id) }

// Family returns the family part of a rule id ("data" for "data.shared-table").
func Family(id string) string {
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			return id[:i]
		}
	}
	return id
}

// Evidence holds the countable facts behind a decision. The cost model
// turns them into a cost; reports show them so a person can check it.
type Evidence struct {
	Sites       int  `json:"sites"`                  // code sites that make the decision (queries, uses, routes)
	Packages    int  `json:"packages"`               // packages those sites are in
	Components  int  `json:"components"`             // components those sites are in
	FanIn       int  `json:"fan_in,omitempty"`       // components depending on the subject, where it has one
	Columns     int  `json:"columns,omitempty"`      // columns involved, for data rules that count them
	Public      bool `json:"public,omitempty"`       // exposed to clients outside the code base (HTTP API, RPC, module path)
	DataAtRest  bool `json:"data_at_rest,omitempty"` // fixes the shape of stored data (tables, schemas)
	CrossModule bool `json:"cross_module,omitempty"` // crosses a Go module boundary
	// ZoneOfPain is set on coupling decisions whose depended-upon
	// component is stable, concrete and depended upon: changing it is
	// expensive, so coupling to it weighs more.
	ZoneOfPain bool `json:"zone_of_pain,omitempty"`
	// Churn counts the commits of the change log read (oneway audit
	// -history, the year before the audited commit) that changed the
	// decision's files, its related locations' included; 0 without it.
	Churn int `json:"churn,omitempty"`

	// Partial is set when the evidence was gathered from one package
	// only (go vet, nogo) for a rule whose full weight needs the whole
	// program: the class shown is then provisional.
	Partial bool `json:"partial,omitempty"`
}

// Finding is one decision found by an analyzer, before the policy weighs it.
type Finding struct {
	Rule     string    // the rule id
	Pos      token.Pos // where the decision is made
	End      token.Pos // optional end of the range
	Message  string    // lower case, no trailing period, names the identifier
	Subject  string    // what the decision is about: a table, a route prefix, a component, a symbol
	Evidence Evidence
	Related  []Related // other places that make up the decision
}

// Related is another position that belongs to a finding.
type Related struct {
	Pos     token.Pos
	Message string
}

// Source is implemented by the results of analyzers that report findings.
// The audit driver collects findings through it; go vet and other drivers
// see the same findings as plain diagnostics.
type Source interface {
	Findings() []Finding
}

// Result is a ready-made result type for analyzers whose only result is
// the findings they report.
type Result struct {
	List []Finding
}

// Findings implements Source.
func (r *Result) Findings() []Finding {
	if r == nil {
		return nil
	}
	return r.List
}

// Report records f in r and reports it to pass as a diagnostic whose
// Category is the rule id, so that every driver sees it.
func (r *Result) Report(pass *analysis.Pass, f Finding) {
	r.List = append(r.List, f)
	pass.Report(Diagnostic(f))
}

// Diagnostic converts f to the analysis diagnostic that drivers print.
func Diagnostic(f Finding) analysis.Diagnostic {
	d := analysis.Diagnostic{
		Pos:      f.Pos,
		End:      f.End,
		Category: f.Rule,
		Message:  f.Message,
	}
	for _, r := range f.Related {
		d.Related = append(d.Related, analysis.RelatedInformation{Pos: r.Pos, Message: r.Message})
	}
	return d
}

// String formats the evidence compactly for messages and logs.
func (e Evidence) String() string {
	s := Count(e.Sites, "site") + " in " + Count(e.Packages, "package")
	if e.Components > 1 {
		s += " of " + Count(e.Components, "component")
	}
	return s
}

// Count formats n with a noun in the singular or plural: "1 site",
// "23 sites".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ListFlag is a flag holding a comma-separated list; setting it replaces
// the list.
type ListFlag []string

func (l *ListFlag) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *ListFlag) Set(s string) error {
	*l = nil
	for _, e := range strings.Split(s, ",") {
		if e = strings.TrimSpace(e); e != "" {
			*l = append(*l, e)
		}
	}
	return nil
}
