package report

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// TestNormalize: a report whose lists are nil and one whose lists are
// empty become one report, and render one JSON document: lists the
// format always writes as [], the others left out.
func TestNormalize(t *testing.T) {
	nils := &Report{
		Version:   SchemaVersion,
		Decisions: []Decision{{Rule: "r", Factors: nil, Related: nil}},
		Inventory: Inventory{Tables: []Table{{Name: "t"}}},
	}
	empties := &Report{
		Version:    SchemaVersion,
		Decisions:  []Decision{{Rule: "r", Factors: []Factor{}, Related: []Location{}}},
		Components: []Component{},
		Problems:   []Problem{},
		Inventory: Inventory{
			Tables: []Table{{Name: "t", Components: []string{}, Packages: []string{}, Sites: []SiteRef{}}},
			Routes: []Route{}, ProtoPackages: []ProtoPackage{}, Dependencies: []Edge{},
		},
	}
	nils.Normalize()
	empties.Normalize()
	if !reflect.DeepEqual(nils, empties) {
		t.Errorf("normal forms differ:\n%+v\n%+v", nils, empties)
	}
	if nils.Decisions[0].Factors == nil || nils.Inventory.Routes == nil || nils.Inventory.Tables[0].Sites == nil {
		t.Error("a list JSON always writes is nil")
	}
	if empties.Problems != nil || empties.Decisions[0].Related != nil {
		t.Error("a list JSON leaves out when empty is empty, not nil")
	}
	var a, b bytes.Buffer
	if err := JSON(&a, nils); err != nil {
		t.Fatal(err)
	}
	if err := JSON(&b, empties); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() || bytes.Contains(a.Bytes(), []byte("null")) {
		t.Errorf("JSON differs or writes null:\n%s\n%s", a.String(), b.String())
	}
}

// TestUnderDir: every file path of a report, and only those, gets the
// directory in front; a clone changes without its original.
func TestUnderDir(t *testing.T) {
	r := &Report{
		Version:   SchemaVersion,
		Decisions: []Decision{{Rule: "r", File: "orders/store.go", Related: []Location{{File: "web/api.go", Message: "orders/x.go"}}}},
		Inventory: Inventory{Tables: []Table{{Name: "t", Sites: []SiteRef{{File: "a.go"}}}}, Routes: []Route{{Path: "/a", File: "web/r.go"}}},
		Problems:  []Problem{{Kind: PackageProblem, Package: "p", Message: "m"}},
	}
	r.Normalize()
	c := r.Clone()
	if !reflect.DeepEqual(c, r) {
		t.Fatalf("the clone differs:\n%+v\n%+v", c, r)
	}
	c.UnderDir("services/shop")
	if r.Decisions[0].File != "orders/store.go" {
		t.Errorf("the original changed with its clone: %s", r.Decisions[0].File)
	}
	for _, got := range []string{c.Decisions[0].File, c.Decisions[0].Related[0].File, c.Inventory.Tables[0].Sites[0].File, c.Inventory.Routes[0].File} {
		if !strings.HasPrefix(got, "services/shop/") {
			t.Errorf("%q is not below services/shop", got)
		}
	}
	if c.Decisions[0].Related[0].Message != "orders/x.go" || c.Problems[0].File != "" {
		t.Errorf("a field that is no file path changed: %+v %+v", c.Decisions[0].Related[0], c.Problems[0])
	}
}
