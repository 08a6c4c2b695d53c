package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

// A policy is decoded from yaml.Node trees by hand, so that every problem
// has a line and column and every problem is found in one pass.
//
// The mappings a policy may contain, and the keys each accepts, are one
// table, sections. The parser decodes every mapping through it, the
// messages about unknown keys list its keys, and a test compares it with
// schema.json.

// field is one key of a mapping and how its value is decoded.
type field struct {
	key    string
	decode func(p *parser, v value, t target)
}

// target is where the fields of the mapping being decoded go.
type target struct {
	draft *draft
	comp  *Component    // in components[]
	rule  *RuleSettings // in rules.*
	extra []field       // keys the mapping accepts besides its section's (a rule's options)
	lax   bool          // ignore unknown keys (in the entry of an unknown rule, which is reported as such)
}

// sections returns, for each mapping of a policy by its schema path, the
// keys it accepts: "" is the top; "components[]" each component;
// "rules.*" each rule's entry, which also accepts the rule's options.
func sections() map[string][]field {
	s := map[string][]field{
		"": {
			{"version", decodeVersion},
			{"stage", decodeStage},
			{"components", decodeComponents},
			{"allow", decodeAllow},
			{"rules", decodeRules},
			{"thresholds", decodeSection},
			{"weights", decodeSection},
			{"exclude", decodeExclude},
			{"roots", decodeRoots},
		},
		"components[]": {
			{"name", decodeName},
			{"paths", decodePaths},
			{"criticality", decodeCriticality},
			{"public", decodePublic},
		},
		"rules.*": {
			{"enabled", decodeEnabled},
			{"weight", decodeWeight},
			{"ignore", decodeIgnore},
		},
		"weights": {
			{"exposure", decodeSection},
			{"criticality", decodeSection},
		},
	}
	for _, k := range knobs() {
		s[k.section] = append(s[k.section], field{k.key, func(p *parser, v value, t target) {
			if n, ok := p.integer(v); ok {
				t.draft.tuning = append(t.draft.tuning, setting{k, n})
			}
		}})
	}
	return s
}

// knob is one of the numbers under thresholds: and weights:.
type knob struct {
	section, key string
	min          int                 // the smallest valid value
	at           func(*numbers) *int // where the value is
}

func (k knob) path() string { return k.section + "." + k.key }

// numbers are the numbers of the cost model.
type numbers struct {
	Thresholds
	Weights
}

// knobs lists the numbers of the cost model a policy may set.
func knobs() []knob {
	return []knob{
		{"thresholds", "invest-now", 0, func(n *numbers) *int { return &n.InvestNow }},
		{"weights.exposure", "internal", 1, func(n *numbers) *int { return &n.Internal }},
		{"weights.exposure", "cross-module", 1, func(n *numbers) *int { return &n.CrossModule }},
		{"weights.exposure", "data", 1, func(n *numbers) *int { return &n.Data }},
		{"weights.exposure", "public", 1, func(n *numbers) *int { return &n.Public }},
		{"weights.criticality", "low", 1, func(n *numbers) *int { return &n.Low }},
		{"weights.criticality", "normal", 1, func(n *numbers) *int { return &n.Normal }},
		{"weights.criticality", "high", 1, func(n *numbers) *int { return &n.High }},
		{"weights", "zone-of-pain", 1, func(n *numbers) *int { return &n.ZoneOfPain }},
		{"weights", "churn", 1, func(n *numbers) *int { return &n.Churn }},
	}
}

// commonRuleKeys returns the keys every rule's entry accepts, which a
// rule's options must not reuse.
func commonRuleKeys() []string { return keys(sections()["rules.*"]) }

func keys(fields []field) []string {
	ks := make([]string, len(fields))
	for i, f := range fields {
		ks[i] = f.key
	}
	return ks
}

// draft is a policy being decoded.
type draft struct {
	pol    Policy
	tuning []setting // explicit thresholds and weights, in file order
}

// setting is an explicit value of a knob.
type setting struct {
	knob  knob
	value int
}

// parser decodes one policy and collects its problems.
type parser struct {
	file     string
	catalog  map[string]finding.Rule
	sections map[string][]field
	errs     Errors
	pos      map[string]position // where each setting was written, by path
	poisoned []string            // paths of values that could not be decoded and were replaced by zero values
}

