package coupling_test

import (
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/coupling"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// withFlags returns a default analyzer configured through its flags, as
// go vet and nogo configure it.
func withFlags(t *testing.T, flags map[string]string) *analysis.Analyzer {
	t.Helper()
	a := coupling.New(coupling.DefaultConfig())
	for name, value := range flags {
		if err := a.Flags.Set(name, value); err != nil {
			t.Fatalf("-%s=%s: %v", name, value, err)
		}
	}
	return a
}

func TestAnalyzer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, reason string
		flags        map[string]string
		patterns     []string
	}{
		{
			name:     "concrete",
			reason:   "service types in every position and package-level functions whose signature involves a service (constructors, *sql.Tx, a service in a data type or a named slice) count, functions over data (interfaces, callbacks, tagged fields, generics) do not; data types (with helper methods, time.Time, tagged handles, func fields without methods), interfaces, named non-struct types, constants, methods, same-component uses, test files, test-support packages and package main do not; without allow rules nothing is forbidden (the fixture imports across components: no forbidden-import report)",
			patterns: []string{"concrete/..."},
		},
		{
			name:     "wiring",
			reason:   "a package the policy names a root, and files declaring wire or fx provider sets, are wiring: their concrete dependencies are the composition's; the rest of the package still counts",
			flags:    map[string]string{"roots": "app"},
			patterns: []string{"wiring/..."},
		},
		{
			name:     "allow",
			reason:   "with allow rules, unlisted dependencies are forbidden, '*' allows all, test files are not checked",
			flags:    map[string]string{"allow": "web=billing;billing=store;cmd=*"},
			patterns: []string{"allow/..."},
		},
		{
			name:     "internal-reach",
			reason:   "of declared components, root packages (the literal root of their globs) and packages named api are public; same-component imports of internals and package main's imports are fine",
			flags:    map[string]string{"components": "billing=billing/...;payments=internal/payments/...;orders=orders/...;cmd=cmd/..."},
			patterns: []string{"reach/..."},
		},
		{
			name:     "internal-reach-directories",
			reason:   "components of the default rule are directories, not declared boundaries: importing any package of one is no internal reach",
			patterns: []string{"reachdirs/..."},
		},
		{
			name:     "internal-reach-main",
			reason:   "with -ignore-main-reach=false, package main's imports of internals are reported",
			flags:    map[string]string{"ignore-main-reach": "false", "public": "billing=billing"},
			patterns: []string{"reachmain/..."},
		},
		{
			name:     "shared-global",
			reason:   "reads and writes of exported variables count, including package main's writes of non-basic ones (go vet cannot see other packages' writes, so it reports reads of non-basic variables nobody writes, like Clock; the audit does not); constants, unexported variables, reads of sentinel errors and embed.FS, and basic-typed variables only main or init sets do not",
			patterns: []string{"globals/..."},
		},
		{
			name:     "modules-flag",
			reason:   "a dotted GOPATH path gets components once -modules names its module",
			flags:    map[string]string{"modules": "example.org/x"},
			patterns: []string{"example.org/x/..."},
		},
		{
			name:     "cross-module",
			reason:   "with several main modules, components are named module/dir and edges between them cross modules",
			flags:    map[string]string{"modules": "xm/app,xm/lib"},
			patterns: []string{"xm/..."},
		},
		{
			name:     "no-module",
			reason:   "without a module the extent of the module is unknown, so nothing is reported",
			patterns: []string{"example.org/y/..."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fixturetest.Run(t, analysistest.TestData(), withFlags(t, tt.flags), tt.patterns...)
		})
	}
}

