package report

import (
	"bytes"
	"reflect"
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
