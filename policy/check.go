package policy

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// componentNamePattern is the form of a component name; schema.json
// states the same pattern.
const componentNamePattern = `^[a-z0-9][a-z0-9._/-]*$`

var componentName = regexp.MustCompile(componentNamePattern)

// optionName is the form of a rule option's name.
var optionName = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// check records every problem of the decoded policy p. Parse and
// Validate both run it. It checks values, not their YAML form: that is
// the parser's job.
func (p *Policy) check(ps *problems) {
	p.checkVersion(ps)
	p.checkStage(ps)
	p.checkComponents(ps)
	p.checkAllow(ps)
	p.checkRules(ps)
	p.checkKnobs(ps)
	checkGlobs(ps, "exclude", p.Exclude)
	checkGlobs(ps, "roots", p.Roots)
}

func (p *Policy) checkVersion(ps *problems) {
	switch p.Version {
	case 1:
	case 0:
		ps.add("version", "1 is required")
	default:
		ps.add("version", "unsupported version %d; this oneway reads version 1", p.Version)
	}
}

func (p *Policy) checkStage(ps *problems) {
	if !validStage(p.Stage) {
		ps.add("stage", "%s", unknownValue("stage", "stages", string(p.Stage), names(stages())))
	}
}

func (p *Policy) checkComponents(ps *problems) {
	first := map[string]int{} // index by name
	for i, c := range p.Components {
		at := fmt.Sprintf("components[%d]", i)
		switch j, dup := first[c.Name]; {
		case c.Name == "":
			ps.add(at+".name", "a component needs a name")
		case !componentName.MatchString(c.Name):
			ps.add(at+".name", "bad component name %s: use lower case letters, digits and . _ / -, starting with a letter or digit", quote(c.Name))
		case dup:
			ps.add(at+".name", "duplicate component %s, first declared as components[%d]", quote(c.Name), j)
		default:
			first[c.Name] = i
		}
		if len(c.Paths) == 0 {
			ps.add(at+".paths", "a component needs at least one path")
		}
		checkGlobs(ps, at+".paths", c.Paths)
		if !validCriticality(c.Criticality) {
			ps.add(at+".criticality", "%s", unknownValue("criticality", "levels", string(c.Criticality), names(criticalities())))
		}
		checkGlobs(ps, at+".public", c.Public)
	}
}

// checkGlobs checks globs built in code: the zero Glob, or one made
// other than by CompileGlob, has no valid pattern.
func checkGlobs(ps *problems, at string, globs []component.Glob) {
	for i, g := range globs {
		if _, err := component.CompileGlob(g.String()); err != nil {
			ps.add(fmt.Sprintf("%s[%d]", at, i), "%s", globProblem(err))
		}
	}
}

func (p *Policy) checkAllow(ps *problems) {
	var declared []string
	isDeclared := map[string]bool{}
	for _, c := range p.Components {
		declared = append(declared, c.Name)
		isDeclared[c.Name] = true
	}
	unknown := func(name string) string {
		return fmt.Sprintf("unknown component %s%s", quote(name), Suggest(name, declared))
	}
	// With no components declared, allow names the default components
	// (one per directory), which only the audit can list.
	check := len(declared) > 0
	for _, a := range p.Allow {
		at := "allow." + a.From
		switch {
		case a.From == "*":
			ps.add(at, `"*" stands for any component and may only appear in a list`)
		case check && !isDeclared[a.From]:
			ps.add(at, "%s", unknown(a.From))
		}
		for j, to := range a.To {
			if check && to != "*" && !isDeclared[to] {
				ps.add(fmt.Sprintf("%s[%d]", at, j), "%s", unknown(to))
			}
		}
	}
}

func (p *Policy) checkRules(ps *problems) {
	catalog := p.catalogue()
	ids := make([]string, 0, len(p.Rules))
	for id := range p.Rules {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		at, rs := "rules."+id, p.Rules[id]
		def, bad := lookupRule(id, catalog)
		if bad != "" {
			*ps = append(*ps, problem{at: at, msg: label("rules", bad)})
		}
		if rs.Weight != nil && *rs.Weight < 1 {
			ps.add(at+".weight", "must be at least 1, got %d", *rs.Weight)
		}
		for j, pattern := range rs.Ignore {
			if _, err := path.Match(pattern, ""); err != nil {
				ps.add(fmt.Sprintf("%s.ignore[%d]", at, j), "bad pattern %s: %v", quote(pattern), err)
			}
		}
		if bad == "" {
			checkOptions(ps, at, def, rs.Options)
		}
	}
}

// checkOptions checks a rule's options set in code; the parser decodes
// them to their types.
func checkOptions(ps *problems, at string, r finding.Rule, opts map[string]any) {
	names := make([]string, 0, len(opts))
	for name := range opts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		o, ok := optionOf(r, name)
		if !ok {
			ps.add(join(at, name), "rule %s has no option %s", r.ID, quote(name))
			continue
		}
		if !hasType(opts[name], o.Type) {
			ps.add(join(at, name), "expected a value of type %s, got %T", o.Type, opts[name])
		}
	}
}

func optionOf(r finding.Rule, name string) (finding.Option, bool) {
	for _, o := range r.Options {
		if o.Name == name {
			return o, true
		}
	}
	return finding.Option{}, false
}

