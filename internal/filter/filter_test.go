package filter

import (
	"testing"

	"github.com/oneway-lint/oneway/analyzers"

	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/directive"
	"github.com/oneway-lint/oneway/policy"
)

func TestReports(t *testing.T) {
	pol, err := policy.Parse("p.yml", []byte("version: 1\nexclude: [\"legacy/**\"]\nrules:\n  data.select-star:\n    enabled: false\n"), analyzers.Rules())
	if err != nil {
		t.Fatal(err)
	}
	star := finding.Rule{ID: "data.select-star"}
	wide := finding.Rule{ID: "data.wide-table"}
	reads := finding.Rule{ID: "data.wide-table", Generated: true}
	for _, c := range []struct {
		why  string
		rule finding.Rule
		w    Where
		want bool
	}{
		{"a rule switched off", star, Where{File: "a.go"}, false},
		{"a rule on", wide, Where{File: "a.go"}, true},
		{"an excluded file", wide, Where{File: "legacy/a.go", Excludable: true}, false},
		{"excludes apply only in the main modules", wide, Where{File: "legacy/a.go"}, true},
		{"generated code", wide, Where{File: "a.go", Generated: true}, false},
		{"a rule that reads generated code", reads, Where{File: "a.go", Generated: true}, true},
		{"a whole-program decision positioned in generated code", wide, Where{File: "a.go", Generated: true, Global: true}, true},
	} {
		if got := Reports(pol, c.rule, "", c.w); got != c.want {
			t.Errorf("%s: Reports = %v, want %v", c.why, got, c.want)
		}
	}
}

func TestDirectivesAcceptAtRelatedLocations(t *testing.T) {
	dirs := []directive.Directive{
		{File: "/m/store/a.go", Line: 9, Rules: []string{"data.catch-all-column"}, Reason: "opaque"},
		{File: "/m/store/b.go", Line: 3, Rules: []string{"data.select-star"}, Reason: "unused"},
	}
	d := NewDirectives(dirs, func(f string) string { return f[len("/m/"):] })
	got, ok := d.Accept("data.catch-all-column", []Location{{File: "store/a.go", Line: 2}, {File: "store/a.go", Line: 10}})
	if !ok || got.Reason != "opaque" {
		t.Errorf("a directive above a related location does not accept the decision: %v %v", got, ok)
	}
	if _, ok := d.Accept("data.wide-table", []Location{{File: "store/a.go", Line: 10}}); ok {
		t.Errorf("a directive accepts a rule it does not name")
	}
	if un := d.Unused(); len(un) != 1 || un[0].Reason != "unused" {
		t.Errorf("Unused = %v, want the directive of b.go", un)
	}
}