// Parse parses data, the policy file name, and validates it against
// the given rule catalogue (analyzers.Rules for oneway's own rules; the
// policy knows no rule itself). It returns every problem found, as an
// Errors; it never panics, whatever the bytes.
func Parse(name string, data []byte, rules []finding.Rule) (*Policy, error) {
	p := &parser{
		file:     name,
		catalog:  catalogOf(rules),
		sections: sections(),
		pos:      map[string]position{},
	}
	root := p.document(data)
	if root == nil {
		return nil, p.errs.err()
	}
	pol := p.decode(root)
	sum := sha256.Sum256(data)
	pol.Source, pol.Hash = name, hex.EncodeToString(sum[:])
	pol.catalog, pol.pos = p.catalog, p.pos

	var ps problems
	pol.check(&ps)
	errs := slices.Concat(p.errs, pol.locate(ps, p.poisoned))
	if err := errs.err(); err != nil {
		return nil, err
	}
	return pol, nil
}

func catalogOf(rules []finding.Rule) map[string]finding.Rule {
	m := make(map[string]finding.Rule, len(rules))
	for _, r := range rules {
		m[r.ID] = r
	}
	return m
}

// document returns the content of the policy's one YAML document, or nil
// if there is none to decode.
func (p *parser) document(data []byte) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := decodeYAML(dec, &doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errorAt(1, 1, "empty policy: version: 1 is required")
		} else {
			p.syntaxError(err, data)
		}
		return nil
	}
	var next yaml.Node
	switch err := decodeYAML(dec, &next); {
	case errors.Is(err, io.EOF):
	case err != nil:
		p.syntaxError(err, data)
	default:
		p.errorAt(next.Line, next.Column, "more than one YAML document; a policy is a single document")
	}
	if len(doc.Content) == 0 || doc.Content[0].ShortTag() == "!!null" {
		p.errorAt(1, 1, "empty policy: version: 1 is required")
		return nil
	}
	return doc.Content[0]
}

// decodeYAML decodes the next document. The YAML library is not ours:
// should it panic on some input, that becomes an error, so that Parse
// keeps its promise never to panic.
func decodeYAML(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the YAML parser failed: %v", r)
		}
	}()
	return dec.Decode(n)
}

// decode decodes the top mapping into a policy, which may be invalid.
func (p *parser) decode(root *yaml.Node) *Policy {
	top := value{n: root}
	p.pos[""] = position{root.Line, root.Column}
	d := &draft{pol: Policy{Stage: Traction}}
	if p.is(top, yaml.MappingNode, "a mapping") {
		decodeSection(p, top, target{draft: d})
	}

	// The stage's preset, then the explicit values. An invalid stage is
	// reported by check; its numbers are those of the default stage.
	var n numbers
	n.Thresholds, n.Weights = Preset(d.pol.Stage)
	for _, s := range d.tuning {
		*s.knob.at(&n) = s.value
	}
	d.pol.Thresholds, d.pol.Weights = n.Thresholds, n.Weights
	return &d.pol
}

// decodeSection decodes the mapping v through the section table.
func decodeSection(p *parser, v value, t target) {
	fields := slices.Concat(p.sections[v.schema], t.extra)
	for _, kv := range p.pairs(v, false) {
		switch f, ok := lookup(fields, kv.key); {
		case ok:
			f.decode(p, kv.val, t)
		case !t.lax:
			names := keys(fields)
			p.errorf(kv.keyNode, v.path, "unknown key %s%s; allowed keys: %s", quote(kv.key), Suggest(kv.key, names), quoteList(names))
		}
	}
}

