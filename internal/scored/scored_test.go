package scored

import (
	"go/ast"
	"go/token"
	"path/filepath"
	"reflect"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oneway-lint/oneway/analyzers/family"
	"github.com/oneway-lint/oneway/analyzers/finding"
	"github.com/oneway-lint/oneway/internal/fixturetest"
	"github.com/oneway-lint/oneway/policy"
)

// stub reports, in package orders, one finding at Decided with the other
// exported functions of the fixture (of orders and of web, whose syntax
// the checker driver keeps in the same file set) as related locations.
var stub = &analysis.Analyzer{
	Name:       "stub",
	Doc:        "reports one decision with related locations",
	ResultType: reflect.TypeFor[*finding.Result](),
	Run: func(pass *analysis.Pass) (any, error) {
		res := &finding.Result{}
		if pass.Pkg.Name() != "orders" {
			return res, nil
		}
		var main token.Pos
		var related []finding.Related
		for _, f := range pass.Files {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok {
					continue
				}
				switch fd.Name.Name {
				case "Decided":
					main = fd.Pos()
				case "Second":
					related = append(related, finding.Related{Pos: fd.Pos(), Message: "second site"})
				case "Third":
					related = append(related, finding.Related{Pos: fd.Pos(), Message: "third site"})
				}
			}
		}
		if fourth := fourthSite(pass); fourth.IsValid() {
			related = append(related, finding.Related{Pos: fourth, Message: "fourth site"})
		}
		res.List = append(res.List, finding.Finding{Rule: "stub.rule", Pos: main, Message: "stub decision", Related: related})
		return res, nil
	},
}

// fourthSite finds web.go's Fourth in the file set.
func fourthSite(pass *analysis.Pass) token.Pos {
	var found token.Pos
	pass.Fset.Iterate(func(f *token.File) bool {
		if filepath.Base(f.Name()) == "web.go" {
			found = f.LineStart(3)
			return false
		}
		return true
	})
	return found
}

// TestRelatedInMessage: for golangci-lint, which makes each related
// location an issue, a decision's related locations go into its one
// message, relative to its file's directory; no other line is reported.
func TestRelatedInMessage(t *testing.T) {
	fam := family.Family{
		Name:  "stub",
		Rules: []finding.Rule{{ID: "stub.rule", Weight: 1}},
		New:   func(family.Settings) []*analysis.Analyzer { return []*analysis.Analyzer{stub} },
	}
	as := Analyzers(policy.Default(fam.Rules), []family.Family{fam}, RelatedInMessage())
	for _, r := range fixturetest.Run(t, analysistest.TestData(), as[0], "shop/web", "shop/orders") {
		for _, d := range r.Diagnostics {
			if len(d.Related) > 0 {
				t.Errorf("%s: related locations left in the diagnostic, which golangci-lint makes issues of their own: %v", d.Message, d.Related)
			}
		}
	}
}

// TestInvestNowOnly: under go vet -invest-now-only a cheap-later decision
// is not reported (go vet would fail the run on it), an invest-now one is.
func TestInvestNowOnly(t *testing.T) {
	for _, c := range []struct {
		pkg    string
		weight int
	}{
		{"quiet/orders", 1},  // cost 4: cheap-later
		{"loud/orders", 100}, // far above the threshold
	} {
		fam := family.Family{
			Name:  "stub",
			Rules: []finding.Rule{{ID: "stub.rule", Weight: c.weight}},
			New:   func(family.Settings) []*analysis.Analyzer { return []*analysis.Analyzer{stub} },
		}
		as := Analyzers(policy.Default(fam.Rules), []family.Family{fam}, InvestNowOnly())
		fixturetest.Run(t, analysistest.TestData(), as[0], c.pkg)
	}
}
