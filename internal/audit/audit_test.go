package audit

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/oneway-lint/oneway/analyzers"

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
	pol, err := policy.Parse("test.yml", []byte(policyYAML), fam.Rules)
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

func TestDirectivesAndGeneratedCode(t *testing.T) {
	fam := testFamily()
	pol, err := policy.Parse("test.yml", []byte("version: 1\nrules:\n  test.global:\n    enabled: false\n"), fam.Rules)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Run(context.Background(), Options{Dir: "testdata/directives", Policy: pol, Families: []family.Family{fam}, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	for _, d := range rep.Decisions {
		fmt.Fprintf(&got, "%s %s:%d %s %q\n", d.Class, d.File, d.Line, d.Message, d.Reason)
	}
	want := `cheap-later c/c.go:8 door OtherDoor ""
cheap-later c/c.go:11 door ThirdDoor ""
accepted c/accept_file.go:6 door LegacyDoor "this file is the legacy API, frozen until v3"
accepted c/c.go:5 door Door "the door is load-bearing, see ADR 12"
accepted c/c.go:16 door FourthDoor "kept for old clients"
`
	if got.String() != want {
		t.Errorf("decisions:\n%s\nwant (GenDoor, in generated code, is not reported):\n%s", got.String(), want)
	}
	var problems strings.Builder
	for _, p := range rep.Problems {
		fmt.Fprintf(&problems, "%s %s:%d: %s\n", p.Kind, p.File, p.Line, p.Message)
	}
	wantProblems := `directive c/c.go:7: directive has no reason: say why the door was taken on purpose, or link the decision record
directive c/c.go:10: directive names unknown rule ["test.nosuch"]; 'oneway rules' lists them
directive c/c.go:13: directive matches no decision: remove it, or move it to the decision's line or the line above
`
	if problems.String() != wantProblems {
		t.Errorf("problems:\n%s\nwant:\n%s", problems.String(), wantProblems)
	}
	if rep.Summary.Accepted != 3 {
		t.Errorf("summary: %d accepted, want 3", rep.Summary.Accepted)
	}
}

func TestFingerprintsSurviveMovedLines(t *testing.T) {
	ds := []report.Decision{
		{Rule: "r.a", Component: "c", Package: "p", Subject: "t", File: "f.go", Line: 10},
		{Rule: "r.a", Component: "c", Package: "p", Subject: "t", File: "f.go", Line: 20},
		{Rule: "r.b", Component: "c", Package: "p", File: "f.go", Line: 30, Message: "7 sites"},
	}
	for i := range ds {
		ds[i].Fingerprint = fingerprintOf(&ds[i], false)
	}
	number(ds)
	moved := []report.Decision{
		{Rule: "r.a", Component: "c", Package: "p", Subject: "t", File: "f.go", Line: 14},
		{Rule: "r.a", Component: "c", Package: "p", Subject: "t", File: "f.go", Line: 25},
		{Rule: "r.b", Component: "c", Package: "p", File: "f.go", Line: 3, Message: "9 sites"},
	}
	for i := range moved {
		moved[i].Fingerprint = fingerprintOf(&moved[i], false)
	}
	number(moved)
	for i := range ds {
		if ds[i].Fingerprint != moved[i].Fingerprint || ds[i].Occurrence != moved[i].Occurrence {
			t.Errorf("decision %d: fingerprint %s#%d, after moving lines %s#%d", i, ds[i].Fingerprint, ds[i].Occurrence, moved[i].Fingerprint, moved[i].Occurrence)
		}
	}
	if ds[0].Fingerprint != ds[1].Fingerprint || ds[1].Occurrence != 1 {
		t.Errorf("two decisions on one subject: %s#%d and %s#%d, want one fingerprint numbered 0 and 1", ds[0].Fingerprint, ds[0].Occurrence, ds[1].Fingerprint, ds[1].Occurrence)
	}
	if ds[0].Fingerprint == ds[2].Fingerprint {
		t.Error("different rules share a fingerprint")
	}
}

func TestGlobalFingerprintIgnoresPosition(t *testing.T) {
	a := report.Decision{Rule: "data.shared-table", Component: "billing", Package: "x/billing", Subject: "customers"}
	b := report.Decision{Rule: "data.shared-table", Component: "orders", Package: "x/orders", Subject: "customers"}
	if fingerprintOf(&a, true) != fingerprintOf(&b, true) {
		t.Error("a whole-program decision's fingerprint depends on which site stands for it")
	}
	if fingerprintOf(&a, false) == fingerprintOf(&b, false) {
		t.Error("per-package decisions in different packages share a fingerprint")
	}
}

// TestPanicIsContained: a panic in one analyzer on one package becomes a
// problem for that package; the other packages are still analysed.
func TestPanicIsContained(t *testing.T) {
	fam := testFamily()
	doors := fam.New(family.Settings{})[0]
	helper := &analysis.Analyzer{
		Name: "fragile", Doc: "panics on package b",
		ResultType: reflect.TypeFor[string](),
		Run: func(pass *analysis.Pass) (any, error) {
			if pass.Pkg.Name() == "b" {
				panic("boom")
			}
			return "ok", nil
		},
	}
	needy := *doors
	needy.Requires = []*analysis.Analyzer{helper}
	needy.Run = func(pass *analysis.Pass) (any, error) {
		if pass.ResultOf[helper].(string) != "ok" {
			t.Errorf("the required analyzer's result is not found under its own value")
		}
		return doors.Run(pass)
	}
	fam.New = func(family.Settings) []*analysis.Analyzer { return []*analysis.Analyzer{&needy} }
	fam.Global = nil
	var log strings.Builder
	rep, err := Run(context.Background(), Options{Dir: "testdata/mod", Policy: policy.Default(analyzers.Rules()), Families: []family.Family{fam}, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Problems) != 1 || rep.Problems[0].Package != "example.com/mod/b" || !strings.Contains(rep.Problems[0].Message, "panicked: boom") {
		t.Errorf("problems = %+v, want one for example.com/mod/b saying the analyzer panicked", rep.Problems)
	}
	if len(rep.Decisions) == 0 {
		t.Error("no decisions: the other packages were not analysed")
	}
	if !strings.Contains(log.String(), "guard.go") {
		t.Errorf("the log (-v) has no stack trace:\n%s", log.String())
	}
}
