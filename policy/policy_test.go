package policy

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/finding"
)

func TestDefault(t *testing.T) {
	p := Default(analyzers.Rules())
	want := append([]string{"version 1", "stage traction"}, presetLines(Traction)...)
	checkLines(t, "default policy", want, dump(p))
	if p.Source != "(default)" {
		t.Errorf("Source = %q, want %q", p.Source, "(default)")
	}
	sum := sha256.Sum256(DefaultBytes())
	if p.Hash != hex.EncodeToString(sum[:]) {
		t.Errorf("Hash = %s, want the sha256 of DefaultBytes", p.Hash)
	}
	if err := p.Validate(); err != nil {
		t.Errorf("Default().Validate() = %v, want nil", err)
	}
	// The default names no rules, so any catalogue will do.
	if _, err := Parse("default.yml", DefaultBytes(), testRules()); err != nil {
		t.Errorf("default.yml with the test rules: %v", err)
	}
}

func TestDefaultBytesIsACopy(t *testing.T) {
	b := DefaultBytes()
	orig := bytes.Clone(b)
	clear(b)
	if !bytes.Equal(DefaultBytes(), orig) {
		t.Fatal("changing the result of DefaultBytes changed the embedded policy")
	}
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := write("good.yml", lines("version: 1", "stage: scale"))
	bad := write("bad.yml", lines("version: 1", "stage: growth"))
	missing := filepath.Join(dir, "missing.yml")
	// A comment line repeated past 4 MB: valid YAML, refused for its size.
	big := write("big.yml", "version: 1\n"+strings.Repeat("# padding\n", 4<<20/10+1))

	tests := []struct {
		name, reason string
		path         string
		want         []string
	}{
		{"good", "a valid file loads", good, nil},
		{"invalid", "parse errors name the file as given", bad,
			[]string{bad + `:2:8: stage: unknown stage "growth"; valid stages: explore, traction, scale`}},
		{"missing", "a file that cannot be read is an error at 1:1, without repeating the path", missing,
			[]string{missing + ": cannot read policy: no such file or directory"}},
		{"directory", "a directory is not a policy", dir,
			[]string{dir + ": cannot read policy: not a regular file (a directory)"}},
		{"too large", "a policy over 4 MB is refused, not parsed", big,
			[]string{big + ": cannot read policy: larger than 4 MB"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Load(tt.path, testRules())
			checkLines(t, "errors ("+tt.reason+")", tt.want, errorLines(t, err))
			if err == nil && p.Source != tt.path {
				t.Errorf("Source = %q, want the path %q", p.Source, tt.path)
			}
		})
	}

	t.Run("default catalogue", func(t *testing.T) {
		p, err := Load(good, analyzers.Rules())
		if err != nil || p.Stage != Scale {
			t.Errorf("Load(%s) = %v, %v; want a scale policy", good, p, err)
		}
	})
}

func TestLoadUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads files whatever their mode")
	}
	path := filepath.Join(t.TempDir(), "secret.yml")
	if err := os.WriteFile(path, []byte("version: 1\n"), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := Load(path, testRules())
	want := []string{path + ": cannot read policy: permission denied"}
	checkLines(t, "errors", want, errorLines(t, err))
}

