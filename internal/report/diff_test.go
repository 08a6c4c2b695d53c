package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestReadJSONRoundTrip(t *testing.T) {
	var first bytes.Buffer
	if err := JSON(&first, full()); err != nil {
		t.Fatal(err)
	}
	r, err := ReadJSON(bytes.NewReader(first.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var second bytes.Buffer
	if err := JSON(&second, r); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Errorf("JSON → ReadJSON → JSON changes the report:\n%s", second.String())
	}
}

func TestReadJSONErrors(t *testing.T) {
	cases := []struct{ name, in, want, reason string }{
		{"empty", "", "empty input", "an empty file is not a report"},
		{"garbage", "SELECT 1", "not a oneway JSON report", "not JSON at all"},
		{"no version", `{"decisions": []}`, "no version", "some other JSON document"},
		{"newer", `{"version": 99}`, "version 99 is not supported", "a report of another schema version"},
		{"trailing", `{"version": 1} {}`, "data after the report", "two documents"},
		{"wrong type", `{"version": 1, "decisions": {}}`, "not a oneway JSON report", "a field of the wrong type"},
	}
	for _, tc := range cases {
		_, err := ReadJSON(strings.NewReader(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: ReadJSON error %v, want one containing %q (%s)", tc.name, err, tc.want, tc.reason)
		}
	}
	r, err := ReadJSON(strings.NewReader(`{"version": 1, "future_field": true, "decisions": [{"rule": "a.b", "class": "cheap-later", "cost": 3}, {"rule": "a.c", "class": "invest-now", "cost": 50}]}`))
	if err != nil {
		t.Fatalf("unknown fields must be ignored (a version may gain fields): %v", err)
	}
	if r.Decisions[0].Rule != "a.c" || r.Summary.InvestNow != 1 {
		t.Errorf("ReadJSON does not put the report in its canonical order: %+v", r)
	}
}

// changed is full() a release later: one decision resolved, one new,
// one reclassified with a higher cost, one costlier, a table and a
// dependency each way, and every line number moved.
func changed() *Report {
	r := full()
	var ds []Decision
	for _, d := range r.Decisions {
		d.Line += 10
		switch d.Rule {
		case "coupling.concrete-dependency":
			continue // resolved
		case "api.storage-model-exposed":
			d.Class, d.Cost, d.Breakdown = InvestNow, 54, "54 = base 3 × exposure 3 (public API) × spread 3 (5 sites in 2 packages) × criticality 2 (normal)"
		case "data.shared-table":
			d.Cost, d.Breakdown = 192, "192 = base 4 × exposure 3 (data at rest) × spread 8 (20 sites in 7 packages) × criticality 2 (normal)"
		}
		ds = append(ds, d)
	}
	ds = append(ds, Decision{
		Rule: "data.unbounded-mutation", Class: CheapLater, Cost: 18, Breakdown: "18 = base 3 × exposure 3 (data at rest) × spread 1 (1 site in 1 package) × criticality 2 (normal)",
		File: "catalog/store.go", Line: 103, Column: 15, Message: "update of products without where changes every row",
		Component: "catalog", Package: "example.com/shop/catalog", Subject: "products", Fingerprint: "deadbeef",
	})
	r.Decisions = ds
	r.Inventory.Tables = append(r.Inventory.Tables[:1], Table{Name: "products", Components: []string{"catalog"}})
	r.Inventory.Dependencies = append(r.Inventory.Dependencies[1:], Edge{From: "web", To: "orders", Sites: 3, Packages: 1})
	r.Inventory.Routes = append(r.Inventory.Routes[1:], Route{Method: "GET", Path: "/v2/orders", Versioned: true, Kind: "api", Component: "orders", File: "orders/http.go", Line: 30})
	r.Inventory.ProtoPackages = nil
	r.Sort()
	return r
}

func TestDiff(t *testing.T) {
	d := Diff(full(), changed())
	var names []string
	for _, x := range d.Added {
		names = append(names, "+"+x.Rule)
	}
	for _, x := range d.Resolved {
		names = append(names, "-"+x.Rule)
	}
	for _, c := range d.Reclassified {
		names = append(names, "class "+c.New.Rule)
	}
	for _, c := range d.Costlier {
		names = append(names, "cost "+c.New.Rule)
	}
	want := "+data.unbounded-mutation -coupling.concrete-dependency class api.storage-model-exposed cost data.shared-table cost api.storage-model-exposed"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("diff = %s\nwant   %s\n(moved lines must not make decisions new)", got, want)
	}
	if strings.Join(d.TablesAdded, ",") != "products" || strings.Join(d.TablesRemoved, ",") != "order_items" {
		t.Errorf("tables added %v, removed %v", d.TablesAdded, d.TablesRemoved)
	}
	if len(d.EdgesAdded) != 1 || d.EdgesAdded[0].To != "orders" || len(d.EdgesRemoved) != 1 || d.EdgesRemoved[0].From != "billing" {
		t.Errorf("dependencies added %v, removed %v", d.EdgesAdded, d.EdgesRemoved)
	}

	var text, markdown bytes.Buffer
	if err := DiffText(&text, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff.txt", text.Bytes())
	if err := DiffMarkdown(&markdown, d); err != nil {
		t.Fatal(err)
	}
	golden(t, "diff.md", markdown.Bytes())
}

func TestDiffSame(t *testing.T) {
	d := Diff(full(), full())
	if !d.Empty() {
		t.Errorf("an audit differs from itself: %+v", d)
	}
	var b bytes.Buffer
	if err := DiffText(&b, d); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "no changes") {
		t.Errorf("DiffText of no changes:\n%s", b.String())
	}
}

func TestDiffWithoutFingerprints(t *testing.T) {
	strip := func(r *Report) *Report {
		for i := range r.Decisions {
			r.Decisions[i].Fingerprint, r.Decisions[i].Occurrence = "", 0
		}
		return r
	}
	d := Diff(strip(full()), strip(changed()))
	if len(d.Added) != 1 || len(d.Resolved) != 1 || len(d.Reclassified) != 1 || len(d.Costlier) != 2 {
		t.Errorf("matching by rule, component, package and subject when there are no fingerprints: %d new, %d resolved, %d reclassified, %d costlier; want 1, 1, 1, 2",
			len(d.Added), len(d.Resolved), len(d.Reclassified), len(d.Costlier))
	}
}

func TestDiffHostile(t *testing.T) {
	old := &Report{Version: SchemaVersion}
	d := Diff(old, hostileReport())
	var text, markdown bytes.Buffer
	if err := DiffText(&text, d); err != nil {
		t.Fatal(err)
	}
	if err := DiffMarkdown(&markdown, d); err != nil {
		t.Fatal(err)
	}
	for _, b := range []string{"\n::error", "\n# heading", "\x1b"} {
		if strings.Contains(text.String(), b) {
			t.Errorf("%q survives raw in the text diff:\n%s", b, text.String())
		}
	}
	rest := checkMarkdown(t, markdown.String())
	for _, b := range []string{"<script>", "-->", "`x`", `"]`, "[a](", " @team", "\n# heading", "\x1b"} {
		if strings.Contains(rest, b) {
			t.Errorf("%q survives raw in the Markdown diff:\n%s", b, rest)
		}
	}
}