func lookup(fields []field, key string) (field, bool) {
	for _, f := range fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

func decodeVersion(p *parser, v value, t target) {
	t.draft.pol.Version, _ = p.integer(v)
}

func decodeStage(p *parser, v value, t target) {
	s, _ := p.str(v)
	t.draft.pol.Stage = Stage(s)
}

func decodeComponents(p *parser, v value, t target) {
	for _, it := range p.list(v) {
		c := Component{Criticality: Normal}
		if p.is(it, yaml.MappingNode, "a mapping") {
			decodeSection(p, it, target{draft: t.draft, comp: &c})
		} else {
			c = Component{} // a placeholder, to keep the indices of the others
		}
		t.draft.pol.Components = append(t.draft.pol.Components, c)
	}
}

func decodeName(p *parser, v value, t target) { t.comp.Name, _ = p.str(v) }

func decodePaths(p *parser, v value, t target) { t.comp.Paths = p.globs(v) }

func decodePublic(p *parser, v value, t target) { t.comp.Public = p.globs(v) }

func decodeCriticality(p *parser, v value, t target) {
	s, _ := p.str(v)
	t.comp.Criticality = Criticality(s)
}

func decodeAllow(p *parser, v value, t target) {
	for _, kv := range p.pairs(v, true) {
		t.draft.pol.Allow = append(t.draft.pol.Allow, AllowRule{From: kv.key, To: p.strings(kv.val)})
	}
}

func decodeRules(p *parser, v value, t target) {
	for _, kv := range p.pairs(v, true) {
		// check reports unknown and malformed ids; their entries are
		// decoded all the same, without their options, which only a
		// known rule can say anything about.
		def, bad := lookupRule(kv.key, p.catalog)
		var rs RuleSettings
		decodeSection(p, kv.val, target{draft: t.draft, rule: &rs, extra: optionFields(def), lax: bad != ""})
		if t.draft.pol.Rules == nil {
			t.draft.pol.Rules = map[string]RuleSettings{}
		}
		t.draft.pol.Rules[kv.key] = rs
	}
}

func decodeEnabled(p *parser, v value, t target) {
	if b, ok := p.boolean(v); ok {
		t.rule.Enabled = &b
	}
}

func decodeWeight(p *parser, v value, t target) {
	if n, ok := p.integer(v); ok {
		t.rule.Weight = &n
	}
}

func decodeIgnore(p *parser, v value, t target) { t.rule.Ignore = p.strings(v) }

// optionFields returns the fields of the rule's own options.
func optionFields(r finding.Rule) []field {
	fields := make([]field, len(r.Options))
	for i, o := range r.Options {
		fields[i] = field{o.Name, func(p *parser, v value, t target) {
			if val, ok := p.option(v, o.Type); ok {
				if t.rule.Options == nil {
					t.rule.Options = map[string]any{}
				}
				t.rule.Options[o.Name] = val
			}
		}}
	}
	return fields
}

// option decodes the value of a rule option of the given type.
func (p *parser) option(v value, typ finding.OptionType) (any, bool) {
	switch typ {
	case finding.OptionInt:
		return p.integer(v)
	case finding.OptionString:
		return p.str(v)
	case finding.OptionBool:
		return p.boolean(v)
	case finding.OptionStrings:
		n := len(p.errs)
		list := p.strings(v)
		return list, len(p.errs) == n
	}
	p.fail(v, "the rule declares this option with an unknown type %q", typ)
	return nil, false
}

func decodeExclude(p *parser, v value, t target) { t.draft.pol.Exclude = p.globs(v) }

func decodeRoots(p *parser, v value, t target) { t.draft.pol.Roots = p.globs(v) }

// decodeDefault decodes the default of a rule option, written as YAML,
// to the option's type. An empty default is the type's zero value.
func decodeDefault(o finding.Option) (any, error) {
	zero := zeroOf(o.Type)
	var doc yaml.Node
	if err := decodeYAML(yaml.NewDecoder(strings.NewReader(o.Default)), &doc); err != nil {
		if errors.Is(err, io.EOF) {
			return zero, nil
		}
		return zero, fmt.Errorf("default %q: %w", o.Default, err)
	}
	if len(doc.Content) == 0 {
		return zero, nil
	}
	p := &parser{file: "default", pos: map[string]position{}}
	v, ok := p.option(value{n: doc.Content[0]}, o.Type)
	if !ok {
		return zero, fmt.Errorf("default %q: %s", o.Default, p.errs[0].Msg)
	}
	return v, nil
}

func zeroOf(typ finding.OptionType) any {
	switch typ {
	case finding.OptionInt:
		return 0
	case finding.OptionString:
		return ""
	case finding.OptionBool:
		return false
	case finding.OptionStrings:
		return []string(nil)
	}
	return nil
}