func TestValidate(t *testing.T) {
	parsed := func(src string, change func(*Policy)) func() *Policy {
		return func() *Policy {
			p := mustParse(t, src)
			change(p)
			return p
		}
	}
	weights := Policy{Version: 1, Stage: Traction}
	weights.Thresholds, weights.Weights = Preset(Traction)

	tests := []struct {
		name, reason string
		policy       func() *Policy
		want         []string
	}{
		{
			name: "default", reason: "the default policy is valid",
			policy: func() *Policy { return Default(analyzers.Rules()) },
		},
		{
			name: "zero", reason: "the zero Policy is not valid, and every problem is listed; with no file, no position",
			policy: func() *Policy { return &Policy{} },
			want: []string{
				"(policy): version: 1 is required",
				`(policy): stage: unknown stage ""; valid stages: explore, traction, scale`,
				"(policy): weights.exposure.internal: must be at least 1, got 0",
				"(policy): weights.exposure.cross-module: must be at least 1, got 0",
				"(policy): weights.exposure.data: must be at least 1, got 0",
				"(policy): weights.exposure.public: must be at least 1, got 0",
				"(policy): weights.criticality.low: must be at least 1, got 0",
				"(policy): weights.criticality.normal: must be at least 1, got 0",
				"(policy): weights.criticality.high: must be at least 1, got 0",
				"(policy): weights.zone-of-pain: must be at least 1, got 0",
				"(policy): weights.churn: must be at least 1, got 0",
			},
		},
		{
			name: "built in code", reason: "globs not made by CompileGlob, names and rules are checked in code-built policies",
			policy: func() *Policy {
				p := weights
				p.Source = "code"
				p.Components = []Component{
					{Name: "web", Paths: []component.Glob{{}}, Criticality: Normal},
					{Name: "web", Paths: []component.Glob{component.MustCompileGlob("cmd/web")}},
				}
				p.Allow = []AllowRule{{From: "web", To: []string{"api"}}}
				p.Rules = map[string]RuleSettings{"zzz.no-such-rule": {Ignore: []string{"["}}}
				p.Exclude = []component.Glob{{}}
				return &p
			},
			want: []string{
				"code: components[0].paths[0]: empty pattern",
				`code: components[1].name: duplicate component "web", first declared as components[0]`,
				`code: components[1].criticality: unknown criticality ""; valid levels: low, normal, high`,
				`code: allow.web[0]: unknown component "api"`,
				`code: rules: unknown rule "zzz.no-such-rule" (run "oneway rules" to list the rules)`,
				`code: rules.zzz.no-such-rule.ignore[0]: bad pattern "[": syntax error in pattern`,
				"code: exclude[0]: empty pattern",
			},
		},
		{
			name: "options changed after parsing", reason: "options set in code are checked against the catalogue the policy was parsed with, at the rule's position",
			policy: parsed(lines("version: 1", "rules:", "  data.wide-table:", "    max-columns: 40"), func(p *Policy) {
				p.Rules["data.wide-table"] = RuleSettings{Options: map[string]any{"max-columns": "40", "colour": 1, "tables": []string{"a"}}}
			}),
			want: []string{
				`p.yml:3:3: rules.data.wide-table.colour: rule data.wide-table has no option "colour"`,
				"p.yml:4:18: rules.data.wide-table.max-columns: expected a value of type int, got string",
			},
		},
		{
			name: "criticality changed after parsing", reason: "a problem in a parsed policy is placed where the setting was written",
			policy: parsed(lines("version: 1", "components:", "  - name: web", "    paths: [web]", "    criticality: high"), func(p *Policy) {
				p.Components[0].Criticality = "extreme"
				p.Weights.High = 0
			}),
			want: []string{
				`p.yml:5:18: components[0].criticality: unknown criticality "extreme"; valid levels: low, normal, high`,
				"p.yml:1:1: weights.criticality.high: must be at least 1, got 0",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.policy().Validate()
			// Validate sorts by position; code-built problems keep their order.
			checkLines(t, "errors ("+tt.reason+")", sortedLines(tt.want), errorLines(t, err))
		})
	}
}

// sortedLines sorts expected error lines the way Errors are sorted.
func sortedLines(want []string) []string {
	errs := make(Errors, len(want))
	for i, w := range want {
		errs[i] = parseErrorLine(w)
	}
	if errs.err() == nil {
		return nil
	}
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}

