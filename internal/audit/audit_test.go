package audit

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/report"
	"github.com/oneway-lint/oneway/policy"
)

// testFamily reports every function whose name ends in "Door" as a
// test.door finding, and one test.global finding per program counting
// the doors: enough to exercise the driver's plumbing.
func testFamily() family.Family {
	doors := &analysis.Analyzer{
		Name:       "doors",
		Doc:        "report doors",
		ResultType: reflect.TypeFor[*finding.Result](),
		Run: func(pass *analysis.Pass) (any, error) {
			res := &finding.Result{}
			for _, f := range pass.Files {
				for _, d := range f.Decls {
					if fd, ok := d.(*ast.FuncDecl); ok && strings.HasSuffix(fd.Name.Name, "Door") {
						res.Report(pass, finding.Finding{
							Rule: "test.door", Pos: fd.Name.Pos(), Message: "door " + fd.Name.Name,
							Subject:  pass.Pkg.Path() + "." + fd.Name.Name,
							Evidence: finding.Evidence{Sites: 1, Packages: 1, Components: 1, Public: true},
						})
					}
				}
			}
			return res, nil
		},
	}
	return family.Family{
		Name: "test",
		Rules: []finding.Rule{
			{ID: "test.door", Title: "door", Summary: "a door", Weight: 4},
			{ID: "test.global", Title: "doors", Summary: "many doors", Weight: 2, Global: true},
		},
		New: func(family.Settings) []*analysis.Analyzer { return []*analysis.Analyzer{doors} },
		Global: func(p *family.Program) []finding.Finding {
			n := 0
			first := token.NoPos
			for _, pkg := range p.Packages {
				fs := pkg.Result(doors).(finding.Source).Findings()
				n += len(fs)
				if !first.IsValid() && len(fs) > 0 {
					first = fs[0].Pos
				}
			}
			return []finding.Finding{{
				Rule: "test.global", Pos: first, Message: fmt.Sprintf("%d doors in %d packages", n, len(p.Packages)),
				Subject: "all", Evidence: finding.Evidence{Sites: n, Packages: len(p.Packages)},
			}}
		},
	}
}

func audit(t *testing.T, policyYAML string) *report.Report {
	t.Helper()
	fam := testFamily()
	pol, err := policy.ParseWith("test.yml", []byte(policyYAML), fam.Rules)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Options{Dir: "testdata/mod", Policy: pol, Families: []family.Family{fam}, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func summarize(rep *report.Report) string {
	var b strings.Builder
	for _, d := range rep.Decisions {
		fmt.Fprintf(&b, "%s %d %s %s:%d %s: %s\n", d.Class, d.Cost, d.Rule, d.File, d.Line, d.Component, d.Message)
	}
	return b.String()
}

func TestRunWeighsFindings(t *testing.T) {
	rep := audit(t, "version: 1\nstage: traction\nexclude: [gen/...]\n")
	// test.door: base 4 × exposure 3 (public) × spread 1 × criticality 2 = 24 < 40.
	// test.global: 3 doors in 2 packages: base 2 × exposure 2 (internal) × spread 1+1+1=3 × 2 = 24.
	want := `cheap-later 24 test.door a/a.go:5 a: door Door
cheap-later 24 test.global a/a.go:5 a: 3 doors in 2 packages
cheap-later 24 test.door a/a.go:8 a: door BackDoor
cheap-later 24 test.door b/b.go:7 b: door Door
`
	if got := summarize(rep); got != want {
		t.Errorf("decisions:\n%s\nwant:\n%s", got, want)
	}
	if rep.Summary.Packages != 2 {
		t.Errorf("packages analysed = %d, want 2 (gen is excluded)", rep.Summary.Packages)
	}
	if rep.Decisions[0].Breakdown != "24 = base 4 × exposure 3 (public API) × spread 1 (1 site in 1 package) × criticality 2 (normal)" {
		t.Errorf("breakdown = %q", rep.Decisions[0].Breakdown)
	}
}

func TestRunPolicyShapesDecisions(t *testing.T) {
	rep := audit(t, `version: 1
stage: traction
components:
  - name: core
    paths: [a/...]
    criticality: high
rules:
  test.global:
    enabled: false
  test.door:
    ignore: ["example.com/mod/a.BackDoor"]
exclude: [gen/...]
`)
	// a is high criticality: 4 × 3 × 1 × 3 = 36; b matched no component: implicit.
	want := `cheap-later 36 test.door a/a.go:5 core: door Door
cheap-later 24 test.door b/b.go:7 b: door Door
`
	if got := summarize(rep); got != want {
		t.Errorf("decisions:\n%s\nwant:\n%s", got, want)
	}
	var implicit []string
	for _, c := range rep.Components {
		implicit = append(implicit, c.Implicit...)
	}
	if len(implicit) != 1 || implicit[0] != "example.com/mod/b" {
		t.Errorf("implicit packages = %v, want [example.com/mod/b]", implicit)
	}
}

func TestRunThresholdMakesInvestNow(t *testing.T) {
	rep := audit(t, "version: 1\nthresholds:\n  invest-now: 24\nexclude: [gen/...]\n")
	if rep.Summary.InvestNow != 4 || rep.Summary.CheapLater != 0 {
		t.Errorf("summary = %+v, want 4 invest-now at threshold 24", rep.Summary)
	}
}
