package coupling_test

import (
	"fmt"
	"go/token"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/coupling"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/engine/enginetest"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

// TestShopModule runs the analyzer in module mode, where the driver
// names the module (pass.Module), on the fixture that Global uses.
func TestShopModule(t *testing.T) {
	t.Parallel()
	fixturetest.Run(t, filepath.Join(analysistest.TestData(), "shop"), coupling.New(coupling.DefaultConfig()), "./...")
}

// program runs the analyzers on the module in dir the way the audit
// does and returns the whole-program view Global works on.
func program(t *testing.T, dir string, as []*analysis.Analyzer) *family.Program {
	t.Helper()
	return enginetest.Program(t, dir, as)
}

// render prints findings compactly, with positions as dir/file:line.
func render(prog *family.Program, fs []finding.Finding) string {
	at := func(p token.Pos) string {
		pos := prog.Fset.Position(p)
		return fmt.Sprintf("%s/%s:%d", filepath.Base(filepath.Dir(pos.Filename)), filepath.Base(pos.Filename), pos.Line)
	}
	var b strings.Builder
	for _, f := range fs {
		e := f.Evidence
		fmt.Fprintf(&b, "%s %s @%s sites=%d packages=%d components=%d fanin=%d cross=%t partial=%t\n  %s\n",
			f.Rule, f.Subject, at(f.Pos), e.Sites, e.Packages, e.Components, e.FanIn, e.CrossModule, e.Partial, f.Message)
		for _, r := range f.Related {
			fmt.Fprintf(&b, "  related @%s %s\n", at(r.Pos), r.Message)
		}
	}
	return b.String()
}

func TestGlobal(t *testing.T) {
	t.Parallel()
	shop := filepath.Join(analysistest.TestData(), "shop")
	tests := []struct {
		name, reason string
		flags        map[string]string
		want         string
	}{
		{
			name: "default",
			reason: "per-package decisions are aggregated per component edge with fan-in and the zone of pain; " +
				"the billing<->orders cycle goes through different packages; interface-only use (web->catalog), " +
				"uses of data types (billing.Invoice, orders.Order, money.Amount), package main's concrete wiring " +
				"and internal imports, and build information main passes on (billing.Version) are not decisions, " +
				"while a setting main chooses at run time (billing.Region) is, with its reads; " +
				"a variable nobody writes is not shared state whatever its type (billing.Default), one written by " +
				"another package of its own component (billing.Mode) or by its own package at run time " +
				"(billing.Hooks) is; calls of functions are no concrete dependency, over data (billing.Charge, " +
				"db.DSN) or over a service (ledger.Record, db.Ping take *sql.Tx, *sql.DB); billing and platform " +
				"are directories of the default rule, not declared components: importing billing/ledger or " +
				"platform/db reaches no declared surface",
			want: `coupling.concrete-dependency billing->orders @refunds/refunds.go:11 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component billing depends on concrete orders.Service of orders: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency orders->billing @ordershttp/http.go:6 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component orders depends on concrete billing.Biller of billing: 1 param (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency web->orders @web/web.go:16 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component web depends on concrete orders.Service of orders: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.cycle billing<->orders @refunds/refunds.go:6 sites=1 packages=1 components=2 fanin=2 cross=false partial=false
  components billing and orders depend on each other: billing -> orders, orders -> billing; billing -> orders closes the cycle (1 reference in 1 package)
  related @orders/orders.go:6 orders -> billing: example.com/shop/orders imports example.com/shop/billing
coupling.shared-global example.com/shop/billing.Hooks @web/web.go:26 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component web reads exported variable billing.Hooks of billing, hidden shared state (1 site in 1 package, fan-in 3)
coupling.shared-global example.com/shop/billing.Mode @web/web.go:24 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component web reads exported variable billing.Mode of billing, hidden shared state (1 site in 1 package, fan-in 3)
coupling.shared-global example.com/shop/billing.Rates @shop/main.go:17 sites=2 packages=2 components=2 fanin=3 cross=false partial=false
  components cmd and web read and write exported variable billing.Rates of billing, hidden shared state (2 sites in 2 packages, fan-in 3)
  related @web/web.go:27 reads billing.Rates
coupling.shared-global example.com/shop/billing.Region @shop/main.go:16 sites=2 packages=2 components=2 fanin=3 cross=false partial=false
  components cmd and web read and write exported variable billing.Region of billing, hidden shared state (2 sites in 2 packages, fan-in 3)
  related @web/web.go:23 reads billing.Region
`,
		},
		{
			name:   "allow",
			reason: "forbidden dependencies are aggregated per edge too; the public flag makes billing/ledger public",
			flags: map[string]string{
				"allow":  "web=catalog,orders;orders=billing,money;billing=orders,money;cmd=*",
				"public": "billing=billing,billing/ledger",
			},
			want: `coupling.concrete-dependency billing->orders @refunds/refunds.go:11 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component billing depends on concrete orders.Service of orders: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency orders->billing @ordershttp/http.go:6 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component orders depends on concrete billing.Biller of billing: 1 param (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency web->orders @web/web.go:16 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component web depends on concrete orders.Service of orders: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.cycle billing<->orders @refunds/refunds.go:6 sites=1 packages=1 components=2 fanin=2 cross=false partial=false
  components billing and orders depend on each other: billing -> orders, orders -> billing; billing -> orders closes the cycle (1 reference in 1 package)
  related @orders/orders.go:6 orders -> billing: example.com/shop/orders imports example.com/shop/billing
coupling.forbidden-dependency web->billing @web/web.go:6 sites=6 packages=1 components=1 fanin=3 cross=false partial=false
  component web may not depend on billing: imports example.com/shop/billing (6 sites in 1 package, fan-in 3)
coupling.forbidden-dependency web->platform @web/web.go:9 sites=2 packages=1 components=1 fanin=1 cross=false partial=false
  component web may not depend on platform: imports example.com/shop/platform/db (2 sites in 1 package, fan-in 1)
coupling.shared-global example.com/shop/billing.Hooks @web/web.go:26 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component web reads exported variable billing.Hooks of billing, hidden shared state (1 site in 1 package, fan-in 3)
coupling.shared-global example.com/shop/billing.Mode @web/web.go:24 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component web reads exported variable billing.Mode of billing, hidden shared state (1 site in 1 package, fan-in 3)
coupling.shared-global example.com/shop/billing.Rates @shop/main.go:17 sites=2 packages=2 components=2 fanin=3 cross=false partial=false
  components cmd and web read and write exported variable billing.Rates of billing, hidden shared state (2 sites in 2 packages, fan-in 3)
  related @web/web.go:27 reads billing.Rates
coupling.shared-global example.com/shop/billing.Region @shop/main.go:16 sites=2 packages=2 components=2 fanin=3 cross=false partial=false
  components cmd and web read and write exported variable billing.Region of billing, hidden shared state (2 sites in 2 packages, fan-in 3)
  related @web/web.go:23 reads billing.Region
`,
		},
		{
			name: "declared-surface",
			reason: "a declared public surface (billing's root package alone) makes an import of billing/ledger " +
				"internal-reach, at the import; platform declares none, so platform/db stays unreported",
			flags: map[string]string{"public": "billing=billing"},
			want: `coupling.concrete-dependency billing->orders @refunds/refunds.go:11 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component billing depends on concrete orders.Service of orders: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency orders->billing @ordershttp/http.go:6 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component orders depends on concrete billing.Biller of billing: 1 param (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency web->orders @web/web.go:16 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component web depends on concrete orders.Service of orders: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.cycle billing<->orders @refunds/refunds.go:6 sites=1 packages=1 components=2 fanin=2 cross=false partial=false
  components billing and orders depend on each other: billing -> orders, orders -> billing; billing -> orders closes the cycle (1 reference in 1 package)
  related @orders/orders.go:6 orders -> billing: example.com/shop/orders imports example.com/shop/billing
coupling.internal-reach orders->billing @orders/orders.go:7 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component orders reaches into internal package example.com/shop/billing/ledger of billing (1 site in 1 package, fan-in 3); use its public packages
coupling.shared-global example.com/shop/billing.Hooks @web/web.go:26 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component web reads exported variable billing.Hooks of billing, hidden shared state (1 site in 1 package, fan-in 3)
coupling.shared-global example.com/shop/billing.Mode @web/web.go:24 sites=1 packages=1 components=1 fanin=3 cross=false partial=false
  component web reads exported variable billing.Mode of billing, hidden shared state (1 site in 1 package, fan-in 3)
coupling.shared-global example.com/shop/billing.Rates @shop/main.go:17 sites=2 packages=2 components=2 fanin=3 cross=false partial=false
  components cmd and web read and write exported variable billing.Rates of billing, hidden shared state (2 sites in 2 packages, fan-in 3)
  related @web/web.go:27 reads billing.Rates
coupling.shared-global example.com/shop/billing.Region @shop/main.go:16 sites=2 packages=2 components=2 fanin=3 cross=false partial=false
  components cmd and web read and write exported variable billing.Region of billing, hidden shared state (2 sites in 2 packages, fan-in 3)
  related @web/web.go:23 reads billing.Region
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			a := withFlags(t, tt.flags)
			prog := program(t, shop, []*analysis.Analyzer{a})
			got := render(prog, coupling.Global(prog))
			if got != tt.want {
				t.Errorf("Global (%s):\n%s\ngot:\n%s", tt.reason, lineDiff(tt.want, got), got)
			}
			// A second load parses files in another order: same output.
			again := program(t, shop, []*analysis.Analyzer{a})
			if got2 := render(again, coupling.Global(again)); got2 != got {
				t.Errorf("Global is not deterministic:\n%s", lineDiff(got, got2))
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	prog := program(t, filepath.Join(analysistest.TestData(), "shop"), coupling.Family().New(family.Settings{}))
	got := coupling.Metrics(prog)
	want := []coupling.ComponentMetrics{
		// billing: Charger, and the services Biller and refunds.Service; Invoice is data.
		{Component: "billing", Packages: 3, Ca: 3, Ce: 2, Types: 4, Interfaces: 1, Services: 2, Instability: 0.4, Abstractness: 1.0 / 3, Distance: 1 - 0.4 - 1.0/3},
		// catalog: two interfaces and a data type: A counts only the interfaces and services.
		{Component: "catalog", Packages: 1, Ca: 1, Ce: 0, Types: 3, Interfaces: 2, Instability: 0, Abstractness: 1, Distance: 0},
		{Component: "cmd", Packages: 1, Ca: 0, Ce: 3, Instability: 1, DataOnly: true},
		// money: data only, stable and depended upon, but no zone of pain.
		{Component: "money", Packages: 1, Ca: 2, Ce: 0, Types: 1, DataOnly: true},
		{Component: "orders", Packages: 2, Ca: 3, Ce: 2, Types: 2, Services: 1, Instability: 0.4, Distance: 0.6, ZoneOfPain: true},
		{Component: "platform", Packages: 1, Ca: 1, Ce: 0, DataOnly: true},
		{Component: "web", Packages: 1, Ca: 1, Ce: 4, Types: 1, Services: 1, Instability: 0.8, Distance: 0.2},
	}
	if len(got) != len(want) {
		t.Fatalf("Metrics: got %d components, want %d:\n%+v", len(got), len(want), got)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	for i, w := range want {
		g := got[i]
		if g.Component != w.Component || g.Packages != w.Packages || g.Ca != w.Ca || g.Ce != w.Ce ||
			g.Types != w.Types || g.Interfaces != w.Interfaces || g.Services != w.Services ||
			g.DataOnly != w.DataOnly || g.ZoneOfPain != w.ZoneOfPain ||
			!near(g.Instability, w.Instability) || !near(g.Abstractness, w.Abstractness) || !near(g.Distance, w.Distance) {
			t.Errorf("Metrics[%d]:\n got %+v\nwant %+v", i, g, w)
		}
	}
}

// lineDiff shows the lines of want and got that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, wl, gl)
		}
	}
	return b.String()
}

// TestGeneratedModule: generated code (protobuf messages, file
// descriptors, a generated symbol table, deepcopy output), mocks, error
// types and test support (e2e, fixtures, a package like httptest) make no
// concrete dependency and no shared global, in vet mode and in the
// audit; the api<->web cycle, closed by generated code, is positioned at
// the hand-written import. server, imported by package main alone and
// holding the services of two components, is a composition root: the
// audit does not report it (go vet does, partially); so is routes, which
// only server imports and which takes handlers without holding any; jobs,
// imported by web too, is none.
func TestGeneratedModule(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(analysistest.TestData(), "generated")
	fixturetest.Run(t, dir, coupling.New(coupling.DefaultConfig()), "./...")
	prog := program(t, dir, []*analysis.Analyzer{coupling.Analyzer})
	got := render(prog, coupling.Global(prog))
	want := `coupling.concrete-dependency jobs->mail @jobs/jobs.go:14 sites=0 packages=0 components=1 fanin=1 cross=false partial=false
  component jobs depends on concrete mail.Sender of mail: 1 field (1 use in 1 package, fan-in 1); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency jobs->store @jobs/jobs.go:13 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component jobs depends on concrete store.Store of store: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.concrete-dependency web->store @web/web.go:13 sites=0 packages=0 components=1 fanin=3 cross=false partial=false
  component web depends on concrete store.Store of store: 1 field (1 use in 1 package, fan-in 3); no use binds to the type: an interface declared where it is used would replace it
coupling.cycle api<->web @web/web.go:5 sites=1 packages=1 components=2 fanin=2 cross=false partial=false
  components api and web depend on each other: api -> web, web -> api; api -> web closes the cycle (1 reference in 1 package)
  related @registry/registry.pb.go:7 api -> web: example.com/gen/api/registry imports example.com/gen/web/handlers (closes the cycle)
`
	if got != want {
		t.Errorf("Global:\n%s\ngot:\n%s", lineDiff(want, got), got)
	}
}

// TestPartialProgramUnits: a package not analysed (it does not compile,
// or the policy leaves it out) still counts for which directories are
// self-contained units. app/core and app/lib import each other, so they
// are one component, app. Without app/lib/b, app/lib/a would look like a
// library of its own, and its import of b, beside it, an edge back to
// app: a cycle app<->app/lib that the code does not have.
func TestPartialProgramUnits(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(analysistest.TestData(), "partial")
	full := program(t, dir, []*analysis.Analyzer{coupling.Analyzer})
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	mods := []component.Module{{Path: "example.com/partial", Dir: abs}}
	full.Place = component.NewResolver(nil, mods).Infer(full.Imports).Resolve
	partial := *full
	partial.Packages = slices.DeleteFunc(slices.Clone(full.Packages), func(p *family.Package) bool {
		return p.Path == "example.com/partial/app/lib/b"
	})
	if len(partial.Packages) != len(full.Packages)-1 {
		t.Fatalf("example.com/partial/app/lib/b is not among the %d packages", len(full.Packages))
	}
	for name, prog := range map[string]*family.Program{"full": full, "partial": &partial} {
		if got := render(prog, coupling.Global(prog)); got != "" {
			t.Errorf("%s program: want no finding, got:\n%s", name, got)
		}
	}
}
