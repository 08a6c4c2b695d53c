package analyzers

import (
	"bytes"
	"encoding/gob"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// TestFactsGob runs every analyzer on the demo code base and checks each
// fact it exports the way drivers that cache facts between processes
// (go vet, Bazel nogo) use them: gob encoding works, is identical from
// one encoding to the next, and decodes to an equal value.
func TestFactsGob(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the demo code base")
	}
	cfg := &packages.Config{Mode: packages.LoadAllSyntax | packages.NeedModule, Dir: "../testdata/demo"}
	pkgs, err := packages.Load(cfg, "./...")
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("the demo does not load")
	}
	// No SanityCheck: it encodes every fact each importer inherits, the whole
	// test's time; roundTrip checks each fact once, which is the point.
	graph, err := checker.Analyze(Analyzers(), pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]int{}
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%s: %v", act, act.Err)
			continue
		}
		for _, f := range act.AllObjectFacts() {
			roundTrip(t, f.Fact)
			seen[reflect.TypeOf(f.Fact)]++
		}
		for _, f := range act.AllPackageFacts() {
			roundTrip(t, f.Fact)
			seen[reflect.TypeOf(f.Fact)]++
		}
	}
	// Every fact type round-trips, including those the demo gives no
	// instance of.
	for _, ft := range factTypes(Analyzers()) {
		roundTrip(t, reflect.New(reflect.TypeOf(ft).Elem()).Interface().(analysis.Fact))
	}
	if len(seen) == 0 {
		t.Error("the demo produced no facts at all: the test checks nothing real")
	}
	t.Logf("facts checked: %v", seen)
}

func roundTrip(t *testing.T, f analysis.Fact) {
	t.Helper()
	encode := func() []byte {
		var b bytes.Buffer
		if err := gob.NewEncoder(&b).Encode(f); err != nil {
			t.Fatalf("%T: gob encoding: %v", f, err)
		}
		return b.Bytes()
	}
	first, second := encode(), encode()
	if !bytes.Equal(first, second) {
		t.Errorf("%T: two encodings of the same fact differ", f)
	}
	back := reflect.New(reflect.TypeOf(f).Elem()).Interface()
	if err := gob.NewDecoder(bytes.NewReader(first)).Decode(back); err != nil {
		t.Fatalf("%T: gob decoding: %v", f, err)
	}
	if !reflect.DeepEqual(normalize(back), normalize(f)) {
		t.Errorf("%T: decoded %+v, encoded %+v", f, back, f)
	}
}

// normalize treats nil and empty slices and maps alike, as gob does.
func normalize(v any) any {
	var b bytes.Buffer
	_ = gob.NewEncoder(&b).Encode(v)
	return b.String()
}

// factTypes lists the fact types of the analyzers and of those they require.
func factTypes(as []*analysis.Analyzer) []analysis.Fact {
	seen := map[*analysis.Analyzer]bool{}
	var out []analysis.Fact
	var visit func(a *analysis.Analyzer)
	visit = func(a *analysis.Analyzer) {
		if seen[a] {
			return
		}
		seen[a] = true
		out = append(out, a.FactTypes...)
		for _, r := range a.Requires {
			visit(r)
		}
	}
	for _, a := range as {
		visit(a)
	}
	return out
}
