package report

import (
	"github.com/oneway-lint/oneway/analyzers/finding"
)

// full is a report that uses every part of the model: decisions of each
// class (one baselined, two sharing a fingerprint, one of a rule missing
// from the catalogue), factors, related locations, components with and
// without metrics, dependencies with offending edges, tables, and both
// kinds of problems.
func full() *Report {
	factors := func(base, exposure, spread, crit int, why string) []Factor {
		return []Factor{
			{Name: "base", Value: base, Why: "rule weight"},
			{Name: "exposure", Value: exposure, Why: why},
			{Name: "spread", Value: spread, Why: "sites in packages"},
			{Name: "criticality", Value: crit, Why: "normal"},
		}
	}
	r := &Report{
		Version: SchemaVersion, Tool: "v0.3.0", Stage: "traction", Policy: ".oneway.yml", Threshold: 40,
		Decisions: []Decision{
			{
				Rule: "data.select-star", Class: CheapLater, Cost: 12, Breakdown: "12 = base 2 × exposure 3 (data at rest) × spread 1 (1 site in 1 package) × criticality 2 (normal)",
				File: "orders/store.go", Line: 77, Column: 15, Message: "select * from order_items couples the code to every column of order_items",
				Component: "orders", Package: "example.com/shop/orders", Subject: "order_items",
				Evidence:    finding.Evidence{Sites: 1, Packages: 1, Components: 1, DataAtRest: true},
				Fingerprint: "7d0c1a5e", Occurrence: 1,
			},
			{
				Rule: "data.shared-table", Class: InvestNow, Cost: 144, Breakdown: "144 = base 4 × exposure 3 (data at rest) × spread 6 (14 sites in 5 packages) × criticality 2 (normal)",
				Factors: factors(4, 3, 6, 2, "data at rest"),
				File:    "orders/store.go", Line: 97, Column: 9, Message: "table customers is written by 4 components (billing, orders, users, web): its shape is a contract nobody owns",
				Component: "orders", Package: "example.com/shop/orders", Subject: "customers",
				Evidence: finding.Evidence{Sites: 14, Packages: 5, Components: 4, DataAtRest: true},
				Related: []Location{
					{File: "billing/billing.go", Line: 52, Column: 9, Message: "billing (owner) uses customers"},
					{File: "users/store.go", Line: 49, Column: 9, Message: "users uses customers"},
				},
				Fingerprint: "a1b2c3d4",
			},
			{
				Rule: "api.unversioned-route", Class: InvestNow, Cost: 72, Breakdown: "72 = base 3 × exposure 3 (public API) × spread 4 (7 sites in 3 packages) × criticality 2 (normal)",
				Factors: factors(3, 3, 4, 2, "public API"),
				File:    "web/server.go", Line: 74, Column: 2, Message: "api root / has no version: 7 routes on /customers, /orders",
				Component: "web", Package: "example.com/shop/web", Subject: "/",
				Evidence:    finding.Evidence{Sites: 7, Packages: 3, Components: 3, Public: true},
				Fingerprint: "e5f6a7b8", Baselined: true,
			},
			{
				Rule: "coupling.cycle", Class: InvestNow, Cost: 64, Breakdown: "64 = base 4 × exposure 2 (inside the code base) × spread 4 (4 sites in 2 packages) × criticality 2 (normal)",
				Factors: factors(4, 2, 4, 2, "inside the code base"),
				File:    "billing/refunds/refunds.go", Line: 15, Column: 2, Message: "components billing and orders depend on each other: billing -> orders, orders -> billing",
				Component: "billing", Package: "example.com/shop/billing/refunds", Subject: "billing<->orders",
				Evidence:    finding.Evidence{Sites: 4, Packages: 2, Components: 2, FanIn: 3},
				Related:     []Location{{File: "orders/order.go", Line: 7, Column: 2, Message: "orders -> billing"}},
				Fingerprint: "c9d0e1f2",
			},
			{
				Rule: "data.select-star", Class: CheapLater, Cost: 12, Breakdown: "12 = base 2 × exposure 3 (data at rest) × spread 1 (1 site in 1 package) × criticality 2 (normal)",
				File: "orders/store.go", Line: 40, Column: 15, Message: "select * from order_items couples the code to every column of order_items",
				Component: "orders", Package: "example.com/shop/orders", Subject: "order_items",
				Evidence:    finding.Evidence{Sites: 1, Packages: 1, Components: 1, DataAtRest: true},
				Fingerprint: "7d0c1a5e",
			},
			{
				Rule: "coupling.concrete-dependency", Class: CheapLater, Cost: 16, Breakdown: "16 = base 2 × exposure 2 (inside the code base) × spread 2 (2 sites in 1 package) × criticality 2 (normal)",
				File: "web/server.go", Line: 32, Column: 17, Message: "component web depends on concrete users.Handler of users; depend on an interface instead",
				Component: "web", Package: "example.com/shop/web", Subject: "example.com/shop/users.Handler",
				Evidence:    finding.Evidence{Sites: 2, Packages: 1, Components: 1},
				Fingerprint: "11223344",
			},
			{
				Rule: "api.storage-model-exposed", Class: CheapLater, Cost: 36, Breakdown: "36 = base 3 × exposure 3 (public API) × spread 2 (3 sites in 1 package) × criticality 2 (normal)",
				File: "orders/http.go", Line: 36, Column: 30, Message: "orders.Order, a database model, is encoded directly as a JSON response",
				Component: "orders", Package: "example.com/shop/orders", Subject: "example.com/shop/orders.Order",
				Evidence:    finding.Evidence{Sites: 3, Packages: 1, Public: true, DataAtRest: true},
				Fingerprint: "55667788",
			},
			{
				Rule: "data.schema-in-code", Class: Accepted, Cost: 18, Breakdown: "18 = base 3 × exposure 3 (data at rest) × spread 1 (1 site in 1 package) × criticality 2 (normal)",
				File: "platform/db/schema.go", Line: 105, Column: 15, Message: "application code issues schema ddl for customers, products",
				Component: "platform", Package: "example.com/shop/platform/db", Subject: "customers",
				Evidence:    finding.Evidence{Sites: 1, Packages: 1, Components: 1, DataAtRest: true},
				Fingerprint: "99aabbcc", Reason: "ADR-7: migrations move to a tool in Q3",
			},
		},
		Components: []Component{
			{Name: "web", Criticality: "normal", Packages: []string{"example.com/shop/web"},
				Metrics: &Metrics{Ca: 1, Ce: 2, I: 0.67, A: 0, D: 0.33}},
			{Name: "billing", Criticality: "high", Packages: []string{"example.com/shop/billing", "example.com/shop/billing/ledger", "example.com/shop/billing/refunds"},
				Implicit: []string{"example.com/shop/billing/ledger"},
				Metrics:  &Metrics{Ca: 2, Ce: 1, I: 0.33, A: 0, D: 0.67}},
			{Name: "orders", Criticality: "normal", Packages: []string{"example.com/shop/orders"},
				Metrics: &Metrics{Ca: 1, Ce: 1, I: 0.5, A: 0, D: 0.5}},
			{Name: "users", Criticality: "normal", Packages: []string{"example.com/shop/users"},
				Metrics: &Metrics{Ca: 1, Ce: 1, I: 0.5, A: 0, D: 0.5}},
			{Name: "platform", Criticality: "normal", Packages: []string{"example.com/shop/platform/db"},
				Metrics: &Metrics{Ca: 2, Ce: 0, I: 0, A: 0.1, D: 0.9, ZoneOfPain: true}},
			{Name: "cmd", Criticality: "low", Packages: []string{"example.com/shop/cmd/shop"}},
		},
		Inventory: Inventory{
			Tables: []Table{
				{Name: "order_items", Components: []string{"orders"}, Packages: []string{"example.com/shop/orders"}, Reads: 2,
					Sites: []SiteRef{{File: "orders/store.go", Line: 77, Kind: "read"}, {File: "orders/store.go", Line: 40, Kind: "read"}}},
				{Name: "customers", Components: []string{"billing", "orders", "platform", "users", "web"}, Packages: []string{"example.com/shop/billing", "example.com/shop/orders"},
					Reads: 7, Writes: 7, DDL: 1,
					Sites: []SiteRef{{File: "billing/billing.go", Line: 52, Kind: "read"}, {File: "orders/store.go", Line: 97, Kind: "read"}, {File: "platform/db/schema.go", Line: 105, Kind: "ddl"},
						{File: "users/store.go", Line: 49, Kind: "read"}, {File: "users/store.go", Line: 81, Kind: "write"}, {File: "web/account.go", Line: 34, Kind: "read"}}},
			},
			Routes: []Route{
				{Method: "GET", Path: "/customers/{id}", Kind: "api", Component: "web", Package: "example.com/shop/web", File: "web/server.go", Line: 74, Constant: true},
				{Method: "POST", Path: "/orders", Kind: "api", Component: "orders", Package: "example.com/shop/orders", File: "orders/http.go", Line: 16, Constant: true},
				{Path: "/healthz", Kind: "health", Component: "web", Package: "example.com/shop/web", File: "web/server.go", Line: 80, Constant: true},
				{Method: "GET", Path: "/v2/catalog", Versioned: true, Kind: "api", Component: "web", Package: "example.com/shop/web", File: "web/server.go", Line: 82, Constant: true},
			},
			ProtoPackages: []ProtoPackage{
				{Package: "shop.events", File: "gen/events.pb.go", Line: 1, Services: []string{"Events"}},
			},
			Dependencies: []Edge{
				{From: "web", To: "users", Sites: 9, Packages: 1},
				{From: "cmd", To: "web", Sites: 6, Packages: 1},
				{From: "billing", To: "orders", Sites: 3, Packages: 2, Offending: true},
				{From: "orders", To: "billing", Sites: 1, Packages: 1, Offending: true},
				{From: "web", To: "billing", Sites: 2, Packages: 1},
				{From: "users", To: "platform", Sites: 4, Packages: 1},
				{From: "billing", To: "platform", Sites: 7, Packages: 3},
				{From: "cmd", To: "platform", Sites: 5, Packages: 1},
			},
		},
		Problems: []Problem{
			{Kind: PackageProblem, Package: "example.com/shop/broken", Message: "undefined: x"},
			{Kind: DirectiveProblem, File: "users/store.go", Line: 12, Column: 1, Message: "//oneway:accept data.shared-table has no reason"},
		},
		Summary: Summary{Packages: 9},
	}
	r.Sort()
	return r
}