// parseErrorLine reads back "file:line:col: msg" or "file: msg".
func parseErrorLine(s string) Error {
	var e Error
	file, rest, _ := strings.Cut(s, ": ")
	e.File, e.Msg = file, rest
	if parts := strings.Split(file, ":"); len(parts) == 3 {
		e.File = parts[0]
		e.Line, e.Col = atoi(parts[1]), atoi(parts[2])
	}
	return e
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func TestErrors(t *testing.T) {
	errs := Errors{
		{File: "p.yml", Line: 3, Col: 7, Msg: "third"},
		{File: "p.yml", Line: 1, Col: 9, Msg: "second"},
		{File: "p.yml", Line: 1, Col: 2, Msg: "first"},
		{File: "p.yml", Line: 3, Col: 7, Msg: "fourth, same place as third"},
	}
	err := errs.err()
	want := []string{
		"p.yml:1:2: first",
		"p.yml:1:9: second",
		"p.yml:3:7: third",
		"p.yml:3:7: fourth, same place as third",
	}
	checkLines(t, "sorted errors (by line, then column; stable)", want, errorLines(t, err))

	var one Error
	if !errors.As(err, &one) || one.Msg != "first" {
		t.Errorf("errors.As(err, *Error) = %v, want the first problem", one)
	}
	if got := (Error{File: "(policy)", Msg: "no place"}).Error(); got != "(policy): no place" {
		t.Errorf("an Error without a line formats as %q, want %q", got, "(policy): no place")
	}
	if (Errors{}).err() != nil {
		t.Error("no problems must be a nil error")
	}
}

// queries is the policy the query tests ask.
const queries = `version: 1
components:
  - name: billing
    paths: ["internal/billing/..."]
    criticality: high
  - name: tools
    paths: ["tools/..."]
    criticality: low
  - name: web
    paths: ["internal/web/...", "cmd/web"]
rules:
  api.unversioned-route:
    weight: 7
    ignore: ["/healthz", "/debug/*"]
  data.shared-table:
    enabled: false
  coupling.cycle:
    enabled: true
  data.wide-table:
    max-columns: 12
    tables: [orders]
exclude: ["internal/gen/...", "**/*_gen.go"]
`

func TestEnabled(t *testing.T) {
	p := mustParse(t, queries)
	tests := []struct {
		name, reason, id string
		want             bool
	}{
		{"not named", "rules are enabled by default", "data.nothing", true},
		{"named without enabled", "naming a rule does not change whether it runs", "api.unversioned-route", true},
		{"disabled", "enabled: false disables", "data.shared-table", false},
		{"enabled", "enabled: true enables", "coupling.cycle", true},
	}
	for _, tt := range tests {
		if got := p.Enabled(tt.id); got != tt.want {
			t.Errorf("%s: Enabled(%q) = %v, want %v (%s)", tt.name, tt.id, got, tt.want, tt.reason)
		}
	}
}

func TestWeight(t *testing.T) {
	p := mustParse(t, queries)
	tests := []struct {
		name, reason, id string
		want             int
	}{
		{"overridden", "the policy's weight wins", "api.unversioned-route", 7},
		{"rule's own", "else the rule's weight", "data.wide-table", 2},
	}
	for _, tt := range tests {
		if got := p.Weight(testRule(t, tt.id)); got != tt.want {
			t.Errorf("%s: Weight(%s) = %d, want %d (%s)", tt.name, tt.id, got, tt.want, tt.reason)
		}
	}
}

func TestIgnored(t *testing.T) {
	p := mustParse(t, queries)
	tests := []struct {
		name, reason, id, subject string
		want                      bool
	}{
		{"exact", "a pattern without wildcards matches itself", "api.unversioned-route", "/healthz", true},
		{"wildcard", "* matches within a path segment", "api.unversioned-route", "/debug/pprof", true},
		{"whole string", "patterns match the whole subject, and * does not cross /", "api.unversioned-route", "/debug/pprof/heap", false},
		{"prefix", "a pattern is not a prefix", "api.unversioned-route", "/healthz/live", false},
		{"other rule", "ignore is per rule", "data.shared-table", "/healthz", false},
		{"rule not named", "nothing is ignored by default", "data.nothing", "/healthz", false},
	}
	for _, tt := range tests {
		if got := p.Ignored(tt.id, tt.subject); got != tt.want {
			t.Errorf("%s: Ignored(%q, %q) = %v, want %v (%s)", tt.name, tt.id, tt.subject, got, tt.want, tt.reason)
		}
	}
}

func TestOption(t *testing.T) {
	p := mustParse(t, queries)
	broken := finding.Rule{ID: "data.broken", Weight: 1, Options: []finding.Option{
		{Name: "limit", Type: finding.OptionInt, Default: "lots"},
		{Name: "names", Type: finding.OptionStrings},
	}}
	tests := []struct {
		name, reason string
		rule         finding.Rule
		option       string
		want         any
	}{
		{"policy int", "the policy's value wins", testRule(t, "data.wide-table"), "max-columns", 12},
		{"policy strings", "list options are []string", testRule(t, "data.wide-table"), "tables", []string{"orders"}},
		{"default bool", "else the default, decoded to its type", testRule(t, "data.wide-table"), "strict", false},
		{"default string", "a string default is taken as YAML writes it", testRule(t, "api.unversioned-route"), "version-pattern", "^v[0-9]+$"},
		{"no such option", "an option the rule does not have is nil", testRule(t, "data.wide-table"), "colour", nil},
		{"rule without options", "so is any option of a rule with none", testRule(t, "coupling.cycle"), "max-columns", nil},
		{"broken default", "a default that does not decode gives the zero value (CheckRules reports it)", broken, "limit", 0},
		{"empty default", "an empty default is the zero value", broken, "names", []string(nil)},
	}
	for _, tt := range tests {
		if got := p.Option(tt.rule, tt.option); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Option(%s, %q) = %#v, want %#v (%s)", tt.name, tt.rule.ID, tt.option, got, tt.want, tt.reason)
		}
	}
	// A list default is a YAML list; the policy above sets tables, this
	// one does not.
	q := mustParse(t, "version: 1\n")
	if got, want := q.Option(testRule(t, "data.wide-table"), "tables"), []string{"events", "audit_log"}; !reflect.DeepEqual(got, want) {
		t.Errorf("default strings: Option(data.wide-table, tables) = %#v, want %#v (a list default is decoded as a YAML list)", got, want)
	}
}

