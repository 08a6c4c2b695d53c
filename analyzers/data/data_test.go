package data_test

import (
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/data"
	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/internal/fixturetest"
)

func TestRules(t *testing.T) {
	cases := []struct {
		name, reason string
		pkgs         []string
	}{
		{"database/sql through a wrapper", "sites reached through another package's wrapper are reported at the caller", []string{"shopsql/db", "shopsql/jobs"}},
		{"gorm models", "catch-all and wide models, AutoMigrate", []string{"gormmodels"}},
		{"statements held in slices", "steps[i] and a range over a slice of constant statements run each of them; a constant index picks one; elements something changes are unknown", []string{"startup"}},
		{"migrations", "versioned migrations (a migrations package, registered functions) issue schema by design; a bag column is one decision however many migrations touch it", []string{"migrating/migrations", "migrating/app", "migrating/grown", "migrating/ormmigrations"}},
	}
	// One run for every case: each run loads the fixtures' dependencies
	// from source again. A failure names its file; the reasons say what
	// each group of fixtures is for.
	var pkgs []string
	for _, c := range cases {
		t.Logf("%s (%s): %s", c.name, strings.Join(c.pkgs, ", "), c.reason)
		pkgs = append(pkgs, c.pkgs...)
	}
	fixturetest.Run(t, analysistest.TestData(), data.New(data.DefaultConfig()), pkgs...)
}

func TestMaxColumnsFlag(t *testing.T) {
	a := data.New(data.DefaultConfig())
	if err := a.Flags.Set("max-columns", "2"); err != nil {
		t.Fatal(err)
	}
	fixturetest.Run(t, analysistest.TestData(), a, "narrow")
}

func TestFamily(t *testing.T) {
	f := data.Family()
	as := f.New(family.Settings{})
	if len(as) != 1 || as[0] != data.Analyzer {
		t.Errorf("New(zero settings) = %v, want the default Analyzer", as)
	}
	as2 := f.New(family.Settings{Options: map[string]map[string]any{data.RuleWideTable: {"max-columns": 3}}})
	if len(as2) != 1 || as2[0] == data.Analyzer {
		t.Errorf("New(options) must build a new analyzer")
	}
	if err := analysis.Validate(append(as, as2...)); err != nil {
		t.Error(err)
	}
	prev := ""
	for _, r := range f.Rules {
		if r.ID <= prev {
			t.Errorf("rules not sorted: %s after %s", r.ID, prev)
		}
		prev = r.ID
		if r.Title == "" || r.Summary == "" || r.Doc == "" || r.Weight < 1 || r.Weight > 5 {
			t.Errorf("rule %s is not documented", r.ID)
		}
		if (r.ID == data.RuleSharedTable || r.ID == data.RuleSingleTable) != r.Global {
			t.Errorf("rule %s: Global = %v", r.ID, r.Global)
		}
	}
}
