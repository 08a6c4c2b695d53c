package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers/finding"
)

var update = flag.Bool("update", false, "rewrite the golden files with the output the renderers produce")

// sample is a report with a decision of every class, out of order, a
// problem, an implicit package and a hostile string from analysed code.
func sample() *Report {
	r := &Report{
		Version: SchemaVersion, Tool: "test", Stage: "traction", Policy: ".oneway.yml", Threshold: 40,
		Decisions: []Decision{
			{
				Rule: "data.select-star", Class: CheapLater, Cost: 12, Breakdown: "12 = base 2 × exposure 3 (data at rest) × spread 1 (1 site in 1 package) × criticality 2 (normal)",
				File: "orders/store.go", Line: 77, Column: 9, Message: "SELECT * from order_items", Component: "orders", Package: "example.com/shop/orders",
				Subject: "order_items", Evidence: finding.Evidence{Sites: 1, Packages: 1, Components: 1, DataAtRest: true},
			},
			{
				Rule: "data.shared-table", Class: InvestNow, Cost: 54, Breakdown: "54 = base 3 × exposure 3 (data at rest) × spread 3 (5 sites in 3 packages) × criticality 2 (normal)",
				File: "users/store.go", Line: 49, Column: 2, Message: "table customers is written by 4 components\x1b[31m", Component: "users", Package: "example.com/shop/users",
				Subject: "customers", Evidence: finding.Evidence{Sites: 14, Packages: 5, Components: 4, DataAtRest: true},
				Related: []Location{{File: "orders/store.go", Line: 134, Column: 2, Message: "written here"}},
			},
			{
				Rule: "data.shared-table", Class: InvestNow, Cost: 54, Breakdown: "54 = …",
				File: "billing/billing.go", Line: 52, Column: 2, Message: "table invoices is written by 2 components", Component: "billing", Package: "example.com/shop/billing",
			},
		},
		Components: []Component{
			{Name: "web", Criticality: "normal", Packages: []string{"example.com/shop/web"}},
			{Name: "billing", Criticality: "high", Packages: []string{"example.com/shop/billing", "example.com/shop/billing/ledger"}, Implicit: []string{"example.com/shop/billing/ledger"}},
		},
		Inventory: Inventory{Tables: []Table{
			{Name: "orders", Components: []string{"orders"}, Packages: []string{"example.com/shop/orders"}, Reads: 1, Writes: 1,
				Sites: []SiteRef{{File: "orders/store.go", Line: 40, Kind: "write"}, {File: "orders/store.go", Line: 12, Kind: "read"}}},
			{Name: "customers\x1b[2J", Components: []string{"billing", "users"}, Packages: []string{"example.com/shop/billing", "example.com/shop/users"}, Reads: 2, Writes: 1, DDL: 1,
				Sites: []SiteRef{{File: "users/store.go", Line: 49, Kind: "read"}}},
		}},
		Problems: []Problem{{Kind: PackageProblem, Package: "example.com/shop/broken", Message: "undefined: x"}},
		Summary:  Summary{Packages: 7},
	}
	r.Sort()
	return r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the renderer's output (go test -update accepts it):\n--- want\n%s\n--- got\n%s", name, want, got)
	}
}

func TestText(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.txt", b.Bytes())
	if strings.Contains(b.String(), "\x1b") {
		t.Error("text output without colour contains an escape sequence (from the hostile message, or colour codes)")
	}
}

func TestTextColor(t *testing.T) {
	var b bytes.Buffer
	if err := Text(&b, sample(), TextOptions{Color: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[31;1mInvest now (2)") {
		t.Errorf("coloured output has no red, bold invest-now heading:\n%q", b.String())
	}
	if strings.Contains(b.String(), "components\x1b[31m") {
		t.Error("an escape sequence from analysed code reached the terminal")
	}
}

func TestJSON(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, sample()); err != nil {
		t.Fatal(err)
	}
	golden(t, "sample.json", b.Bytes())
}

func TestJSONEmptyLists(t *testing.T) {
	var b bytes.Buffer
	if err := JSON(&b, &Report{Version: SchemaVersion}); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`"decisions": []`, `"components": []`} {
		if !strings.Contains(b.String(), key) {
			t.Errorf("empty report lacks %s:\n%s", key, b.String())
		}
	}
}

func TestSortOrderAndSummary(t *testing.T) {
	r := sample()
	var got []string
	for _, d := range r.Decisions {
		got = append(got, d.Class+" "+d.File)
	}
	want := []string{"invest-now billing/billing.go", "invest-now users/store.go", "cheap-later orders/store.go"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("order:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if r.Summary.InvestNow != 2 || r.Summary.CheapLater != 1 || r.Summary.Problems != 1 {
		t.Errorf("summary = %+v", r.Summary)
	}
	if r.Components[0].Name != "billing" {
		t.Errorf("components not sorted: %v", r.Components)
	}
}

func TestSanitize(t *testing.T) {
	cases := map[string]string{
		"plain":             "plain",
		"a\nb":              `a\nb`,
		"\x1b[2J":           `\x1b[2J`,
		"tab\there":         `tab\there`,
		"ünïcode stays":     "ünïcode stays",
		"c1 \u009b control": `c1 \u009b control`,
	}
	for in, want := range cases {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}