func TestComponents(t *testing.T) {
	p := mustParse(t, queries)

	var specs []string
	for _, s := range p.Specs() {
		specs = append(specs, s.Name+" "+globList(s.Paths))
	}
	checkLines(t, "specs (in policy order)", []string{
		"billing internal/billing/...",
		"tools tools/...",
		"web internal/web/... cmd/web",
	}, specs)

	r := p.Resolver([]component.Module{{Path: "example.com/shop"}})
	placements := []struct {
		name, reason, pkg string
		want              component.Placement
	}{
		{"declared", "a package in a component's paths is in it", "example.com/shop/internal/billing/invoice",
			component.Placement{Component: "billing", Module: "example.com/shop", Rel: "internal/billing/invoice"}},
		{"second path", "any of a component's paths places a package in it", "example.com/shop/cmd/web",
			component.Placement{Component: "web", Module: "example.com/shop", Rel: "cmd/web"}},
		{"implicit", "a package no component claims goes to its default component, marked implicit", "example.com/shop/scripts/gen",
			component.Placement{Component: "scripts", Module: "example.com/shop", Rel: "scripts/gen", Implicit: true}},
		{"outside", "packages outside the main modules are in no component", "github.com/lib/pq",
			component.Placement{}},
	}
	for _, tt := range placements {
		if got := r.Resolve(tt.pkg); got != tt.want {
			t.Errorf("%s: Resolve(%q) = %+v, want %+v (%s)", tt.name, tt.pkg, got, tt.want, tt.reason)
		}
	}

	levels := []struct {
		name, reason, component string
		want                    Criticality
	}{
		{"high", "as declared", "billing", High},
		{"low", "as declared", "tools", Low},
		{"default", "a component without criticality is normal", "web", Normal},
		{"undeclared", "a component the policy does not name is normal", "internal", Normal},
	}
	for _, tt := range levels {
		if got := p.CriticalityOf(tt.component); got != tt.want {
			t.Errorf("%s: CriticalityOf(%q) = %s, want %s (%s)", tt.name, tt.component, got, tt.want, tt.reason)
		}
	}
}