func TestFamily(t *testing.T) {
	t.Parallel()
	fam := coupling.Family()
	if fam.Name != "coupling" || fam.Global == nil {
		t.Errorf("Family() = %q, Global set %t", fam.Name, fam.Global != nil)
	}
	as := fam.New(family.Settings{})
	if len(as) != 1 || as[0] != coupling.Analyzer {
		t.Errorf("New(zero settings) = %v, want the default Analyzer", as)
	}
	if again := fam.New(family.Settings{}); again[0] != as[0] {
		t.Error("New(zero settings) returns a different analyzer each call")
	}
	custom := fam.New(family.Settings{Options: map[string]map[string]any{
		coupling.RuleConcreteDependency: {"ignore-main": false},
	}})
	if len(custom) != 1 || custom[0] == coupling.Analyzer {
		t.Error("New(settings) must build a new analyzer")
	}
	if err := analysis.Validate(append(as, custom...)); err != nil {
		t.Error(err)
	}
	if !strings.HasPrefix(coupling.Analyzer.Doc, "report dependencies between components") {
		t.Errorf("Analyzer.Doc does not start with the summary from doc.go: %q", coupling.Analyzer.Doc)
	}

	var prev string
	for _, r := range fam.Rules {
		if !finding.ValidID(r.ID) || finding.Family(r.ID) != "coupling" {
			t.Errorf("bad rule id %q", r.ID)
		}
		if r.ID <= prev {
			t.Errorf("rules not sorted by id: %q after %q", r.ID, prev)
		}
		prev = r.ID
		if r.Title == "" || r.Doc == "" || r.Weight < 1 || r.Weight > 5 {
			t.Errorf("%s: missing title, doc or weight", r.ID)
		}
		if r.Summary == "" || strings.HasSuffix(r.Summary, ".") || strings.ToLower(r.Summary[:1]) != r.Summary[:1] {
			t.Errorf("%s: summary %q must be one lower-case line without a period", r.ID, r.Summary)
		}
		if r.Global != (r.ID == coupling.RuleCycle || r.ID == coupling.RuleChangeCoupling) {
			t.Errorf("%s: Global = %t", r.ID, r.Global)
		}
	}
}

func TestConfigFrom(t *testing.T) {
	t.Parallel()
	specs := []component.Spec{{Name: "billing", Paths: []component.Glob{component.MustCompileGlob("internal/billing/...")}}}
	got := coupling.ConfigFrom(family.Settings{
		Components: specs,
		Options: map[string]map[string]any{
			coupling.RuleInternalReach:      {"public-names": []string{"api"}},
			coupling.RuleConcreteDependency: {"ignore-main": false},
			coupling.RuleSharedGlobal:       {"ignore-errors": "not a bool"},
		},
	})
	if len(got.Components) != 1 || got.Components[0].Name != "billing" {
		t.Errorf("Components = %v", got.Components)
	}
	if !slices.Equal(got.PublicNames, []string{"api"}) || got.IgnoreMain || !got.IgnoreMainReach || !got.IgnoreErrors {
		t.Errorf("options not applied (an option of the wrong type keeps its default): %+v", got)
	}
	if def := coupling.ConfigFrom(family.Settings{}); !slices.Equal(def.PublicNames, []string{"api", "client", "types", "model"}) || !def.IgnoreMain || !def.IgnoreMainReach {
		t.Errorf("ConfigFrom(zero) = %+v, want the defaults", def)
	}
}

func TestFlags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, flag, value, want, reason string
	}{
		{"components", "components", "billing=internal/billing/...,cmd/billing; web=internal/web/...", "billing=internal/billing/...,cmd/billing;web=internal/web/...", "order kept, spaces trimmed"},
		{"allow", "allow", "web=store,billing;billing=;cmd=*", "billing=;cmd=*;web=store,billing", "keys printed sorted, empty lists allowed"},
		{"public", "public", "billing=billing,billing/api/...", "billing=billing,billing/api/...", "globs kept as written"},
		{"modules", "modules", "example.com/a, example.com/b", "example.com/a,example.com/b", "comma list"},
		{"public-names", "public-names", "api,sdk", "api,sdk", "comma list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := coupling.New(coupling.DefaultConfig())
			if err := a.Flags.Set(tt.flag, tt.value); err != nil {
				t.Fatal(err)
			}
			if got := a.Flags.Lookup(tt.flag).Value.String(); got != tt.want {
				t.Errorf("-%s=%q reads back %q, want %q (%s)", tt.flag, tt.value, got, tt.want, tt.reason)
			}
		})
	}

	bad := []struct{ flag, value, reason string }{
		{"components", "billing", "no ="},
		{"components", "billing=", "no paths"},
		{"components", "billing=/abs", "absolute glob"},
		{"allow", "web=a;web=b", "key given twice"},
		{"public", "billing=a/.../b", "bad glob"},
	}
	for _, b := range bad {
		a := coupling.New(coupling.DefaultConfig())
		if err := a.Flags.Set(b.flag, b.value); err == nil {
			t.Errorf("-%s=%q: no error (%s)", b.flag, b.value, b.reason)
		}
	}
}