// catalogue is a small rule catalogue for the SARIF renderer; it leaves
// out api.storage-model-exposed on purpose.
func catalogue() []finding.Rule {
	return []finding.Rule{
		{ID: "data.shared-table", Title: "table written by several components", Summary: "a table written by several components",
			Doc: "A table that several components write is a contract nobody owns.\n\nGive the table one owner.", Weight: 4, Global: true},
		{ID: "api.unversioned-route", Title: "HTTP route without a version", Summary: "an HTTP API route without a version segment", Weight: 3},
		{ID: "coupling.cycle", Title: "cycle between components", Summary: "components that depend on each other", Weight: 4, Global: true},
		{ID: "coupling.concrete-dependency", Title: "concrete dependency across components", Summary: "a concrete type used across a component boundary", Weight: 2},
		{ID: "data.select-star", Title: "SELECT *", Summary: "a query that selects every column", Weight: 2},
		{ID: "data.schema-in-code", Title: "schema DDL in application code", Summary: "DDL issued from application code", Weight: 3},
	}
}

// hostile is a string from analysed code that tries to break out of
// every output format.
const hostile = "<script>alert(1)</script> --> `x` %0A :: \"] | \n::error::injected\r\n# heading [a](javascript:x) @team $x$ \x1b[2J"

// hostileReport puts the hostile string in every string of the model
// that comes from analysed code.
func hostileReport() *Report {
	h := hostile
	r := &Report{
		Version: SchemaVersion, Tool: "test", Stage: "traction", Policy: h, Threshold: 40,
		Decisions: []Decision{
			{Rule: "data.shared-table", Class: InvestNow, Cost: 99, Breakdown: h, Factors: []Factor{{Name: h, Value: 3, Why: h}},
				File: h + ".go", Line: 3, Column: 4, Message: h, Component: h, Package: h, Subject: h,
				Related: []Location{{File: h, Line: 1, Message: h}}, Fingerprint: h, Evidence: finding.Evidence{Sites: 3}},
			{Rule: "data.select-star", Class: CheapLater, Cost: 10, Breakdown: h, File: h, Line: 1, Message: h, Component: h, Subject: h},
			{Rule: "data.schema-in-code", Class: Accepted, Cost: 10, Breakdown: h, File: h, Line: 1, Message: h, Component: h, Reason: h},
		},
		Components: []Component{{Name: h, Criticality: h, Packages: []string{h}, Metrics: &Metrics{Ca: 1}}, {Name: "plain"}},
		Inventory: Inventory{
			Tables:        []Table{{Name: h, Components: []string{h}, Packages: []string{h}, Sites: []SiteRef{{File: h, Line: 2, Kind: h}}}},
			Routes:        []Route{{Method: h, Host: h, Path: h, Kind: h, Component: h, Package: h, File: h, Line: 1}},
			ProtoPackages: []ProtoPackage{{Package: h, File: h, Line: 1, Services: []string{h}}},
			Dependencies:  []Edge{{From: h, To: "plain", Sites: 1, Offending: true}, {From: "plain", To: h, Sites: 2}},
		},
		Problems: []Problem{
			{Kind: DirectiveProblem, File: h, Line: 2, Message: h},
			{Kind: PackageProblem, Package: h, Message: h},
		},
		Summary: Summary{Packages: 1},
	}
	r.Sort()
	return r
}