func globList(gs []component.Glob) string {
	ss := make([]string, len(gs))
	for i, g := range gs {
		ss[i] = g.String()
	}
	return strings.Join(ss, " ")
}

func TestExcluded(t *testing.T) {
	p := mustParse(t, queries)
	tests := []struct {
		name, reason, path string
		want               bool
	}{
		{"package below", "dir/... matches the directory's packages", "internal/gen/proto", true},
		{"file below", "and its files", "internal/gen/x.go", true},
		{"file anywhere", "**/ matches at any depth", "internal/billing/model_gen.go", true},
		{"file at root", "**/ matches at the root too", "enum_gen.go", true},
		{"sibling", "a glob never matches part of a segment", "internal/generate/x.go", false},
		{"other", "paths no glob matches are kept", "internal/billing/invoice.go", false},
	}
	for _, tt := range tests {
		if got := p.Excluded(tt.path); got != tt.want {
			t.Errorf("%s: Excluded(%q) = %v, want %v (%s)", tt.name, tt.path, got, tt.want, tt.reason)
		}
	}
}

func TestCheckRules(t *testing.T) {
	if err := CheckRules(testRules()); err != nil {
		t.Errorf("the test rules: %v", err)
	}
	if err := CheckRules(analyzers.Rules()); err != nil {
		t.Errorf("analyzers.Rules(), the real catalogue:\n%v", err)
	}

	opt := func(name string, typ finding.OptionType, def string) finding.Rule {
		return finding.Rule{ID: "data.x", Weight: 1, Options: []finding.Option{{Name: name, Type: typ, Default: def}}}
	}
	tests := []struct {
		name, reason string
		rules        []finding.Rule
		want         []string
	}{
		{"bad id", "ids are family.name", []finding.Rule{{ID: "Data", Weight: 1}},
			[]string{`rule "Data": bad id: want family.name in lower case`}},
		{"twice", "ids are unique", []finding.Rule{{ID: "data.x", Weight: 1}, {ID: "data.x", Weight: 1}},
			[]string{`rule "data.x": listed twice`}},
		{"weight", "weights are at least 1", []finding.Rule{{ID: "data.x"}},
			[]string{`rule "data.x": weight must be at least 1, got 0`}},
		{"option name", "option names are YAML keys in lower case with dashes", []finding.Rule{opt("maxColumns", finding.OptionInt, "")},
			[]string{`rule "data.x": option "maxColumns": bad name: want lower case words joined by dashes`}},
		{"shadowing option", "an option must not take a common key", []finding.Rule{opt("weight", finding.OptionInt, "")},
			[]string{`rule "data.x": option "weight": the name is taken`}},
		{"option type", "option types are the four of finding", []finding.Rule{opt("limit", "float", "1.5")},
			[]string{`rule "data.x": option "limit": unknown type "float"`}},
		{"bad default", "defaults decode to their type", []finding.Rule{opt("limit", finding.OptionInt, "ten")},
			[]string{`rule "data.x": option "limit": default "ten": expected an integer, got a string`}},
		{"default looks like a list", "a string default is YAML: [a-z]+ is a list, and must be quoted", []finding.Rule{opt("pattern", finding.OptionString, "[a-z]+")},
			[]string{`rule "data.x": option "pattern": default "[a-z]+": expected a string, got a list`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRules(tt.rules)
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			checkLines(t, "problems ("+tt.reason+")", tt.want, got)
		})
	}
}

// TestLoadDevZero: a policy that is /dev/zero, or a link to it, is
// refused at once rather than read until memory runs out.
func TestLoadDevZero(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, err := Load("/dev/zero", testRules())
	want := []string{"/dev/zero: cannot read policy: not a regular file (a character device)"}
	checkLines(t, "errors", want, errorLines(t, err))
}
