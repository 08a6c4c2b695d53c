package data_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/component"
	"github.com/oneway-lint/oneway/analyzers/data"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/engine/enginetest"
)

// program runs the family's analyzers on the module in dir the way the
// audit does and returns the whole-program view Global works on.
func program(t *testing.T, dir string, s family.Settings) *family.Program {
	t.Helper()
	prog := enginetest.Program(t, dir, data.Family().New(s))
	prog.Settings = s
	prog.Place = component.NewResolver(s.Components, []component.Module{{Path: "example.com/shop"}}).Resolve
	return prog
}

func renderFindings(prog *family.Program, fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		pos := prog.Fset.Position(f.Pos)
		out = append(out, fmt.Sprintf("%s %s:%d %s [%s] %s", f.Rule, filepath.Base(pos.Filename), pos.Line, f.Subject, f.Evidence, f.Message))
	}
	return out
}

func TestGlobal(t *testing.T) {
	dir := filepath.Join(analysistest.TestData(), "shop")
	cases := []struct {
		name, reason string
		settings     family.Settings
		want         []string
	}{
		{
			name:     "defaults",
			reason:   "customers is used by every querying component and read by four besides its owner; orders is written by two (Cassandra's orders is another table), wishes by two through generated methods; the migrations' writes are no use, nor are the migration tools' bookkeeping tables (schema_migrations written by two)",
			settings: family.Settings{},
			want: []string{
				"data.single-table billing.go:11 customers [7 sites in 5 packages of 5 components] table customers carries 5 of 6 components: every feature depends on its shape",
				"data.shared-table billing.go:11 customers [7 sites in 5 packages of 5 components] table customers is read directly by 4 components besides its owner users (billing, orders, reports, web): its shape is a contract nobody owns",
				"data.shared-table billing.go:11 orders [5 sites in 2 packages of 2 components] table orders is written by 2 components (billing, orders): its shape is a contract nobody owns",
				"data.shared-table web.go:18 wishes [2 sites in 2 packages of 2 components] table wishes is written by 2 components (orders, web): its shape is a contract nobody owns",
			},
		},
		{
			name:   "options",
			reason: "min-sites above the program's size silences single-table; more readers are allowed",
			settings: family.Settings{Options: map[string]map[string]any{
				data.RuleSingleTable: {"min-sites": 50},
				data.RuleSharedTable: {"max-readers": 4},
			}},
			want: []string{
				"data.shared-table billing.go:11 orders [5 sites in 2 packages of 2 components] table orders is written by 2 components (billing, orders): its shape is a contract nobody owns",
				"data.shared-table web.go:18 wishes [2 sites in 2 packages of 2 components] table wishes is written by 2 components (orders, web): its shape is a contract nobody owns",
			},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			prog := program(t, dir, c.settings)
			got := renderFindings(prog, data.Global(prog))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("%s\n got:\n%s\nwant:\n%s", c.reason, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestInventory(t *testing.T) {
	prog := program(t, filepath.Join(analysistest.TestData(), "shop"), family.Settings{})
	var got []string
	for _, u := range data.Inventory(prog) {
		name := u.Table
		if u.Store != "" {
			name += " (" + u.Store + ")"
		}
		got = append(got, fmt.Sprintf("%s comps=%s pkgs=%d reads=%d writes=%d ddl=%d",
			name, strings.Join(u.Components, ","), len(u.Packages), len(u.Reads), len(u.Writes), len(u.DDL)))
	}
	want := []string{
		// The migrations package defines the tables: every one of its sites is DDL.
		// Its temporary invoices_new and customers_new, the dropped legacy_carts
		// and billing's session table run_totals are no tables.
		"customers comps=billing,migrations,orders,reports,users,web pkgs=6 reads=5 writes=2 ddl=3",
		// gifts is used only by a generated method nothing calls: it stays, in the generated package.
		"gifts comps=platform pkgs=1 reads=0 writes=1 ddl=0",
		"invoices comps=billing,migrations,reports pkgs=3 reads=2 writes=1 ddl=3",
		// hack/backfill, a one-off script that changes the schema, is a migration.
		"orders comps=billing,hack,migrations,orders pkgs=4 reads=2 writes=3 ddl=4",
		// Cassandra's orders table is another table of the same name.
		"orders (cql) comps=sessions pkgs=1 reads=0 writes=2 ddl=0",
		// Migration bookkeeping tables are tables; no rule weighs them.
		"schema_migrations comps=billing,reports pkgs=2 reads=0 writes=2 ddl=0",
		"schemaversion comps=reports,users pkgs=2 reads=1 writes=1 ddl=0",
		// wishes is written through sqlc's generated method by its two callers' components.
		"wishes comps=orders,web pkgs=2 reads=0 writes=2 ddl=0",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("inventory of the shop fixture\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
