package audit

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// TestDemo audits the demo code base with the embedded default policy
// and checks that the one-way doors planted in it are found and
// classified, and that the well-designed places beside them are not
// reported.
func TestDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("loads and analyses the demo code base")
	}
	rep, err := Run(context.Background(), Options{
		Dir:      "../../testdata/demo",
		Policy:   policy.Default(analyzers.Rules()),
		Families: analyzers.Families(),
		Version:  "test",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) > 0 {
		t.Errorf("problems: %+v", rep.Problems)
	}

	find := func(rule string, match func(d report.Decision) bool) (report.Decision, bool) {
		for _, d := range rep.Decisions {
			if d.Rule == rule && match(d) {
				return d, true
			}
		}
		return report.Decision{}, false
	}
	at := func(file string, line int) func(report.Decision) bool {
		return func(d report.Decision) bool { return d.File == file && d.Line == line }
	}
	subject := func(s string) func(report.Decision) bool {
		return func(d report.Decision) bool { return d.Subject == s }
	}
	mentions := func(s string) func(report.Decision) bool {
		return func(d report.Decision) bool {
			if strings.Contains(d.Message, s) || strings.Contains(d.Subject, s) {
				return true
			}
			return slices.ContainsFunc(d.Related, func(l report.Location) bool { return strings.Contains(l.Message, s) })
		}
	}

	want := []struct {
		rule, why string
		match     func(report.Decision) bool
		class     string // "" when either class is acceptable
	}{
		{"data.shared-table", "customers is written by billing, orders, users and web", subject("customers"), report.InvestNow},
		{"data.single-table", "customers is touched by most components", subject("customers"), report.InvestNow},
		{"data.select-star", "SELECT * FROM order_items", at("orders/store.go", 77), report.CheapLater},
		{"data.unbounded-mutation", "UPDATE products SET featured = false", at("catalog/store.go", 103), ""},
		{"data.schema-in-code", "EnsureSchema runs CREATE TABLE at start-up", func(d report.Decision) bool { return d.File == "platform/db/schema.go" }, ""},
		{"data.catch-all-column", "products.attributes JSONB", mentions("attributes"), ""},
		{"coupling.cycle", "orders -> billing and billing/refunds -> orders; the back edge, 3 references in one package, is cheap to break today", func(d report.Decision) bool {
			return strings.Contains(d.Subject, "billing") && strings.Contains(d.Subject, "orders") && strings.Contains(d.Message, "billing -> orders closes the cycle")
		}, report.CheapLater},
		{"coupling.shared-global", "billing.DefaultCurrency is written by cmd and read by orders and users", mentions("DefaultCurrency"), ""},
		{"coupling.concrete-dependency", "orders holds a billing.Store", func(d report.Decision) bool {
			return d.Component == "orders" && strings.Contains(d.Message, "billing.")
		}, ""},
		{"api.unversioned-route", "GET /orders and friends have no version", mentions("/orders"), report.InvestNow},
		{"api.unversioned-route", "GET /customers/{id} and friends have no version", mentions("/customers"), ""},
		{"api.storage-model-exposed", "users.Customer, scanned from a row, is encoded as the JSON response", mentions("Customer"), ""},
	}
	for _, w := range want {
		d, ok := find(w.rule, w.match)
		if !ok {
			t.Errorf("%s not found: %s", w.rule, w.why)
			continue
		}
		if w.class != "" && d.Class != w.class {
			t.Errorf("%s (%s) is %s, want %s: %s", w.rule, w.why, d.Class, w.class, d.Breakdown)
		}
	}

	notWant := []struct {
		rule, why string
		match     func(report.Decision) bool
	}{
		{"coupling.concrete-dependency", "web uses catalog only through its Catalog interface", func(d report.Decision) bool {
			return d.Component == "web" && strings.Contains(d.Message, "of catalog")
		}},
		{"api.unversioned-route", "/api/v1 routes are versioned", mentions("/api/v1")},
		{"coupling.internal-reach", "billing is a directory of the default rule, no declared component: orders importing billing/ledger reaches no declared surface", mentions("billing/ledger")},
		{"api.unversioned-route", "/healthz is a health check", mentions("/healthz")},
		{"api.unversioned-route", "/static/ serves files", mentions("/static")},
		{"api.unversioned-route", "/account renders an HTML page", mentions("GET /account")},
		{"data.shared-table", "products is used by catalog alone", subject("products")},
	}
	for _, n := range notWant {
		if d, ok := find(n.rule, n.match); ok {
			t.Errorf("%s reported, but %s: %s:%d: %s", n.rule, n.why, d.File, d.Line, d.Message)
		}
	}

	var tables []string
	for _, tb := range rep.Inventory.Tables {
		tables = append(tables, tb.Name)
	}
	if got, want := strings.Join(tables, " "), "customers invoices ledger_entries order_items orders products refunds"; got != want {
		t.Errorf("table inventory = %s, want %s", got, want)
	}
}
