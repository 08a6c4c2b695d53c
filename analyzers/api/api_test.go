package api_test

import (
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/api"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

func TestUnversionedRoute(t *testing.T) {
	fixturetest.Run(t, analysistest.TestData(), api.New(api.DefaultConfig()), "unversioned/...")
}

func TestUnversionedProto(t *testing.T) {
	fixturetest.Run(t, analysistest.TestData(), api.ProtoAnalyzer, "protos/...")
}

func TestStorageModelExposed(t *testing.T) {
	fixturetest.Run(t, analysistest.TestData(), api.StorageAnalyzer, "storage/...")
}

func TestFamily(t *testing.T) {
	f := api.Family()
	a, b := f.New(family.Settings{}), f.New(family.Settings{})
	if len(a) != 3 || a[0] != api.Analyzer || a[1] != api.ProtoAnalyzer || a[2] != api.StorageAnalyzer {
		t.Fatalf("New(zero settings) = %v, want the package-level analyzers", a)
	}
	for i := range a {
		if a[i] != b[i] {
			t.Errorf("New(zero settings) returned a new analyzer %s", a[i].Name)
		}
	}
	if err := analysis.Validate(a); err != nil {
		t.Fatal(err)
	}
	c := f.New(family.Settings{Options: map[string]map[string]any{api.RuleUnversionedRoute: {"strategy": "host"}}})
	if c[0] == api.Analyzer {
		t.Error("New(settings) returned the default analyzer")
	}
	if got := c[0].Flags.Lookup("strategy").Value.String(); got != "host" {
		t.Errorf("strategy flag = %q, want host", got)
	}
	prev := ""
	for _, r := range f.Rules {
		if r.ID <= prev || r.Summary == "" || r.Doc == "" || r.Weight < 1 || r.Weight > 5 {
			t.Errorf("rule %q: unsorted or incomplete metadata", r.ID)
		}
		prev = r.ID
	}
}

func TestProtocolPaths(t *testing.T) {
	cfg := api.DefaultConfig()
	cfg.ProtocolPaths = []string{"/hooks/**"}
	fixturetest.Run(t, analysistest.TestData(), api.New(cfg), "protocolpaths/...")
}