func hasType(v any, typ finding.OptionType) bool {
	switch v.(type) {
	case int:
		return typ == finding.OptionInt
	case string:
		return typ == finding.OptionString
	case bool:
		return typ == finding.OptionBool
	case []string:
		return typ == finding.OptionStrings
	}
	return false
}

func (p *Policy) checkKnobs(ps *problems) {
	n := numbers{p.Thresholds, p.Weights}
	for _, k := range knobs() {
		switch v := *k.at(&n); {
		case v >= k.min:
		case k.min == 0:
			ps.add(k.path(), "must not be negative, got %d", v)
		default:
			ps.add(k.path(), "must be at least %d, got %d", k.min, v)
		}
	}
}

// lookupRule returns the rule with the given id, or a problem with the id.
func lookupRule(id string, catalog map[string]finding.Rule) (finding.Rule, string) {
	if !finding.ValidID(id) {
		return finding.Rule{}, fmt.Sprintf("bad rule id %s: want family.name in lower case, e.g. data.shared-table", quote(id))
	}
	if r, ok := catalog[id]; ok {
		return r, ""
	}
	ids := make([]string, 0, len(catalog))
	for known := range catalog {
		ids = append(ids, known)
	}
	sort.Strings(ids)
	if s := Suggest(id, ids); s != "" {
		return finding.Rule{}, fmt.Sprintf("unknown rule %s%s", quote(id), s)
	}
	return finding.Rule{}, fmt.Sprintf("unknown rule %s (run \"oneway rules\" to list the rules)", quote(id))
}

// catalogue returns the rules p is checked against: those it was parsed
// with. A policy built in code knows none: Validate calls each of its
// rule settings unknown.
func (p *Policy) catalogue() map[string]finding.Rule {
	return p.catalog
}

// locate turns problems into errors at the positions of their settings,
// leaving out those at or below a poisoned path: values the parser could
// not decode, has reported, and replaced by zero values.
func (p *Policy) locate(ps problems, poisoned []string) Errors {
	file := p.Source
	if file == "" {
		file = "(policy)"
	}
	var errs Errors
	for _, pr := range ps {
		if under(pr.at, poisoned) {
			continue
		}
		pos := p.position(pr.at)
		errs = append(errs, Error{File: file, Line: pos.line, Col: pos.col, Msg: pr.msg})
	}
	return errs
}

// position returns where the setting at path, or else the nearest
// enclosing one, was written; the zero position if nowhere.
func (p *Policy) position(at string) position {
	for {
		if pos, ok := p.pos[at]; ok {
			return pos
		}
		if at == "" {
			return position{}
		}
		at = parentPath(at)
	}
}

// parentPath returns the path of the mapping or list holding path.
func parentPath(path string) string {
	if strings.HasSuffix(path, "]") {
		return path[:strings.LastIndexByte(path, '[')]
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[:i]
	}
	return ""
}

// under reports whether path is one of roots or below one.
func under(path string, roots []string) bool {
	for _, r := range roots {
		if r == "" || path == r || strings.HasPrefix(path, r+".") || strings.HasPrefix(path, r+"[") {
			return true
		}
	}
	return false
}

// unknownValue is the message for a value not in a fixed set.
func unknownValue(what, plural, got string, valid []string) string {
	return fmt.Sprintf("unknown %s %s%s; valid %s: %s", what, quote(got), Suggest(got, valid), plural, quoteList(valid))
}

func names[T ~string](vs []T) []string {
	ss := make([]string, len(vs))
	for i, v := range vs {
		ss[i] = string(v)
	}
	return ss
}

// CheckRules checks a rule catalogue for what the policy relies on: ids
// of the form family.name and unique, weights of at least 1, and options
// with well-formed unique names that do not shadow the common keys
// (enabled, weight, ignore), a known type, and a default that decodes to
// that type. The analyzers' tests call it on analyzers.Rules.
func CheckRules(rules []finding.Rule) error {
	var errs []error
	seen := map[string]bool{}
	for _, r := range rules {
		switch {
		case !finding.ValidID(r.ID):
			errs = append(errs, fmt.Errorf("rule %q: bad id: want family.name in lower case", r.ID))
		case seen[r.ID]:
			errs = append(errs, fmt.Errorf("rule %q: listed twice", r.ID))
		}
		seen[r.ID] = true
		if r.Weight < 1 {
			errs = append(errs, fmt.Errorf("rule %q: weight must be at least 1, got %d", r.ID, r.Weight))
		}
		errs = append(errs, checkRuleOptions(r)...)
	}
	return errors.Join(errs...)
}

func checkRuleOptions(r finding.Rule) []error {
	var errs []error
	seen := map[string]bool{}
	for _, k := range commonRuleKeys() {
		seen[k] = true
	}
	for _, o := range r.Options {
		switch {
		case !optionName.MatchString(o.Name):
			errs = append(errs, fmt.Errorf("rule %q: option %q: bad name: want lower case words joined by dashes", r.ID, o.Name))
		case seen[o.Name]:
			errs = append(errs, fmt.Errorf("rule %q: option %q: the name is taken", r.ID, o.Name))
		}
		seen[o.Name] = true
		if zeroOf(o.Type) == nil {
			errs = append(errs, fmt.Errorf("rule %q: option %q: unknown type %q", r.ID, o.Name, o.Type))
		} else if _, err := decodeDefault(o); err != nil {
			errs = append(errs, fmt.Errorf("rule %q: option %q: %w", r.ID, o.Name, err))
		}
	}
	return errs
}
